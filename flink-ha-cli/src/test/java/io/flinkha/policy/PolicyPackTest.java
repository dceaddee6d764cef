package io.flinkha.policy;

import io.flinkha.Plans;
import io.flinkha.testing.PlanRenderer;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

/**
 * The TypeScript policy pack, run from the Java suite so one command tests everything: the pack's
 * own tests, and every stack's plan checked at the levels of its environment.
 */
class PolicyPackTest {
    private static final Path PACK = Path.of("policies").toAbsolutePath();

    @TempDir
    Path tmp;

    private record Run(int exit, String output) {
    }

    private static Run run(List<String> command) throws IOException, InterruptedException {
        Process p = new ProcessBuilder(command).directory(PACK.getParent().toFile()).redirectErrorStream(true).start();
        String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        if (!p.waitFor(5, TimeUnit.MINUTES)) {
            p.destroyForcibly();
            fail("timed out: " + command);
        }
        return new Run(p.exitValue(), out);
    }

    private static List<String> npm(String... args) {
        List<String> command = new ArrayList<>(List.of("npm", "--prefix", PACK.toString()));
        command.addAll(List.of(args));
        return command;
    }

    @BeforeAll
    static void nodeAndThePacksDependenciesArePresent() throws Exception {
        try {
            Run node = run(List.of("node", "--version"));
            assertEquals(0, node.exit(), node.output());
        } catch (IOException e) {
            fail("Node.js 18 or newer is needed for the policy pack (policies/): install it (e.g. apt-get install nodejs npm) "
                    + "and run the tests again. (" + e.getMessage() + ")");
        }
        if (!Files.isDirectory(PACK.resolve("node_modules/@pulumi/policy"))) {
            // .ci/run installs them first; a developer's fresh clone gets them here
            Run install = run(npm("ci", "--no-audit", "--no-fund"));
            assertEquals(0, install.exit(), "npm ci --prefix policies failed:\n" + install.output());
        }
        // the checks run the compiled JavaScript: compile this checkout's TypeScript once
        Run build = run(npm("run", "--silent", "build"));
        assertEquals(0, build.exit(), "npm --prefix policies run build failed:\n" + build.output());
    }

    @Test
    void thePacksOwnTestsPass() throws Exception {
        Run tests = run(npm("test"));
        System.out.println(tests.output());
        assertEquals(0, tests.exit(), tests.output());
        assertTrue(tests.output().contains("# fail 0"), tests.output());
    }

    private Run check(String planJson, String environment) throws Exception {
        Path plan = tmp.resolve("plan-" + environment + ".json");
        Files.writeString(plan, planJson);
        return run(npm("run", "--silent", "check", "--", plan.toString(), "--env", environment));
    }

    /** Where the example consumers' tests write their offline plans, when the full build has run them (flink-ha-testing's invoker). */
    private static final Path CONSUMER_BUILDS = Path.of("flink-ha-testing/target/examples");

    @ParameterizedTest
    @CsvSource({"existing-cluster-nfs, nfs", "eks-s3, s3"})
    void aConsumersOwnOfflinePlanPassesThePackUnderTheConsumersOwnConfig(String example, String plan) throws Exception {
        Path file = CONSUMER_BUILDS.resolve(example).resolve("target/plans/" + plan + ".json");
        // CI runs the whole build, which writes them first: there a missing plan is a failure, not a skip
        boolean ci = System.getenv("CI") != null;
        org.junit.jupiter.api.Assumptions.assumeTrue(ci || Files.isRegularFile(file),
                "the example consumers' plans are written by ./mvnw verify (flink-ha-testing's examples); not built here: " + file);
        assertTrue(Files.isRegularFile(file), "./mvnw verify writes " + file + " before this test runs");
        Run check = run(npm("run", "--silent", "check", "--", file.toAbsolutePath().toString(), "--config",
                Path.of("examples", example, "policy/config.json").toAbsolutePath().toString()));
        assertEquals(0, check.exit(), check.output());
        assertTrue(check.output().contains("23 policies") && check.output().contains("(0 mandatory)"), check.output());
    }

    @ParameterizedTest
    @ValueSource(strings = {"dev", "staging", "prod"})
    void everyStackPassesThePolicyLevelsOfItsEnvironment(String stack) throws Exception {
        Run check = check(PlanRenderer.json(Plans.ofStack(stack)), stack);
        System.out.println(check.output());
        if (Plans.CRD_UPGRADES_PENDING.contains(stack)) {
            assertEquals(1, check.exit(), check.output());
            assertTrue(check.output().contains("(1 mandatory)"), check.output());
            assertTrue(check.output().contains("[mandatory] operator-crds:"), check.output());
            return;
        }
        assertEquals(0, check.exit(), check.output());
        assertTrue(check.output().contains("(0 mandatory)"), check.output());
    }

    @Test
    void anEnvironmentWhoseClusterHasOlderCrdsIsStoppedWithTheStepsToRun() throws Exception {
        Run check = check(PlanRenderer.json(Plans.ofStack("prod")), "prod");
        assertTrue(check.output().contains("The Flink operator chart moves to 1.15.0, but the cluster has the CRDs of 1.10.0"), check.output());
        assertTrue(check.output().contains(java.nio.file.Files.readString(java.nio.file.Path.of(
                "policies/test/fixtures/crd-upgrade-1.10.0-to-1.15.0.txt")).strip()), check.output());
    }

    /** The stack's real plan with HA turned off in every FlinkDeployment, checked at the stack's own levels. */
    private Run checkWithoutHa(String stack) throws Exception {
        return check(PlanRenderer.json(Plans.ofStack(stack))
                .replace("\"high-availability.type\": \"kubernetes\"", "\"high-availability.type\": \"NONE\""), stack);
    }

    @Test
    void aNewBucketInProdFailsTheStateLockUnlessTheLossIsSaid() throws Exception {
        String moved = PlanRenderer.json(Plans.ofStack("prod")).replace("acme-flink-ha-prod-eu-west-1/", "acme-flink-ha-prod-eu-west-1-v2/");
        Run check = check(moved, "prod");
        assertEquals(1, check.exit(), check.output());
        assertTrue(check.output().contains("flink-state-safety"), check.output());
        assertTrue(check.output().contains("Flink job flink/state-machine moves its HA storage from "
                + "s3://acme-flink-ha-prod-eu-west-1/prod/flink/state-machine/ha to s3://acme-flink-ha-prod-eu-west-1-v2/"), check.output());
    }

    @Test
    void aMandatoryViolationFailsTheCheck() throws Exception {
        Run check = checkWithoutHa("prod");
        assertEquals(1, check.exit(), check.output());
        assertTrue(check.output().contains("[mandatory] flink-ha-enabled"), check.output());
    }

    @Test
    void theSameViolationIsOnlyAdvisoryInDev() throws Exception {
        Run check = checkWithoutHa("dev");
        assertEquals(0, check.exit(), check.output());
        assertTrue(check.output().contains("[advisory] flink-ha-enabled"), check.output());
    }

    @Test
    void aMissingPlanFileIsOneCleanErrorWithoutANodeStackTrace() throws Exception {
        Run check = run(npm("run", "--silent", "check", "--", tmp.resolve("nosuch.json").toString(), "--env", "dev"));
        assertEquals(2, check.exit(), check.output());
        assertTrue(check.output().contains("error: no plan file at " + tmp.resolve("nosuch.json")), check.output());
        assertFalse(check.output().contains("    at "), check.output());
    }

    @Test
    void aPlanThatIsNotJsonIsOneCleanError() throws Exception {
        Run check = check("plan of dev: 16 resources", "dev");
        assertEquals(2, check.exit(), check.output());
        assertTrue(check.output().contains("is not JSON"), check.output());
        assertFalse(check.output().contains("    at "), check.output());
    }

    @Test
    void aPlanCheckedAtAnotherEnvironmentsLevelsIsWarnedOf() throws Exception {
        Run check = check(PlanRenderer.json(Plans.ofStack("dev")), "staging");
        assertTrue(check.output().contains("warning: the plan is of environment 'dev' but --env is 'staging'"), check.output());
    }
}
