package io.flinkha.flink;

import io.flinkha.flink.crd.UpgradeMode;
import com.pulumi.core.Output;
import io.flinkha.cluster.KubernetesCluster;
import io.flinkha.identity.FlinkServiceAccount;
import io.flinkha.identity.FlinkServiceAccountArgs;
import io.flinkha.operator.OperatorRelease;
import io.flinkha.ComponentPlans;
import io.flinkha.ComponentPlans.Plan;
import io.flinkha.PublicApi.Registered;
import io.flinkha.storage.NfsStorage;
import io.flinkha.storage.NfsStorageArgs;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Map;
import java.util.function.UnaryOperator;

import static io.flinkha.ComponentPlans.at;
import static io.flinkha.ComponentPlans.flinkConfiguration;
import static io.flinkha.ComponentPlans.only;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class HaFlinkDeploymentTest {
    static final String TYPE = "kubernetes:flink.apache.org/v1beta1:FlinkDeployment";

    static Plan plan(String name, UnaryOperator<HaFlinkDeploymentArgs.Builder> customise) {
        return ComponentPlans.ofComponent((KubernetesCluster cluster) -> {
            var storage = new NfsStorage("ha", NfsStorageArgs.builder().namespace("streaming").environment("qa")
                    .cluster(cluster).build(), null);
            var account = new FlinkServiceAccount("jobs", FlinkServiceAccountArgs.builder().cluster(cluster).namespace("streaming").build(), null);
            storage.grantReadWrite(account);
            return new HaFlinkDeployment(name, customise.apply(HaFlinkDeploymentArgs.builder()
                    .jarUri("local:///opt/flink/usrlib/orders.jar")
                    .storage(storage)
                    .serviceAccount(account)).build(), null);
        });
    }

    private static Registered deployment(UnaryOperator<HaFlinkDeploymentArgs.Builder> customise) {
        return only(plan("orders", customise), TYPE);
    }

    @Test
    void turnsOnKubernetesHaWithAStorageDirOnTheDurableMount() {
        Map<String, Object> conf = flinkConfiguration(deployment(b -> b));
        assertEquals("kubernetes", conf.get("high-availability.type"));
        assertEquals("file:///flink-data/qa/streaming/orders/ha", conf.get("high-availability.storageDir"));
    }

    @Test
    void checkpointsAndSavepointsLiveNextToTheHaData() {
        Map<String, Object> conf = flinkConfiguration(deployment(b -> b));
        assertEquals("file:///flink-data/qa/streaming/orders/checkpoints", conf.get("execution.checkpointing.dir"));
        assertEquals("file:///flink-data/qa/streaming/orders/savepoints", conf.get("execution.checkpointing.savepoint-dir"));
        assertEquals("60s", conf.get("execution.checkpointing.interval"));
    }

    @Test
    void pulumiUpWaitsForTheOperatorToReportTheJobRunningAndStable() {
        Map<String, Object> annotations = at(deployment(b -> b), "metadata.annotations");
        @SuppressWarnings("unchecked")
        List<String> conditions = new com.google.gson.Gson().fromJson((String) annotations.get("pulumi.com/waitFor"), List.class);
        assertEquals(List.of("jsonpath={.status.jobStatus.state}=RUNNING", "jsonpath={.status.lifecycleState}=STABLE"), conditions);
        assertEquals("600", annotations.get("pulumi.com/timeoutSeconds"), "ten minutes by default");
    }

    @Test
    void theWaitIsBoundedByTheReadyTimeout() {
        Map<String, Object> annotations = at(deployment(b -> b.readyTimeout(java.time.Duration.ofMinutes(15))), "metadata.annotations");
        assertEquals("900", annotations.get("pulumi.com/timeoutSeconds"));
    }

    @Test
    void rejectsAReadyTimeoutUnderAMinute() {
        var e = assertThrows(IllegalArgumentException.class, () -> deployment(b -> b.readyTimeout(java.time.Duration.ofSeconds(30))));
        assertTrue(e.getMessage().contains("readyTimeout: got '30s'; expected at least 1min"), e.getMessage());
    }

    @Test
    void writesTheDirectoryKeysOperator1100ReadsForAFlink120Image() {
        Map<String, Object> conf = flinkConfiguration(deployment(b -> b.flinkVersion("1.20.1").operatorRelease(OperatorRelease.V1_10_0)));
        assertEquals("file:///flink-data/qa/streaming/orders/checkpoints", conf.get("state.checkpoints.dir"));
        assertEquals("file:///flink-data/qa/streaming/orders/savepoints", conf.get("state.savepoints.dir"));
        assertEquals("2", conf.get("state.checkpoints.num-retained"));
        assertFalse(conf.containsKey("execution.checkpointing.dir"), "operator 1.10 (Flink 1.19.1) does not read it");
        assertFalse(conf.containsKey("execution.checkpointing.savepoint-dir"), "operator 1.10 (Flink 1.19.1) does not read it");
    }

    @Test
    void writesFlink120sCurrentKeysForOperator1150WhichReadsThemWithFlink1201() {
        Map<String, Object> conf = flinkConfiguration(deployment(b -> b.flinkVersion("1.20.1")));
        assertEquals("file:///flink-data/qa/streaming/orders/checkpoints", conf.get("execution.checkpointing.dir"));
        assertEquals("file:///flink-data/qa/streaming/orders/savepoints", conf.get("execution.checkpointing.savepoint-dir"));
        assertEquals("2", conf.get("execution.checkpointing.num-retained"));
        assertFalse(conf.containsKey("state.checkpoints.dir"));
    }

    @Test
    void aFlink22JobCarriesOnlyKeysFlink22ReadsAsCurrent() {
        Registered d = deployment(b -> b.flinkVersion("2.2.0"));
        Map<String, Object> conf = flinkConfiguration(d);
        io.flinkha.flink.check.FlinkOptions flink22 = io.flinkha.flink.check.FlinkOptions.of("2.2.0");
        for (String key : conf.keySet()) {
            assertEquals(java.util.Optional.of(key), flink22.currentKey(key).or(() -> java.util.Optional.of(key)), key + " is not current in 2.2");
        }
        assertEquals("file:///flink-data/qa/streaming/orders/checkpoints", conf.get("execution.checkpointing.dir"));
        assertEquals("v2_2", at(d, "spec.flinkVersion"));
        assertEquals("flink:2.2.0-java17", at(d, "spec.image"));
    }

    @Test
    void rejectsAFlink2JobOnOperator1100NamingTheRangeItRuns() {
        var e = assertThrows(IllegalArgumentException.class, () -> deployment(b -> b.flinkVersion("2.2.0")
                .operatorRelease(OperatorRelease.V1_10_0)));
        assertTrue(e.getMessage().contains("flinkVersion: got '2.2.0'; operator 1.10.0 runs Flink 1.15 to 1.20 (its CRD and validator "
                + "take v1_15, v1_16, v1_17, v1_18, v1_19, v1_20); Flink 2 needs operator 1.15.0"), e.getMessage());
    }

    @Test
    void rejectsAFlinkMinorTheLibraryHasNoOptionsOf() {
        var e = assertThrows(IllegalArgumentException.class, () -> deployment(b -> b.flinkVersion("2.1.1")));
        assertTrue(e.getMessage().contains("flinkVersion: got '2.1.1'; this build checks jobs on Flink 1.19, 1.20, 2.0, 2.2"), e.getMessage());
    }

    @Test
    void aFlink119ImageGetsTheSameDirectoryKeysAndItsOwnVersion() {
        Registered d = deployment(b -> b.flinkVersion("1.19.1"));
        Map<String, Object> conf = flinkConfiguration(d);
        assertEquals("file:///flink-data/qa/streaming/orders/checkpoints", conf.get("state.checkpoints.dir"));
        assertEquals("v1_19", at(d, "spec.flinkVersion"));
        assertEquals("flink:1.19.1-java17", at(d, "spec.image"));
    }

    @Test
    void neverSetsTheClusterIdsTheOperatorOwns() {
        Map<String, Object> conf = flinkConfiguration(deployment(b -> b));
        assertFalse(conf.containsKey("kubernetes.cluster-id"));
        assertFalse(conf.containsKey("high-availability.cluster-id"));
    }

    @Test
    void mountsTheStorageInTheMainContainer() {
        Registered d = deployment(b -> b);
        assertEquals("flink-main-container", at(d, "spec.podTemplate.spec.containers.0.name"));
        assertEquals(List.of(Map.of("name", "flink-ha-storage", "mountPath", "/flink-data")),
                at(d, "spec.podTemplate.spec.containers.0.volumeMounts"));
        assertEquals("flink-ha-storage", at(d, "spec.podTemplate.spec.volumes.0.persistentVolumeClaim.claimName"));
    }

    @Test
    void thePodsRunAsTheRestrictedPodSecurityStandardAsksAsTheImagesFlinkUser() {
        var d = deployment(b -> b);
        Map<String, Object> pod = at(d, "spec.podTemplate.spec.securityContext");
        assertEquals(true, pod.get("runAsNonRoot"));
        for (String id : List.of("runAsUser", "runAsGroup", "fsGroup")) {
            assertEquals(9999, ((Number) pod.get(id)).intValue(), id);
        }
        assertEquals(Map.of("type", "RuntimeDefault"), pod.get("seccompProfile"));
        assertEquals(Map.of("allowPrivilegeEscalation", false, "capabilities", Map.of("drop", List.of("ALL"))),
                at(d, "spec.podTemplate.spec.containers.0.securityContext"));
    }

    @Test
    void aProductionJobThatKeepsStateGetsSavepointsOnAScheduleByDefault() {
        Map<String, Object> conf = flinkConfiguration(deployment(b -> b.production(true)));
        assertEquals("12h", conf.get("kubernetes.operator.periodic.savepoint.interval"));
        assertEquals("14", conf.get("kubernetes.operator.savepoint.history.max.count"));
        assertEquals("7d", conf.get("kubernetes.operator.savepoint.history.max.age"));
    }

    @Test
    void outsideProductionAndWhenTurnedOffNoSavepointIsScheduled() {
        Map<String, Object> dev = flinkConfiguration(deployment(b -> b));
        Map<String, Object> off = flinkConfiguration(deployment(b -> b.production(true).noPeriodicSavepoints()));
        assertTrue(dev.keySet().stream().noneMatch(k -> k.contains("savepoint.interval")), dev.toString());
        assertTrue(off.keySet().stream().noneMatch(k -> k.contains("savepoint.interval")), off.toString());
    }

    @Test
    void aScheduleOfItsOwnIsRenderedInTheOperatorsWords() {
        Map<String, Object> conf = flinkConfiguration(deployment(b -> b.savepoints(new PeriodicSavepoints(java.time.Duration.ofMinutes(90), 4,
                java.time.Duration.ofDays(1)))));
        assertEquals(List.of("90min", "4", "1d"), List.of(conf.get("kubernetes.operator.periodic.savepoint.interval"),
                conf.get("kubernetes.operator.savepoint.history.max.count"), conf.get("kubernetes.operator.savepoint.history.max.age")));
    }

    @Test
    void aScheduleWhoseHistoryIsShorterThanItsIntervalIsRefused() {
        var e = assertThrows(IllegalArgumentException.class, () -> new PeriodicSavepoints(java.time.Duration.ofHours(12), 14,
                java.time.Duration.ofHours(1)));
        assertTrue(e.getMessage().contains("maxAge: got '1h'; expected at least the interval (12h)"), e.getMessage());
    }

    @Test
    void rendersReplicasUpgradeModeAndJob() {
        Registered d = deployment(b -> b.jobManagerReplicas(2).upgradeMode(UpgradeMode.SAVEPOINT).parallelism(4)
                .entryClass("com.example.Orders").args(List.of("--topic", "orders")));
        assertEquals(2L, (Long) at(d, "spec.jobManager.replicas"));
        assertEquals("savepoint", at(d, "spec.job.upgradeMode"));
        assertEquals(4L, (Long) at(d, "spec.job.parallelism"));
        assertEquals("com.example.Orders", at(d, "spec.job.entryClass"));
        assertEquals(List.of("--topic", "orders"), at(d, "spec.job.args"));
        assertEquals("running", at(d, "spec.job.state"));
        assertEquals("flink", at(d, "spec.serviceAccount"));
    }

    @Test
    void keepsExtraFlinkConfiguration() {
        Map<String, Object> conf = flinkConfiguration(deployment(b -> b.flinkConfiguration(Map.of("taskmanager.numberOfTaskSlots", "4"))));
        assertEquals("4", conf.get("taskmanager.numberOfTaskSlots"));
    }

    @Test
    void rejectsExtraConfigurationThatWouldTurnHaOff() {
        var e = assertThrows(IllegalArgumentException.class, () -> deployment(b -> b.flinkConfiguration(Map.of("high-availability.type", "NONE"))));
        assertTrue(e.getMessage().contains("flinkConfiguration.high-availability.type"), e.getMessage());
    }

    @Test
    void rejectsANameOverFortyFiveCharacters() {
        String name = "o".repeat(46);
        var e = assertThrows(IllegalArgumentException.class, () -> plan(name, b -> b));
        assertTrue(e.getMessage().contains("at most 45 characters"), e.getMessage());
    }

    @Test
    void rejectsJobManagerReplicasBelowOne() {
        var e = assertThrows(IllegalArgumentException.class, () -> deployment(b -> b.jobManagerReplicas(0)));
        assertTrue(e.getMessage().contains("jobManagerReplicas: got 0"), e.getMessage());
    }

    static final String PDB = "kubernetes:policy/v1:PodDisruptionBudget";

    @Test
    void keepsTwoCheckpointsByDefaultUnderTheNameBothReadersKnow() {
        assertEquals("2", flinkConfiguration(deployment(b -> b)).get("execution.checkpointing.num-retained"));
        assertEquals("5", flinkConfiguration(deployment(b -> b.retainedCheckpoints(5))).get("execution.checkpointing.num-retained"));
    }

    @Test
    void rejectsKeepingNoCheckpointAndSettingTheKeyByHand() {
        var none = assertThrows(IllegalArgumentException.class, () -> deployment(b -> b.retainedCheckpoints(0)));
        assertTrue(none.getMessage().contains("retainedCheckpoints: got 0; expected a whole number from 1 to 100"), none.getMessage());
        var byHand = assertThrows(IllegalArgumentException.class,
                () -> deployment(b -> b.flinkConfiguration(Map.of("execution.checkpointing.num-retained", "3"))));
        assertTrue(byHand.getMessage().contains("flinkConfiguration.execution.checkpointing.num-retained: got '3'; this key is set by the platform; set "
                + "the job's retainedCheckpoints instead"), byHand.getMessage());
    }

    @Test
    void twoJobManagersOfOneDeploymentNeverShareANodeAndPreferDifferentZones() {
        Map<String, Object> antiAffinity = at(deployment(b -> b.jobManagerReplicas(2)), "spec.jobManager.podTemplate.spec.affinity.podAntiAffinity");
        Map<String, Object> required = deploymentTerm(antiAffinity, "requiredDuringSchedulingIgnoredDuringExecution");
        assertEquals("kubernetes.io/hostname", required.get("topologyKey"));
        assertEquals(Map.of("app", "orders", "component", "jobmanager", "type", "flink-native-kubernetes"),
                ((Map<?, ?>) required.get("labelSelector")).get("matchLabels"));
        Map<String, Object> preferred = deploymentTerm(antiAffinity, "preferredDuringSchedulingIgnoredDuringExecution");
        assertEquals("topology.kubernetes.io/zone", ((Map<?, ?>) preferred.get("podAffinityTerm")).get("topologyKey"));
    }

    @Test
    void taskManagersSpreadAcrossZonesWithoutBlockingASingleZoneCluster() {
        List<Map<String, Object>> spread = at(deployment(b -> b), "spec.taskManager.podTemplate.spec.topologySpreadConstraints");
        assertEquals(1, spread.size());
        assertEquals("topology.kubernetes.io/zone", spread.get(0).get("topologyKey"));
        assertEquals("ScheduleAnyway", spread.get(0).get("whenUnsatisfiable"));
        assertEquals(Map.of("app", "orders", "component", "taskmanager", "type", "flink-native-kubernetes"),
                ((Map<?, ?>) spread.get(0).get("labelSelector")).get("matchLabels"));
    }

    @Test
    void standbyJobManagersGetABudgetThatLetsADrainEvictOneAtATime() {
        Plan plan = plan("orders", b -> b.jobManagerReplicas(2));
        Registered budget = only(plan, PDB);
        assertEquals(1, ((Number) at(budget, "spec.maxUnavailable")).intValue());
        assertEquals(Map.of("app", "orders", "component", "jobmanager", "type", "flink-native-kubernetes"),
                at(budget, "spec.selector.matchLabels"));
        assertEquals("streaming", at(budget, "metadata.namespace"));
    }

    @Test
    void aSingleJobManagerGetsNoBudgetBecauseItWouldBlockEveryDrain() {
        assertEquals(List.of(), plan("orders", b -> b.jobManagerReplicas(1)).ofType(PDB));
    }

    @SuppressWarnings("unchecked")
    private static Map<String, Object> deploymentTerm(Map<String, Object> antiAffinity, String kind) {
        List<Map<String, Object>> terms = (List<Map<String, Object>>) antiAffinity.get(kind);
        assertEquals(1, terms.size(), kind);
        return terms.get(0);
    }
    @Test
    void parallelismJobManagersCheckpointsAndReadyTimeoutAreAcceptedAtTheirLowerBounds() {
        Registered d = deployment(b -> b.parallelism(1).jobManagerReplicas(1).retainedCheckpoints(1).readyTimeout(java.time.Duration.ofMinutes(1)));
        assertEquals(1L, (Long) at(d, "spec.job.parallelism"));
        assertEquals(1L, (Long) at(d, "spec.jobManager.replicas"));
        assertEquals("1", flinkConfiguration(d).get("execution.checkpointing.num-retained"));
        Map<String, Object> annotations = at(d, "metadata.annotations");
        assertEquals("60", annotations.get("pulumi.com/timeoutSeconds"));
    }

    @Test
    void parallelismJobManagersAndCheckpointsAreAcceptedAtTheirUpperBounds() {
        Registered d = deployment(b -> b.parallelism(HaFlinkDeploymentArgs.MAX_PARALLELISM)
                .jobManagerReplicas(HaFlinkDeploymentArgs.MAX_JOBMANAGER_REPLICAS).retainedCheckpoints(HaFlinkDeploymentArgs.MAX_RETAINED_CHECKPOINTS));
        assertEquals((long) HaFlinkDeploymentArgs.MAX_PARALLELISM, (Long) at(d, "spec.job.parallelism"));
        assertEquals((long) HaFlinkDeploymentArgs.MAX_JOBMANAGER_REPLICAS, (Long) at(d, "spec.jobManager.replicas"));
        assertEquals(String.valueOf(HaFlinkDeploymentArgs.MAX_RETAINED_CHECKPOINTS), flinkConfiguration(d).get("execution.checkpointing.num-retained"));
    }

    @Test
    void rejectsParallelismJobManagersAndCheckpointsAboveTheirBounds() {
        var e = assertThrows(IllegalArgumentException.class, () -> deployment(b -> b.parallelism(HaFlinkDeploymentArgs.MAX_PARALLELISM + 1)
                .jobManagerReplicas(HaFlinkDeploymentArgs.MAX_JOBMANAGER_REPLICAS + 1).retainedCheckpoints(HaFlinkDeploymentArgs.MAX_RETAINED_CHECKPOINTS + 1)));
        assertTrue(e.getMessage().contains("parallelism: got 10001") && e.getMessage().contains("jobManagerReplicas: got 6")
                && e.getMessage().contains("retainedCheckpoints: got 101"), e.getMessage());
    }

    @Test
    void aSavepointToStartFromOnTheMountedVolumeIsRenderedWithTheAcknowledgedLoss() {
        Registered d = deployment(b -> b.initialSavepointPath("file:///flink-data/qa/savepoints/sp-1").acknowledgeStateLoss("moved to a new cluster"));
        assertEquals("file:///flink-data/qa/savepoints/sp-1", at(d, "spec.job.initialSavepointPath"));
        Map<String, Object> annotations = at(d, "metadata.annotations");
        assertEquals("moved to a new cluster", annotations.get(HaFlinkDeployment.STATE_LOSS_ACKNOWLEDGED_ANNOTATION));
    }

    @Test
    void rejectsASavepointOffDurableStorageAndABlankAcknowledgement() {
        var e = assertThrows(IllegalArgumentException.class, () -> deployment(b -> b.initialSavepointPath("file:///tmp/sp-1").acknowledgeStateLoss(" ")));
        assertTrue(e.getMessage().contains("initialSavepointPath: got 'file:///tmp/sp-1'; expected a savepoint on durable storage"), e.getMessage());
        assertTrue(e.getMessage().contains("acknowledgeStateLoss: got ' '; expected the reason"), e.getMessage());
    }

    /** 40 s leave no time for a new JobManager pod (30 s) after the restore (15 s). */
    private static final RecoveryObjective NEEDS_STANDBY = new RecoveryObjective(java.time.Duration.ofSeconds(40),
            java.time.Duration.ofSeconds(30), java.time.Duration.ofSeconds(15));

    @Test
    void aRecoveryObjectiveThatANewPodWouldMissDerivesAStandbyJobManager() {
        assertEquals(2L, (Long) at(deployment(b -> b.recoveryObjective(NEEDS_STANDBY)), "spec.jobManager.replicas"));
    }

    @Test
    void anObjectiveOneJobManagerCannotMeetIsRefusedWhenOneIsAskedFor() {
        var e = assertThrows(IllegalArgumentException.class, () -> deployment(b -> b.recoveryObjective(NEEDS_STANDBY).jobManagerReplicas(1)));
        assertTrue(e.getMessage().startsWith("HaFlinkDeploymentArgs: recoveryObjective: objective 40s cannot be met with 1 JobManager"),
                e.getMessage());
    }

    @Test
    void anImageWhoseTagNamesAnotherFlinkThanFlinkVersionIsRefused() {
        var e = assertThrows(IllegalArgumentException.class, () -> deployment(b -> b.flinkVersion("1.20.1").image("flink:1.19.1-java17")));
        assertTrue(e.getMessage().contains("image: got 'flink:1.19.1-java17'; its tag says Flink 1.19.1, but flinkVersion is 1.20.1"), e.getMessage());
    }

    @Test
    void theRecoveryBudgetIsTheObjectiveOrElseTheWorstCaseTheDeploymentAnnotates() {
        HaFlinkDeploymentArgs plain = io.flinkha.validation.ArgsCheck.unbound(HaFlinkDeploymentArgs.builder().jarUri("local:///j.jar")
                .checkpointInterval("45s")::build);
        assertEquals(plain.recovery().worst().total(), plain.recoveryBudget());
        // the worst case the budget comes from is the one the planned deployment annotates
        Map<String, Object> annotations = at(deployment(b -> b.checkpointInterval("45s")), "metadata.annotations");
        assertEquals(plain.recovery().describe(), annotations.get(HaFlinkDeployment.WORST_CASE_ANNOTATION));
        assertEquals(java.time.Duration.ofSeconds(45), plain.checkpointEvery());
        HaFlinkDeploymentArgs declared = io.flinkha.validation.ArgsCheck.unbound(HaFlinkDeploymentArgs.builder().jarUri("local:///j.jar")
                .jobManagerReplicas(2).recoveryObjective(RecoveryObjective.of(java.time.Duration.ofSeconds(90)))::build);
        assertEquals(java.time.Duration.ofSeconds(90), declared.recoveryBudget());
    }

    @Test
    void aCheckpointIntervalOfZeroIsRefused() {
        var e = assertThrows(IllegalArgumentException.class, () -> deployment(b -> b.checkpointInterval("0 s")));
        assertTrue(e.getMessage().contains("checkpointInterval: got '0 s'; expected a positive Flink duration"), e.getMessage());
    }
}
