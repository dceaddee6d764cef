package io.flinkha.aws;

import com.pulumi.core.Output;
import io.flinkha.aws.eks.EksClusterArgs;
import io.flinkha.aws.eks.NodeGroupSpec;
import io.flinkha.aws.s3.S3StorageArgs;
import org.junit.jupiter.api.Test;

import java.util.List;

import static io.flinkha.Refusals.assertSays;
import static io.flinkha.Refusals.refused;
import static org.junit.jupiter.api.Assertions.assertEquals;

/**
 * A library user of the AWS components gets the protection a stack user gets: each rule the settings apply lives in the
 * component's Args, checked when the record is made, with the component, the field, the value and what is allowed,
 * every problem at once.
 */
class AwsArgsProtectionTest {

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
