/**
 * Least-privilege RBAC for Flink's leader election: typed {@link io.flinkha.rbac.ApiResource}s and
 * {@link io.flinkha.rbac.Verb}s, combined into {@link io.flinkha.rbac.Grant}s, the rules of the
 * Role that {@code FlinkServiceAccount} (package {@code io.flinkha.identity}) binds.
 */
package io.flinkha.rbac;
