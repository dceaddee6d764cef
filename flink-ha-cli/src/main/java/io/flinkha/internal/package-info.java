/**
 * Internal: plumbing of the flink-ha command line (offline plan, plan diff, upstream checks). Not an
 * API: anything here may change in any release. Use the public packages.
 */
package io.flinkha.internal;
