/**
 * Clusters the platform deploys to: {@link io.flinkha.cluster.ExistingCluster} (any kubeconfig context)
 * and {@link io.flinkha.cluster.EksCluster} with its {@link io.flinkha.cluster.EksNetwork}. Each
 * exposes the {@code kubernetes.Provider} that every Kubernetes child must use, and the OIDC identity
 * that IRSA grants trust.
 */
package io.flinkha.cluster;
