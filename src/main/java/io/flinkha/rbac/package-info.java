/**
 * Least-privilege RBAC for Flink's leader election: typed {@link io.flinkha.rbac.ApiResource}s and
 * {@link io.flinkha.rbac.Verb}s, and {@link io.flinkha.rbac.LeaderElectionRbac}.
 */
package io.flinkha.rbac;
