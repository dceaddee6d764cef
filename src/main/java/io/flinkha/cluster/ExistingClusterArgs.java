package io.flinkha.cluster;

import java.util.Optional;

/**
 * Arguments of {@link ExistingCluster}.
 *
 * @param context    kubeconfig context (required): a stack never deploys to whatever context happens to be current
 * @param kubeconfig kubeconfig file path or contents (default: the provider's own lookup, {@code $KUBECONFIG} or {@code ~/.kube/config})
 */
public record ExistingClusterArgs(String context, Optional<String> kubeconfig) {
    public ExistingClusterArgs {
        if (context == null || context.isBlank()) {
            throw new IllegalArgumentException("ExistingClusterArgs.context: got nothing; expected a kubeconfig context name");
        }
    }
}
