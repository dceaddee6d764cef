package io.flinkha.internal.check;

import com.google.gson.JsonObject;
import com.google.gson.JsonParser;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** {@code check}: the platform's rules on FlinkDeployments a team wrote itself, each rule on a good and a bad one. */
class CheckCommandTest {

    /** A sound deployment: Kubernetes HA, state on S3, two JobManagers, last-state. */
    private static final String GOOD = """
            apiVersion: flink.apache.org/v1beta1
            kind: FlinkDeployment
            metadata:
              name: orders
              namespace: streaming
            spec:
              image: flink:1.20.1-java17
              flinkVersion: v1_20
              serviceAccount: flink
              flinkConfiguration:
                high-availability.type: kubernetes
                high-availability.storageDir: s3://acme-flink/orders/ha
                execution.checkpointing.dir: s3://acme-flink/orders/checkpoints
                execution.checkpointing.savepoint-dir: s3://acme-flink/orders/savepoints
              jobManager:
                replicas: 2
                resource: {memory: "2048m", cpu: 1}
              taskManager:
                resource: {memory: "2048m", cpu: 1}
              job:
                jarURI: local:///opt/flink/usrlib/orders.jar
                parallelism: 2
                upgradeMode: last-state
            """;

    private record Result(int exit, String out, String err) {
    }

    private static Result check(String stdin, String... args) {
        List<String> inputs = new ArrayList<>();
        String operator = "1.15.0";
        boolean allowLocal = false;
        CheckCommand.Format format = CheckCommand.Format.TEXT;
        for (int i = 0; i < args.length; i++) {
            switch (args[i]) {
                case "--operator" -> operator = args[++i];
                case "--allow-local" -> allowLocal = true;
                case "--json" -> format = CheckCommand.Format.JSON;
                case "--github" -> format = CheckCommand.Format.GITHUB;
                default -> inputs.add(args[i]);
            }
        }
        var out = new ByteArrayOutputStream();
        var err = new ByteArrayOutputStream();
        int exit = CheckCommand.run(inputs, operator, allowLocal, format, new ByteArrayInputStream(stdin.getBytes(StandardCharsets.UTF_8)),
                new PrintStream(out, true, StandardCharsets.UTF_8), new PrintStream(err, true, StandardCharsets.UTF_8));
        return new Result(exit, out.toString(StandardCharsets.UTF_8), err.toString(StandardCharsets.UTF_8));
    }

    private static String with(String replaced, String by) {
        assertTrue(GOOD.contains(replaced), replaced);
        return GOOD.replace(replaced, by);
    }

    @Test
    void aSoundDeploymentIsCleanAndSaysRbacWasNotChecked() {
        Result r = check(GOOD);
        assertEquals(0, r.exit(), r.out());
        assertTrue(r.out().contains("FlinkDeployment streaming/orders (operator 1.15.0): clean"), r.out());
        assertTrue(r.out().contains("RBAC not checked"), r.out());
    }

    @Test
    void haStorageOnThePodsOwnDiskIsAnError() {
        Result r = check(with("s3://acme-flink/orders/ha", "file:///opt/flink/ha"));
        assertEquals(1, r.exit());
        assertTrue(r.out().contains("spec.flinkConfiguration.\"high-availability.storageDir\" = 'file:///opt/flink/ha'"), r.out());
        assertTrue(r.out().contains("[state-durability] a file:// path on the pod's own disk"), r.out());
    }

    @Test
    void aCheckpointPathOnAVolumeFromAPersistentVolumeClaimIsDurable() {
        Result r = check(with("s3://acme-flink/orders/checkpoints", "file:///flink-data/orders/checkpoints").replace("  job:\n", """
                  podTemplate:
                    spec:
                      containers:
                        - name: flink-main-container
                          volumeMounts: [{name: state, mountPath: /flink-data}]
                      volumes:
                        - name: state
                          persistentVolumeClaim: {claimName: flink-state}
                  job:
                """));
        assertEquals(0, r.exit(), r.out());
    }

    @Test
    void aVolumeThatIsNotAClaimKeepsNothingAcrossAReschedule() {
        Result r = check(with("s3://acme-flink/orders/checkpoints", "file:///scratch/checkpoints").replace("  job:\n", """
                  podTemplate:
                    spec:
                      containers:
                        - name: flink-main-container
                          volumeMounts: [{name: scratch, mountPath: /scratch}]
                      volumes:
                        - name: scratch
                          emptyDir: {}
                  job:
                """));
        assertEquals(1, r.exit());
        assertTrue(r.out().contains("[state-durability]"), r.out());
    }

    @Test
    void allowLocalTurnsALocalPathIntoANoteForLocalTestsOnly() {
        Result r = check(with("s3://acme-flink/orders/ha", "file:///opt/flink/ha"), "--allow-local");
        assertEquals(0, r.exit(), r.out());
        assertTrue(r.out().contains("accepted by --allow-local: local tests only"), r.out());
    }

    @Test
    void standbyJobManagersWithoutHaAreRefused() {
        Result r = check(with("    high-availability.type: kubernetes\n    high-availability.storageDir: s3://acme-flink/orders/ha\n", "")
                .replace("upgradeMode: last-state", "upgradeMode: savepoint"));
        assertEquals(1, r.exit());
        assertTrue(r.out().contains("spec.jobManager.replicas = 2"), r.out());
        assertTrue(r.out().contains("[standby-needs-ha] High availability should be enabled when starting standby JobManagers."), r.out());
    }

    @Test
    void lastStateNeedsACheckpointDirectoryTheOperatorReads() {
        Result r = check(with("    execution.checkpointing.dir: s3://acme-flink/orders/checkpoints\n", ""));
        assertEquals(1, r.exit());
        assertTrue(r.out().contains("[checkpoint-dir] Checkpoint directory[execution.checkpointing.dir] must be defined"), r.out());
    }

    @Test
    void aFlink1KeyBesideItsFlink2NameIsRefusedOnFlink2() {
        Result r = check(with("flinkVersion: v1_20", "flinkVersion: v2_2").replace("flink:1.20.1-java17", "flink:2.2.0-java17")
                .replace("    high-availability.type: kubernetes\n", "    high-availability: kubernetes\n    high-availability.type: kubernetes\n"));
        assertEquals(1, r.exit());
        assertTrue(r.out().contains("[flink-option] 'high-availability' is a Flink 1.x name that Flink 2.2.0 reads only as a deprecated key"),
                r.out());
        assertTrue(r.out().contains("[overlapping-keys] Overlapping key prefixes detected (high-availability -> high-availability.type)"), r.out());
    }

    @Test
    void aValueTheJobsFlinkCannotReadIsRefused() {
        Result r = check(with("    high-availability.type: kubernetes\n", "    high-availability.type: kubernetes\n    heartbeat.timeout: soon\n"));
        assertEquals(1, r.exit());
        assertTrue(r.out().contains("spec.flinkConfiguration.\"heartbeat.timeout\" = 'soon'"), r.out());
        assertTrue(r.out().contains("cannot read 'soon' as a duration"), r.out());
    }

    @Test
    void aFlinkVersionTheOperatorDoesNotRunNamesTheRangeItAccepts() {
        Result r = check(with("flinkVersion: v1_20", "flinkVersion: v1_12"));
        assertEquals(1, r.exit());
        assertTrue(r.out().contains("spec.flinkVersion v1_12 is not one operator 1.15.0 accepts"), r.out());
    }

    @Test
    void aKnownDefectOfTheOperatorThatCanHitTheUpgradeModeIsAWarning() {
        // operator 1.10.0 reads configuration with Flink 1.19.1, which knows the checkpoint directory by its 1.x name only
        Result r = check(with("execution.checkpointing.dir", "state.checkpoints.dir"), "--operator", "1.10.0");
        assertEquals(0, r.exit(), r.out());
        assertTrue(r.out().contains("warning spec.job.upgradeMode = 'last-state'"), r.out());
        assertTrue(r.out().contains("[operator-defect] operator 1.10.0 has FLINK-39270"), r.out());
        assertTrue(check(GOOD).out().lines().noneMatch(l -> l.contains("operator-defect")));
    }

    @Test
    void anOperatorReleaseOutsideTheTableIsRefused() {
        Result r = check(GOOD, "--operator", "1.12.0");
        assertEquals(2, r.exit());
        assertTrue(r.err().contains("operator 1.12.0 is not a release this platform supports"), r.err());
    }

    private static final String ACCOUNT = """
            ---
            apiVersion: v1
            kind: ServiceAccount
            metadata: {name: flink, namespace: streaming}
            ---
            apiVersion: rbac.authorization.k8s.io/v1
            kind: Role
            metadata: {name: flink, namespace: streaming}
            rules:
              - apiGroups: [""]
                resources: [configmaps]
                verbs: [%s]
              - apiGroups: [""]
                resources: [pods]
                verbs: ["*"]
              - apiGroups: [apps]
                resources: [deployments]
                verbs: [get, list, watch]
              - apiGroups: [apps]
                resources: [deployments/finalizers]
                verbs: [update]
            ---
            apiVersion: rbac.authorization.k8s.io/v1
            kind: RoleBinding
            metadata: {name: flink, namespace: streaming}
            roleRef: {apiGroup: rbac.authorization.k8s.io, kind: Role, name: flink}
            subjects:
              - {kind: ServiceAccount, name: flink, namespace: streaming}
            """;

    @Test
    void aRoleThatCannotManageConfigMapsIsAnErrorNamingTheMissingVerbs() {
        Result r = check(GOOD + String.format(ACCOUNT, "get, list, watch"));
        assertEquals(1, r.exit());
        assertTrue(r.out().contains("[rbac] the roles bound to service account streaming/flink do not allow configmaps: create, update, patch, "
                + "delete"), r.out());
    }

    @Test
    void aRoleThatGivesWhatThePlatformsOwnRbacGivesPasses() {
        Result r = check(GOOD + String.format(ACCOUNT, "get, list, watch, create, update, patch, delete"));
        assertEquals(0, r.exit(), r.out());
        assertFalse(r.out().contains("rbac"), r.out());
    }

    @Test
    void anAccountWithoutABindingIsAnError() {
        Result r = check(GOOD + "---\napiVersion: v1\nkind: ServiceAccount\nmetadata: {name: flink, namespace: streaming}\n");
        assertEquals(1, r.exit());
        assertTrue(r.out().contains("(none is bound)"), r.out());
    }

    @Test
    void aListFromKubectlGetIsReadItemByItemAndOtherKindsAreSkippedByName() {
        String list = "apiVersion: v1\nkind: List\nitems:\n" + GOOD.lines().map(l -> "    " + l).reduce((a, b) -> a + "\n" + b)
                .orElseThrow().replaceFirst("    apiVersion", "  - apiVersion") + "\n  - apiVersion: v1\n    kind: ConfigMap\n"
                + "    metadata: {name: settings}\n";
        Result r = check(list);
        assertEquals(0, r.exit(), r.out() + r.err());
        assertTrue(r.out().contains("FlinkDeployment streaming/orders"), r.out());
        assertTrue(r.out().contains("skipped: ConfigMap settings: not a FlinkDeployment"), r.out());
    }

    @Test
    void kubectlGetOutputIsCheckedForWhatTheTeamDeclaresNotTheStatusTheOperatorWrites() {
        Result r = check("", "src/test/resources/check/kubectl-get.yaml".replaceFirst("^", "flink-ha-cli/"));
        assertEquals(0, r.exit(), r.out() + r.err());
        assertTrue(r.out().contains("kubectl-get.yaml:7 FlinkDeployment streaming/orders (operator 1.15.0): clean"), r.out());
    }

    @Test
    void aDocumentThatIsNotAKubernetesObjectIsNamedAndSkipped() {
        Result r = check("just: a map\n---\n" + GOOD);
        assertEquals(0, r.exit(), r.out());
        assertTrue(r.out().contains("-:1 skipped: not a Kubernetes object (no apiVersion and kind)"), r.out());
    }

    @Test
    void malformedYamlIsUnreadableWithItsLineAndColumn() {
        Result r = check("apiVersion: v1\nkind: [\n");
        assertEquals(2, r.exit());
        assertTrue(r.err().matches("(?s)error: -: malformed YAML at line \\d+, column \\d+: .*"), r.err());
    }

    @Test
    void emptyInputSaysSoAndIsUnreadable() {
        Result r = check("");
        assertEquals(2, r.exit());
        assertTrue(r.err().contains("the input holds no YAML or JSON document"), r.err());
    }

    @Test
    void aFolderIsReadFileByFileAndJsonToo(@TempDir Path dir) throws Exception {
        Files.writeString(dir.resolve("a.yaml"), GOOD);
        Files.writeString(dir.resolve("b.json"), "{\"apiVersion\": \"v1\", \"kind\": \"ConfigMap\", \"metadata\": {\"name\": \"x\"}}");
        Files.writeString(dir.resolve("notes.txt"), "not a manifest");
        Result r = check("", dir.toString());
        assertEquals(0, r.exit(), r.out() + r.err());
        assertTrue(r.out().contains(dir.resolve("a.yaml") + ":1 FlinkDeployment streaming/orders"), r.out());
        assertTrue(r.out().contains(dir.resolve("b.json") + ":1 skipped: ConfigMap x"), r.out());
    }

    @Test
    void githubAnnotationsNameTheFileAndTheLineOfTheField(@TempDir Path dir) throws Exception {
        Path file = dir.resolve("orders.yaml");
        Files.writeString(file, with("s3://acme-flink/orders/ha", "file:///opt/flink/ha"));
        Result r = check("", file.toString(), "--github");
        assertEquals(1, r.exit());
        int line = GOOD.lines().toList().indexOf("    high-availability.storageDir: s3://acme-flink/orders/ha") + 1;
        assertTrue(r.out().contains("::error file=" + file.toString().replace(":", "%3A") + ",line=" + line
                + ",title=flink-ha state-durability::orders: spec.flinkConfiguration.\"high-availability.storageDir\": a file"), r.out());
    }

    @Test
    void jsonHasEachFindingWithItsPathLineAndFix() {
        Result r = check(with("s3://acme-flink/orders/ha", "file:///opt/flink/ha"), "--json");
        JsonObject root = JsonParser.parseString(r.out()).getAsJsonObject();
        assertEquals(1, root.getAsJsonObject("summary").get("errors").getAsInt());
        JsonObject finding = root.getAsJsonArray("deployments").get(0).getAsJsonObject().getAsJsonArray("findings").get(0).getAsJsonObject();
        assertEquals(Map.of("severity", "error", "rule", "state-durability", "value", "file:///opt/flink/ha"),
                Map.of("severity", finding.get("severity").getAsString(), "rule", finding.get("rule").getAsString(),
                        "value", finding.get("value").getAsString()));
        assertTrue(finding.get("fix").getAsString().startsWith("use durable storage"), finding.toString());
    }

    @Test
    void theFlinkDeploymentsOfEveryCommittedPlanAreCleanUnderTheSameEngine(@TempDir Path dir) throws Exception {
        // check and plan share one engine: what the platform renders passes what it asks of everyone else
        int deployments = 0;
        for (String stack : io.flinkha.internal.plan.StackConfig.stacks(Path.of("stacks"))) {
            JsonObject plan = JsonParser.parseString(Files.readString(Path.of("plans", stack + ".json"))).getAsJsonObject();
            String operator = JsonParser.parseString(plan.getAsJsonObject("config").get("flink-ha:operator").getAsString())
                    .getAsJsonObject().get("version").getAsString();
            for (var step : plan.getAsJsonArray("steps")) {
                JsonObject state = step.getAsJsonObject().getAsJsonObject("newState");
                if (state.get("type").getAsString().endsWith(":FlinkDeployment")) {
                    Path file = dir.resolve(stack + "-" + deployments++ + ".json");
                    Files.writeString(file, state.getAsJsonObject("inputs").toString());
                    Result r = check("", file.toString(), "--operator", operator);
                    assertEquals(0, r.exit(), stack + ": " + r.out());
                    assertTrue(r.out().contains("): clean"), r.out());
                }
            }
        }
        assertEquals(4, deployments, "every stack's deployments were checked");
    }

    /** Each rule of the engine, broken once on the sound deployment: the deployment, and the rule and path that must say so. */
    private static java.util.stream.Stream<org.junit.jupiter.params.provider.Arguments> brokenRules() {
        String noHa = with("    high-availability.type: kubernetes\n", "");
        return java.util.stream.Stream.of(
                arguments(with("  serviceAccount: flink", "  serviceAccount: flink\n  restartNonce: x"), "crd-schema", "spec.restartNonce"),
                arguments(with("  name: orders", "  name: Orders_Team"), "name", "metadata.name"),
                arguments(with("  serviceAccount: flink\n", ""), "service-account", "spec.serviceAccount"),
                arguments(with("high-availability.type: kubernetes", "high-availability.type: zookeeper"), "ha-type",
                        "spec.flinkConfiguration.\"high-availability.type\""),
                arguments(with("high-availability.type: kubernetes", "high-availability: zookeeper"), "ha-type",
                        "spec.flinkConfiguration.\"high-availability\""),
                arguments(with("    high-availability.storageDir: s3://acme-flink/orders/ha\n", ""), "ha-storage",
                        "spec.flinkConfiguration.\"high-availability.storageDir\""),
                arguments(with("    high-availability.type: kubernetes\n", "    high-availability.type: kubernetes\n    kubernetes.cluster-id: other\n"),
                        "forbidden-key", "spec.flinkConfiguration.\"kubernetes.cluster-id\""),
                arguments(with("    execution.checkpointing.savepoint-dir: s3://acme-flink/orders/savepoints\n", "")
                        .replace("upgradeMode: last-state", "upgradeMode: savepoint"), "savepoint-dir",
                        "spec.flinkConfiguration.\"execution.checkpointing.savepoint-dir\""),
                arguments(noHa.replace("    replicas: 2", "    replicas: 1"), "last-state-needs-ha", "spec.job.upgradeMode"));
    }

    private static org.junit.jupiter.params.provider.Arguments arguments(Object... values) {
        return org.junit.jupiter.params.provider.Arguments.of(values);
    }

    @ParameterizedTest(name = "{1}")
    @org.junit.jupiter.params.provider.MethodSource("brokenRules")
    void eachRuleOfTheEngineNamesWhereTheDeploymentBreaksIt(String manifest, String rule, String path) {
        Result r = check(manifest, "--json");
        assertEquals(1, r.exit(), r.out());
        var findings = JsonParser.parseString(r.out()).getAsJsonObject().getAsJsonArray("deployments").get(0).getAsJsonObject()
                .getAsJsonArray("findings");
        boolean found = false;
        for (var f : findings) {
            found |= f.getAsJsonObject().get("rule").getAsString().equals(rule) && f.getAsJsonObject().get("path").getAsString().equals(path);
        }
        assertTrue(found, r.out());
    }
}
