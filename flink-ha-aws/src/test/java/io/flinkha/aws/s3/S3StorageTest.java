package io.flinkha.aws.s3;

import io.flinkha.aws.iam.IamCloudRole;
import io.flinkha.aws.AwsPlans;
import com.pulumi.core.Output;
import com.pulumi.kubernetes.core.v1.ConfigMap;
import io.flinkha.cluster.ExistingCluster;
import io.flinkha.cluster.ExistingClusterArgs;
import io.flinkha.identity.FlinkServiceAccount;
import io.flinkha.identity.FlinkServiceAccountArgs;
import java.util.Optional;
import com.pulumi.kubernetes.core.v1.ConfigMapArgs;
import io.flinkha.ComponentPlans;
import io.flinkha.cluster.OidcIdentity;
import io.flinkha.flink.HaFlinkDeployment;
import io.flinkha.flink.HaFlinkDeploymentArgs;
import io.flinkha.ComponentPlans.Plan;
import io.flinkha.PublicApi.Registered;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Map;
import java.util.function.UnaryOperator;

import static io.flinkha.ComponentPlans.at;
import static io.flinkha.ComponentPlans.json;
import static io.flinkha.ComponentPlans.only;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class S3StorageTest {
    private static final String OIDC_ARN = "arn:aws:iam::123456789012:oidc-provider/oidc.eks.eu-west-1.amazonaws.com/id/ABC";
    private static final String ISSUER = "https://oidc.eks.eu-west-1.amazonaws.com/id/ABC";

    /** An existing cluster with an OIDC provider, as IRSA needs. */
    private static ExistingCluster clusterWithOidc() {
        return new ExistingCluster("eks", new ExistingClusterArgs("eks", Optional.empty(),
                Optional.of(new OidcIdentity(Output.of(OIDC_ARN), Output.of(ISSUER)))), null);
    }

    /** An EKS cluster running the Pod Identity agent, seen through the interface the components use. */
    private static io.flinkha.cluster.KubernetesCluster clusterWithPodIdentity(com.pulumi.aws.Provider aws) {
        var existing = new ExistingCluster("eks", new ExistingClusterArgs("eks", Optional.empty()), null);
        var agent = new com.pulumi.aws.eks.Addon("agent", com.pulumi.aws.eks.AddonArgs.builder().clusterName("flink-ha")
                .addonName("eks-pod-identity-agent").build(), com.pulumi.resources.CustomResourceOptions.builder().provider(aws).build());
        return new io.flinkha.cluster.KubernetesCluster() {
            @Override
            public com.pulumi.kubernetes.Provider provider() {
                return existing.provider();
            }

            @Override
            public Optional<OidcIdentity> oidc() {
                return Optional.of(new OidcIdentity(Output.of(OIDC_ARN), Output.of(ISSUER)));
            }

            @Override
            public Optional<io.flinkha.cluster.PodIdentity> podIdentity() {
                return Optional.of(new io.flinkha.cluster.PodIdentity(Output.of("flink-ha"), agent));
            }
        };
    }

    /** A deployment on S3 storage whose account gets its role through EKS Pod Identity. */
    private static Plan podIdentityPlan(String plugin, String flinkVersion) {
        return deploymentPlan(plugin, flinkVersion, S3StorageTest::clusterWithPodIdentity);
    }

    /** A deployment on S3 storage, as the platform renders it, on the cluster {@code cluster} makes. */
    private static Plan deploymentPlan(String plugin, String flinkVersion,
                                       java.util.function.Function<com.pulumi.aws.Provider, io.flinkha.cluster.KubernetesCluster> cluster) {
        return AwsPlans.ofAwsComponent(aws -> {
            var storage = new S3Storage("ha", S3StorageArgs.builder().bucketName("acme-flink-ha-qa").environment("qa")
                    .plugin(plugin).awsProvider(aws).region("eu-west-1").build(), null);
            var account = new FlinkServiceAccount("jobs", FlinkServiceAccountArgs.builder()
                    .cluster(cluster.apply(aws)).namespace("streaming").cloudRole(IamCloudRole.declaration(aws)).build(), null);
            return new HaFlinkDeployment("orders", HaFlinkDeploymentArgs.builder()
                    .flinkVersion(flinkVersion).jarUri("local:///job.jar").storage(storage.grantReadWrite(account))
                    .serviceAccount(account).build(), null);
        });
    }

    @Test
    void withPodIdentityTheRoleTrustsTheEksPodsServiceAndIsAssociatedWithTheAccount() {
        Plan plan = podIdentityPlan("presto", "1.20.1");
        Map<String, Object> trust = json(at(only(plan, "aws:iam/role:Role"), "assumeRolePolicy"));
        Map<?, ?> statement = (Map<?, ?>) ((List<?>) trust.get("Statement")).get(0);
        assertEquals(Map.of("Service", "pods.eks.amazonaws.com"), statement.get("Principal"));
        assertEquals(List.of("sts:AssumeRole", "sts:TagSession"), statement.get("Action"));
        Registered association = only(plan, "aws:eks/podIdentityAssociation:PodIdentityAssociation");
        assertEquals("flink-ha", at(association, "clusterName"));
        assertEquals("streaming", at(association, "namespace"));
        assertEquals("flink", at(association, "serviceAccount"));
    }

    @Test
    void withPodIdentityTheAccountCarriesNoIrsaAnnotation() {
        Registered sa = only(podIdentityPlan("presto", "1.20.1"), "kubernetes:core/v1:ServiceAccount");
        assertEquals(Map.of(), at(sa, "metadata.annotations"));
    }

    @Test
    void withPodIdentityTheAssociationWaitsForTheAgentAndTheJobForTheAssociation() {
        Plan plan = podIdentityPlan("presto", "1.20.1");
        Registered association = only(plan, "aws:eks/podIdentityAssociation:PodIdentityAssociation");
        assertTrue(association.dependsOn().contains(only(plan, "aws:eks/addon:Addon").resource()), "pods before the agent get no credentials");
        assertTrue(only(plan, "kubernetes:flink.apache.org/v1beta1:FlinkDeployment").dependsOn().contains(association.resource()));
    }

    @Test
    void withPodIdentityTheHadoopPluginReadsContainerCredentials() {
        Registered d = only(podIdentityPlan("hadoop", "1.20.1"), "kubernetes:flink.apache.org/v1beta1:FlinkDeployment");
        assertEquals("com.amazonaws.auth.EC2ContainerCredentialsProviderWrapper", ComponentPlans.flinkConfiguration(d).get("fs.s3a.aws.credentials.provider"));
    }

    @Test
    void refusesPodIdentityWithAFlinkWhoseS3ClientCannotReadItsCredentials() {
        var e = assertThrows(IllegalArgumentException.class, () -> podIdentityPlan("presto", "1.20.0"));
        assertTrue(e.getMessage().contains("Flink 1.20.0's S3 filesystems bundle an AWS SDK older than 1.12.746"), e.getMessage());
        assertEquals(Optional.empty(), S3Storage.podIdentityProblem("1.19.2"));
        assertTrue(S3Storage.podIdentityProblem("1.19.1").isPresent());
        assertEquals(Optional.empty(), S3Storage.podIdentityProblem("2.0.0"));
    }

    /** Storage granted to service account flink (component "jobs") in namespace streaming. */
    private static Plan plan(UnaryOperator<S3StorageArgs.Builder> customise) {
        return AwsPlans.ofAwsComponent(aws -> {
            var storage = new S3Storage("ha", customise.apply(S3StorageArgs.builder()
                    .bucketName("acme-flink-ha-qa").environment("qa")
                    .awsProvider(aws).region("eu-west-1")).build(), null);
            return storage.grantReadWrite(new FlinkServiceAccount("jobs", FlinkServiceAccountArgs.builder()
                    .cluster(clusterWithOidc()).namespace("streaming").cloudRole(IamCloudRole.declaration(aws)).build(), null));
        });
    }

    private static Registered of(Plan plan, String awsType) {
        return only(plan, awsType);
    }

    @Test
    void blocksAllFourKindsOfPublicAccess() {
        Registered block = of(plan(b -> b), "aws:s3/bucketPublicAccessBlock:BucketPublicAccessBlock");
        for (String flag : List.of("blockPublicAcls", "blockPublicPolicy", "ignorePublicAcls", "restrictPublicBuckets")) {
            assertEquals(true, at(block, flag), flag);
        }
        assertEquals("acme-flink-ha-qa", at(block, "bucket"));
    }

    @Test
    void versionsEveryObject() {
        assertEquals("Enabled", at(of(plan(b -> b), "aws:s3/bucketVersioningV2:BucketVersioningV2"), "versioningConfiguration.status"));
    }

    @Test
    void encryptsWithS3ManagedKeysByDefault() {
        Registered sse = of(plan(b -> b), "aws:s3/bucketServerSideEncryptionConfigurationV2:BucketServerSideEncryptionConfigurationV2");
        assertEquals("AES256", at(sse, "rules.0.applyServerSideEncryptionByDefault.sseAlgorithm"));
    }

    @Test
    void encryptsWithTheGivenKmsKey() {
        String key = "arn:aws:kms:eu-west-1:123456789012:key/1234abcd-12ab-34cd-56ef-1234567890ab";
        Plan plan = plan(b -> b.kmsKeyArn(key));
        Registered sse = of(plan, "aws:s3/bucketServerSideEncryptionConfigurationV2:BucketServerSideEncryptionConfigurationV2");
        assertEquals("aws:kms", at(sse, "rules.0.applyServerSideEncryptionByDefault.sseAlgorithm"));
        assertEquals(key, at(sse, "rules.0.applyServerSideEncryptionByDefault.kmsMasterKeyId"));
        List<Map<String, Object>> statements = statements(of(plan, "aws:iam/rolePolicy:RolePolicy"), "policy");
        assertTrue(statements.stream().anyMatch(s -> key.equals(s.get("Resource"))), "the role may use the key");
    }

    @Test
    void rejectsAKmsAliasBecauseIamWouldGrantTheAliasNotTheKey() {
        var e = assertThrows(IllegalArgumentException.class, () -> plan(b -> b.kmsKeyArn("arn:aws:kms:eu-west-1:123456789012:alias/flink")));
        assertTrue(e.getMessage().startsWith("S3StorageArgs: kmsKeyArn: got 'arn:aws:kms:eu-west-1:123456789012:alias/flink'; "
                + "expected the key's ARN"), e.getMessage());
        assertTrue(e.getMessage().contains("aws kms describe-key --key-id arn:aws:kms:eu-west-1:123456789012:alias/flink"), e.getMessage());
    }

    @Test
    void noIamStatementMayNameAKmsAliasAsItsResource() {
        var e = assertThrows(IllegalArgumentException.class, () -> S3Storage.accessPolicy("b", "p/", "arn:aws:kms:eu-west-1:123456789012:alias/x"));
        assertTrue(e.getMessage().startsWith("IAM statement UseStateKey names the KMS alias arn:aws:kms:eu-west-1:123456789012:alias/x"), e.getMessage());
    }

    @Test
    void bucketPolicyDeniesEveryRequestWithoutTls() {
        List<Map<String, Object>> statements = statements(of(plan(b -> b), "aws:s3/bucketPolicy:BucketPolicy"), "policy");
        assertEquals(1, statements.size());
        Map<String, Object> deny = statements.get(0);
        assertEquals("Deny", deny.get("Effect"));
        assertEquals("*", deny.get("Principal"));
        assertEquals("s3:*", deny.get("Action"));
        assertEquals(List.of("arn:aws:s3:::acme-flink-ha-qa", "arn:aws:s3:::acme-flink-ha-qa/*"), deny.get("Resource"));
        assertEquals(Map.of("Bool", Map.of("aws:SecureTransport", "false")), deny.get("Condition"));
    }

    @Test
    void enforcesBucketOwnerOwnership() {
        assertEquals("BucketOwnerEnforced", at(of(plan(b -> b), "aws:s3/bucketOwnershipControls:BucketOwnershipControls"), "rule.objectOwnership"));
    }

    @Test
    void expiresNoncurrentVersionsAndAbortsIncompleteUploads() {
        Registered lifecycle = of(plan(b -> b.noncurrentVersionDays(14)), "aws:s3/bucketLifecycleConfigurationV2:BucketLifecycleConfigurationV2");
        assertEquals("Enabled", at(lifecycle, "rules.0.status"));
        assertEquals(14L, (Long) at(lifecycle, "rules.0.noncurrentVersionExpiration.noncurrentDays"));
        assertEquals(7L, (Long) at(lifecycle, "rules.0.abortIncompleteMultipartUpload.daysAfterInitiation"));
    }

    @Test
    void expiresTheDeleteMarkersFlinksCheckpointCleanupLeavesBehind() {
        Registered lifecycle = of(plan(b -> b), "aws:s3/bucketLifecycleConfigurationV2:BucketLifecycleConfigurationV2");
        assertEquals(true, at(lifecycle, "rules.0.expiration.expiredObjectDeleteMarker"));
    }

    @Test
    void theLifecycleRulesWaitForVersioning() {
        ComponentPlans.Plan plan = plan(b -> b);
        Registered lifecycle = of(plan, "aws:s3/bucketLifecycleConfigurationV2:BucketLifecycleConfigurationV2");
        assertTrue(lifecycle.dependencies().contains(of(plan, "aws:s3/bucketVersioningV2:BucketVersioningV2").urn()), lifecycle.dependencies()::toString);
    }

    @Test
    void bucketIsRetainedOnStackDestroyByDefault() {
        assertTrue(of(plan(b -> b), "aws:s3/bucketV2:BucketV2").retainOnDelete());
        assertEquals(false, at(of(plan(b -> b), "aws:s3/bucketV2:BucketV2"), "forceDestroy"));
    }

    @Test
    void bucketIsProtectedByDefaultInEveryStack() {
        assertTrue(of(plan(b -> b), "aws:s3/bucketV2:BucketV2").protect());
        assertFalse(of(plan(b -> b.protect(false)), "aws:s3/bucketV2:BucketV2").protect());
    }

    @Test
    void bucketIsDeletedWithTheStackOnlyWhenAsked() {
        assertFalse(of(plan(b -> b.retainOnDelete(false)), "aws:s3/bucketV2:BucketV2").retainOnDelete());
    }

    @Test
    void irsaTrustAdmitsOnlyTheOneServiceAccountForSts() {
        List<Map<String, Object>> statements = statements(of(plan(b -> b), "aws:iam/role:Role"), "assumeRolePolicy");
        assertEquals(1, statements.size());
        Map<String, Object> trust = statements.get(0);
        assertEquals("Allow", trust.get("Effect"));
        assertEquals("sts:AssumeRoleWithWebIdentity", trust.get("Action"));
        assertEquals(Map.of("Federated", OIDC_ARN), trust.get("Principal"));
        assertEquals(Map.of("StringEquals", Map.of(
                "oidc.eks.eu-west-1.amazonaws.com/id/ABC:sub", "system:serviceaccount:streaming:flink",
                "oidc.eks.eu-west-1.amazonaws.com/id/ABC:aud", "sts.amazonaws.com")), trust.get("Condition"));
    }

    @Test
    void objectAccessIsLimitedToTheEnvironmentAndNamespacePrefixAndTheBucketIsListedWithoutACondition() {
        List<Map<String, Object>> statements = statements(of(plan(b -> b), "aws:iam/rolePolicy:RolePolicy"), "policy");
        assertEquals(2, statements.size());
        Map<String, Object> objects = statements.get(0);
        assertEquals(List.of("s3:GetObject", "s3:PutObject", "s3:DeleteObject", "s3:AbortMultipartUpload"), objects.get("Action"));
        assertEquals("arn:aws:s3:::acme-flink-ha-qa/qa/streaming/*", objects.get("Resource"));
        Map<String, Object> list = statements.get(1);
        assertEquals("s3:ListBucket", list.get("Action"));
        assertEquals("arn:aws:s3:::acme-flink-ha-qa", list.get("Resource"));
        // a HEAD of a missing key carries no s3:prefix: with a prefix condition S3 answers 403, and Flink's create fails
        assertNull(list.get("Condition"));
        statements.forEach(s -> assertFalse(String.valueOf(s.get("Action")).contains("*"), () -> "wildcard action in " + s));
    }

    @Test
    void grantAnnotatesTheServiceAccountWithTheRole() {
        Plan plan = plan(b -> b);
        Map<String, Object> annotations = at(only(plan, "kubernetes:core/v1:ServiceAccount"), "metadata.annotations");
        assertEquals(Map.of(IamCloudRole.IRSA_ANNOTATION, "arn:aws:iam::123456789012:role/jobs-irsa"), annotations);
        assertEquals("jobs-irsa", only(plan, "aws:iam/role:Role").name());
        assertEquals("ha-flink-irsa-s3", only(plan, "aws:iam/rolePolicy:RolePolicy").name());
    }

    @Test
    void pathsAreS3UrisUniquePerEnvironmentNamespaceAndDeployment() {
        Plan plan = AwsPlans.ofAwsComponent(aws -> {
            var storage = new S3Storage("ha", S3StorageArgs.builder().bucketName("acme-flink-ha-qa").environment("qa").awsProvider(aws).region("eu-west-1").build(), null);
            var paths = storage.pathsFor(Output.of("streaming"), "orders");
            return new ConfigMap("paths", ConfigMapArgs.builder().data(Output.tuple(paths.haStorageDir(), paths.checkpointsDir(), paths.savepointsDir())
                    .applyValue(t -> Map.of("ha", t.t1, "checkpoints", t.t2, "savepoints", t.t3))).build());
        });
        assertEquals(Map.of("ha", "s3://acme-flink-ha-qa/qa/streaming/orders/ha",
                "checkpoints", "s3://acme-flink-ha-qa/qa/streaming/orders/checkpoints",
                "savepoints", "s3://acme-flink-ha-qa/qa/streaming/orders/savepoints"), at(only(plan, "kubernetes:core/v1:ConfigMap"), "data"));
    }

    /** A deployment on S3 storage, as the platform renders it, with IRSA. */
    private static Registered deploymentOn(String plugin, String flinkVersion) {
        return only(deploymentPlan(plugin, flinkVersion, aws -> clusterWithOidc()), "kubernetes:flink.apache.org/v1beta1:FlinkDeployment");
    }

    @Test
    void enablesThePluginJarOfTheImagesExactFlinkVersion() {
        Registered d = deploymentOn("presto", "1.19.2");
        assertEquals(List.of(Map.of("name", "ENABLE_BUILT_IN_PLUGINS", "value", "flink-s3-fs-presto-1.19.2.jar")),
                at(d, "spec.podTemplate.spec.containers.0.env"));
        assertNull(at(d, "spec.podTemplate.spec.volumes"), "S3 needs no volume");
        assertFalse(ComponentPlans.flinkConfiguration(d).containsKey("fs.s3a.aws.credentials.provider"), "presto finds IRSA credentials itself");
        assertEquals("s3://acme-flink-ha-qa/qa/streaming/orders/ha", ComponentPlans.flinkConfiguration(d).get("high-availability.storageDir"));
    }

    @Test
    void aFlink2JobEnablesThePluginJarOfItsOwnRelease() {
        Registered d = deploymentOn("presto", "2.2.0");
        assertEquals(List.of(Map.of("name", "ENABLE_BUILT_IN_PLUGINS", "value", "flink-s3-fs-presto-2.2.0.jar")),
                at(d, "spec.podTemplate.spec.containers.0.env"));
    }

    @Test
    void prestoUploadsWithTheOnlyCannedAclABucketWithoutAclsAccepts() {
        assertEquals("BUCKET_OWNER_FULL_CONTROL", ComponentPlans.flinkConfiguration(deploymentOn("presto", "1.20.1")).get("s3.upload-acl-type"));
        assertFalse(ComponentPlans.flinkConfiguration(deploymentOn("hadoop", "1.20.1")).containsKey("s3.upload-acl-type"), "s3a sends no ACL by default");
    }

    @Test
    void bothS3FilesystemsUseTheBucketRegionsEndpointWhichTheVpcGatewayEndpointServes() {
        assertEquals("https://s3.eu-west-1.amazonaws.com", ComponentPlans.flinkConfiguration(deploymentOn("presto", "1.20.1")).get("s3.endpoint"));
        assertEquals("https://s3.eu-west-1.amazonaws.com", ComponentPlans.flinkConfiguration(deploymentOn("hadoop", "1.20.1")).get("s3.endpoint"));
    }

    @Test
    void chinaRegionsHaveTheirOwnEndpointDomain() {
        var args = S3StorageArgs.builder().bucketName("acme-flink-ha-qa").environment("qa").region("cn-north-1")
                .awsProvider(org.mockito.Mockito.mock(com.pulumi.aws.Provider.class)).build();
        assertEquals("https://s3.cn-north-1.amazonaws.com.cn", args.regionalEndpoint());
    }

    @Test
    void rejectsStorageWithoutTheProvidersRegion() {
        var e = org.junit.jupiter.api.Assertions.assertThrows(IllegalArgumentException.class, () -> S3StorageArgs.builder()
                .bucketName("acme-flink-ha-qa").environment("qa").awsProvider(org.mockito.Mockito.mock(com.pulumi.aws.Provider.class)).build());
        assertTrue(e.getMessage().contains("region: got null; expected the AWS provider's region"), e.getMessage());
    }

    @Test
    void hadoopPluginIsToldToUseWebIdentityCredentials() {
        Registered d = deploymentOn("hadoop", "1.20.1");
        assertEquals("flink-s3-fs-hadoop-1.20.1.jar", at(d, "spec.podTemplate.spec.containers.0.env.0.value"));
        assertEquals("com.amazonaws.auth.WebIdentityTokenCredentialsProvider",
                ComponentPlans.flinkConfiguration(d).get("fs.s3a.aws.credentials.provider"));
    }

    @Test
    void rejectsAGrantToAnAccountWithoutACloudRole() {
        var e = assertThrows(IllegalStateException.class, () -> AwsPlans.ofAwsComponent(aws ->
                new S3Storage("ha", S3StorageArgs.builder().bucketName("acme-flink-ha-qa").environment("qa").awsProvider(aws).region("eu-west-1").build(), null)
                        .grantReadWrite(new FlinkServiceAccount("jobs", FlinkServiceAccountArgs.builder()
                                .cluster(new ExistingCluster("kind", new ExistingClusterArgs("kind", Optional.empty()), null))
                                .namespace("streaming").build(), null))));
        assertTrue(e.getMessage().startsWith("FlinkServiceAccount 'flink' has no cloud role: its cluster has no OIDC provider"), e.getMessage());
    }

    @Test
    void twoGrantsAddTwoPoliciesToTheAccountsOneRole() {
        Plan plan = AwsPlans.ofAwsComponent(aws -> {
            var account = new FlinkServiceAccount("jobs", FlinkServiceAccountArgs.builder()
                    .cluster(clusterWithOidc()).namespace("streaming").cloudRole(IamCloudRole.declaration(aws)).build(), null);
            new S3Storage("state", S3StorageArgs.builder().bucketName("acme-state").environment("qa").awsProvider(aws).region("eu-west-1").build(), null)
                    .grantReadWrite(account);
            return new S3Storage("archive", S3StorageArgs.builder().bucketName("acme-archive").environment("qa").awsProvider(aws).region("eu-west-1").build(), null)
                    .grantReadWrite(account);
        });
        assertEquals(1, plan.ofType("aws:iam/role:Role").size(), "one role per account, whatever the grants");
        List<Registered> policies = plan.ofType("aws:iam/rolePolicy:RolePolicy");
        assertEquals(List.of("state-flink-irsa-s3", "archive-flink-irsa-s3"), policies.stream().map(Registered::name).toList());
        policies.forEach(p -> assertEquals("jobs-irsa-id", at(p, "role")));
    }

    @Test
    void aDeploymentWaitsForTheStoragePolicyOfItsAccount() {
        Plan plan = AwsPlans.ofAwsComponent(aws -> {
            var storage = new S3Storage("ha", S3StorageArgs.builder().bucketName("acme-flink-ha-qa").environment("qa").awsProvider(aws).region("eu-west-1").build(), null);
            var account = new FlinkServiceAccount("jobs", FlinkServiceAccountArgs.builder()
                    .cluster(clusterWithOidc()).namespace("streaming").cloudRole(IamCloudRole.declaration(aws)).build(), null);
            storage.grantReadWrite(account);
            return new HaFlinkDeployment("orders", HaFlinkDeploymentArgs.builder().jarUri("local:///job.jar").storage(storage)
                    .serviceAccount(account).build(), null);
        });
        var deployment = only(plan, "kubernetes:flink.apache.org/v1beta1:FlinkDeployment");
        for (String type : List.of("aws:iam/rolePolicy:RolePolicy", "aws:iam/role:Role", "kubernetes:rbac.authorization.k8s.io/v1:Role",
                "kubernetes:rbac.authorization.k8s.io/v1:RoleBinding")) {
            assertTrue(deployment.dependencies().contains(only(plan, type).urn()), type);
        }
    }

    @SuppressWarnings("unchecked")
    private static List<Map<String, Object>> statements(Registered r, String input) {
        Map<String, Object> doc = json(at(r, input));
        assertEquals("2012-10-17", doc.get("Version"));
        return (List<Map<String, Object>>) doc.get("Statement");
    }
    @Test
    void theComponentHandsOutItsBucket() {
        Plan plan = plan(b -> b);
        S3Storage storage = (S3Storage) only(plan, S3Storage.TYPE).resource();
        assertSame(of(plan, "aws:s3/bucketV2:BucketV2").resource(), storage.bucket());
    }

    @Test
    void withPodIdentityTheAccountHandsOutItsAssociationAndTheStorageItsPolicy() {
        Plan plan = podIdentityPlan("presto", "1.20.1");
        var account = (io.flinkha.identity.FlinkServiceAccount) only(plan, io.flinkha.identity.FlinkServiceAccount.TYPE).resource();
        assertSame(of(plan, "aws:eks/podIdentityAssociation:PodIdentityAssociation").resource(), ((IamCloudRole) account.cloudRole().orElseThrow()).podIdentityAssociation().orElseThrow());
    }

    @Test
    void aCloudPolicyAddedToTheAccountIsTheOneRegistered() {
        var added = new java.util.concurrent.atomic.AtomicReference<com.pulumi.resources.Resource>();
        Plan plan = AwsPlans.ofAwsComponent(aws -> {
            var account = new FlinkServiceAccount("jobs", FlinkServiceAccountArgs.builder()
                    .cluster(clusterWithOidc()).namespace("streaming").cloudRole(IamCloudRole.declaration(aws)).build(), null);
            added.set(account.addCloudPolicy("extra", Output.of("{}"), null));
            return account;
        });
        assertSame(of(plan, "aws:iam/rolePolicy:RolePolicy").resource(), added.get());
    }
}
