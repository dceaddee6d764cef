package io.flinkha.storage;

import com.pulumi.core.Output;
import io.flinkha.cluster.KubernetesCluster;

import java.util.Objects;
import java.util.regex.Pattern;

/**
 * Arguments of {@link NfsStorage}; build them with {@link #builder()}, which documents each default and checks every argument (the canonical constructor does not).
 *
 * @param namespace    namespace of the claim, which must be the Flink jobs' namespace
 * @param environment  first path segment under the mount, so environments sharing a server never share paths
 * @param storageClass storage class that provisions ReadWriteMany volumes
 * @param size         requested capacity
 * @param mountPath    mount path in every Flink pod
 * @param claimName    name of the PersistentVolumeClaim
 * @param cluster      the cluster, whose provider the claim uses
 */
public record NfsStorageArgs(
        Output<String> namespace,
        String environment,
        String storageClass,
        String size,
        String mountPath,
        String claimName,
        KubernetesCluster cluster) {
    private static final Pattern ABSOLUTE = Pattern.compile("/[A-Za-z0-9._/-]*[A-Za-z0-9._-]");


    /** @return a builder with the documented defaults */
    public static Builder builder() {
        return new Builder();
    }

    /** Builds {@link NfsStorageArgs}; each setter names its default. */
    public static final class Builder {
        private Output<String> namespace;
        private String environment;
        private String storageClass = "nfs-client";
        private String size = "10Gi";
        private String mountPath = "/flink-data";
        private String claimName = "flink-ha-storage";
        private KubernetesCluster cluster;

        private Builder() {
        }

        /**
         * @param namespace namespace of the claim, the Flink jobs' namespace (required)
         * @return this builder
         */
        public Builder namespace(Output<String> namespace) { this.namespace = namespace; return this; }
        /**
         * @param namespace namespace of the claim, the Flink jobs' namespace (required)
         * @return this builder
         */
        public Builder namespace(String namespace) { return namespace(Output.of(namespace)); }
        /**
         * @param environment first path segment under the mount (required)
         * @return this builder
         */
        public Builder environment(String environment) { this.environment = environment; return this; }
        /**
         * @param storageClass class that provisions ReadWriteMany volumes; default {@code nfs-client}
         * @return this builder
         */
        public Builder storageClass(String storageClass) { this.storageClass = storageClass; return this; }
        /**
         * @param size requested capacity; default {@code 10Gi}
         * @return this builder
         */
        public Builder size(String size) { this.size = size; return this; }
        /**
         * @param mountPath mount path in every Flink pod; default {@code /flink-data}
         * @return this builder
         */
        public Builder mountPath(String mountPath) { this.mountPath = mountPath; return this; }
        /**
         * @param claimName name of the claim; default {@code flink-ha-storage}
         * @return this builder
         */
        public Builder claimName(String claimName) { this.claimName = claimName; return this; }
        /**
         * @param cluster the cluster, whose provider the claim uses (required)
         * @return this builder
         */
        public Builder cluster(KubernetesCluster cluster) { this.cluster = cluster; return this; }

        /** @return the checked arguments */
        public NfsStorageArgs build() {
            Objects.requireNonNull(namespace, "NfsStorageArgs.namespace is required");
            Objects.requireNonNull(environment, "NfsStorageArgs.environment is required");
            Objects.requireNonNull(cluster, "NfsStorageArgs.cluster is required");
            if (mountPath == null || !ABSOLUTE.matcher(mountPath).matches()) {
                throw new IllegalArgumentException("NfsStorageArgs.mountPath: got '" + mountPath + "'; expected an absolute path such as /flink-data");
            }
            return new NfsStorageArgs(namespace, environment, storageClass, size, mountPath, claimName, cluster);
        }
    }
}
