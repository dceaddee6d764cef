package io.flinkha.e2e;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.yaml.snakeyaml.Yaml;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * What can be checked here of the end-to-end script, which needs Docker, kind and the Pulumi CLI to run:
 * its syntax, shellcheck, that what it assumes of the dev stack is what the stack says, that it runs the
 * commands the README documents, that it refuses clearly without its tools, and the workflow that runs it.
 */
class E2eScriptTest {
    private static final Path SCRIPT = Path.of("e2e/kind.sh");

    record Run(int exit, String output) {
    }

    static Run run(List<String> command, Map<String, String> env) throws IOException, InterruptedException {
        var builder = new ProcessBuilder(command).redirectErrorStream(true);
        builder.environment().putAll(env);
        Process p = builder.start();
        String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertTrue(p.waitFor(2, TimeUnit.MINUTES), "timed out: " + command);
        return new Run(p.exitValue(), out);
    }

    @Test
    void theScriptIsValidBash() throws Exception {
        Run r = run(List.of("bash", "-n", SCRIPT.toString()), Map.of());
        assertEquals(0, r.exit(), r.output());
    }

    /** Debian's shellcheck; installed here when missing and the suite runs as root (as .ci/run does), as the pack's npm ci is. */
    static void ensureShellcheck() throws Exception {
        if (run(List.of("sh", "-c", "command -v shellcheck"), Map.of()).exit() == 0) {
            return;
        }
        Run install = run(List.of("sh", "-c", "[ \"$(id -u)\" = 0 ] && apt-get update -qq && apt-get install -y -qq shellcheck"), Map.of());
        assertEquals(0, install.exit(), "shellcheck is not installed and could not be installed: apt-get install shellcheck\n" + install.output());
    }

    @Test
    void shellcheckFindsNothing() throws Exception {
        ensureShellcheck();
        Run r = run(List.of("shellcheck", SCRIPT.toString()), Map.of());
        assertEquals(0, r.exit(), r.output());
    }

    private static Map<String, String> constants() throws IOException {
        Map<String, String> out = new java.util.LinkedHashMap<>();
        Matcher m = Pattern.compile("(?m)^readonly ([A-Z_]+)=\"([^\"$]*)\"$").matcher(Files.readString(SCRIPT));
        while (m.find()) {
            out.put(m.group(1), m.group(2));
        }
        return out;
    }

    @Test
    @SuppressWarnings("unchecked")
    void whatTheScriptAssumesOfTheDevStackIsWhatTheStackSays() throws Exception {
        Map<String, Object> config = (Map<String, Object>) new Yaml().<Map<String, Object>>load(
                Files.readString(Path.of("stacks/Pulumi.dev.yaml"))).get("config");
        Map<String, String> script = constants();
        assertEquals(((Map<String, Object>) config.get("flink-ha:cluster")).get("context"), script.get("KUBE_CONTEXT"));
        assertEquals(config.get("flink-ha:namespace"), script.get("NAMESPACE"));
        assertEquals(((Map<String, Object>) config.get("flink-ha:operator")).get("namespace"), script.get("OPERATOR_NAMESPACE"));
        assertEquals(((Map<String, Object>) config.get("flink-ha:storage")).get("storageClass"), script.get("STORAGE_CLASS"));
        assertEquals(((Map<String, Object>) config.get("flink-ha:flink")).get("image"), script.get("FLINK_IMAGE"));
        assertEquals(((List<Map<String, Object>>) config.get("flink-ha:jobs")).get(0).get("name"), script.get("JOB"));
    }

    @Test
    void everythingTheScriptInstallsIsPinned() throws Exception {
        Map<String, String> script = constants();
        assertTrue(script.get("KIND_NODE_IMAGE").matches("kindest/node:v\\d+\\.\\d+\\.\\d+"), script.toString());
        assertTrue(script.get("NFS_CHART_VERSION").matches("\\d+\\.\\d+\\.\\d+"), script.toString());
        assertTrue(script.get("NFS_IMAGE_TAG").matches("v\\d+\\.\\d+\\.\\d+"), script.toString());
    }

    @Test
    void theScriptRunsTheCommandsTheReadmeDocuments() throws Exception {
        String script = Files.readString(SCRIPT);
        String readme = Files.readString(Path.of("README.md"));
        for (String command : List.of("./mvnw -B -q package -DskipTests", "pulumi login --local", "pulumi up -s dev",
                "java -jar target/flink-ha.jar plan dev --json", "java -jar target/flink-ha.jar drill --context")) {
            assertTrue(script.contains(command), "the script does not run: " + command);
            assertTrue(readme.contains(command), "README does not document: " + command);
        }
        assertTrue(readme.contains("bash e2e/kind.sh"), "README explains how to run the script");
    }

    @Test
    void withoutItsToolsTheScriptRefusesAndSaysWhichAreMissing(@TempDir Path bin) throws Exception {
        // a PATH with bash's helpers only: no docker, kind, kubectl, helm, pulumi or java
        for (String tool : List.of("dirname", "date")) {
            Path target = Path.of("/usr/bin", tool).toFile().exists() ? Path.of("/usr/bin", tool) : Path.of("/bin", tool);
            Files.createSymbolicLink(bin.resolve(tool), target);
        }
        Run r = run(List.of(Path.of("/bin/bash").toFile().exists() ? "/bin/bash" : "/usr/bin/bash", SCRIPT.toString()),
                Map.of("PATH", bin.toString()));
        assertEquals(1, r.exit(), r.output());
        assertTrue(r.output().contains("[e2e] FAILED: missing: docker kind kubectl helm pulumi java."), r.output());
        assertTrue(!r.output().contains("kind delete"), "nothing was created, so nothing is cleaned up");
    }

    @Test
    @SuppressWarnings("unchecked")
    void theWorkflowRunsTheScriptOnRelevantChangesAndNightlyAndKeepsWhatItSaw() throws Exception {
        Map<String, Object> workflow = new Yaml().load(Files.readString(Path.of(".github/workflows/e2e.yml")));
        // YAML 1.1 reads the key `on` as true
        Map<String, Object> on = (Map<String, Object>) (workflow.containsKey("on") ? workflow.get("on") : workflow.get(true));
        List<String> paths = (List<String>) ((Map<String, Object>) on.get("pull_request")).get("paths");
        for (String p : List.of("flink-ha-core/src/**", "flink-ha-aws/src/**", "flink-ha/src/**", "flink-ha-cli/src/**", "stacks/**", "policies/**", ".github/workflows/e2e.yml")) {
            assertTrue(paths.contains(p), "runs on changes to " + p);
        }
        assertTrue(on.containsKey("schedule"), "runs nightly");
        List<Map<String, Object>> steps = (List<Map<String, Object>>) ((Map<String, Object>) ((Map<String, Object>) workflow.get("jobs"))
                .get("kind")).get("steps");
        assertTrue(steps.stream().anyMatch(s -> "bash e2e/kind.sh".equals(s.get("run"))));
        Map<String, Object> upload = steps.stream().filter(s -> String.valueOf(s.get("uses")).startsWith("actions/upload-artifact"))
                .findFirst().orElseThrow();
        assertEquals("always()", upload.get("if"));
        assertEquals("e2e/out", ((Map<String, Object>) upload.get("with")).get("path"));
    }

    @Test
    void theScriptCleansUpOnEveryExit() throws Exception {
        String script = Files.readString(SCRIPT);
        assertTrue(script.contains("trap cleanup EXIT"), "cleanup runs on failure too");
        List<String> inCleanup = new ArrayList<>();
        Matcher m = Pattern.compile("(?s)cleanup\\(\\) \\{(.*?)\\n\\}").matcher(script);
        assertTrue(m.find());
        for (String step : List.of("pulumi destroy -s dev", "kind delete cluster")) {
            if (m.group(1).contains(step)) {
                inCleanup.add(step);
            }
        }
        assertEquals(List.of("pulumi destroy -s dev", "kind delete cluster"), inCleanup);
    }
}
