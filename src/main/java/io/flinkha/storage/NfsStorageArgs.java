package io.flinkha.storage;

import com.pulumi.core.Output;
import com.pulumi.kubernetes.Provider;

import java.util.Objects;
import java.util.regex.Pattern;

/** Arguments of {@link NfsStorage}. */
public final class NfsStorageArgs {
    private static final Pattern ABSOLUTE = Pattern.compile("/[A-Za-z0-9._/-]*[A-Za-z0-9._-]");

    private final Output<String> namespace;
    private final String environment;
    private final String storageClass;
    private final String size;
    private final String mountPath;
    private final String claimName;
    private final Provider provider;

    private NfsStorageArgs(Builder b) {
        this.namespace = b.namespace;
        this.environment = b.environment;
        this.storageClass = b.storageClass;
        this.size = b.size;
        this.mountPath = b.mountPath;
        this.claimName = b.claimName;
        this.provider = b.provider;
    }

    public static Builder builder() {
        return new Builder();
    }

    public Output<String> namespace() {
        return namespace;
    }

    public String environment() {
        return environment;
    }

    public String storageClass() {
        return storageClass;
    }

    public String size() {
        return size;
    }

    public String mountPath() {
        return mountPath;
    }

    public String claimName() {
        return claimName;
    }

    public Provider provider() {
        return provider;
    }

    public static final class Builder {
        private Output<String> namespace;
        private String environment;
        private String storageClass = "nfs-client";
        private String size = "10Gi";
        private String mountPath = "/flink-data";
        private String claimName = "flink-ha-storage";
        private Provider provider;

        /** Namespace of the claim, which must be the Flink jobs' namespace (required). */
        public Builder namespace(Output<String> namespace) {
            this.namespace = namespace;
            return this;
        }

        public Builder namespace(String namespace) {
            return namespace(Output.of(namespace));
        }

        /** First path segment under the mount, so environments sharing a server never share paths (required). */
        public Builder environment(String environment) {
            this.environment = environment;
            return this;
        }

        /** Storage class that provisions ReadWriteMany volumes. Default {@code nfs-client}. */
        public Builder storageClass(String storageClass) {
            this.storageClass = storageClass;
            return this;
        }

        /** Requested capacity. Default {@code 10Gi}. */
        public Builder size(String size) {
            this.size = size;
            return this;
        }

        /** Mount path in every Flink pod. Default {@code /flink-data}. */
        public Builder mountPath(String mountPath) {
            this.mountPath = mountPath;
            return this;
        }

        /** Name of the PersistentVolumeClaim. Default {@code flink-ha-storage}. */
        public Builder claimName(String claimName) {
            this.claimName = claimName;
            return this;
        }

        /** The cluster's Kubernetes provider (required). */
        public Builder provider(Provider provider) {
            this.provider = provider;
            return this;
        }

        public NfsStorageArgs build() {
            Objects.requireNonNull(namespace, "NfsStorageArgs.namespace is required");
            Objects.requireNonNull(environment, "NfsStorageArgs.environment is required");
            Objects.requireNonNull(provider, "NfsStorageArgs.provider is required");
            if (!ABSOLUTE.matcher(mountPath).matches()) {
                throw new IllegalArgumentException("NfsStorageArgs.mountPath: got '" + mountPath
                        + "'; expected an absolute path such as /flink-data");
            }
            return new NfsStorageArgs(this);
        }
    }
}
