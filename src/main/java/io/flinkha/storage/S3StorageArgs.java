package io.flinkha.storage;

import io.flinkha.cluster.OidcIdentity;

import java.util.Objects;
import java.util.Optional;
import java.util.Set;

/** Arguments of {@link S3Storage}. */
public final class S3StorageArgs {
    private final String bucketName;
    private final String environment;
    private final boolean retainOnDelete;
    private final Optional<String> kmsKeyArn;
    private final String plugin;
    private final int noncurrentVersionDays;
    private final Optional<OidcIdentity> oidc;
    private final com.pulumi.aws.Provider awsProvider;

    private S3StorageArgs(Builder b) {
        this.bucketName = b.bucketName;
        this.environment = b.environment;
        this.retainOnDelete = b.retainOnDelete;
        this.kmsKeyArn = Optional.ofNullable(b.kmsKeyArn);
        this.plugin = b.plugin;
        this.noncurrentVersionDays = b.noncurrentVersionDays;
        this.oidc = Optional.ofNullable(b.oidc);
        this.awsProvider = b.awsProvider;
    }

    public static Builder builder() {
        return new Builder();
    }

    public String bucketName() { return bucketName; }
    public String environment() { return environment; }
    public boolean retainOnDelete() { return retainOnDelete; }
    public Optional<String> kmsKeyArn() { return kmsKeyArn; }
    public String plugin() { return plugin; }
    public int noncurrentVersionDays() { return noncurrentVersionDays; }
    public Optional<OidcIdentity> oidc() { return oidc; }
    public com.pulumi.aws.Provider awsProvider() { return awsProvider; }

    public static final class Builder {
        private String bucketName;
        private String environment;
        private boolean retainOnDelete = true;
        private String kmsKeyArn;
        private String plugin = "presto";
        private int noncurrentVersionDays = 30;
        private OidcIdentity oidc;
        private com.pulumi.aws.Provider awsProvider;

        /** Bucket name (required); S3 names are global, so include account or region. */
        public Builder bucketName(String name) { this.bucketName = name; return this; }
        /** First path segment in the bucket, so environments sharing a bucket never share paths (required). */
        public Builder environment(String environment) { this.environment = environment; return this; }
        /** Keep the bucket when the stack is destroyed. Default true: HA state must outlive the stack by default. */
        public Builder retainOnDelete(boolean retain) { this.retainOnDelete = retain; return this; }
        /** KMS key for SSE-KMS. Default none: SSE-S3 (AES256). */
        public Builder kmsKeyArn(String arn) { this.kmsKeyArn = arn; return this; }
        /** Flink's S3 filesystem: {@code presto} (default, recommended for checkpoints) or {@code hadoop}. */
        public Builder plugin(String plugin) { this.plugin = plugin; return this; }
        /** Days before noncurrent object versions expire. Default 30. */
        public Builder noncurrentVersionDays(int days) { this.noncurrentVersionDays = days; return this; }
        /** The cluster's OIDC provider; required before {@link S3Storage#grantReadWrite} can be used. */
        public Builder oidc(OidcIdentity oidc) { this.oidc = oidc; return this; }
        /** AWS provider of the stack's account and region (required). */
        public Builder awsProvider(com.pulumi.aws.Provider provider) { this.awsProvider = provider; return this; }

        public S3StorageArgs build() {
            Objects.requireNonNull(bucketName, "S3StorageArgs.bucketName is required");
            Objects.requireNonNull(environment, "S3StorageArgs.environment is required");
            Objects.requireNonNull(awsProvider, "S3StorageArgs.awsProvider is required");
            if (!Set.of("presto", "hadoop").contains(plugin)) {
                throw new IllegalArgumentException("S3StorageArgs.plugin: got '" + plugin + "'; allowed: presto, hadoop");
            }
            if (noncurrentVersionDays < 1) {
                throw new IllegalArgumentException("S3StorageArgs.noncurrentVersionDays: got " + noncurrentVersionDays + "; expected at least 1");
            }
            return new S3StorageArgs(this);
        }
    }
}
