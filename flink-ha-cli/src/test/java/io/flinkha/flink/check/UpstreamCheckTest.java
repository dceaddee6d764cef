package io.flinkha.flink.check;

import com.google.gson.Gson;
import io.flinkha.Plans;
import io.flinkha.Settings;
import io.flinkha.testing.PlannedResource;
import io.flinkha.operator.OperatorRelease;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import java.util.List;
import java.util.Map;
import java.util.function.Consumer;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
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

    /**
     * Dev's deployment as a Flink 1.20 job for operator 1.10.0, changed by {@code edit}: the directory keys under the only
     * names that operator's Flink 1.19.1 knows.
     */
    private static Map<String, Object> dev110(Consumer<Map<String, Object>> edit) {
        return dev(o -> {
            spec(o).put("flinkVersion", "v1_20");
            spec(o).put("image", "flink:1.20.1-java17");
            conf(o).put("state.checkpoints.dir", conf(o).remove("execution.checkpointing.dir"));
            conf(o).put("state.savepoints.dir", conf(o).remove("execution.checkpointing.savepoint-dir"));
            conf(o).put("state.checkpoints.num-retained", conf(o).remove("execution.checkpointing.num-retained"));
            edit.accept(o);
        });
    }

    private static String only110(Map<String, Object> object, String rule) {
        List<String> v = UpstreamCheck.violations(object, OperatorRelease.V1_10_0);
        assertEquals(1, v.size(), () -> "expected one violation, got " + v);
        assertTrue(v.get(0).startsWith(rule + ":"), () -> v.get(0) + " should be rule " + rule);
        return v.get(0);
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
    void theStrictReaderRefusesAFieldTheOperatorsClassesDoNotDeclareThoughTheyTolerateIt() {
        var e = assertThrows(IllegalArgumentException.class, () -> UpstreamCheck.strictMapper().convertValue(
                Map.of("apiVersion", "flink.apache.org/v1beta1", "kind", "FlinkDeployment", "spec", Map.of("serviceAcount", "flink")),
                org.apache.flink.kubernetes.operator.api.FlinkDeployment.class));
        assertTrue(e.getMessage().contains("serviceAcount"), e.getMessage());
    }

    @Test
    void rejectsAMisspelledSpecFieldByTheOperatorsClassesAndItsCrd() {
        List<String> v = UpstreamCheck.violations(dev(o -> spec(o).put("jobManger", Map.of("replicas", 2))));
        assertEquals(2, v.size(), v::toString);
        assertTrue(v.get(0).startsWith("crd-schema: spec.jobManger: unknown field"), v.get(0));
        assertTrue(v.get(1).startsWith("operator-api: ") && v.get(1).contains("\"jobManger\""), v.get(1));
    }

    @Test
    void rejectsAMisspelledJobField() {
        List<String> v = UpstreamCheck.violations(dev(o -> section(o, "job").put("upgrade-mode", "last-state")));
        assertTrue(v.contains("crd-schema: spec.job.upgrade-mode: unknown field (FlinkDeployment CRD of operator 1.10.0; "
                + "the API server drops or refuses what its schema does not allow)"), v::toString);
        assertTrue(v.stream().anyMatch(x -> x.startsWith("operator-api: ") && x.contains("\"upgrade-mode\"")), v::toString);
    }

    @Test
    void rejectsAFlinkVersionTheOperatorDoesNotKnow() {
        List<String> v = UpstreamCheck.violations(dev(o -> spec(o).put("flinkVersion", "v1_99")));
        assertTrue(v.stream().anyMatch(x -> x.startsWith("crd-schema: spec.flinkVersion: 'v1_99' is not one of")), v::toString);
        assertTrue(v.stream().anyMatch(x -> x.startsWith("operator-api: ") && x.contains("v1_99")), v::toString);
    }

    @Test
    void rejectsAnUpgradeModeTheOperatorDoesNotKnow() {
        List<String> v = UpstreamCheck.violations(dev(o -> section(o, "job").put("upgradeMode", "last_state")));
        assertTrue(v.stream().anyMatch(x -> x.startsWith("crd-schema: spec.job.upgradeMode: 'last_state' is not one of")), v::toString);
        assertTrue(v.stream().anyMatch(x -> x.startsWith("operator-api: ")), v::toString);
    }

    @Test
    void rejectsAMisspelledHaKeyAndNamesTheRightOne() {
        String v = only(dev(o -> conf(o).put("high-availability.storagedir", "file:///flink-data/x")), "flink-option");
        assertTrue(v.contains("(did you mean 'high-availability.storageDir'?)"), v);
    }

    @Test
    void rejectsAnHaTypeFlinkDoesNotKnow() {
        List<String> v = UpstreamCheck.violations(dev(o -> conf(o).put("high-availability.type", "kubernets")));
        assertTrue(v.get(0).startsWith("ha-type: high-availability.type 'kubernets' is not one Flink knows"), v::toString);
        assertTrue(v.contains("last-state-needs-ha: Job could not be upgraded with last-state while HA disabled"), v::toString);
    }

    @Test
    void acceptsTheLegacyHaKeyOnAFlink1JobAndTheFactoryClass() {
        assertEquals(List.of(), UpstreamCheck.violations(dev110(o -> {
            conf(o).remove("high-availability.type");
            conf(o).put("high-availability", "kubernetes");
        }), OperatorRelease.V1_10_0));
        assertEquals(List.of(), UpstreamCheck.violations(dev(o -> conf(o).put("high-availability.type",
                "org.apache.flink.kubernetes.highavailability.KubernetesHaServicesFactory"))));
    }

    @Test
    void rejectsALeaderElectionDurationFlinkCannotParse() {
        String v = only(dev(o -> conf(o).put("high-availability.kubernetes.leader-election.lease-duration", "fifteen")), "flink-option");
        assertTrue(v.contains("cannot read 'fifteen' as a duration"), v);
    }

    @Test
    void rejectsACheckpointIntervalFlinkCannotParse() {
        only(dev(o -> conf(o).put("execution.checkpointing.interval", "30 parsecs")), "flink-option");
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
        String v = only110(dev110(o -> conf(o).remove("state.checkpoints.dir")), "checkpoint-dir");
        assertTrue(v.contains("Checkpoint directory[state.checkpoints.dir] must be defined for last-state and savepoint upgrade modes"), v);
    }

    @Test
    void operator1150NamesTheCheckpointDirectoryByItsFlink120Key() {
        String v = only(dev(o -> conf(o).remove("execution.checkpointing.dir")), "checkpoint-dir");
        assertTrue(v.startsWith("checkpoint-dir: Checkpoint directory[execution.checkpointing.dir] must be defined for last-state "
                + "and savepoint upgrade modes"), v);
    }

    @Test
    void rejectsADeploymentWithOnlyTheFlink120DirectoryNamesWithTheOperatorsMessage() {
        List<String> v = UpstreamCheck.violations(dev110(o -> {
            section(o, "job").put("upgradeMode", "savepoint");
            conf(o).put("execution.checkpointing.dir", conf(o).remove("state.checkpoints.dir"));
            conf(o).put("execution.checkpointing.savepoint-dir", conf(o).remove("state.savepoints.dir"));
        }), OperatorRelease.V1_10_0);
        assertEquals(2, v.size(), v::toString);
        assertTrue(v.get(0).startsWith("checkpoint-dir: Checkpoint directory[state.checkpoints.dir] must be defined for "
                + "last-state and savepoint upgrade modes (the operator 1.10.0 reads configuration with Flink 1.19.1, which "
                + "does not know 'execution.checkpointing.dir'"), v.get(0));
        assertTrue(v.get(1).startsWith("savepoint-dir: Job could not be upgraded with savepoint while config key[state.savepoints.dir] "
                + "is not set (the operator 1.10.0 reads configuration with Flink 1.19.1, which does not know "
                + "'execution.checkpointing.savepoint-dir'"), v.get(1));
    }

    @Test
    void theOperatorsRulesReadConfigurationWithTheOperatorsFlinkReleaseNotTheImages() {
        var asOperator = FlinkRelease.bundled(OperatorRelease.V1_10_0.flinkVersion())
                .readConfiguration(Map.of("execution.checkpointing.dir", "s3://b/c"));
        assertEquals("1.19.1", OperatorRelease.V1_10_0.flinkVersion());
        assertEquals("state.checkpoints.dir", asOperator.get("checkpoints.key"));
        assertEquals(null, asOperator.get("checkpoints"), "Flink 1.19.1 has no option named execution.checkpointing.dir");
        // the image's Flink, on the program's own class path, reads the same map differently
        assertEquals("s3://b/c", org.apache.flink.configuration.Configuration.fromMap(Map.of("execution.checkpointing.dir", "s3://b/c"))
                .get(org.apache.flink.configuration.CheckpointingOptions.CHECKPOINTS_DIRECTORY));
    }

    @Test
    void theImagesFlinkReadsTheDirectoryNamesThePlatformWrites() {
        var conf = org.apache.flink.configuration.Configuration.fromMap(Map.of(
                "state.checkpoints.dir", "s3://b/c", "state.savepoints.dir", "s3://b/s"));
        assertEquals("s3://b/c", conf.get(org.apache.flink.configuration.CheckpointingOptions.CHECKPOINTS_DIRECTORY));
        assertEquals("s3://b/s", conf.get(org.apache.flink.configuration.CheckpointingOptions.SAVEPOINT_DIRECTORY));
    }

    @Test
    void rejectsSavepointModeWithoutASavepointDir() {
        String v = only110(dev110(o -> {
            section(o, "job").put("upgradeMode", "savepoint");
            conf(o).remove("state.savepoints.dir");
        }), "savepoint-dir");
        assertTrue(v.contains("Job could not be upgraded with savepoint while config key[state.savepoints.dir] is not set"), v);
    }

    @Test
    void rejectsSavepointModeWithoutACheckpointDir() {
        String v = only110(dev110(o -> {
            section(o, "job").put("upgradeMode", "savepoint");
            conf(o).remove("state.checkpoints.dir");
        }), "checkpoint-dir");
        assertTrue(v.contains("[state.checkpoints.dir]"), v);
    }

    @Test
    void acceptsAStatelessJobWithoutCheckpointOrSavepointDirs() {
        assertEquals(List.of(), UpstreamCheck.violations(dev(o -> {
            section(o, "job").put("upgradeMode", "stateless");
            conf(o).remove("execution.checkpointing.dir");
            conf(o).remove("execution.checkpointing.savepoint-dir");
        })));
    }

    @Test
    void rejectsAPodTemplateFieldTheCrdDoesNotDeclare() {
        @SuppressWarnings("unchecked")
        String v = only(dev(o -> ((Map<String, Object>) ((List<Object>) ((Map<String, Object>) ((Map<String, Object>) spec(o)
                .get("podTemplate")).get("spec")).get("containers")).get(0)).put("volumeMount", List.of())), "crd-schema");
        assertTrue(v.startsWith("crd-schema: spec.podTemplate.spec.containers[0].volumeMount: unknown field"), v);
    }

    @Test
    void rejectsAValueOfTheWrongTypeForTheCrd() {
        List<String> v = UpstreamCheck.violations(dev(o -> section(o, "job").put("parallelism", "two")));
        assertTrue(v.stream().anyMatch(x -> x.startsWith("crd-schema: spec.job.parallelism: expected an integer, got 'two'")), v::toString);
    }

    @Test
    void rejectsAnEnumValueTheCrdDoesNotAllow() {
        List<String> v = UpstreamCheck.violations(dev(o -> spec(o).put("mode", "standalon")));
        assertTrue(v.stream().anyMatch(x -> x.startsWith("crd-schema: spec.mode: 'standalon' is not one of [native, standalone]")), v::toString);
    }

    @Test
    void rejectsAMissingFlinkVersion() {
        only(dev(o -> spec(o).remove("flinkVersion")), "flink-version");
    }

    @Test
    void rejectsABlankServiceAccount() {
        only(dev(o -> spec(o).put("serviceAccount", " ")), "service-account");
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

    /**
     * A FlinkDeployment a library user declares with the CRD's own Args, past every check of the HA Args, which refuse the
     * typo first: the upstream check at serialization is its last guard.
     */
    private static java.util.function.Consumer<com.pulumi.Context> byHand(Map<String, String> flinkConfiguration) {
        var resources = new io.flinkha.flink.crd.FlinkResourceArgs(1, "2048m");
        return ctx -> new io.flinkha.flink.crd.FlinkDeployment("orders", new io.flinkha.flink.crd.FlinkDeploymentArgs(
                com.pulumi.kubernetes.meta.v1.inputs.ObjectMetaArgs.builder().name("orders").namespace("flink").build(),
                io.flinkha.flink.crd.FlinkDeploymentSpecArgs.builder().image("flink:1.20.1-java17").flinkVersion("v1_20")
                        .serviceAccount(com.pulumi.core.Output.of("flink")).flinkConfiguration(com.pulumi.core.Output.of(flinkConfiguration))
                        .jobManager(new io.flinkha.flink.crd.JobManagerSpecArgs(1, resources))
                        .taskManager(new io.flinkha.flink.crd.TaskManagerSpecArgs(resources))
                        .job(new io.flinkha.flink.crd.JobSpecArgs("local:///j.jar", null, List.of(), 1, io.flinkha.flink.crd.UpgradeMode.STATELESS))
                        .build()), null);
    }

    @Test
    void aFailingDeploymentIsNeverRegisteredAndThePlanNamesItAndTheRule() {
        var e = assertThrows(FlinkDeploymentCheckException.class, () -> io.flinkha.testing.PlanEngine.run("flink-ha", "test", Map.of(),
                byHand(Map.of("high-availability.storagedir", "file:///flink-data/x"))));
        assertTrue(e.getMessage().startsWith("FlinkDeployment 'orders' fails the upstream checks (Flink Kubernetes Operator 1.10.0 API and "
                + "CRD, operator 1.15.0 rules on Flink 1.20.1 keys; Flink 1.20.1 ConfigOptions)"), e.getMessage());
        assertEquals(1, e.violations().size());
        assertTrue(e.violations().get(0).startsWith("flink-option: high-availability.storagedir: Flink 1.20.1 defines no option "
                + "'high-availability.storagedir' (did you mean 'high-availability.storageDir'?)"), e.getMessage());
    }

    @Test
    void underTheEngineAFailingDeploymentIsOneErrorNamingItAndEveryRuleItBreaks() {
        // the check runs on the resolved inputs, inside the SDK's serialization of the resource: depending on which
        // thread sees the failure first the SDK prints it alone or after its own stack trace (see README)
        List<String> errors = io.flinkha.testing.PlanEngine.engineErrors("flink-ha", "test", Map.of(),
                byHand(Map.of("heartbeat.timeout", "soon")));
        assertEquals(1, errors.size(), errors::toString);
        assertTrue(errors.get(0).contains("FlinkDeployment 'orders' fails the upstream checks"), errors.get(0));
        assertTrue(errors.get(0).contains("flink-option: heartbeat.timeout: Flink 1.20.1 cannot read 'soon' as a duration"), errors.get(0));
    }

    @Test
    void aDeploymentWithoutSpecIsReportedByTheFieldsTheOperatorNeeds() {
        assertEquals(List.of("service-account: spec.serviceAccount must be defined; Flink's leader election runs as it",
                "flink-version: spec.flinkVersion must be defined"), UpstreamCheck.violations(Map.of("apiVersion", "flink.apache.org/v1beta1",
                "kind", "FlinkDeployment", "metadata", Map.of("name", "orders"))));
    }

    @Test
    void theWarmUpRunsOnADaemonThreadSoItNeverHoldsTheProgramOpen() throws InterruptedException {
        Thread warmUp = UpstreamCheck.warmUpInBackground();
        assertTrue(warmUp.isDaemon());
        warmUp.join(60_000);
        assertEquals(Thread.State.TERMINATED, warmUp.getState(), "started, and done");
    }

    @Test
    void theDevJobRunsFlink22() {
        assertEquals("v2_2", spec(dev(o -> { })).get("flinkVersion"));
    }

    @Test
    void rejectsAFlink1KeyNameOnAFlink2JobNamingTheKeyToUse() {
        String v = only(dev(o -> conf(o).put("state.savepoints.dir", conf(o).remove("execution.checkpointing.savepoint-dir"))), "flink-option");
        assertEquals("flink-option: state.savepoints.dir: 'state.savepoints.dir' is a Flink 1.x name that Flink 2.2.0 reads only as a "
                + "deprecated key of 'execution.checkpointing.savepoint-dir': use 'execution.checkpointing.savepoint-dir'", v);
    }

    @Test
    void rejectsOverlappingKeysOnAFlink2JobInTheOperatorsWordsQuotingBoth() {
        List<String> v = UpstreamCheck.violations(dev(o -> {
            conf(o).put("state.backend.type", "rocksdb");
            conf(o).put("state.backend.type.extra", "x");
        }));
        assertTrue(v.contains("overlapping-keys: Overlapping key prefixes detected (state.backend.type -> state.backend.type.extra), "
                + "please replace with Flink v2 compatible, non-deprecated keys."), v::toString);
    }

    @Test
    void theLegacyHaKeyBesideTheCurrentOneIsBothDeprecatedAndAnOverlapOnFlink2() {
        List<String> v = UpstreamCheck.violations(dev(o -> conf(o).put("high-availability", "kubernetes")));
        assertEquals(List.of("flink-option: high-availability: 'high-availability' is a Flink 1.x name that Flink 2.2.0 reads only as a "
                + "deprecated key of 'high-availability.type': use 'high-availability.type'",
                "overlapping-keys: Overlapping key prefixes detected (high-availability -> high-availability.kubernetes.leader-election."
                        + "lease-duration), please replace with Flink v2 compatible, non-deprecated keys."), v.subList(0, 2));
    }

    @Test
    void overlappingKeysAreAllowedOnAFlink1JobWhichReadsFlinkConfYaml() {
        assertEquals(List.of(), UpstreamCheck.violations(dev110(o -> conf(o).put("high-availability", "kubernetes")), OperatorRelease.V1_10_0));
    }

    @Test
    void rejectsAFlinkVersionOutsideTheOperatorsRange() {
        List<String> v = UpstreamCheck.violations(dev(o -> spec(o).put("flinkVersion", "v2_2")), OperatorRelease.V1_10_0);
        assertEquals("flink-version: spec.flinkVersion v2_2 is not one operator 1.10.0 accepts (its CRD and validator take v1_15, "
                + "v1_16, v1_17, v1_18, v1_19, v1_20: Flink 1.15 to 1.20)", v.get(0));
    }

    @Test
    void rejectsV2_3OnOperator1150WhoseCrdStopsAtV2_2() {
        List<String> v = UpstreamCheck.violations(dev(o -> spec(o).put("flinkVersion", "v2_3")));
        assertTrue(v.get(0).startsWith("flink-version: spec.flinkVersion v2_3 is not one operator 1.15.0 accepts"), v::toString);
    }

    @Test
    void aFlink120JobAndAFlink22JobAreEachCheckedByTheirOwnRelease() {
        // heartbeat.timeout is a duration in both; state.backend.async exists only in 1.20
        assertEquals(List.of(), UpstreamCheck.violations(dev110(o -> conf(o).put("state.backend.async", "true")), OperatorRelease.V1_10_0));
        assertEquals("flink-option: state.backend.async: Flink 2.2.0 removed 'state.backend.async' (a Flink 1.20 option): drop it",
                only(dev(o -> conf(o).put("state.backend.async", "true")), "flink-option"));
    }

    @Test
    void refusesAFlinkMinorTheOperatorAcceptsButTheLibraryHasNoOptionsOf() {
        List<String> v = UpstreamCheck.violations(dev(o -> spec(o).put("flinkVersion", "v2_1")));
        assertEquals("flink-version: spec.flinkVersion v2_1: this build checks jobs on Flink 1.19, 1.20, 2.0, 2.2 (each with its own "
                + "release's options); Flink 2.1 is not among them", v.get(0));
    }

    @Test
    void verifyWithoutAnOperatorChecksAsTheDefaultOperatorReads() {
        var e = assertThrows(FlinkDeploymentCheckException.class, () -> UpstreamCheck.verify("state-machine",
                dev(o -> conf(o).put("state.backend.async", "true"))));
        assertTrue(e.getMessage().contains("operator 1.15.0 rules on Flink 1.20.1 keys; Flink 2.2.0 ConfigOptions"), e.getMessage());
        assertEquals(List.of("flink-option: state.backend.async: Flink 2.2.0 removed 'state.backend.async' (a Flink 1.20 option): drop it"),
                e.violations());
    }
}
