package io.flinkha.aws.s3;


import io.flinkha.storage.HaStorage;
import io.flinkha.storage.HaStorageArgs;
import io.flinkha.validation.ArgsCheck;

import java.util.Optional;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * Arguments of {@link S3Storage}; build them with {@link #builder()}, which documents each default. Every
 * argument is checked when the record is made, all problems reported at once.
 *
 * @param bucketName            bucket name; S3 names are global, so include the account or region
 * @param environment           first path segment in the bucket, so environments sharing a bucket never share paths
 * @param retainOnDelete        keep the bucket when the stack is destroyed
 * @param kmsKeyArn             KMS key for SSE-KMS; none means SSE-S3
 * @param plugin                Flink's S3 filesystem, {@code presto} or {@code hadoop}
 * @param noncurrentVersionDays days before noncurrent object versions expire
 * @param awsProvider           AWS provider of the stack's account and region
 * @param region                the provider's region, where the bucket is; Flink's S3 client is pointed at its endpoint
 * @param production            whether the storage serves production, which must keep its state when the stack is destroyed
 * @param protect               refuse to delete or replace the bucket (Pulumi's {@code protect})
 */
public record S3StorageArgs(
        String bucketName,
        String environment,
        boolean retainOnDelete,
        Optional<String> kmsKeyArn,
        String plugin,
        int noncurrentVersionDays,
        com.pulumi.aws.Provider awsProvider,
        String region,
        boolean production,
        boolean protect) implements HaStorageArgs {
    /** An AWS region such as {@code eu-west-1}, {@code us-gov-west-1} or {@code cn-north-1}. */
    public static final Pattern REGION = Pattern.compile("[a-z]{2}(-gov|-iso[a-z]?)?-[a-z]+-\\d");

    /** Default {@code plugin}: Presto's filesystem, recommended by Flink for checkpoints. */
    public static final String DEFAULT_PLUGIN = "presto";
    /** Default {@code noncurrentVersionDays}. */
    public static final int DEFAULT_NONCURRENT_VERSION_DAYS = 30;
    /** The {@code noncurrentVersionDays} allowed: a day to ten years. */
    public static final io.flinkha.validation.IntRange NONCURRENT_VERSION_DAYS = new io.flinkha.validation.IntRange(1, 3650);

    /**
     * Makes the arguments, checking every one: all problems are reported at once, so no way of making
     * these Args skips a rule.
     *
     * @param bucketName            bucket name; S3 names are global, so include the account or region
     * @param environment           first path segment in the bucket, so environments sharing a bucket never share paths
     * @param retainOnDelete        keep the bucket when the stack is destroyed
     * @param kmsKeyArn             KMS key for SSE-KMS; none means SSE-S3
     * @param plugin                Flink's S3 filesystem, {@code presto} or {@code hadoop}
     * @param noncurrentVersionDays days before noncurrent object versions expire
     * @param awsProvider           AWS provider of the stack's account and region
     * @param region                the provider's region, where the bucket is; Flink's S3 client is pointed at its endpoint
     * @param production            whether the storage serves production, which must keep its state when the stack is destroyed
     * @param protect               refuse to delete or replace the bucket
     * @throws IllegalArgumentException naming the component, and each field, value and what is allowed
     */
    public S3StorageArgs {
        ArgsCheck.of("S3StorageArgs")
                .required("bucketName", bucketName, "expected a globally unique S3 bucket name")
                .problem("bucketName", bucketName, bucketName == null ? Optional.empty() : io.flinkha.aws.BucketNames.problem(bucketName))
                .required("environment", environment, "expected the environment, the first path segment in the bucket")
                .check(environment == null || HaStorage.PATH_SEGMENT.matcher(environment).matches(), "environment", environment,
                        "expected a DNS label ([a-z0-9-], at most 63 characters); it is a storage path segment")
                .resource("awsProvider", awsProvider, "expected the AWS provider of the stack's account and region")
                .bound(region != null, "region", region, "expected the AWS provider's region")
                .check(region == null || REGION.matcher(region).matches(), "region", region, "expected the AWS provider's region, "
                        + "such as eu-west-1: Flink's S3 client must use its regional endpoint, which the VPC's S3 gateway endpoint serves")
                .problem("kmsKeyArn", kmsKeyArn.orElse(null), kmsKeyArn.flatMap(S3StorageArgs::kmsKeyProblem))
                .check(Set.of("presto", "hadoop").contains(plugin), "plugin", plugin, "allowed: hadoop, presto")
                .check(NONCURRENT_VERSION_DAYS.contains(noncurrentVersionDays), "noncurrentVersionDays", noncurrentVersionDays,
                        NONCURRENT_VERSION_DAYS.allowed())
                .addAll(HaStorage.retentionProblems(retainOnDelete, protect, production))
                .done();
    }


    /**
     * @return the bucket region's S3 endpoint. The global {@code s3.amazonaws.com} resolves to us-east-1, so its traffic
     *         bypasses the VPC's S3 gateway endpoint and pays NAT per gigabyte, and redirects every request to another region
     */
    public String regionalEndpoint() {
        return "https://s3." + region + ".amazonaws.com" + (region.startsWith("cn-") ? ".cn" : "");
    }

    /**
     * @param arn a value for {@code kmsKeyArn}
     * @return what is wrong with it, if anything: an alias ARN is refused because the IRSA role's policy must
     *         name the key; IAM applies a statement that names an alias to the alias only, so every encrypted
     *         write of HA metadata or a checkpoint would be denied
     */
    public static Optional<String> kmsKeyProblem(String arn) {
        return io.flinkha.aws.KmsKeys.problem(arn, "IAM applies a policy that names an alias to the alias only, so Flink's writes "
                + "would be denied");
    }

    /**
     * @param awsProvider AWS provider of the stack's account and region
     * @return these Args with the provider the bucket needs, checked again with it
     */
    public S3StorageArgs bind(com.pulumi.aws.Provider awsProvider) {
        return new S3StorageArgs(bucketName, environment, retainOnDelete, kmsKeyArn, plugin, noncurrentVersionDays, awsProvider, region,
                production, protect);
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
        private String plugin = DEFAULT_PLUGIN;
        private int noncurrentVersionDays = DEFAULT_NONCURRENT_VERSION_DAYS;
        private com.pulumi.aws.Provider awsProvider;
        private String region;
        private boolean production;
        private boolean protect = true;

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
         * @param days days before noncurrent object versions expire, 1 to 3650; default 30
         * @return this builder
         */
        public Builder noncurrentVersionDays(int days) { this.noncurrentVersionDays = days; return this; }
        /**
         * @param provider AWS provider of the stack's account and region (required)
         * @return this builder
         */
        public Builder awsProvider(com.pulumi.aws.Provider provider) { this.awsProvider = provider; return this; }
        /**
         * @param region the AWS provider's region, where the bucket is (required)
         * @return this builder
         */
        public Builder region(String region) { this.region = region; return this; }

        /**
         * @param production whether the storage serves production; then {@code retainOnDelete} must stay true; default false
         * @return this builder
         */
        public Builder production(boolean production) { this.production = production; return this; }

        /**
         * @param protect whether the engine refuses to delete or replace the bucket; default true (required in production)
         * @return this builder
         */
        public Builder protect(boolean protect) { this.protect = protect; return this; }

        /**
         * @return the checked arguments
         * @throws IllegalArgumentException naming every problem
         */
        public S3StorageArgs build() {
            return new S3StorageArgs(bucketName, environment, retainOnDelete, Optional.ofNullable(kmsKeyArn), plugin,
                    noncurrentVersionDays, awsProvider, region, production, protect);
        }
    }
}
