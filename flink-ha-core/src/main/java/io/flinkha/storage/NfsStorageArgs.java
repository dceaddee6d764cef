package io.flinkha.storage;

import com.pulumi.core.Output;
import io.flinkha.cluster.KubernetesCluster;

import io.flinkha.validation.ArgsCheck;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * Arguments of {@link NfsStorage}; build them with {@link #builder()}, which documents each default. Every
 * argument is checked when the record is made, all problems reported at once.
 *
 * @param namespace    namespace of the claim, which must be the Flink jobs' namespace
 * @param environment  first path segment under the mount, so environments sharing a server never share paths
 * @param storageClass storage class that provisions ReadWriteMany volumes
 * @param size         requested capacity
 * @param mountPath    mount path in every Flink pod
 * @param claimName    name of the PersistentVolumeClaim
 * @param cluster      the cluster, whose provider the claim uses
 * @param retainOnDelete keep the claim when Pulumi deletes or replaces it
 * @param protect      refuse to delete or replace the claim (Pulumi's {@code protect})
 * @param production   whether the storage serves production, which must retain and protect it
 */
public record NfsStorageArgs(
        Output<String> namespace,
        String environment,
        String storageClass,
        String size,
        String mountPath,
        String claimName,
        KubernetesCluster cluster,
        boolean retainOnDelete,
        boolean protect,
        boolean production) implements HaStorageArgs {
    /** An absolute mount path. */
    public static final Pattern ABSOLUTE = Pattern.compile("/[A-Za-z0-9._/-]*[A-Za-z0-9._-]");
    /** A Kubernetes resource quantity such as {@code 10Gi}. */
    public static final Pattern QUANTITY = Pattern.compile("\\d+(\\.\\d+)?(Ki|Mi|Gi|Ti|Pi|k|M|G|T|P)?");
    /** Default {@code storageClass}: the nfs-subdir-external-provisioner's. */
    public static final String DEFAULT_STORAGE_CLASS = "nfs-client";
    /** Default {@code size}. */
    public static final String DEFAULT_SIZE = "10Gi";
    /** Default {@code mountPath}. */
    public static final String DEFAULT_MOUNT_PATH = "/flink-data";

    /**
     * Makes the arguments, checking every one: all problems are reported at once, so no way of making
     * these Args skips a rule.
     *
     * @param namespace    namespace of the claim, which must be the Flink jobs' namespace
     * @param environment  first path segment under the mount, so environments sharing a server never share paths
     * @param storageClass storage class that provisions ReadWriteMany volumes
     * @param size         requested capacity
     * @param mountPath    mount path in every Flink pod
     * @param claimName    name of the PersistentVolumeClaim
     * @param cluster      the cluster, whose provider the claim uses
     * @param retainOnDelete keep the claim when Pulumi deletes or replaces it
     * @param protect      refuse to delete or replace the claim
     * @param production   whether the storage serves production, which must retain and protect it
     * @throws IllegalArgumentException naming the component, and each field, value and what is allowed
     */
    public NfsStorageArgs {
        ArgsCheck.of("NfsStorageArgs")
                .resource("namespace", namespace, "expected the Flink jobs' namespace")
                .required("environment", environment, "expected the environment, the first path segment under the mount")
                .check(environment == null || HaStorage.PATH_SEGMENT.matcher(environment).matches(), "environment", environment,
                        "expected a DNS label ([a-z0-9-], at most 63 characters); it is a storage path segment")
                .check(storageClass != null && HaStorage.PATH_SEGMENT.matcher(storageClass).matches(), "storageClass", storageClass,
                        "expected a storage class name")
                .check(size != null && QUANTITY.matcher(size).matches(), "size", size, "expected a Kubernetes quantity such as 10Gi")
                .problem("mountPath", mountPath, mountPath == null ? Optional.empty() : mountPathProblem(mountPath, production))
                .check(mountPath != null && ABSOLUTE.matcher(mountPath).matches(), "mountPath", mountPath,
                        "expected an absolute path such as /flink-data")
                .resource("cluster", cluster, "expected the cluster whose provider the claim uses")
                .addAll(HaStorage.retentionProblems(retainOnDelete, protect, production))
                .done();
    }

    /**
     * @param mountPath  where the HA volume is mounted in every Flink pod
     * @param production whether the storage serves production
     * @return what is wrong, if anything: a production mount under /tmp reads as scratch space to every person and tool
     *         that cleans it
     */
    public static Optional<String> mountPathProblem(String mountPath, boolean production) {
        return production && (mountPath.equals("/tmp") || mountPath.startsWith("/tmp/"))
                ? Optional.of("a production stack keeps its HA data off /tmp, which people and tools clean as scratch space; mount "
                        + "the volume at a path of its own, such as /flink-data (or production: false)")
                : Optional.empty();
    }

    /**
     * @param uri a URI
     * @return whether it names the local filesystem ({@code file:} or a bare path)
     */
    public static boolean isFileUri(String uri) {
        return uri.startsWith("file:") || uri.startsWith("/");
    }

    /**
     * @param mountPath the volume's mount path
     * @param uri       a {@code file://} URI
     * @return whether the URI lies on the mounted volume (and does not climb out of it)
     */
    public static boolean onMount(String mountPath, String uri) {
        String prefix = "file://" + mountPath + "/";
        return uri.startsWith(prefix) && !uri.substring(prefix.length()).contains("..");
    }


    /**
     * @param namespace the Flink jobs' namespace
     * @param cluster   the cluster whose provider the claim uses
     * @return these Args with the resources the claim needs, checked again with them
     */
    public NfsStorageArgs bind(Output<String> namespace, KubernetesCluster cluster) {
        return new NfsStorageArgs(namespace, environment, storageClass, size, mountPath, claimName, cluster, retainOnDelete, protect, production);
    }

    /** @return a builder with the documented defaults */
    public static Builder builder() {
        return new Builder();
    }

    /** Builds {@link NfsStorageArgs}; each setter names its default. */
    public static final class Builder {
        private Output<String> namespace;
        private String environment;
        private String storageClass = DEFAULT_STORAGE_CLASS;
        private String size = DEFAULT_SIZE;
        private String mountPath = DEFAULT_MOUNT_PATH;
        private String claimName = "flink-ha-storage";
        private KubernetesCluster cluster;
        private boolean retainOnDelete = true;
        private boolean protect = true;
        private boolean production;

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

        /**
         * @param retain keep the claim, and the volume behind it, when Pulumi deletes or replaces it; default true (required in production)
         * @return this builder
         */
        public Builder retainOnDelete(boolean retain) { this.retainOnDelete = retain; return this; }

        /**
         * @param protect whether the engine refuses to delete or replace the claim; default true (required in production)
         * @return this builder
         */
        public Builder protect(boolean protect) { this.protect = protect; return this; }

        /**
         * @param production whether the storage serves production: then it is retained and protected; default false
         * @return this builder
         */
        public Builder production(boolean production) { this.production = production; return this; }

        /**
         * @return the checked arguments
         * @throws IllegalArgumentException naming every problem
         */
        public NfsStorageArgs build() {
            return new NfsStorageArgs(namespace, environment, storageClass, size, mountPath, claimName, cluster, retainOnDelete, protect,
                    production);
        }
    }
}
