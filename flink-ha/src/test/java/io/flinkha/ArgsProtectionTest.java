package io.flinkha;

import com.pulumi.core.Output;
import io.flinkha.cluster.EksClusterArgs;
import io.flinkha.cluster.KubernetesCluster;
import io.flinkha.cluster.NodeGroupSpec;
import io.flinkha.flink.ContainerResources;
import io.flinkha.flink.HaFlinkDeployment;
import io.flinkha.flink.HaFlinkDeploymentArgs;
import io.flinkha.identity.FlinkServiceAccount;
import io.flinkha.identity.FlinkServiceAccountArgs;
import io.flinkha.storage.NfsStorage;
import io.flinkha.storage.NfsStorageArgs;
import io.flinkha.storage.S3StorageArgs;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.function.Executable;

import java.util.List;
import java.util.Map;
import java.util.function.UnaryOperator;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * A library user gets the protection a stack user gets: each rule the settings apply lives in the
 * component's Args, checked when the record is made, with the component, the field, the value and
 * what is allowed, every problem at once.
 */
class ArgsProtectionTest {

    private static String refused(Executable make) {
        return assertThrows(IllegalArgumentException.class, make).getMessage();
    }

    private static void assertSays(String message, String... fragments) {
        for (String f : fragments) {
            assertTrue(message.contains(f), () -> "'" + message + "' should say '" + f + "'");
        }
    }

    private static S3StorageArgs.Builder s3() {
        return S3StorageArgs.builder().bucketName("acme-flink-state").environment("qa")
                .awsProvider(org.mockito.Mockito.mock(com.pulumi.aws.Provider.class)).region("eu-west-1");
    }

    @Test
    void rejectsABucketNameS3WouldRefuse() {
        assertSays(refused(() -> s3().bucketName("Acme_State").build()), "S3StorageArgs: bucketName: got 'Acme_State'; S3 bucket names use only");
    }

    @Test
    void rejectsUnretainedStorageInProduction() {
        assertSays(refused(() -> s3().production(true).retainOnDelete(false).build()),
                "S3StorageArgs: retainOnDelete: got false; a production stack must retain its HA storage");
    }

    @Test
    void reportsEveryProblemOfOneArgsAtOnce() {
        assertSays(refused(() -> s3().environment("QA").plugin("s3a").noncurrentVersionDays(0).build()),
                "environment: got 'QA'", "plugin: got 's3a'; allowed: hadoop, presto", "noncurrentVersionDays: got 0");
    }

    private static String deployment(UnaryOperator<HaFlinkDeploymentArgs.Builder> customise) {
        return refused(() -> ComponentPlans.ofComponent((KubernetesCluster cluster) -> {
            var storage = new NfsStorage("ha", NfsStorageArgs.builder().namespace("streaming").environment("qa").cluster(cluster).build(), null);
            var account = new FlinkServiceAccount("jobs", FlinkServiceAccountArgs.builder().cluster(cluster).namespace("streaming").build(), null);
            return new HaFlinkDeployment("orders", customise.apply(HaFlinkDeploymentArgs.builder()
                    .jarUri("local:///job.jar").storage(storage).serviceAccount(account)).build(), null);
        }));
    }

    @Test
    void rejectsAFileUriOffTheMountedVolume() {
        assertSays(deployment(b -> b.flinkConfiguration(Map.of("state.backend.local-recovery.dir", "file:///tmp/recovery"))),
                "HaFlinkDeploymentArgs: flinkConfiguration.state.backend.local-recovery.dir: got 'file:///tmp/recovery'; a file:// URI must "
                        + "lie on the mounted HA storage volume");
    }

    @Test
    void acceptsAFileUriOnTheMountedVolume() {
        ComponentPlans.ofComponent((KubernetesCluster cluster) -> {
            var storage = new NfsStorage("ha", NfsStorageArgs.builder().namespace("streaming").environment("qa").cluster(cluster).build(), null);
            var account = new FlinkServiceAccount("jobs", FlinkServiceAccountArgs.builder().cluster(cluster).namespace("streaming").build(), null);
            return new HaFlinkDeployment("orders", HaFlinkDeploymentArgs.builder().jarUri("local:///job.jar").storage(storage)
                    .serviceAccount(account).flinkConfiguration(Map.of("state.backend.local-recovery.dir", "file:///flink-data/qa/recovery"))
                    .build(), null);
        });
    }

    @Test
    void rejectsAnUnpinnedImageAFlinkTheOperatorDoesNotKnowAndABadIntervalAtOnce() {
        assertSays(deployment(b -> b.flinkVersion("2.3.0").image("flink:latest").checkpointInterval("soon")),
                "flinkVersion: got '2.3.0'; operator 1.15.0 runs Flink 1.15 to 2.2 (its CRD and validator take v1_15, v1_16,",
                "image: got 'flink:latest'; 'latest' is not a pinned version",
                "checkpointInterval: got 'soon'; expected a positive Flink duration");
    }

    @Test
    void rejectsAJarUriWithoutASchemeAsTheSettingsDo() {
        assertSays(deployment(b -> b.jarUri("job.jar")), "jarUri: got 'job.jar'; expected a URI with a scheme: local:// for a jar in the image");
    }

    @Test
    void rejectsParallelismAndReplicasOutOfRange() {
        assertSays(deployment(b -> b.parallelism(0).jobManagerReplicas(9)), "parallelism: got 0; expected a whole number from 1 to 10000",
                "jobManagerReplicas: got 9; expected a whole number from 1 to 5");
    }

    @Test
    void rejectsContainerResourcesTheOperatorCouldNotRequest() {
        assertSays(refused(() -> new ContainerResources(0, "lots")), "ContainerResources: cpu: got 0.0; expected cores from 0.1 to 64",
                "memory: got 'lots'");
    }

    @Test
    void rejectsANodeGroupWhoseDesiredSizeIsOutsideItsBounds() {
        assertSays(refused(() -> new NodeGroupSpec(List.of("m6i.large"), 3, 2, 4, 50)),
                "NodeGroupSpec: desiredSize: got 2; expected minSize <= desiredSize <= maxSize (3 <= 2 <= 4)");
    }

    @Test
    void rejectsANodeGroupMaxSizeNothingWouldScaleTo() {
        assertSays(refused(() -> new NodeGroupSpec(List.of("m6i.large"), 2, 2, 4, 50)),
                "NodeGroupSpec: maxSize: got 4; nothing would start nodes above desiredSize 2");
        assertEquals(4, new NodeGroupSpec(List.of("m6i.large"), 2, 2, 4, 50, NodeGroupSpec.Autoscaling.EXTERNAL).maxSize());
    }

    @Test
    void rejectsAnApiEndpointOpenToTheWholeInternet() {
        assertSays(refused(() -> EksClusterArgs.builder().clusterName("c").region("eu-west-1")
                        .privateSubnetIds(List.of(Output.of("a"), Output.of("b")))
                        .awsProvider(org.mockito.Mockito.mock(com.pulumi.aws.Provider.class)).deployer("arn:aws:iam::123456789012:role/deploy")
                        .publicAccessCidrs(List.of("0.0.0.0/0")).build()),
                "EksClusterArgs: publicAccessCidrs: got '0.0.0.0/0'; the API endpoint must not be open to the whole internet");
    }

    @Test
    void rejectsAnEksClusterWithoutTheIdentityThatDeploysIt() {
        assertSays(refused(() -> EksClusterArgs.builder().clusterName("c").region("eu-west-1")
                        .privateSubnetIds(List.of(Output.of("a"), Output.of("b")))
                        .awsProvider(org.mockito.Mockito.mock(com.pulumi.aws.Provider.class)).build()),
                "EksClusterArgs: deployer: is required; expected the IAM role or user that runs pulumi up");
    }

    @Test
    void rejectsAPrincipalInTwoAccessEntries() {
        String role = "arn:aws:iam::123456789012:role/platform";
        assertSays(refused(() -> EksClusterArgs.builder().clusterName("c").region("eu-west-1")
                        .privateSubnetIds(List.of(Output.of("a"), Output.of("b")))
                        .awsProvider(org.mockito.Mockito.mock(com.pulumi.aws.Provider.class))
                        .deployer(role).admins(List.of(role)).previewers(List.of("arn:aws:sts::123456789012:assumed-role/x/y")).build()),
                "admins: got '" + role + "', which is also in deployer; an IAM principal can be in only one EKS access entry",
                "previewers: got 'arn:aws:sts::123456789012:assumed-role/x/y'; expected an IAM role or user ARN");
    }
}
