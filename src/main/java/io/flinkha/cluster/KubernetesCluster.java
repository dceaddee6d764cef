package io.flinkha.cluster;

import com.pulumi.kubernetes.Provider;

import java.util.Optional;

/** A cluster the platform deploys to. Every Kubernetes child of the platform uses its provider. */
public interface KubernetesCluster {

    /** @return the Kubernetes provider bound to this cluster, never the ambient default one */
    Provider provider();

    /** @return the cluster's IAM OIDC provider, when it has one (needed to grant AWS access to service accounts) */
    Optional<OidcIdentity> oidc();
}
