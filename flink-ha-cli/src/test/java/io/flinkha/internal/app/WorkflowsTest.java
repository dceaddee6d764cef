package io.flinkha.internal.app;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.yaml.snakeyaml.LoaderOptions;
import org.yaml.snakeyaml.Yaml;
import org.yaml.snakeyaml.constructor.SafeConstructor;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The GitHub workflows: valid against the workflow schema, and doing what the README promises. */
class WorkflowsTest {
    private static final Path WORKFLOWS = Path.of(".github/workflows");
    private static final Path LINT = Path.of(".github/lint").toAbsolutePath();

    private static String run(String... command) throws Exception {
        Process p = new ProcessBuilder(command).redirectErrorStream(true).start();
        String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertTrue(p.waitFor(5, TimeUnit.MINUTES), "timed out");
        assertEquals(0, p.exitValue(), String.join(" ", command) + "\n" + out);
        return out;
    }

    @BeforeAll
    static void theValidatorIsInstalled() throws Exception {
        if (!Files.isDirectory(LINT.resolve("node_modules/@action-validator/cli"))) {
            run("npm", "ci", "--prefix", LINT.toString(), "--no-audit", "--no-fund");
        }
    }

    @SuppressWarnings("unchecked")
    private static Map<String, Object> workflow(String file) throws Exception {
        return (Map<String, Object>) new Yaml(new SafeConstructor(new LoaderOptions())).load(Files.readString(WORKFLOWS.resolve(file)));
    }

    @SuppressWarnings("unchecked")
    private static Map<String, Object> job(String file, String job) throws Exception {
        return (Map<String, Object>) ((Map<String, Object>) workflow(file).get("jobs")).get(job);
    }

    @SuppressWarnings("unchecked")
    private static Map<String, Object> step(Map<String, Object> job, String uses) {
        return ((List<Map<String, Object>>) job.get("steps")).stream()
                .filter(s -> String.valueOf(s.get("uses")).startsWith(uses)).findFirst().orElseThrow(() -> new AssertionError("no step uses " + uses));
    }

    @Test
    void everyWorkflowIsValidAgainstTheGithubWorkflowSchema() throws Exception {
        String out = run("npm", "--prefix", LINT.toString(), "run", "--silent", "lint");
        try (var files = Files.list(WORKFLOWS)) {
            files.forEach(f -> assertTrue(out.contains("valid: ../workflows/" + f.getFileName()), out));
        }
    }

    @Test
    @SuppressWarnings("unchecked")
    void pullRequestsGetAPulumiPreviewPerStackWithDiffCommentAndPolicies() throws Exception {
        Map<String, Object> preview = job("pull-request.yml", "preview");
        Map<String, Object> with = (Map<String, Object>) step(preview, "pulumi/actions@").get("with");
        assertEquals("preview", with.get("command"));
        assertEquals(true, with.get("comment-on-pr"));
        assertEquals(true, with.get("edit-pr-comment"));
        assertEquals(true, with.get("diff"));
        assertEquals("policies", with.get("policyPacks"));
        assertTrue(String.valueOf(preview.get("if")).contains("head.repo.full_name == github.repository"), "skipped where secrets are absent");
        assertEquals("write", ((Map<String, Object>) preview.get("permissions")).get("id-token"), "AWS through GitHub OIDC");
    }

    @Test
    void thePlanDiffNeedsNoSecrets() throws Exception {
        String diffJob = new Yaml().dump(job("pull-request.yml", "plan-diff"));
        assertFalse(diffJob.contains("secrets."), diffJob);
        assertTrue(diffJob.contains("flink-ha.jar diff"), diffJob);
        assertTrue(diffJob.contains("<!-- flink-ha plan diff -->"), "updates its own comment");
    }

    @Test
    @SuppressWarnings("unchecked")
    void aPullRequestThatLosesAProductionJobsStateFailsAfterTheCommentIsPosted() throws Exception {
        List<Map<String, Object>> steps = (List<Map<String, Object>>) job("pull-request.yml", "plan-diff").get("steps");
        int comment = -1;
        int gate = -1;
        for (int i = 0; i < steps.size(); i++) {
            String text = String.valueOf(steps.get(i));
            comment = text.contains("github-script") ? i : comment;
            gate = text.contains("diff --fail-on-state-loss=production") ? i : gate;
        }
        assertTrue(gate > comment && comment >= 0, "the gate runs after the comment is posted, so reviewers see why it failed");
    }

    @Test
    @SuppressWarnings("unchecked")
    void mainDeploysDevThenStagingThenProdBehindAReviewedEnvironment() throws Exception {
        assertEquals("build", job("main.yml", "dev").get("needs"));
        assertEquals("dev", job("main.yml", "staging").get("needs"));
        assertEquals("staging", job("main.yml", "prod").get("needs"));
        assertEquals("production", ((Map<String, Object>) job("main.yml", "prod").get("with")).get("environment"));
        Map<String, Object> up = job("pulumi-up.yml", "up");
        assertEquals("${{ inputs.environment }}", up.get("environment"));
        assertEquals("up", ((Map<String, Object>) step(up, "pulumi/actions@").get("with")).get("command"));
        step(up, "actions/download-artifact@");
    }

    @Test
    void noWorkflowHoldsStaticCloudKeys() throws Exception {
        try (var files = Files.list(WORKFLOWS)) {
            for (Path f : files.toList()) {
                String text = Files.readString(f);
                assertFalse(text.contains("aws-access-key-id") || text.contains("AWS_SECRET_ACCESS_KEY"), f.toString());
            }
        }
    }
}
