package io.flinkha.cluster;

import com.pulumi.kubernetes.Provider;

/** A cluster the platform deploys to. Every Kubernetes child of the platform uses its provider. */
public interface KubernetesCluster {

    /** @return the Kubernetes provider bound to this cluster, never the ambient default one */
    Provider provider();
}
