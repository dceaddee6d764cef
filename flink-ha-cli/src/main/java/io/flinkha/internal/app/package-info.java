/**
 * Internal, not an API: may change in any release without notice.
 */
package io.flinkha.internal.app;
