package io.flinkha.cluster;

import com.pulumi.core.Output;

/**
 * A cluster that runs the EKS Pod Identity agent: an IAM role reaches a service account's pods through a pod identity
 * association, and the role trusts the {@code pods.eks.amazonaws.com} service instead of the cluster's OIDC provider.
 * The pods get credentials from the agent's endpoint ({@code AWS_CONTAINER_CREDENTIALS_FULL_URI}), which only AWS SDKs
 * new enough to know it read (for Java v1, 1.12.746 and later).
 *
 * @param clusterName the EKS cluster's name, which associations name
 * @param agent       what must run before a pod can get credentials: the agent add-on
 */
public record PodIdentity(Output<String> clusterName, com.pulumi.resources.Resource agent) {
}
