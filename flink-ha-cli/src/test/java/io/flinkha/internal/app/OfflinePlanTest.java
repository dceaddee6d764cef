package io.flinkha.internal.app;

import com.google.gson.JsonArray;
import com.google.gson.JsonElement;
import com.google.gson.JsonObject;
import com.google.gson.JsonParser;
import com.pulumi.kubernetes.core.v1.ConfigMap;
import com.pulumi.kubernetes.core.v1.ConfigMapArgs;
import io.flinkha.testing.Plan;
import io.flinkha.testing.PlanEngine;
import io.flinkha.testing.PlanRenderer;
import org.junit.jupiter.api.Test;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.file.Path;
import java.util.concurrent.TimeUnit;
import java.nio.charset.StandardCharsets;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

class OfflinePlanTest {

    private record Run(int exit, String out, String err) {
    }

    private static Run plan(String... args) {
        return planIn(Path.of(""), args);
    }

    private static Run planIn(Path project, String... args) {
        var out = new ByteArrayOutputStream();
        var err = new ByteArrayOutputStream();
        int exit = new Main(new PrintStream(out, true, StandardCharsets.UTF_8), new PrintStream(err, true, StandardCharsets.UTF_8), project)
                .commandLine().execute(args);
        return new Run(exit, out.toString(StandardCharsets.UTF_8), err.toString(StandardCharsets.UTF_8));
    }

    private static JsonObject devJson() {
        Run run = plan("plan", "dev", "--json");
        assertEquals(0, run.exit(), run.err());
        return JsonParser.parseString(run.out()).getAsJsonObject();
    }

    /** The dev stack's config with one value replaced, as the engine passes it. */
    private static Map<String, String> devConfigWith(String key, String from, String to) {
        var config = new java.util.LinkedHashMap<>(io.flinkha.internal.plan.StackConfig.load(Path.of("").toAbsolutePath(), "dev").values());
        config.put(key, config.get(key).replace(from, to));
        return config;
    }

    @Test
    void theStreamedJsonIsTheRenderedPlanInTheStreamsOwnEncoding() {
        java.util.function.Consumer<com.pulumi.Context> program = ctx -> {
            new ConfigMap("notes", ConfigMapArgs.builder().data(Map.of("text", "Zürich – 東京 😀")).build());
            ctx.log().warn("a warning in Ünïcode – ✓");
        };
        var out = new ByteArrayOutputStream();
        var err = new ByteArrayOutputStream();
        int exit = io.flinkha.internal.plan.PlanCommand.run("dev", io.flinkha.internal.plan.PlanCommand.Output.JSON, true, Path.of(""),
                // not the platform's default: the stream's own charset must encode what is streamed into it
                program, new PrintStream(out, true, StandardCharsets.UTF_16LE), new PrintStream(err, true, StandardCharsets.UTF_8));
        assertEquals(0, exit, err.toString(StandardCharsets.UTF_8));
        Plan plan = PlanEngine.run("flink-ha", "dev", io.flinkha.internal.plan.StackConfig.load(Path.of("").toAbsolutePath(), "dev").values(),
                program);
        assertEquals(PlanRenderer.json(plan), out.toString(StandardCharsets.UTF_16LE));
    }

    @Test
    void underTheEngineABadSettingIsOneCleanErrorWithoutAStackTrace() {
        List<String> errors = PlanEngine.engineErrors("flink-ha", "dev",
                devConfigWith("flink-ha:jobs", "\"parallelism\":2", "\"parallelism\":\"two\""), FlinkHaProgram::define);
        assertEquals(List.of("invalid settings for stack 'dev' (1 problem):\n  - flink-ha.jobs[0].parallelism: got 'two'; "
                + "expected a whole number from 1 to 10000"), errors);
    }

    @Test
    void warningsAreThePlansDiagnosticsAndReachTheTerminal() {
        Run run = plan("plan", "staging", "--json");
        assertEquals(0, run.exit(), run.err());
        JsonArray diagnostics = JsonParser.parseString(run.out()).getAsJsonObject().getAsJsonArray("diagnostics");
        java.util.function.Function<String, Long> bySeverity = severity -> java.util.stream.StreamSupport.stream(diagnostics.spliterator(), false)
                .filter(d -> d.getAsJsonObject().get("severity").getAsString().equals(severity)).count();
        assertEquals(4, bySeverity.apply("warning"), diagnostics::toString);
        assertEquals(1, bySeverity.apply("info"), "which EKS calendar the plan checked against: " + diagnostics);
        JsonObject first = diagnostics.get(0).getAsJsonObject();
        assertEquals("warning", first.get("severity").getAsString());
        assertTrue(first.get("message").getAsString().startsWith("flink-ha.cluster.publicAccessCidrs: '203.0.113.0/24' is a documentation range"));
        assertTrue(run.err().contains("warning: flink-ha.cluster.admins: 'arn:aws:iam::111122223333:role/platform-admins' is in AWS's "
                + "example account 111122223333"), run.err());
        assertTrue(run.err().contains("warning: flink-ha.cluster.deployer: 'arn:aws:iam::111122223333:role/flink-ha-deploy' is in AWS's "
                + "example account 111122223333; name the role your pulumi up runs as"), run.err());
    }

    @Test
    void theTreeListsTheWarningsAfterTheResources() {
        Run run = plan("plan", "prod");
        assertEquals(0, run.exit(), run.err());
        assertTrue(run.out().contains("Warnings (6):\n  warning: flink-ha.cluster.publicAccessCidrs"), run.out());
    }

    @Test
    void theDevStackOnAnExistingClusterWarnsAboutNothing() {
        assertEquals(0, devJson().getAsJsonArray("diagnostics").size());
    }

    @Test
    void devPlanHasTheShapeOfPulumiPreviewJson() {
        JsonObject plan = devJson();
        JsonArray steps = plan.getAsJsonArray("steps");
        Set<String> urns = new HashSet<>();
        for (JsonElement e : steps) {
            JsonObject step = e.getAsJsonObject();
            assertEquals("create", step.get("op").getAsString());
            JsonObject state = step.getAsJsonObject("newState");
            assertEquals(step.get("urn").getAsString(), state.get("urn").getAsString());
            assertTrue(state.get("urn").getAsString().endsWith("$" + state.get("type").getAsString() + "::"
                    + state.get("urn").getAsString().substring(state.get("urn").getAsString().lastIndexOf("::") + 2))
                    || state.get("type").getAsString().equals("pulumi:pulumi:Stack"));
            assertTrue(state.has("inputs"));
            if (state.has("parent")) {
                assertTrue(urns.contains(state.get("parent").getAsString()), "parent registered before child: " + state.get("urn"));
            }
            urns.add(state.get("urn").getAsString());
        }
        assertEquals(steps.size(), plan.getAsJsonObject("changeSummary").get("create").getAsInt());
        assertEquals("dev", plan.getAsJsonObject("config").get("flink-ha:environment").getAsString());
    }

    @Test
    void devPlanDeclaresTheWholePlatform() {
        Map<String, Integer> counts = new java.util.TreeMap<>();
        for (JsonElement e : devJson().getAsJsonArray("steps")) {
            counts.merge(e.getAsJsonObject().getAsJsonObject("newState").get("type").getAsString(), 1, Integer::sum);
        }
        for (String type : new String[]{"pulumi:providers:kubernetes", "kubernetes:core/v1:PersistentVolumeClaim",
                "kubernetes:core/v1:ServiceAccount", "kubernetes:rbac.authorization.k8s.io/v1:Role",
                "kubernetes:rbac.authorization.k8s.io/v1:RoleBinding", "kubernetes:helm.sh/v3:Release",
                "kubernetes:flink.apache.org/v1beta1:FlinkDeployment"}) {
            assertEquals(1, counts.getOrDefault(type, 0), type);
        }
    }

    @Test
    void integersStayIntegers() {
        Run run = plan("plan", "dev", "--json");
        assertTrue(run.out().contains("\"parallelism\": 2,"), "parallelism printed as an integer");
        assertTrue(run.out().contains("\"replicas\": 1"), "replicas printed as an integer");
    }

    @Test
    void valuesKnownOnlyAfterDeploymentPrintAsAPlaceholder() {
        Plan plan = PlanEngine.run("flink-ha", "test", Map.of(), ctx -> {
            var first = new ConfigMap("first", ConfigMapArgs.builder().data(Map.of("a", "b")).build());
            new ConfigMap("second", ConfigMapArgs.builder().data(first.id().applyValue(id -> Map.of("firstId", id))).build());
        });
        String json = PlanRenderer.json(plan);
        assertTrue(json.contains("\"data\": \"" + Plan.UNKNOWN + "\""), json);
    }

    @Test
    void treeListsEveryResource() {
        Run run = plan("plan", "dev");
        assertEquals(0, run.exit(), run.err());
        assertTrue(run.out().contains("+ kubernetes:flink.apache.org/v1beta1:FlinkDeployment  state-machine"), run.out());
        assertTrue(run.out().contains("HA kubernetes, storageDir file:///flink-data/dev/flink/state-machine/ha"), run.out());
    }

    @Test
    void rejectsAnUnknownStackAsABadArgument() {
        Run run = plan("plan", "nosuch");
        assertEquals(2, run.exit());
        assertTrue(run.err().contains("unknown stack 'nosuch'"), run.err());
        assertTrue(run.err().contains("dev"), run.err());
    }

    @Test
    void aStackNameThatIsAPathIsRefusedBeforeAnyFileIsRead() {
        for (String name : List.of("x/../../etc/passwd", "../stacks/Pulumi.dev", "dev/..", "..")) {
            Run run = plan("plan", name);
            assertEquals(2, run.exit(), name);
            assertTrue(run.err().startsWith("error: '" + name + "' is not a stack name: a stack name holds letters, digits, '-', '_' "
                    + "and '.', with no '/' or '..'; stacks: dev, prod, staging"), run.err());
        }
    }

    @Test
    void theDiagramShowsEachComponentAsASubgraphAndTheCreationOrderAsEdges() {
        Run run = plan("plan", "dev", "--diagram");
        assertEquals(0, run.exit(), run.err());
        String d = run.out();
        assertTrue(d.startsWith("```mermaid\nflowchart TD\n") && d.endsWith("```\n"), d);
        assertTrue(d.contains("subgraph r14[\"HaFlinkDeployment<br/>state-machine\"]\n      r15[\"FlinkDeployment<br/>state-machine\"]"), d);
        assertTrue(d.contains("r3[\"kubernetes provider<br/>flink-ha-cluster-provider\"]"), d);
        assertTrue(d.contains("  r13 --> r15\n"), "the operator's release comes before the FlinkDeployment: " + d);
        assertTrue(d.contains("  r6 --> r15\n"), "the storage claim comes before the FlinkDeployment: " + d);
    }

    @Test
    void theReadmeShowsDevsDiagramAsTheToolPrintsIt() throws Exception {
        String readme = java.nio.file.Files.readString(Path.of("README.md"));
        assertTrue(readme.contains(plan("plan", "dev", "--diagram").out()), "refresh README's diagram with: java -jar "
                + "target/flink-ha.jar plan dev --diagram");
    }

    @Test
    void theDiagramAndJsonAreOneOutputOrTheOther() {
        Run run = plan("plan", "dev", "--json", "--diagram");
        assertEquals(2, run.exit());
        assertTrue(run.err().startsWith("error: --json and --diagram do not go together"), run.err());
    }

    @Test
    void rejectsAMissingStackArgument() {
        assertEquals(2, plan("plan").exit());
    }

    /** A new JVM, as every `plan` run is: hash orders such as Map.of's are salted per JVM, so one JVM cannot show them. */
    private static String planInNewJvm(String stack) throws Exception {
        Process p = new ProcessBuilder(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-D" + FlinkHaProgram.TODAY_PROPERTY + "=" + FlinkHaProgram.today(),
                "-cp", System.getProperty("java.class.path"), Main.class.getName(), "plan", stack, "--json")
                .redirectError(ProcessBuilder.Redirect.DISCARD).start();
        String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertTrue(p.waitFor(2, TimeUnit.MINUTES), "plan timed out");
        assertEquals(0, p.exitValue(), out);
        return out;
    }

    @Test
    void planIsTheSameOnEveryRun() throws Exception {
        String inProcess = plan("plan", "prod", "--json").out();
        assertEquals(inProcess, planInNewJvm("prod"));
        assertEquals(inProcess, planInNewJvm("prod"));
    }

    @Test
    void anUndeclaredKeyDoesNotHideTheSettingsProblemsBehindIt(@org.junit.jupiter.api.io.TempDir Path project) throws Exception {
        java.nio.file.Files.copy(Path.of("Pulumi.yaml"), project.resolve("Pulumi.yaml"));
        java.nio.file.Files.createDirectories(project.resolve("stacks"));
        java.nio.file.Files.writeString(project.resolve("stacks/Pulumi.dev.yaml"), java.nio.file.Files.readString(Path.of("stacks/Pulumi.dev.yaml"))
                .replace("parallelism: 2", "parallelism: \"two\"") + "  flink-ha:flavour: spicy\n");
        Run run = planIn(project, "plan", "dev");
        assertEquals(1, run.exit());
        assertTrue(run.err().startsWith("error: invalid config for stack 'dev' (2 problems):"), run.err());
        assertTrue(run.err().contains("flink-ha:flavour: unknown key"), run.err());
        assertTrue(run.err().contains("flink-ha.jobs[0].parallelism: got 'two'"), run.err());
        assertEquals("", run.out());
    }
}
