package com.example.flink;

import com.pulumi.Context;
import com.pulumi.Pulumi;
import com.pulumi.core.Output;
import com.pulumi.kubernetes.core.v1.Namespace;
import com.pulumi.kubernetes.core.v1.NamespaceArgs;
import com.pulumi.kubernetes.meta.v1.inputs.ObjectMetaArgs;
import com.pulumi.resources.CustomResourceOptions;
import io.flinkha.cluster.ExistingCluster;
import io.flinkha.cluster.ExistingClusterArgs;
import io.flinkha.flink.HaFlinkDeployment;
import io.flinkha.flink.HaFlinkDeploymentArgs;
import io.flinkha.flink.crd.UpgradeMode;
import io.flinkha.identity.FlinkServiceAccount;
import io.flinkha.identity.FlinkServiceAccountArgs;
import io.flinkha.network.JobNetworkPolicies;
import io.flinkha.network.JobNetworkPoliciesArgs;
import io.flinkha.operator.FlinkOperator;
import io.flinkha.operator.FlinkOperatorArgs;
import io.flinkha.storage.NfsStorage;
import io.flinkha.storage.NfsStorageArgs;

import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * One HA job on a cluster the team already has, with its state on an NFS ReadWriteMany volume: no AWS at all. The jobs'
 * namespace must exist before the account, the claim and the deployment go into it, so the program declares it and hands
 * its name on as an output, which makes everything in it wait for it.
 */
public final class NfsPlatform {
    private NfsPlatform() {
    }

    public static void main(String[] args) {
        Pulumi.run(NfsPlatform::define);
    }

    public static void define(Context ctx) {
        var cluster = new ExistingCluster("lab", new ExistingClusterArgs("kind-flink", Optional.empty(), Optional.empty()), null);
        // the Restricted Pod Security Standard, which the deployments' pod templates meet
        var namespace = new Namespace("streaming", NamespaceArgs.builder()
                .metadata(ObjectMetaArgs.builder().name("streaming")
                        .labels(Map.of("pod-security.kubernetes.io/enforce", "restricted")).build())
                .build(), CustomResourceOptions.builder().provider(cluster.provider()).build());
        Output<String> jobs = namespace.metadata().applyValue(m -> m.name().orElseThrow());

        var account = new FlinkServiceAccount("jobs", FlinkServiceAccountArgs.builder()
                .cluster(cluster)
                .namespace(jobs)
                .build(), null);
        var storage = new NfsStorage("state", NfsStorageArgs.builder()
                .namespace(jobs)
                .environment("lab")
                .storageClass("nfs-client")
                .size("20Gi")
                .cluster(cluster)
                .build(), null);
        storage.grantReadWrite(account);
        var operator = new FlinkOperator("operator", FlinkOperatorArgs.builder()
                .watchNamespaces(List.of(jobs))
                .cluster(cluster)
                .build(), null);

        var orders = new HaFlinkDeployment("orders", HaFlinkDeploymentArgs.builder()
                .jarUri("local:///opt/flink/examples/streaming/StateMachineExample.jar")
                .parallelism(2)
                .upgradeMode(UpgradeMode.LAST_STATE)
                .serviceAccount(account)
                .storage(storage)
                .operator(operator)
                .build(), null);

        // deny all in the jobs' namespace, then allow DNS, the API server, the job's own ports and the operator's REST calls
        new JobNetworkPolicies("isolation", new JobNetworkPoliciesArgs(jobs,
                operator.namespace().metadata().applyValue(m -> m.name().orElseThrow()), Map.of("orders", orders.ports()), List.of(),
                cluster), null);

        ctx.export("ordersHaDir", orders.paths().haStorageDir());
    }
}
