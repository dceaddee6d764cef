package io.flinkha.storage;


import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * Arguments of {@link S3Storage}; build them with {@link #builder()}, which documents each default and checks every argument (the canonical constructor does not).
 *
 * @param bucketName            bucket name; S3 names are global, so include the account or region
 * @param environment           first path segment in the bucket, so environments sharing a bucket never share paths
 * @param retainOnDelete        keep the bucket when the stack is destroyed
 * @param kmsKeyArn             KMS key for SSE-KMS; none means SSE-S3
 * @param plugin                Flink's S3 filesystem, {@code presto} or {@code hadoop}
 * @param noncurrentVersionDays days before noncurrent object versions expire
 * @param awsProvider           AWS provider of the stack's account and region
 */
public record S3StorageArgs(
        String bucketName,
        String environment,
        boolean retainOnDelete,
        Optional<String> kmsKeyArn,
        String plugin,
        int noncurrentVersionDays,
        com.pulumi.aws.Provider awsProvider) {


    /** A KMS key ARN: {@code arn:aws:kms:<region>:<account>:key/<key id>}. */
    public static final Pattern KMS_KEY_ARN = Pattern.compile("arn:aws[a-z-]*:kms:[a-z0-9-]+:\\d{12}:key/[A-Za-z0-9-]+");

    /**
     * @param arn a value for {@code kmsKeyArn}
     * @return what is wrong with it, if anything: an alias ARN is refused because the IRSA role's policy must
     *         name the key; IAM applies a statement that names an alias to the alias only, so every encrypted
     *         write of HA metadata or a checkpoint would be denied
     */
    public static Optional<String> kmsKeyProblem(String arn) {
        if (KMS_KEY_ARN.matcher(arn).matches()) {
            return Optional.empty();
        }
        if (arn.contains(":alias/")) {
            return Optional.of("expected the key's ARN (arn:aws:kms:<region>:<account>:key/<key id>), not an alias: IAM applies a "
                    + "policy that names an alias to the alias only, so Flink's writes would be denied; find the key with "
                    + "`aws kms describe-key --key-id " + arn + " --query KeyMetadata.Arn`");
        }
        return Optional.of("expected a KMS key ARN such as arn:aws:kms:eu-west-1:111122223333:key/1234abcd-12ab-34cd-56ef-1234567890ab");
    }

    /** @return a builder with the documented defaults */
    public static Builder builder() {
        return new Builder();
    }

    /** Builds {@link S3StorageArgs}; each setter names its default. */
    public static final class Builder {
        private String bucketName;
        private String environment;
        private boolean retainOnDelete = true;
        private String kmsKeyArn;
        private String plugin = "presto";
        private int noncurrentVersionDays = 30;
        private com.pulumi.aws.Provider awsProvider;

        private Builder() {
        }

        /**
         * @param name bucket name (required)
         * @return this builder
         */
        public Builder bucketName(String name) { this.bucketName = name; return this; }
        /**
         * @param environment first path segment in the bucket (required)
         * @return this builder
         */
        public Builder environment(String environment) { this.environment = environment; return this; }
        /**
         * @param retain keep the bucket when the stack is destroyed; default true, HA state outlives the stack
         * @return this builder
         */
        public Builder retainOnDelete(boolean retain) { this.retainOnDelete = retain; return this; }
        /**
         * @param arn KMS key for SSE-KMS; default none, SSE-S3 (AES256)
         * @return this builder
         */
        public Builder kmsKeyArn(String arn) { this.kmsKeyArn = arn; return this; }
        /**
         * @param plugin {@code presto} (default, recommended for checkpoints) or {@code hadoop}
         * @return this builder
         */
        public Builder plugin(String plugin) { this.plugin = plugin; return this; }
        /**
         * @param days days before noncurrent object versions expire; default 30
         * @return this builder
         */
        public Builder noncurrentVersionDays(int days) { this.noncurrentVersionDays = days; return this; }
        /**
         * @param provider AWS provider of the stack's account and region (required)
         * @return this builder
         */
        public Builder awsProvider(com.pulumi.aws.Provider provider) { this.awsProvider = provider; return this; }

        /** @return the checked arguments */
        public S3StorageArgs build() {
            Objects.requireNonNull(bucketName, "S3StorageArgs.bucketName is required");
            Objects.requireNonNull(environment, "S3StorageArgs.environment is required");
            Objects.requireNonNull(awsProvider, "S3StorageArgs.awsProvider is required");
            if (!Set.of("presto", "hadoop").contains(plugin)) {
                throw new IllegalArgumentException("S3StorageArgs.plugin: got '" + plugin + "'; allowed: presto, hadoop");
            }
            if (kmsKeyArn != null) {
                kmsKeyProblem(kmsKeyArn).ifPresent(p -> {
                    throw new IllegalArgumentException("S3StorageArgs.kmsKeyArn: got '" + kmsKeyArn + "'; " + p);
                });
            }
            if (noncurrentVersionDays < 1) {
                throw new IllegalArgumentException("S3StorageArgs.noncurrentVersionDays: got " + noncurrentVersionDays + "; expected at least 1");
            }
            return new S3StorageArgs(bucketName, environment, retainOnDelete, Optional.ofNullable(kmsKeyArn), plugin,
                    noncurrentVersionDays, awsProvider);
        }
    }
}
