/**
 * What the commands that talk to a live cluster ({@code drill}, {@code status}) share: reaching it, and Flink's REST API
 * through the API server's service proxy.
 */
package io.flinkha.internal.live;
