/**
 * An EKS cluster for the platform: {@link io.flinkha.aws.eks.EksCluster}, a {@code KubernetesCluster} with its
 * {@link io.flinkha.aws.eks.EksNetwork}, node group sizing ({@link io.flinkha.aws.eks.NodeGroupSpec},
 * {@link io.flinkha.cluster.PodPlacement}), the supported Kubernetes versions and control-plane encryption.
 */
package io.flinkha.aws.eks;

