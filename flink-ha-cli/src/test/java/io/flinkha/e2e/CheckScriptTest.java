package io.flinkha.e2e;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * {@code bin/flink-ha-check}, which the pre-commit hook and the GitHub Action run: {@code check} on the files that declare a
 * FlinkDeployment, and on nothing else (a Helm template is not YAML until it is rendered).
 */
class CheckScriptTest {
    private static final Path SCRIPT = Path.of("bin/flink-ha-check");

    @Test
    void theScriptIsValidBashAndShellcheckFindsNothing() throws Exception {
        assertEquals(0, E2eScriptTest.run(List.of("bash", "-n", SCRIPT.toString()), Map.of()).exit());
        E2eScriptTest.ensureShellcheck();
        var r = E2eScriptTest.run(List.of("shellcheck", SCRIPT.toString()), Map.of());
        assertEquals(0, r.exit(), r.output());
    }

    /** A copy of the layout whose {@code bin/flink-ha} prints the arguments it gets. */
    private static E2eScriptTest.Run checkIn(Path root, String... args) throws Exception {
        Files.createDirectories(root.resolve("bin"));
        Files.copy(SCRIPT, root.resolve("bin/flink-ha-check"));
        Path launcher = Files.writeString(root.resolve("bin/flink-ha"), "#!/bin/sh\necho \"$@\"\n");
        launcher.toFile().setExecutable(true);
        List<String> command = new ArrayList<>(List.of("bash", root.resolve("bin/flink-ha-check").toString()));
        command.addAll(List.of(args));
        return E2eScriptTest.run(command, Map.of());
    }

    @Test
    void passesOnlyTheFilesThatDeclareAFlinkDeploymentAndTheOptionsAfterTheDashes(@TempDir Path root) throws Exception {
        Path deployment = Files.writeString(root.resolve("orders.yaml"), "apiVersion: flink.apache.org/v1beta1\nkind: FlinkDeployment\n");
        Path chart = Files.writeString(root.resolve("template.yaml"), "kind: Deployment\nreplicas: {{ .Values.replicas }}\n");
        var r = checkIn(root, deployment.toString(), chart.toString(), root.resolve("gone.yaml").toString(), "--", "--format", "github");
        assertEquals(0, r.exit(), r.output());
        assertEquals("check --format github " + deployment, r.output().trim());
    }

    @Test
    void saysSoWhenNoFileDeclaresAFlinkDeployment(@TempDir Path root) throws Exception {
        Path chart = Files.writeString(root.resolve("values.yaml"), "replicas: 2\n");
        var r = checkIn(root, chart.toString());
        assertEquals(0, r.exit(), r.output());
        assertTrue(r.output().contains("no FlinkDeployment manifest to check"), r.output());
    }
}
