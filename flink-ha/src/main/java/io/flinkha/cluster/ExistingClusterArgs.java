package io.flinkha.cluster;

import java.util.Optional;

/**
 * Arguments of {@link ExistingCluster}.
 *
 * @param context    kubeconfig context (required): a stack never deploys to whatever context happens to be current
 * @param kubeconfig kubeconfig file path or contents (default: the provider's own lookup, {@code $KUBECONFIG} or {@code ~/.kube/config})
 * @param oidc       the cluster's IAM OIDC provider, if it has one (default none: no IRSA grants possible)
 */
public record ExistingClusterArgs(String context, Optional<String> kubeconfig, Optional<OidcIdentity> oidc) {
    /**
     * Refuses a missing context.
     *
     * @param context    kubeconfig context
     * @param kubeconfig kubeconfig file path or contents
     * @param oidc       the cluster's IAM OIDC provider, if it has one
     */
    public ExistingClusterArgs {
        if (context == null || context.isBlank()) {
            throw new IllegalArgumentException("ExistingClusterArgs.context: got nothing; expected a kubeconfig context name");
        }
    }

    /**
     * A cluster without an OIDC provider.
     *
     * @param context    kubeconfig context
     * @param kubeconfig kubeconfig file path or contents
     */
    public ExistingClusterArgs(String context, Optional<String> kubeconfig) {
        this(context, kubeconfig, Optional.empty());
    }
}
