package io.flinkha.aws.s3;

import io.flinkha.storage.FlinkStoragePaths;
import io.flinkha.storage.HaStorage;
import io.flinkha.storage.PodStorage;
import io.flinkha.identity.CloudCredentials;

import com.pulumi.aws.s3.BucketLifecycleConfigurationV2;
import com.pulumi.aws.s3.BucketLifecycleConfigurationV2Args;
import com.pulumi.aws.s3.BucketOwnershipControls;
import com.pulumi.aws.s3.BucketOwnershipControlsArgs;
import com.pulumi.aws.s3.BucketPolicy;
import com.pulumi.aws.s3.BucketPolicyArgs;
import com.pulumi.aws.s3.BucketPublicAccessBlock;
import com.pulumi.aws.s3.BucketPublicAccessBlockArgs;
import com.pulumi.aws.s3.BucketServerSideEncryptionConfigurationV2;
import com.pulumi.aws.s3.BucketServerSideEncryptionConfigurationV2Args;
import com.pulumi.aws.s3.BucketV2;
import com.pulumi.aws.s3.BucketV2Args;
import com.pulumi.aws.s3.BucketVersioningV2;
import com.pulumi.aws.s3.BucketVersioningV2Args;
import com.pulumi.aws.s3.inputs.BucketLifecycleConfigurationV2RuleAbortIncompleteMultipartUploadArgs;
import com.pulumi.aws.s3.inputs.BucketLifecycleConfigurationV2RuleArgs;
import com.pulumi.aws.s3.inputs.BucketLifecycleConfigurationV2RuleExpirationArgs;
import com.pulumi.aws.s3.inputs.BucketLifecycleConfigurationV2RuleFilterArgs;
import com.pulumi.aws.s3.inputs.BucketLifecycleConfigurationV2RuleNoncurrentVersionExpirationArgs;
import com.pulumi.aws.s3.inputs.BucketOwnershipControlsRuleArgs;
import com.pulumi.aws.s3.inputs.BucketServerSideEncryptionConfigurationV2RuleApplyServerSideEncryptionByDefaultArgs;
import com.pulumi.aws.s3.inputs.BucketServerSideEncryptionConfigurationV2RuleArgs;
import com.pulumi.aws.s3.inputs.BucketVersioningV2VersioningConfigurationArgs;
import com.pulumi.core.Output;
import com.pulumi.kubernetes.core.v1.inputs.EnvVarArgs;
import com.pulumi.resources.ComponentResource;
import com.pulumi.resources.ComponentResourceOptions;
import com.pulumi.resources.CustomResourceOptions;
import io.flinkha.identity.FlinkServiceAccount;
import io.flinkha.aws.PolicyDocuments;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Map;

import static io.flinkha.aws.PolicyDocuments.statement;

/**
 * HA storage in an S3 bucket with the secure defaults state deserves: versioning, server-side
 * encryption, all four public-access blocks, bucket-owner-enforced ownership, a TLS-only bucket
 * policy and a lifecycle rule that expires noncurrent versions and aborts incomplete multipart
 * uploads (the operator's job-result-store leaks files otherwise). Flink reaches it through its
 * service account's cloud role ({@link #grantReadWrite}), never through static keys.
 *
 * @see <a href="https://nightlies.apache.org/flink/flink-docs-release-1.20/docs/deployment/filesystems/s3/">Flink on S3</a>
 */
public class S3Storage extends ComponentResource implements HaStorage {
    /** Pulumi type token of the component; part of every child's URN, so it never changes. */
    public static final String TYPE = "flink-ha:storage:S3Storage";

    private final String name;
    private final S3StorageArgs args;
    private final BucketV2 bucket;
    private final Output<String> bucketName;

    /**
     * Declares S3 HA storage.
     *
     * @param name    logical name; children are named {@code <name>-<part>}
     * @param args    the arguments
     * @param options component options, e.g. a parent; may be null
     */
    public S3Storage(String name, S3StorageArgs args, ComponentResourceOptions options) {
        super(TYPE, name, options);
        this.name = name;
        this.args = args;
        var child = CustomResourceOptions.builder().parent(this).provider(args.awsProvider());

        this.bucket = new BucketV2(name + "-bucket", BucketV2Args.builder()
                .bucket(args.bucketName())
                .forceDestroy(false)
                .tags(Map.of("app.kubernetes.io/part-of", "flink-ha", "flink-ha/environment", args.environment()))
                // a production bucket holds the only copy of the jobs' state: the engine refuses to replace or
                // delete it (a rename would otherwise abandon the state), until someone unprotects it on purpose
                .build(), child.retainOnDelete(args.retainOnDelete()).protect(args.protect()).build());
        this.bucketName = bucket.bucket();
        var bucketChild = CustomResourceOptions.builder().parent(this).provider(args.awsProvider()).build();

        var versioning = new BucketVersioningV2(name + "-versioning", BucketVersioningV2Args.builder()
                .bucket(bucketName)
                .versioningConfiguration(BucketVersioningV2VersioningConfigurationArgs.builder().status("Enabled").build())
                .build(), bucketChild);

        var sse = BucketServerSideEncryptionConfigurationV2RuleApplyServerSideEncryptionByDefaultArgs.builder();
        args.kmsKeyArn().ifPresentOrElse(k -> sse.sseAlgorithm("aws:kms").kmsMasterKeyId(k), () -> sse.sseAlgorithm("AES256"));
        new BucketServerSideEncryptionConfigurationV2(name + "-encryption", BucketServerSideEncryptionConfigurationV2Args.builder()
                .bucket(bucketName)
                .rules(BucketServerSideEncryptionConfigurationV2RuleArgs.builder()
                        .applyServerSideEncryptionByDefault(sse.build())
                        .bucketKeyEnabled(args.kmsKeyArn().isPresent())
                        .build())
                .build(), bucketChild);

        var publicAccessBlock = new BucketPublicAccessBlock(name + "-public-access-block", BucketPublicAccessBlockArgs.builder()
                .bucket(bucketName)
                .blockPublicAcls(true)
                .blockPublicPolicy(true)
                .ignorePublicAcls(true)
                .restrictPublicBuckets(true)
                .build(), bucketChild);

        new BucketOwnershipControls(name + "-ownership", BucketOwnershipControlsArgs.builder()
                .bucket(bucketName)
                .rule(BucketOwnershipControlsRuleArgs.builder().objectOwnership("BucketOwnerEnforced").build())
                .build(), bucketChild);

        new BucketPolicy(name + "-tls-only", BucketPolicyArgs.builder()
                .bucket(bucketName)
                .policy(bucketName.applyValue(S3Storage::tlsOnlyPolicy))
                .build(), CustomResourceOptions.builder().parent(this).provider(args.awsProvider())
                // S3 refuses policy changes while the public-access block is being applied
                .dependsOn(publicAccessBlock).build());

        new BucketLifecycleConfigurationV2(name + "-lifecycle", BucketLifecycleConfigurationV2Args.builder()
                .bucket(bucketName)
                .rules(BucketLifecycleConfigurationV2RuleArgs.builder()
                        .id("expire-noncurrent-delete-markers-and-incomplete-uploads")
                        .status("Enabled")
                        .filter(BucketLifecycleConfigurationV2RuleFilterArgs.builder().prefix("").build())
                        .noncurrentVersionExpiration(BucketLifecycleConfigurationV2RuleNoncurrentVersionExpirationArgs.builder()
                                .noncurrentDays(args.noncurrentVersionDays())
                                .build())
                        // Flink deletes every subsumed checkpoint; on a versioned bucket each delete leaves a marker,
                        // and once its noncurrent versions expire the marker is all that is left, for ever
                        .expiration(BucketLifecycleConfigurationV2RuleExpirationArgs.builder().expiredObjectDeleteMarker(true).build())
                        .abortIncompleteMultipartUpload(BucketLifecycleConfigurationV2RuleAbortIncompleteMultipartUploadArgs.builder()
                                .daysAfterInitiation(7)
                                .build())
                        .build())
                .build(), CustomResourceOptions.builder().parent(this).provider(args.awsProvider())
                // noncurrent-version rules act on versions: versioning is switched on first
                .dependsOn(versioning).build());

        registerOutputs(Map.of("bucketName", bucketName));
    }

    static String tlsOnlyPolicy(String bucket) {
        String arn = "arn:aws:s3:::" + bucket;
        return PolicyDocuments.document(List.of(statement("DenyInsecureTransport", "Deny", "s3:*", List.of(arn, arn + "/*"),
                Map.of("Principal", "*", "Condition", Map.of("Bool", Map.of("aws:SecureTransport", "false"))))));
    }

    /** @return the bucket */
    public BucketV2 bucket() {
        return bucket;
    }

    /** {@code s3://<bucket>/<environment>/<namespace>/<deployment>}; both Flink S3 plugins serve {@code s3://}. */
    @Override
    public FlinkStoragePaths pathsFor(Output<String> namespace, String deployment) {
        return FlinkStoragePaths.under(Output.tuple(bucketName, namespace).applyValue(t ->
                "s3://" + t.t1 + "/" + args.environment() + "/" + t.t2 + "/" + deployment));
    }

    /**
     * Flink's S3 filesystems bundle AWS SDK for Java v1, which reads EKS Pod Identity credentials from 1.12.746 on;
     * Flink moved them to 1.12.779 in 1.19.2 and 1.20.1 (FLINK-36643), and every 1.21+ and 2.x release has it.
     *
     * @param flinkVersion the image's exact Flink version
     * @return why that release's S3 filesystem cannot use Pod Identity credentials, if it cannot
     */
    public static Optional<String> podIdentityProblem(String flinkVersion) {
        String[] v = flinkVersion.split("\\.");
        int major = Integer.parseInt(v[0]);
        int minor = Integer.parseInt(v[1]);
        int patch = v.length > 2 ? Integer.parseInt(v[2]) : 0;
        boolean supported = major > 1 || minor > 20 || (minor == 20 && patch >= 1) || (minor == 19 && patch >= 2);
        return supported ? Optional.empty() : Optional.of("Flink " + flinkVersion + "'s S3 filesystems bundle an AWS SDK older than "
                + "1.12.746, which cannot read EKS Pod Identity credentials (the jobs would fail to reach the bucket); use Flink "
                + "1.19.2, 1.20.1 or later, or IRSA");
    }

    /** The Presto S3 filesystem's upload ACL; Flink hands {@code s3.*} keys to it as {@code presto.s3.*}. */
    public static final String PRESTO_UPLOAD_ACL = "s3.upload-acl-type";
    /** The S3 endpoint of Flink's S3 filesystems. */
    public static final String ENDPOINT = "s3.endpoint";

    @Override
    public PodStorage podStorage(String flinkVersion, CloudCredentials credentials) {
        if (credentials == CloudCredentials.POD_IDENTITY) {
            podIdentityProblem(flinkVersion).ifPresent(p -> {
                throw new IllegalArgumentException("S3Storage: " + p);
            });
        }
        String jar = "flink-s3-fs-" + args.plugin() + "-" + flinkVersion + ".jar";
        Map<String, String> conf = new java.util.TreeMap<>();
        // Flink hands s3.endpoint to either filesystem (as fs.s3a.endpoint or presto.s3.endpoint)
        conf.put(ENDPOINT, args.regionalEndpoint());
        if (args.plugin().equals("hadoop")) {
            // s3a's default credential chain has neither a web-identity nor a container provider, so the one that
            // matches the account's credentials must be named
            conf.put("fs.s3a.aws.credentials.provider", credentials == CloudCredentials.POD_IDENTITY
                    ? "com.amazonaws.auth.EC2ContainerCredentialsProviderWrapper"
                    : "com.amazonaws.auth.WebIdentityTokenCredentialsProvider");
        } else {
            // Presto's S3 client sends a canned ACL with every upload (PRIVATE unless told). The bucket has ACLs
            // disabled (BucketOwnerEnforced), which accepts only no ACL or bucket-owner-full-control: say so
            // explicitly instead of relying on PRIVATE being read as equivalent
            conf.put(PRESTO_UPLOAD_ACL, "BUCKET_OWNER_FULL_CONTROL");
        }
        return new PodStorage(List.of(), List.of(),
                List.of(EnvVarArgs.builder().name("ENABLE_BUILT_IN_PLUGINS").value(jar).build()), Map.copyOf(conf));
    }

    /**
     * Adds to the account's cloud role a policy with read/write access to the objects under this environment's and the
     * account's namespace's prefix of the bucket, list access to the bucket (without it S3 answers a missing key with 403,
     * which Flink's S3 filesystems take as fatal), and the KMS key, when there is one; nothing else.
     *
     * @throws IllegalStateException when the account has no cloud role (its cluster has no OIDC provider)
     */
    @Override
    public S3Storage grantReadWrite(FlinkServiceAccount account) {
        // named as in 0.1.0, where this grant also declared the role, so the policy keeps its identity
        account.addCloudPolicy(name + "-" + account.args().name() + "-irsa-s3", Output.tuple(bucketName, account.namespace())
                        .applyValue(t -> accessPolicy(t.t1, args.environment() + "/" + t.t2 + "/", args.kmsKeyArn().orElse(null))),
                CustomResourceOptions.builder().parent(this).build());
        return this;
    }

    static String accessPolicy(String bucket, String prefix, String kmsKeyArn) {
        String arn = "arn:aws:s3:::" + bucket;
        List<Map<String, Object>> statements = new ArrayList<>();
        statements.add(statement("FlinkStateObjects", "Allow",
                List.of("s3:GetObject", "s3:PutObject", "s3:DeleteObject", "s3:AbortMultipartUpload"),
                arn + "/" + prefix + "*", Map.of()));
        // Unconditioned: S3 answers a HEAD of a missing key with 404 only to a caller that may list the bucket, and such a
        // HEAD carries no s3:prefix, so a prefix-conditioned grant gets 403. Flink's S3 filesystems ask "does it exist"
        // before a no-overwrite create, and Presto takes that 403 as fatal. The bucket holds only Flink state.
        statements.add(statement("ListFlinkStateBucket", "Allow", "s3:ListBucket", arn, Map.of()));
        if (kmsKeyArn != null) {
            statements.add(statement("UseStateKey", "Allow", List.of("kms:Decrypt", "kms:GenerateDataKey"), kmsKeyArn, Map.of()));
        }
        return PolicyDocuments.document(statements);
    }
}
