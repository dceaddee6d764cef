package com.example.flink;

import com.pulumi.Context;
import com.pulumi.Pulumi;
import com.pulumi.aws.Provider;
import com.pulumi.aws.ProviderArgs;
import com.pulumi.core.Output;
import io.flinkha.cluster.ExistingCluster;
import io.flinkha.cluster.ExistingClusterArgs;
import io.flinkha.cluster.OidcIdentity;
import io.flinkha.config.ContainerResources;
import io.flinkha.flink.HaFlinkDeployment;
import io.flinkha.flink.HaFlinkDeploymentArgs;
import io.flinkha.flink.UpgradeMode;
import io.flinkha.operator.FlinkOperator;
import io.flinkha.operator.FlinkOperatorArgs;
import io.flinkha.rbac.LeaderElectionRbac;
import io.flinkha.rbac.LeaderElectionRbacArgs;
import io.flinkha.storage.S3Storage;
import io.flinkha.storage.S3StorageArgs;
import io.flinkha.storage.ServiceAccountRef;

import java.util.List;
import java.util.Optional;

/**
 * A team's own platform, composed from the flink-ha components without FlinkPlatform: their existing
 * EKS cluster (through its kubeconfig context and OIDC provider), S3 storage in a bucket this program
 * creates, and two jobs with different upgrade modes.
 */
public final class CustomPlatform {
    private CustomPlatform() {
    }

    public static void main(String[] args) {
        Pulumi.run(CustomPlatform::define);
    }

    public static void define(Context ctx) {
        var aws = new Provider("aws", ProviderArgs.builder().region("eu-west-1").build());
        var cluster = new ExistingCluster("analytics", new ExistingClusterArgs("analytics-eks", Optional.empty(),
                Optional.of(new OidcIdentity(
                        Output.of("arn:aws:iam::111122223333:oidc-provider/oidc.eks.eu-west-1.amazonaws.com/id/EXAMPLE"),
                        Output.of("https://oidc.eks.eu-west-1.amazonaws.com/id/EXAMPLE")))), null);
        var k8s = cluster.provider();
        Output<String> namespace = Output.of("analytics");

        var storage = new S3Storage("analytics-state", S3StorageArgs.builder()
                .bucketName("example-analytics-flink-state")
                .environment("analytics")
                .oidc(cluster.oidc().orElseThrow())
                .awsProvider(aws)
                .build(), null);
        var access = storage.grantReadWrite(new ServiceAccountRef(namespace, "flink"));

        var rbac = new LeaderElectionRbac("analytics-rbac", LeaderElectionRbacArgs.builder()
                .namespace(namespace)
                .serviceAccountAnnotations(access.serviceAccountAnnotations())
                .provider(k8s)
                .build(), null);
        var operator = new FlinkOperator("analytics-operator", FlinkOperatorArgs.builder()
                .watchNamespaces(List.of(namespace))
                .provider(k8s)
                .build(), null);

        var sessions = new HaFlinkDeployment("sessionizer", HaFlinkDeploymentArgs.builder()
                .namespace(namespace)
                .jarUri("local:///opt/flink/usrlib/sessionizer.jar")
                .parallelism(4)
                .upgradeMode(UpgradeMode.LAST_STATE)
                .jobManagerReplicas(2)
                .taskManager(new ContainerResources(2, "4096m"))
                .storage(storage)
                .serviceAccountName(rbac.serviceAccountName())
                .dependsOn(List.of(operator.release(), rbac.role(), rbac.roleBinding()))
                .provider(k8s)
                .build(), null);
        var reports = new HaFlinkDeployment("daily-reports", HaFlinkDeploymentArgs.builder()
                .namespace(namespace)
                .jarUri("local:///opt/flink/usrlib/reports.jar")
                .upgradeMode(UpgradeMode.SAVEPOINT)
                .storage(storage)
                .serviceAccountName(rbac.serviceAccountName())
                .dependsOn(List.of(operator.release(), rbac.role(), rbac.roleBinding()))
                .provider(k8s)
                .build(), null);

        ctx.export("sessionizerHaDir", sessions.paths().haStorageDir());
        ctx.export("reportsSavepoints", reports.paths().savepointsDir());
    }
}
