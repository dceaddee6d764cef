package io.flinkha.internal.plan;

import io.flinkha.testing.Plan;
import io.flinkha.testing.PlanEngine;
import io.flinkha.testing.PlanException;
import io.flinkha.testing.PlanRenderer;
import io.flinkha.testing.PlannedResource;
import io.flinkha.config.StackSchema;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class StackConfigTest {
    private static final String PROJECT = """
            name: demo
            runtime: java
            stackConfigDir: stacks
            config:
              namespace:
                type: string
                default: flink
              cluster:
                description: where
            """;

    @TempDir
    Path dir;

    private Path project(String stackYaml) throws IOException {
        Files.writeString(dir.resolve("Pulumi.yaml"), PROJECT);
        Files.createDirectories(dir.resolve("stacks"));
        Files.writeString(dir.resolve("stacks/Pulumi.qa.yaml"), stackYaml);
        return dir;
    }

    @Test
    void passesStructuredValuesAsJsonAndAppliesDefaults() throws IOException {
        StackConfig c = StackConfig.load(project("""
                config:
                  demo:cluster:
                    kind: existing
                    replicas: 2
                  kubernetes:context: other
                """), "qa");
        assertEquals(Map.of(
                "demo:namespace", "flink",
                "demo:cluster", "{\"kind\":\"existing\",\"replicas\":2}",
                "kubernetes:context", "other"), c.values());
        assertEquals("demo", c.project());
    }

    @Test
    void rejectsAnUnknownStackAndListsTheKnownOnes() throws IOException {
        project("config:\n  demo:cluster: x\n");
        var e = assertThrows(BadArgumentException.class, () -> StackConfig.load(dir, "prod"));
        assertTrue(e.getMessage().contains("unknown stack 'prod'"), e.getMessage());
        assertTrue(e.getMessage().contains("stacks: qa"), e.getMessage());
    }

    @Test
    void rejectsAProjectKeyThatPulumiYamlDoesNotDeclare() throws IOException {
        var e = assertThrows(PlanException.class, () -> StackConfig.load(project("""
                config:
                  demo:cluster: x
                  demo:clustr: y
                """), "qa"));
        assertTrue(e.getMessage().contains("demo:clustr: unknown key"), e.getMessage());
    }

    @Test
    void rejectsAStackThatOmitsARequiredKey() throws IOException {
        var e = assertThrows(PlanException.class, () -> StackConfig.load(project("config: {}\n"), "qa"));
        assertTrue(e.getMessage().contains("demo:cluster: is required"), e.getMessage());
    }

    @Test
    void rejectsMalformedYaml() throws IOException {
        var e = assertThrows(PlanException.class, () -> StackConfig.load(project("config:\n  demo:cluster: [unclosed\n"), "qa"));
        assertTrue(e.getMessage().contains("malformed YAML"), e.getMessage());
    }

    @Test
    void secretsStayHiddenOffline() throws IOException {
        StackConfig c = StackConfig.load(project("config:\n  demo:cluster:\n    secure: AAABAxyz\n"), "qa");
        assertEquals(Plan.SECRET, c.values().get("demo:cluster"));
    }

    @Test
    void pulumiYamlDeclaresExactlyTheSettingsKeys() {
        StackConfig c = StackConfig.load(Path.of("").toAbsolutePath(), "dev");
        Set<String> declared = new TreeSet<>();
        c.values().keySet().stream().filter(k -> k.startsWith("flink-ha:")).forEach(k -> declared.add(k.substring(9)));
        assertEquals(new TreeSet<>(StackSchema.KEYS), declared);
    }

    @Test
    void anEmptyStackFileIsSaidToBeEmpty() throws IOException {
        var e = assertThrows(PlanException.class, () -> StackConfig.read(project(""), "qa"));
        assertEquals("stacks/Pulumi.qa.yaml is empty: a stack file holds a map with `config:` and the stack's settings under it "
                + "(see stacks/Pulumi.dev.yaml)", e.getMessage());
    }

    @Test
    void aStackFileWhoseTopLevelIsAListIsSaidToNeedAMap() throws IOException {
        var e = assertThrows(PlanException.class, () -> StackConfig.read(project("- a\n- b\n"), "qa"));
        assertEquals("stacks/Pulumi.qa.yaml must be a map with `config:` at its top level, but its top level is a list "
                + "(see stacks/Pulumi.dev.yaml)", e.getMessage());
    }

    @Test
    void aStackFileOverTheSizeLimitIsSaidToBeTooLargeNotMalformed() throws IOException {
        var e = assertThrows(PlanException.class, () -> StackConfig.read(project("config:\n  demo:cluster: \"" + "x".repeat(4 * 1024 * 1024)
                + "\"\n"), "qa"));
        assertEquals("stacks/Pulumi.qa.yaml is too large (4.0 MB; limit 3 MB): a stack file holds settings, not data", e.getMessage());
    }
}
