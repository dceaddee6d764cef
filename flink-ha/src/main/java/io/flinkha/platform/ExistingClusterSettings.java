package io.flinkha.platform;

import java.util.Optional;

/**
 * An existing cluster reached through a kubeconfig context ({@code kind: existing}): kind, minikube
 * or any cluster the operator of {@code pulumi up} can reach.
 *
 * @param context    kubeconfig context to use; required, so a stack never deploys to whatever context is current
 * @param kubeconfig path to the kubeconfig file (default: the Kubernetes provider's own lookup, {@code $KUBECONFIG} or {@code ~/.kube/config})
 * @param nodes      how many nodes run the jobs, when the stack declares it (the plan cannot count them offline)
 * @param oidc       the cluster's IAM OIDC provider, when it has one; needed only for S3 storage through IRSA
 */
public record ExistingClusterSettings(String context, Optional<String> kubeconfig, Optional<OidcSettings> oidc, Optional<Integer> nodes)
        implements ClusterSettings {
}
