package io.flinkha.cluster;

import io.flinkha.validation.ArgsCheck;
import io.flinkha.validation.IntRange;

import java.util.Optional;

/**
 * Arguments of {@link ExistingCluster}.
 *
 * @param context    kubeconfig context (required): a stack never deploys to whatever context happens to be current
 * @param kubeconfig kubeconfig file path or contents (default: the provider's own lookup, {@code $KUBECONFIG} or {@code ~/.kube/config})
 * @param oidc       the cluster's IAM OIDC provider, if it has one (default none: no IRSA grants possible)
 * @param nodes      how many nodes run the jobs, when declared: the plan cannot count them offline, and standby
 *                   JobManagers never share one (default unknown)
 */
public record ExistingClusterArgs(String context, Optional<String> kubeconfig, Optional<OidcIdentity> oidc, Optional<Integer> nodes)
        implements ClusterArgs {
    /** The {@code nodes} allowed. */
    public static final IntRange NODES = new IntRange(1, 10_000);

    /**
     * Refuses a missing context and a node count out of range.
     *
     * @param context    kubeconfig context
     * @param kubeconfig kubeconfig file path or contents
     * @param oidc       the cluster's IAM OIDC provider, if it has one
     * @param nodes      how many nodes run the jobs, when declared
     * @throws IllegalArgumentException naming every problem
     */
    public ExistingClusterArgs {
        ArgsCheck.of("ExistingClusterArgs")
                .required("context", context, "expected the kubeconfig context to deploy to")
                .check(context == null || !context.isBlank(), "context", context, "expected the kubeconfig context to deploy to")
                .problem("nodes", nodes.orElse(null), nodes.filter(n -> !NODES.contains(n)).map(n -> NODES.allowed()))
                .done();
    }

    /**
     * A cluster whose nodes are not declared.
     *
     * @param context    kubeconfig context
     * @param kubeconfig kubeconfig file path or contents
     * @param oidc       the cluster's IAM OIDC provider, if it has one
     */
    public ExistingClusterArgs(String context, Optional<String> kubeconfig, Optional<OidcIdentity> oidc) {
        this(context, kubeconfig, oidc, Optional.empty());
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
