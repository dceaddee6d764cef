package io.flinkha.internal.check;

import com.google.gson.Gson;
import io.flinkha.Plans;
import io.flinkha.Settings;
import io.flinkha.internal.plan.PlannedResource;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import java.util.List;
import java.util.Map;
import java.util.function.Consumer;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class UpstreamCheckTest {
    private static final String TYPE = "kubernetes:flink.apache.org/v1beta1:FlinkDeployment";
    private static String devDeployment;

    @BeforeAll
    static void renderDev() {
        devDeployment = new Gson().toJson(Plans.ofStack("dev").ofType(TYPE).get(0).inputs());
    }

    /** The dev stack's rendered FlinkDeployment, changed by {@code edit}. */
    @SuppressWarnings("unchecked")
    private static Map<String, Object> dev(Consumer<Map<String, Object>> edit) {
        Map<String, Object> object = new Gson().fromJson(devDeployment, Map.class);
        edit.accept(object);
        return object;
    }

    @SuppressWarnings("unchecked")
    private static Map<String, Object> spec(Map<String, Object> o) {
        return (Map<String, Object>) o.get("spec");
    }

    @SuppressWarnings("unchecked")
    private static Map<String, Object> conf(Map<String, Object> o) {
        return (Map<String, Object>) spec(o).get("flinkConfiguration");
    }

    @SuppressWarnings("unchecked")
    private static Map<String, Object> section(Map<String, Object> o, String name) {
        return (Map<String, Object>) spec(o).get(name);
    }

    private static String only(Map<String, Object> object, String rule) {
        List<String> v = UpstreamCheck.violations(object);
        assertEquals(1, v.size(), () -> "expected one violation, got " + v);
        assertTrue(v.get(0).startsWith(rule + ":"), () -> v.get(0) + " should be rule " + rule);
        return v.get(0);
    }

    @ParameterizedTest
    @ValueSource(strings = {"dev", "staging", "prod"})
    void everyStacksDeploymentsPassTheUpstreamChecks(String stack) {
        List<PlannedResource> deployments = Plans.ofStack(stack).ofType(TYPE);
        assertTrue(!deployments.isEmpty());
        for (PlannedResource d : deployments) {
            assertEquals(List.of(), UpstreamCheck.violations(d.inputs()), d.name());
        }
    }

    @Test
    void rejectsAMisspelledSpecField() {
        String v = only(dev(o -> spec(o).put("jobManger", Map.of("replicas", 2))), "operator-api");
        assertTrue(v.contains("\"jobManger\""), v);
    }

    @Test
    void rejectsAMisspelledJobField() {
        String v = only(dev(o -> section(o, "job").put("upgrade-mode", "last-state")), "operator-api");
        assertTrue(v.contains("\"upgrade-mode\""), v);
    }

    @Test
    void rejectsAFlinkVersionTheOperatorDoesNotKnow() {
        String v = only(dev(o -> spec(o).put("flinkVersion", "v1_99")), "operator-api");
        assertTrue(v.contains("v1_99"), v);
    }

    @Test
    void rejectsAnUpgradeModeTheOperatorDoesNotKnow() {
        only(dev(o -> section(o, "job").put("upgradeMode", "last_state")), "operator-api");
    }

    @Test
    void rejectsAMisspelledHaKeyAndNamesTheRightOne() {
        String v = only(dev(o -> conf(o).put("high-availability.storagedir", "file:///flink-data/x")), "unknown-ha-key");
        assertTrue(v.contains("(did you mean 'high-availability.storageDir'?)"), v);
    }

    @Test
    void rejectsAnHaTypeFlinkDoesNotKnow() {
        List<String> v = UpstreamCheck.violations(dev(o -> conf(o).put("high-availability.type", "kubernets")));
        assertTrue(v.get(0).startsWith("ha-type: high-availability.type 'kubernets' is not one Flink knows"), v::toString);
        assertTrue(v.contains("last-state-needs-ha: Job could not be upgraded with last-state while HA disabled"), v::toString);
    }

    @Test
    void acceptsTheLegacyHaKeyAndTheFactoryClass() {
        assertEquals(List.of(), UpstreamCheck.violations(dev(o -> {
            conf(o).remove("high-availability.type");
            conf(o).put("high-availability", "kubernetes");
        })));
        assertEquals(List.of(), UpstreamCheck.violations(dev(o -> conf(o).put("high-availability.type",
                "org.apache.flink.kubernetes.highavailability.KubernetesHaServicesFactory"))));
    }

    @Test
    void rejectsALeaderElectionDurationFlinkCannotParse() {
        String v = only(dev(o -> conf(o).put("high-availability.kubernetes.leader-election.lease-duration", "fifteen")), "duration");
        assertTrue(v.contains("lease-duration 'fifteen'"), v);
    }

    @Test
    void rejectsACheckpointIntervalFlinkCannotParse() {
        only(dev(o -> conf(o).put("execution.checkpointing.interval", "30 parsecs")), "duration");
    }

    @Test
    void rejectsHaWithoutAStorageDir() {
        only(dev(o -> conf(o).remove("high-availability.storageDir")), "ha-storage");
    }

    @Test
    void rejectsStandbyJobManagersWithoutHa() {
        List<String> v = UpstreamCheck.violations(dev(o -> {
            conf(o).remove("high-availability.type");
            section(o, "jobManager").put("replicas", 2);
        }));
        assertTrue(v.contains("standby-needs-ha: High availability should be enabled when starting standby JobManagers."), v::toString);
    }

    @Test
    void rejectsLastStateWithoutHa() {
        String v = only(dev(o -> conf(o).put("high-availability.type", "NONE")), "last-state-needs-ha");
        assertTrue(v.contains("last-state while HA disabled"), v);
    }

    @Test
    void rejectsJobManagerReplicasBelowOne() {
        only(dev(o -> section(o, "jobManager").put("replicas", 0)), "jobmanager-replicas");
    }

    @Test
    void rejectsLastStateWithoutACheckpointDir() {
        String v = only(dev(o -> conf(o).remove("execution.checkpointing.dir")), "checkpoint-dir");
        assertTrue(v.contains("must be defined for last-state and savepoint upgrade modes"), v);
    }

    @Test
    void acceptsTheLegacyCheckpointDirKey() {
        assertEquals(List.of(), UpstreamCheck.violations(dev(o -> {
            Object dir = conf(o).remove("execution.checkpointing.dir");
            conf(o).put("state.checkpoints.dir", dir);
        })));
    }

    @Test
    void rejectsSavepointModeWithoutASavepointDir() {
        String v = only(dev(o -> {
            section(o, "job").put("upgradeMode", "savepoint");
            conf(o).remove("execution.checkpointing.savepoint-dir");
        }), "savepoint-dir");
        assertTrue(v.contains("could not be upgraded with savepoint"), v);
    }

    @Test
    void rejectsKeysTheOperatorOwns() {
        List<String> v = UpstreamCheck.violations(dev(o -> {
            conf(o).put("kubernetes.cluster-id", "x");
            conf(o).put("high-availability.cluster-id", "x");
            conf(o).put("kubernetes.namespace", "x");
        }));
        assertEquals(3, v.stream().filter(x -> x.startsWith("forbidden-key: Forbidden Flink config key: ")).count(), v::toString);
    }

    @Test
    void rejectsANameOverFortyFiveCharacters() {
        @SuppressWarnings("unchecked")
        String v = only(dev(o -> ((Map<String, Object>) o.get("metadata")).put("name", "n".repeat(46))), "name");
        assertTrue(v.contains("no more than 45 characters"), v);
    }

    @Test
    void rejectsAMissingServiceAccount() {
        only(dev(o -> spec(o).remove("serviceAccount")), "service-account");
    }

    @Test
    void aFailingDeploymentIsNeverRegisteredAndThePlanNamesItAndTheRule() {
        var settings = Settings.valid().with("jobs", "[{\"name\":\"orders\",\"jarUri\":\"local:///j.jar\","
                + "\"flinkConfiguration\":{\"high-availability.storagedir\":\"file:///flink-data/x\"}}]").load();
        var e = assertThrows(FlinkDeploymentCheckException.class, () -> Plans.ofPlatform(settings));
        assertTrue(e.getMessage().startsWith("FlinkDeployment 'orders' fails the upstream checks (Flink Kubernetes Operator API 1.10.0, Flink 1.20.1"), e.getMessage());
        assertEquals(1, e.violations().size());
        assertTrue(e.violations().get(0).startsWith("unknown-ha-key: Flink 1.20.1 has no option 'high-availability.storagedir'"), e.getMessage());
    }
}
