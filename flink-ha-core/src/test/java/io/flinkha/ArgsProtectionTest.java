package io.flinkha;

import io.flinkha.cluster.KubernetesCluster;
import io.flinkha.flink.ContainerResources;
import io.flinkha.flink.HaFlinkDeployment;
import io.flinkha.flink.HaFlinkDeploymentArgs;
import io.flinkha.identity.FlinkServiceAccount;
import io.flinkha.identity.FlinkServiceAccountArgs;
import io.flinkha.storage.NfsStorage;
import io.flinkha.storage.NfsStorageArgs;
import org.junit.jupiter.api.Test;

import java.util.Map;
import java.util.function.UnaryOperator;


import static io.flinkha.Refusals.assertSays;
import static io.flinkha.Refusals.refused;

/**
 * A library user gets the protection a stack user gets: each rule the settings apply lives in the
 * component's Args, checked when the record is made, with the component, the field, the value and
 * what is allowed, every problem at once.
 */
class ArgsProtectionTest {

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
}
