package com.example.flink;

import com.pulumi.Context;
import com.pulumi.Pulumi;
import com.pulumi.aws.Provider;
import com.pulumi.aws.ProviderArgs;
import com.pulumi.core.Output;
import io.flinkha.aws.iam.IamCloudRole;
import io.flinkha.aws.s3.S3Storage;
import io.flinkha.aws.s3.S3StorageArgs;
import io.flinkha.cluster.ExistingCluster;
import io.flinkha.cluster.ExistingClusterArgs;
import io.flinkha.cluster.OidcIdentity;
import io.flinkha.flink.ContainerResources;
import io.flinkha.flink.HaFlinkDeployment;
import io.flinkha.flink.HaFlinkDeploymentArgs;
import io.flinkha.flink.crd.UpgradeMode;
import io.flinkha.operator.FlinkOperator;
import io.flinkha.operator.FlinkOperatorArgs;
import io.flinkha.identity.FlinkServiceAccount;
import io.flinkha.identity.FlinkServiceAccountArgs;
import io.flinkha.network.JobNetworkPolicies;
import io.flinkha.network.JobNetworkPoliciesArgs;

import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;

/**
 * A team's own platform, composed from the flink-ha-aws components without FlinkPlatform: their existing
 * EKS cluster (through its kubeconfig context and OIDC provider), an IAM role only the jobs' service account can
 * assume, S3 storage in a bucket this program creates, and two jobs with different upgrade modes. The jobs'
 * namespace ({@code analytics}) must exist: the cluster's owners create it, as on most shared clusters.
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

        var account = new FlinkServiceAccount("analytics-jobs", FlinkServiceAccountArgs.builder()
                .cluster(cluster)
                .namespace("analytics")
                .cloudRole(IamCloudRole.declaration(aws))
                .build(), null);
        var storage = new S3Storage("analytics-state", S3StorageArgs.builder()
                .bucketName("example-analytics-flink-state")
                .environment("analytics")
                .awsProvider(aws).region("eu-west-1")
                .build(), null).grantReadWrite(account);
        var operator = new FlinkOperator("analytics-operator", FlinkOperatorArgs.builder()
                .watchNamespaces(List.of(account.namespace()))
                .cluster(cluster)
                .build(), null);

        var sessions = new HaFlinkDeployment("sessionizer", HaFlinkDeploymentArgs.builder()
                .jarUri("local:///opt/flink/usrlib/sessionizer.jar")
                .parallelism(4)
                .upgradeMode(UpgradeMode.LAST_STATE)
                .jobManagerReplicas(2)
                .taskManager(new ContainerResources(2, "4096m"))
                .serviceAccount(account)
                .storage(storage)
                .operator(operator)
                .build(), null);
        var reports = new HaFlinkDeployment("daily-reports", HaFlinkDeploymentArgs.builder()
                .jarUri("local:///opt/flink/usrlib/reports.jar")
                .upgradeMode(UpgradeMode.SAVEPOINT)
                .serviceAccount(account)
                .storage(storage)
                .operator(operator)
                .build(), null);

        // deny all in the jobs' namespace, then allow DNS, the API server (and S3, over the same 443), each job's own ports
        // and the operator's REST calls
        new JobNetworkPolicies("analytics-isolation", new JobNetworkPoliciesArgs(Output.of("analytics"),
                operator.namespace().metadata().applyValue(m -> m.name().orElseThrow()),
                new TreeMap<>(Map.of("sessionizer", sessions.ports(), "daily-reports", reports.ports())), List.of(), cluster), null);

        ctx.export("sessionizerHaDir", sessions.paths().haStorageDir());
        ctx.export("reportsSavepoints", reports.paths().savepointsDir());
    }
}
