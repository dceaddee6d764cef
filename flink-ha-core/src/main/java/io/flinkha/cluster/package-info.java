/**
 * Clusters the platform deploys to, as one interface, {@link io.flinkha.cluster.KubernetesCluster}: here
 * {@link io.flinkha.cluster.ExistingCluster} (any kubeconfig context); the flink-ha-aws artifact adds
 * {@code EksCluster}. Each exposes the {@code kubernetes.Provider} that every Kubernetes
 * child must use, and how its pods can get a cloud role (an OIDC provider, or EKS Pod Identity).
 */
package io.flinkha.cluster;
