/**
 * The identity Flink jobs run as: {@link io.flinkha.identity.FlinkServiceAccount}, its Kubernetes RBAC and
 * the one cloud role it owns.
 */
package io.flinkha.identity;
