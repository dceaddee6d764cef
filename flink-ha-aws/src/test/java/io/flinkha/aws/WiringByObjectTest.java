package io.flinkha.aws;

import com.pulumi.core.Output;
import io.flinkha.PublicApi;
import io.flinkha.cluster.ExistingCluster;
import io.flinkha.cluster.ExistingClusterArgs;
import io.flinkha.cluster.OidcIdentity;
import io.flinkha.flink.HaFlinkDeployment;
import io.flinkha.flink.HaFlinkDeploymentArgs;
import io.flinkha.identity.FlinkServiceAccount;
import io.flinkha.identity.FlinkServiceAccountArgs;
import io.flinkha.operator.FlinkOperator;
import io.flinkha.operator.FlinkOperatorArgs;
import io.flinkha.aws.s3.S3Storage;
import io.flinkha.aws.s3.S3StorageArgs;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Map;
import java.util.Optional;

import static io.flinkha.PublicApi.only;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The components carry their wiring: what a deployment derives from the objects it is given, through the public test API. */
class WiringByObjectTest {
    private static final String DEPLOYMENT = "kubernetes:flink.apache.org/v1beta1:FlinkDeployment";

    /** An existing EKS cluster, an account, S3 storage granted to it, the operator, and one deployment. */
    private static List<PublicApi.Registered> platform() {
        return PublicApi.run(ctx -> {
            var aws = new com.pulumi.aws.Provider("aws", com.pulumi.aws.ProviderArgs.builder().region("eu-west-1").build());
            var cluster = new ExistingCluster("eks", new ExistingClusterArgs("eks", Optional.empty(), Optional.of(new OidcIdentity(
                    Output.of("arn:aws:iam::123456789012:oidc-provider/oidc.eks.eu-west-1.amazonaws.com/id/ABC"),
                    Output.of("https://oidc.eks.eu-west-1.amazonaws.com/id/ABC")))), null);
            var account = new FlinkServiceAccount("jobs", FlinkServiceAccountArgs.builder().cluster(cluster).namespace("streaming")
                    .cloudRole(io.flinkha.aws.iam.IamCloudRole.declaration(aws)).build(), null);
            var storage = new S3Storage("state", S3StorageArgs.builder().bucketName("acme-flink-state").environment("qa")
                    .awsProvider(aws).region("eu-west-1").build(), null).grantReadWrite(account);
            var operator = new FlinkOperator("operator", FlinkOperatorArgs.builder().cluster(cluster)
                    .watchNamespaces(List.of(account.namespace())).build(), null);
            new HaFlinkDeployment("orders", HaFlinkDeploymentArgs.builder().jarUri("local:///job.jar")
                    .serviceAccount(account).storage(storage).operator(operator).build(), null);
        });
    }

    @Test
    void theDeploymentRunsInTheAccountsNamespaceAsTheAccount() {
        var d = only(platform(), DEPLOYMENT);
        assertEquals("streaming", d.at("metadata.namespace"));
        assertEquals("flink", d.at("spec.serviceAccount"));
    }

    @Test
    void theDeploymentUsesTheProviderOfTheAccountsCluster() {
        var resources = platform();
        var clusterProvider = only(resources, "pulumi:providers:kubernetes").resource();
        assertEquals(Optional.of(clusterProvider), only(resources, DEPLOYMENT).provider());
        assertEquals(Optional.of(clusterProvider), only(resources, "kubernetes:helm.sh/v3:Release").provider());
    }

    @Test
    void theDeploymentWaitsForTheOperatorTheRbacAndTheStoragePolicyWithoutBeingTold() {
        var resources = platform();
        var dependsOn = only(resources, DEPLOYMENT).dependsOn();
        for (String type : List.of("kubernetes:helm.sh/v3:Release", "kubernetes:rbac.authorization.k8s.io/v1:Role",
                "kubernetes:rbac.authorization.k8s.io/v1:RoleBinding", "aws:iam/role:Role", "aws:iam/rolePolicy:RolePolicy")) {
            assertTrue(dependsOn.contains(only(resources, type).resource()), type);
        }
    }

    @Test
    void theAccountCarriesTheOneRoleTheStorageGrantExtends() {
        var resources = platform();
        Map<String, Object> annotations = only(resources, "kubernetes:core/v1:ServiceAccount").at("metadata.annotations");
        assertEquals(Map.of("eks.amazonaws.com/role-arn", "arn:aws:iam::123456789012:role/jobs-irsa"), annotations);
        assertEquals("jobs-irsa-id", only(resources, "aws:iam/rolePolicy:RolePolicy").at("role"));
        assertEquals(only(resources, "flink-ha:storage:S3Storage").resource(),
                only(resources, "aws:iam/rolePolicy:RolePolicy").parent().orElseThrow(), "the grant belongs to the storage");
    }
}
