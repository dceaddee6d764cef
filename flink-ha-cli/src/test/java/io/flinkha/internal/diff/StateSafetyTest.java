package io.flinkha.internal.diff;

import io.flinkha.internal.app.FlinkHaProgram;
import io.flinkha.testing.PlanEngine;
import io.flinkha.testing.PlanRenderer;
import io.flinkha.internal.plan.StackConfig;
import org.junit.jupiter.api.Test;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.UnaryOperator;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * What each change does to a job's state, on pairs of real plans: the committed stack's plan, and the plan
 * of the same stack with one setting changed.
 */
class StateSafetyTest {

    /** The plan of a committed stack with its config edited, as {@code plan <stack> --json} prints it. */
    private static String planOf(String stack, UnaryOperator<String> edit) {
        StackConfig config = StackConfig.load(Path.of("").toAbsolutePath(), stack);
        Map<String, String> values = new LinkedHashMap<>();
        config.values().forEach((k, v) -> values.put(k, edit.apply(k + "=" + v).substring(k.length() + 1)));
        return PlanRenderer.json(PlanEngine.run(config.project(), stack, values, FlinkHaProgram::define));
    }

    /** Replaces {@code from} with {@code to} in the value of one config key. */
    private static UnaryOperator<String> set(String key, String from, String to) {
        return kv -> {
            if (!kv.startsWith(key + "=")) {
                return kv;
            }
            // an edit that matches nothing would compare a plan with itself, and a test expecting no loss would pass for nothing
            if (!kv.contains(from)) {
                throw new AssertionError("'" + from + "' is not in the stack's " + key + ": " + kv);
            }
            return key + "=" + kv.substring(key.length() + 1).replace(from, to);
        };
    }

    private static List<StateSafety.JobState> states(String stack, UnaryOperator<String> edit) {
        return StateSafety.analyse(List.of(PlanReader.parse(planOf(stack, s -> s), "base.json")),
                List.of(PlanReader.parse(planOf(stack, edit), "head.json")));
    }

    private static StateSafety.JobState only(List<StateSafety.JobState> states, String job) {
        return states.stream().filter(s -> s.job().equals(job)).findFirst().orElseThrow(() -> new AssertionError(job + " not in " + states));
    }

    private static List<StateSafety.JobState> states(String stack, UnaryOperator<String> base, UnaryOperator<String> head) {
        return StateSafety.analyse(List.of(PlanReader.parse(planOf(stack, base), "base.json")),
                List.of(PlanReader.parse(planOf(stack, head), "head.json")));
    }

    private static final UnaryOperator<String> TO_FLINK_22 = set("flink-ha:flink", "1.20.1", "2.2.0");

    @Test
    void aRunningJobMovingFromFlink1ToFlink2IsAtRiskAndStopsTheGate() {
        var s = only(states("staging", TO_FLINK_22), "flink/state-machine");
        assertEquals(StateSafety.Outcome.AT_RISK, s.outcome(), s.reason());
        assertTrue(s.blocks());
        assertTrue(s.reason().startsWith("Flink 1.20 -> 2.2: Flink does not promise that 2.x reads state written by 1.x: take a savepoint"),
                s.reason());
    }

    @Test
    void theMoveToFlink2MayBeAcknowledged() {
        var s = only(states("staging", kv -> set("flink-ha:jobs", "\"name\":\"state-machine\"",
                "\"name\":\"state-machine\",\"acknowledgeStateLoss\":\"rebuilt from Kafka\"").apply(TO_FLINK_22.apply(kv))), "flink/state-machine");
        assertEquals(StateSafety.Outcome.AT_RISK_ACKNOWLEDGED, s.outcome(), s.reason());
        assertFalse(s.blocks());
        assertTrue(s.reason().endsWith("acknowledged: rebuilt from Kafka"), s.reason());
    }

    @Test
    void theMoveToFlink2RedeployedFromAMigrationSavepointRestartsFromIt() {
        String savepoint = "s3://acme-flink-ha-staging-eu-central-1/staging/flink/state-machine/savepoints/before-2.2";
        var s = only(states("staging", kv -> set("flink-ha:jobs", "\"name\":\"state-machine\"", "\"name\":\"state-machine\","
                + "\"initialSavepointPath\":\"" + savepoint + "\",\"savepointRedeployNonce\":1").apply(TO_FLINK_22.apply(kv))), "flink/state-machine");
        assertEquals(StateSafety.Outcome.RESTART_FROM_SAVEPOINT, s.outcome(), s.reason());
        assertTrue(s.reason().endsWith("redeployed from the migration savepoint " + savepoint + " (job.savepointRedeployNonce)"), s.reason());
    }

    @Test
    void aMinorFlinkUpgradeRestartsTheJobFromItsLatestCheckpointNamingTheReleases() {
        var s = only(states("dev", set("flink-ha:flink", "2.2.0", "2.0.0"), kv -> kv), "flink/state-machine");
        assertEquals(StateSafety.Outcome.RESTART_FROM_CHECKPOINT, s.outcome(), s.reason());
        assertTrue(s.reason().startsWith("Flink 2.0 -> 2.2, spec changes: spec.flinkVersion"), s.reason());
    }

    @Test
    void aNewStorageClassReplacesTheClaimAndLosesEveryJobOnIt() {
        var s = only(states("dev", set("flink-ha:storage", "nfs-client", "nfs-fast")), "flink/state-machine");
        assertEquals(StateSafety.Outcome.LOST, s.outcome(), s.reason());
        assertTrue(s.blocks());
        assertTrue(s.reason().startsWith("its HA storage claim flink/flink-ha-storage is replaced (spec.storageClassName nfs-client -> "
                + "nfs-fast): the Kubernetes provider replaces a claim"), s.reason());
    }

    @Test
    void droppingTheClustersSecretsEncryptionReplacesTheClusterAndLosesEveryJobsHaConfigMaps() {
        UnaryOperator<String> encrypted = set("flink-ha:cluster", "\"kind\":\"eks\"", "\"kind\":\"eks\",\"encryption\":{\"enabled\":true}");
        var s = only(states("staging", encrypted, kv -> kv), "flink/state-machine");
        assertEquals(StateSafety.Outcome.LOST, s.outcome(), s.reason());
        assertTrue(s.reason().startsWith("the EKS cluster is replaced (encryptionConfig removed (EKS cannot turn secrets encryption "
                + "off)): the new control plane has none of the job's HA ConfigMaps"), s.reason());
    }

    @Test
    void turningTheClustersSecretsEncryptionOnKeepsEveryJobsState() {
        UnaryOperator<String> encrypted = set("flink-ha:cluster", "\"kind\":\"eks\"", "\"kind\":\"eks\",\"encryption\":{\"enabled\":true}");
        var s = only(states("staging", kv -> kv, encrypted), "flink/state-machine");
        assertEquals(StateSafety.Outcome.KEPT, s.outcome(), s.reason());
    }

    @Test
    void aSmallerClaimIsReportedAsLostSinceOnlyANewClaimCanShrink() {
        var s = only(states("dev", set("flink-ha:storage", "5Gi", "2Gi")), "flink/state-machine");
        assertEquals(StateSafety.Outcome.LOST, s.outcome(), s.reason());
        assertTrue(s.reason().contains("size 5Gi -> 2Gi (the API server refuses to shrink a claim)"), s.reason());
    }

    @Test
    void aLargerClaimKeepsTheJobsState() {
        var s = only(states("dev", set("flink-ha:storage", "5Gi", "20Gi")), "flink/state-machine");
        assertEquals(StateSafety.Outcome.KEPT, s.outcome(), s.reason());
    }

    @Test
    void aClaimReplacementMayBeAcknowledged() {
        var s = only(states("dev", kv -> set("flink-ha:jobs", "\"name\":\"state-machine\"",
                "\"name\":\"state-machine\",\"acknowledgeStateLoss\":\"dev data\"").apply(set("flink-ha:storage", "nfs-client", "nfs-fast").apply(kv))),
                "flink/state-machine");
        assertEquals(StateSafety.Outcome.LOST_ACKNOWLEDGED, s.outcome(), s.reason());
    }

    @Test
    void anUnchangedPlanKeepsEveryJobsState() {
        var s = only(states("dev", kv -> kv), "flink/state-machine");
        assertEquals(StateSafety.Outcome.KEPT, s.outcome());
    }

    @Test
    void aParallelismChangeRestartsALastStateJobFromItsLatestCheckpoint() {
        var s = only(states("dev", set("flink-ha:jobs", "\"parallelism\":2", "\"parallelism\":3")), "flink/state-machine");
        assertEquals(StateSafety.Outcome.RESTART_FROM_CHECKPOINT, s.outcome(), s.reason());
        assertTrue(s.reason().startsWith("spec changes: spec.job.parallelism"), s.reason());
    }

    @Test
    void aChangeToASavepointJobRestartsItFromASavepoint() {
        var s = only(states("prod", set("flink-ha:jobs", "\"parallelism\":2,\"upgradeMode\":\"savepoint\"",
                "\"parallelism\":3,\"upgradeMode\":\"savepoint\"")), "flink/top-speed-windowing");
        assertEquals(StateSafety.Outcome.RESTART_FROM_SAVEPOINT, s.outcome(), s.reason());
    }

    @Test
    void aRenamedJobStartsWithNewEmptyHaData() {
        var states = states("dev", set("flink-ha:jobs", "\"name\":\"state-machine\"", "\"name\":\"state-machine-v2\""));
        assertEquals(1, states.size(), states::toString);
        var s = only(states, "flink/state-machine-v2");
        assertEquals(StateSafety.Outcome.LOST, s.outcome());
        assertTrue(s.reason().startsWith("renamed or moved from flink/state-machine: the operator derives the HA cluster-id"), s.reason());
    }

    @Test
    void aMovedJobLosesItsStateLikeARenamedOne() {
        var s = only(states("dev", set("flink-ha:namespace", "flink", "streaming")), "streaming/state-machine");
        assertEquals(StateSafety.Outcome.LOST, s.outcome());
        assertTrue(s.reason().contains("renamed or moved from flink/state-machine"), s.reason());
    }

    @Test
    void aNewBucketInProdLosesEveryJobsHaData() {
        var states = states("prod", set("flink-ha:storage", "acme-flink-ha-prod-eu-west-1", "acme-flink-ha-prod-eu-west-1-v2"));
        for (String job : List.of("flink/state-machine", "flink/top-speed-windowing")) {
            var s = only(states, job);
            assertEquals(StateSafety.Outcome.LOST, s.outcome());
            assertTrue(s.reason().contains("HA storage path changed") && s.reason().contains(
                    "(storage replaced: s3://acme-flink-ha-prod-eu-west-1 -> s3://acme-flink-ha-prod-eu-west-1-v2)"), s.reason());
        }
    }

    @Test
    void aStatelessUpgradeOfAChangedJobLosesItsState() {
        var s = only(states("dev", set("flink-ha:jobs", "\"upgradeMode\":\"last-state\"", "\"upgradeMode\":\"stateless\"")),
                "flink/state-machine");
        assertEquals(StateSafety.Outcome.LOST, s.outcome());
        assertTrue(s.reason().startsWith("upgradeMode stateless"), s.reason());
    }

    @Test
    void aDeletedJobLosesItsHaMetadata() {
        var states = states("prod", kv -> kv.startsWith("flink-ha:jobs=")
                ? kv.substring(0, kv.indexOf(",{\"name\":\"top-speed-windowing\"")) + "]" : kv);
        var s = only(states, "flink/top-speed-windowing");
        assertEquals(StateSafety.Outcome.LOST, s.outcome());
        assertTrue(s.reason().startsWith("deleted:"), s.reason());
        assertEquals(StateSafety.Outcome.KEPT, only(states, "flink/state-machine").outcome());
    }

    @Test
    void turningHaOffLosesTheJobsMetadata() {
        String base = planOf("dev", kv -> kv);
        String head = base.replace("\"high-availability.type\": \"kubernetes\"", "\"high-availability.type\": \"NONE\"");
        var s = only(StateSafety.analyse(List.of(PlanReader.parse(base, "b")), List.of(PlanReader.parse(head, "h"))), "flink/state-machine");
        assertEquals(StateSafety.Outcome.LOST, s.outcome());
        assertTrue(s.reason().startsWith("HA turned off"), s.reason());
    }

    @Test
    void aRenamedJobThatNamesASavepointRestartsFromIt() {
        var s = only(states("dev", set("flink-ha:jobs", "\"name\":\"state-machine\"",
                "\"name\":\"state-machine-v2\",\"initialSavepointPath\":\"file:///flink-data/dev/flink/state-machine/savepoints/savepoint-1\"")),
                "flink/state-machine-v2");
        assertEquals(StateSafety.Outcome.RESTART_FROM_SAVEPOINT, s.outcome());
        assertTrue(s.reason().startsWith("starts from the savepoint file:///flink-data/dev/flink/state-machine/savepoints/savepoint-1"), s.reason());
    }

    @Test
    void anAcknowledgedLossIsShownWithItsReason() {
        var s = only(states("dev", set("flink-ha:jobs", "\"name\":\"state-machine\"",
                "\"name\":\"state-machine-v2\",\"acknowledgeStateLoss\":\"demo job, its state is disposable\"")), "flink/state-machine-v2");
        assertEquals(StateSafety.Outcome.LOST_ACKNOWLEDGED, s.outcome());
        assertTrue(s.reason().endsWith("acknowledged: demo job, its state is disposable"), s.reason());
    }

    @Test
    void aChangeOnlyToAnnotationsKeepsTheState() {
        var s = only(states("dev", set("flink-ha:jobs", "\"name\":\"state-machine\"", "\"name\":\"state-machine\",\"readyTimeout\":\"20min\"")),
                "flink/state-machine");
        assertEquals(StateSafety.Outcome.KEPT, s.outcome(), s.reason());
    }

    private record Run(int exit, String out, String err) {
    }

    private static Run diff(Path tmp, String base, String head, String... options) throws Exception {
        Path b = tmp.resolve("base.json");
        Path h = tmp.resolve("head.json");
        Files.writeString(b, base);
        Files.writeString(h, head);
        var out = new ByteArrayOutputStream();
        var err = new ByteArrayOutputStream();
        String[] args = new String[options.length + 3];
        args[0] = "diff";
        System.arraycopy(options, 0, args, 1, options.length);
        args[args.length - 2] = b.toString();
        args[args.length - 1] = h.toString();
        int exit = new io.flinkha.internal.app.Main(new PrintStream(out, true, StandardCharsets.UTF_8),
                new PrintStream(err, true, StandardCharsets.UTF_8), Path.of("")).commandLine().execute(args);
        return new Run(exit, out.toString(StandardCharsets.UTF_8), err.toString(StandardCharsets.UTF_8));
    }

    @Test
    void theGateFailsAChangeThatLosesStateWithExitCode3(@org.junit.jupiter.api.io.TempDir Path tmp) throws Exception {
        Run run = diff(tmp, planOf("prod", kv -> kv), planOf("prod", set("flink-ha:storage", "eu-west-1\"", "eu-west-1-v2\"")),
                "--fail-on-state-loss");
        assertEquals(3, run.exit(), run.err());
        assertTrue(run.err().contains("error: prod: the state of flink/state-machine would be LOST: HA storage path changed"), run.err());
        assertTrue(run.out().startsWith(MarkdownReport.MARKER + "\n## Infrastructure plan diff\n\n### What happens to each job's state\n\n"
                + "| stack | job | state | why |"), run.out());
    }

    @Test
    void theGatePassesAnAcknowledgedLoss(@org.junit.jupiter.api.io.TempDir Path tmp) throws Exception {
        Run run = diff(tmp, planOf("dev", kv -> kv), planOf("dev", set("flink-ha:jobs", "\"name\":\"state-machine\"",
                "\"name\":\"state-machine-v2\",\"acknowledgeStateLoss\":\"rebuilt from Kafka\"")), "--fail-on-state-loss");
        assertEquals(0, run.exit(), run.err());
        assertTrue(run.out().contains("| dev | `flink/state-machine-v2` | LOST (acknowledged) | renamed or moved from flink/state-machine"), run.out());
    }

    @Test
    void theProductionGateIgnoresNonProductionStacks(@org.junit.jupiter.api.io.TempDir Path tmp) throws Exception {
        Run run = diff(tmp, planOf("dev", kv -> kv), planOf("dev", set("flink-ha:namespace", "flink", "streaming")),
                "--fail-on-state-loss=production");
        assertEquals(0, run.exit(), run.err());
        assertTrue(run.out().contains("**LOST**"), run.out());
    }

    @Test
    void jsonGivesEachJobsOutcome(@org.junit.jupiter.api.io.TempDir Path tmp) throws Exception {
        Run run = diff(tmp, planOf("dev", kv -> kv), planOf("dev", set("flink-ha:jobs", "\"parallelism\":2", "\"parallelism\":3")), "--json");
        assertEquals(0, run.exit(), run.err());
        @SuppressWarnings("unchecked")
        Map<String, Object> json = new com.google.gson.Gson().fromJson(run.out(), Map.class);
        @SuppressWarnings("unchecked")
        Map<String, Object> job = ((List<Map<String, Object>>) json.get("jobs")).get(0);
        assertEquals("flink/state-machine", job.get("job"));
        assertEquals("restart from latest checkpoint", job.get("outcome"));
        assertEquals(false, job.get("lost"));
    }
    // hand-made plans: a rule that needs a shape no committed stack has is tested on the resources alone

    private static final String TYPE = "kubernetes:flink.apache.org/v1beta1:FlinkDeployment";

    /** One FlinkDeployment's state in a plan: {@code conf} is its Flink configuration, {@code jobExtra} is added to spec.job. */
    private static Map<String, Object> deployment(String name, String jar, Map<String, String> conf, Map<String, Object> jobExtra,
                                                  String... aliases) {
        Map<String, Object> job = new LinkedHashMap<>(Map.of("jarURI", jar, "upgradeMode", "last-state"));
        job.putAll(jobExtra);
        Map<String, Object> inputs = Map.of("metadata", Map.of("name", name, "namespace", "flink"),
                "spec", Map.of("job", job, "flinkConfiguration", conf));
        return Map.of("type", TYPE, "inputs", inputs, "aliases", List.of(aliases));
    }

    /** Kubernetes HA with its metadata under {@code dir}. */
    private static Map<String, String> ha(String dir) {
        return Map.of("high-availability.type", "kubernetes", "high-availability.storageDir", dir);
    }

    private static Map<String, Object> deployment(String name, String jar) {
        return deployment(name, jar, ha("s3://acme/ha/" + name), Map.of());
    }

    private static StateSafety.Outcome outcome(List<StateSafety.JobState> states, String job) {
        return only(states, job).outcome();
    }

    @Test
    void aJobWithNoPredecessorIsNewWithNoStateYet() {
        var s = only(StateSafety.analyse("qa", Map.of(), Map.of("urn:a", deployment("orders", "local:///o.jar"))), "flink/orders");
        assertEquals(new StateSafety.JobState("qa", "flink/orders", StateSafety.Outcome.NEW, "a new deployment: no state yet"), s);
    }

    @Test
    void aNewJobThatNamesASavepointStartsFromIt() {
        var s = only(StateSafety.analyse("qa", Map.of(), Map.of("urn:a", deployment("orders", "local:///o.jar", ha("s3://acme/ha/orders"),
                Map.of("initialSavepointPath", "s3://acme/sp/1")))), "flink/orders");
        assertEquals(StateSafety.Outcome.RESTART_FROM_SAVEPOINT, s.outcome());
        assertEquals("starts from the savepoint s3://acme/sp/1 (job.initialSavepointPath)", s.reason());
    }

    @Test
    void aJobWhoseUrnChangedWithAnAliasToTheOldOneKeepsItsState() {
        var states = StateSafety.analyse("qa", Map.of("urn:old", deployment("orders", "local:///o.jar")),
                Map.of("urn:new", deployment("orders", "local:///o.jar", ha("s3://acme/ha/orders"), Map.of(), "urn:old")));
        assertEquals(List.of(new StateSafety.JobState("qa", "flink/orders", StateSafety.Outcome.KEPT,
                "nothing the job's state depends on changes")), states);
    }

    @Test
    void aVanishedJobIsPairedWithTheOneNewJobThatRunsTheSameJar() {
        var states = StateSafety.analyse("qa", Map.of("urn:a", deployment("a", "local:///one.jar")),
                Map.of("urn:b", deployment("b", "local:///one.jar"), "urn:c", deployment("c", "local:///two.jar")));
        assertEquals(StateSafety.Outcome.LOST, outcome(states, "flink/b"));
        assertTrue(only(states, "flink/b").reason().startsWith("renamed or moved from flink/a"), states::toString);
        assertEquals(StateSafety.Outcome.NEW, outcome(states, "flink/c"));
        assertEquals(2, states.size(), states::toString);
    }

    @Test
    void aNewJobAlreadyPairedWithItsPredecessorIsNotPairedWithAVanishedOneToo() {
        var states = StateSafety.analyse("qa", Map.of("urn:a", deployment("a", "local:///one.jar"), "urn:b", deployment("b", "local:///one.jar")),
                Map.of("urn:a", deployment("a", "local:///one.jar"), "urn:c", deployment("c", "local:///one.jar")));
        assertEquals(StateSafety.Outcome.KEPT, outcome(states, "flink/a"));
        assertTrue(only(states, "flink/c").reason().startsWith("renamed or moved from flink/b"), states::toString);
        assertEquals(2, states.size(), states::toString);
    }

    @Test
    void outcomesAreSortedByJobNotByResourceName() {
        var states = StateSafety.analyse("qa", Map.of(), Map.of("urn:1", deployment("zulu", "local:///z.jar"),
                "urn:2", deployment("alpha", "local:///a.jar")));
        assertEquals(List.of("flink/alpha", "flink/zulu"), states.stream().map(StateSafety.JobState::job).toList());
    }

    @Test
    void aStoragePathWithoutSchemeNamesTheWholePathAsTheStorageReplaced() {
        var s = only(StateSafety.analyse("qa", Map.of("urn:a", deployment("a", "local:///a.jar", ha("/data/ha"), Map.of())),
                Map.of("urn:a", deployment("a", "local:///a.jar", ha("/mnt/ha"), Map.of()))), "flink/a");
        assertTrue(s.reason().endsWith("(storage replaced: /data/ha -> /mnt/ha)"), s.reason());
    }

    @Test
    void aStoragePathMovedWithinItsBucketNamesNoStorageReplaced() {
        var s = only(StateSafety.analyse("qa", Map.of("urn:a", deployment("a", "local:///a.jar", ha("s3://acme/ha/a"), Map.of())),
                Map.of("urn:a", deployment("a", "local:///a.jar", ha("s3://acme/ha2/a"), Map.of()))), "flink/a");
        assertEquals(StateSafety.Outcome.LOST, s.outcome());
        assertEquals("HA storage path changed from s3://acme/ha/a to s3://acme/ha2/a: the new path holds no HA metadata", s.reason());
    }

    @Test
    void turningHaOffLosesTheStateEvenWhenTheJobNamesASavepoint() {
        Map<String, String> off = Map.of("high-availability.type", "NONE", "high-availability.storageDir", "s3://acme/ha/a");
        var s = only(StateSafety.analyse("qa", Map.of("urn:a", deployment("a", "local:///a.jar")),
                Map.of("urn:a", deployment("a", "local:///a.jar", off, Map.of("initialSavepointPath", "s3://acme/sp/1")))), "flink/a");
        assertEquals(StateSafety.Outcome.LOST, s.outcome());
        assertTrue(s.reason().startsWith("HA turned off"), s.reason());
    }
}
