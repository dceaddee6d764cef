package io.flinkha.storage;

import com.pulumi.core.Output;
import io.flinkha.ComponentPlans;
import io.flinkha.ComponentPlans.Plan;
import io.flinkha.PublicApi.Registered;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Map;

import static io.flinkha.ComponentPlans.at;
import static io.flinkha.ComponentPlans.only;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class NfsStorageTest {
    private static final String PVC = "kubernetes:core/v1:PersistentVolumeClaim";

    private static NfsStorageArgs.Builder args(io.flinkha.cluster.KubernetesCluster cluster) {
        return NfsStorageArgs.builder().namespace("streaming").environment("qa").storageClass("filestore-rwx")
                .size("50Gi").mountPath("/ha").cluster(cluster);
    }

    @Test
    void claimIsReadWriteManyOnTheConfiguredClass() {
        Registered pvc = only(ComponentPlans.ofComponent(p -> new NfsStorage("ha", args(p).build(), null)), PVC);
        assertEquals(List.of("ReadWriteMany"), at(pvc, "spec.accessModes"));
        assertEquals("filestore-rwx", at(pvc, "spec.storageClassName"));
        assertEquals("50Gi", at(pvc, "spec.resources.requests.storage"));
        assertEquals("streaming", at(pvc, "metadata.namespace"));
    }

    @Test
    void theClaimIsRetainedAndProtectedByDefault() {
        Registered pvc = only(ComponentPlans.ofComponent(p -> new NfsStorage("ha", args(p).build(), null)), PVC);
        assertTrue(pvc.retainOnDelete(), "a destroy or replace leaves the claim and its volume");
        assertTrue(pvc.protect(), "the engine refuses to delete or replace it");
    }

    @Test
    void aNonProductionClaimMayBeLeftUnprotected() {
        Registered pvc = only(ComponentPlans.ofComponent(p -> new NfsStorage("ha", args(p).protect(false).build(), null)), PVC);
        assertFalse(pvc.protect());
        assertTrue(pvc.retainOnDelete());
    }

    @Test
    void rejectsAProductionClaimThatIsNotRetainedOrNotProtected() {
        var e = assertThrows(IllegalArgumentException.class, () -> ComponentPlans.ofComponent(p -> new NfsStorage("ha",
                args(p).production(true).protect(false).retainOnDelete(false).build(), null)));
        assertTrue(e.getMessage().contains("retainOnDelete: got false; a production stack must retain its HA storage"), e.getMessage());
        assertTrue(e.getMessage().contains("protect: got false; a production stack protects its HA storage"), e.getMessage());
    }

    @Test
    void pathsAreFileUrisOnTheMountUniquePerEnvironmentNamespaceAndDeployment() {
        // the paths are registered through a deployment, so read them from what the deployment renders
        Plan plan = ComponentPlans.ofComponent(p -> {
            NfsStorage storage = new NfsStorage("ha", args(p).build(), null);
            FlinkStoragePaths paths = storage.pathsFor(Output.of("streaming"), "orders");
            return new com.pulumi.kubernetes.core.v1.ConfigMap("paths", com.pulumi.kubernetes.core.v1.ConfigMapArgs.builder()
                    .data(Output.tuple(paths.haStorageDir(), paths.checkpointsDir(), paths.savepointsDir())
                            .applyValue(t -> Map.of("ha", t.t1, "checkpoints", t.t2, "savepoints", t.t3)))
                    .build());
        });
        Registered cm = only(plan, "kubernetes:core/v1:ConfigMap");
        assertEquals(Map.of(
                "ha", "file:///ha/qa/streaming/orders/ha",
                "checkpoints", "file:///ha/qa/streaming/orders/checkpoints",
                "savepoints", "file:///ha/qa/streaming/orders/savepoints"), at(cm, "data"));
    }

    @Test
    void podStorageMountsTheClaimIntoTheMainContainer() {
        Plan plan = ComponentPlans.ofComponent(p -> new com.pulumi.kubernetes.core.v1.Pod("probe", com.pulumi.kubernetes.core.v1.PodArgs.builder()
                .spec(podSpec(new NfsStorage("ha", args(p).build(), null).podStorage("1.20.1", io.flinkha.identity.CloudCredentials.NONE)))
                .build()));
        Registered pod = only(plan, "kubernetes:core/v1:Pod");
        assertEquals(List.of(Map.of("name", "flink-ha-storage", "persistentVolumeClaim", Map.of("claimName", "flink-ha-storage"))),
                at(pod, "spec.volumes"));
        assertEquals(List.of(Map.of("name", "flink-ha-storage", "mountPath", "/ha")), at(pod, "spec.containers.0.volumeMounts"));
    }

    private static com.pulumi.kubernetes.core.v1.inputs.PodSpecArgs podSpec(PodStorage storage) {
        return com.pulumi.kubernetes.core.v1.inputs.PodSpecArgs.builder()
                .containers(com.pulumi.kubernetes.core.v1.inputs.ContainerArgs.builder()
                        .name("main").volumeMounts(storage.mounts()).build())
                .volumes(storage.volumes())
                .build();
    }

    @Test
    void aMountedVolumeGivesTheAccountNoCloudRoleNorAnnotation() {
        Plan plan = ComponentPlans.ofComponent(p -> new NfsStorage("ha", args(p).build(), null).grantReadWrite(
                new io.flinkha.identity.FlinkServiceAccount("jobs", io.flinkha.identity.FlinkServiceAccountArgs.builder()
                        .cluster(p).namespace("streaming").build(), null)));
        assertEquals(Map.of(), at(only(plan, "kubernetes:core/v1:ServiceAccount"), "metadata.annotations"));
        assertEquals(List.of(), plan.ofType("aws:iam/role:Role"));
    }

    @Test
    void rejectsRelativeMountPath() {
        var e = assertThrows(IllegalArgumentException.class, () -> ComponentPlans.ofComponent(p -> args(p).mountPath("data").build()));
        assertTrue(e.getMessage().contains("mountPath: got 'data'"), e.getMessage());
    }
}
