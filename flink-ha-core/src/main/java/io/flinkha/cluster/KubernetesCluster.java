package io.flinkha.cluster;

import com.pulumi.kubernetes.Provider;

import java.util.Optional;

/** A cluster the platform deploys to. Every Kubernetes child of the platform uses its provider. */
public interface KubernetesCluster {

    /**
     * The Kubernetes provider plugin the clusters' providers run, pinned apart from the Java SDK
     * ({@code com.pulumi:kubernetes} 4.0.0, the newest served to this build): the engine loads the plugin
     * a provider resource names, and only plugins from 4.18 honour the {@code pulumi.com/waitFor}
     * annotation that makes {@code pulumi up} wait for each Flink job to run (4.24.0 also parses
     * JSONPath by RFC 9535). A provider without it would create FlinkDeployments without waiting.
     *
     * @see <a href="https://github.com/pulumi/pulumi-kubernetes/blob/master/CHANGELOG.md">pulumi-kubernetes changelog</a>
     */
    String PROVIDER_PLUGIN_VERSION = "4.24.0";

    /** @return the Kubernetes provider bound to this cluster, never the ambient default one */
    Provider provider();

    /** @return the cluster's IAM OIDC provider, when it has one (needed to grant AWS access to service accounts) */
    Optional<OidcIdentity> oidc();

    /**
     * @return how pods get AWS roles through EKS Pod Identity, when the cluster runs its agent; empty when roles
     *         reach pods through IRSA ({@link #oidc()}) or not at all
     */
    default Optional<PodIdentity> podIdentity() {
        return Optional.empty();
    }
}
