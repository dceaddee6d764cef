package io.flinkha.internal.app;

import org.junit.jupiter.api.Test;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.file.Path;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The jar as a tool: what a platform engineer sees when they ask it for help or get an argument wrong. */
class CommandLineTest {
    private final ByteArrayOutputStream out = new ByteArrayOutputStream();
    private final ByteArrayOutputStream err = new ByteArrayOutputStream();

    private int run(String... args) {
        return new Main(new PrintStream(out, true), new PrintStream(err, true), Path.of("")).commandLine().execute(args);
    }

    @Test
    void theToolsCommandsGiveTheCommonPoolAtLeastTwoWorkersUnlessTheCommandLineSaysHowMany() {
        RestoredProperty.around(Main.COMMON_POOL_PARALLELISM, () -> {
            System.clearProperty(Main.COMMON_POOL_PARALLELISM);
            Main.widenTheCommonPool();
            assertEquals(String.valueOf(Math.max(2, Runtime.getRuntime().availableProcessors() - 1)),
                    System.getProperty(Main.COMMON_POOL_PARALLELISM));
            System.setProperty(Main.COMMON_POOL_PARALLELISM, "5");
            Main.widenTheCommonPool();
            assertEquals("5", System.getProperty(Main.COMMON_POOL_PARALLELISM));
        });
    }

    @Test
    void withoutArgumentsOutsideTheEngineItPrintsTheCommandsAndRefuses() {
        assertEquals(2, run());
        assertTrue(out.toString().contains("plan"), out.toString());
        assertTrue(out.toString().contains("diff"), out.toString());
        assertTrue(out.toString().contains("drill"), out.toString());
        assertTrue(out.toString().contains("bench"), out.toString());
    }

    @Test
    void versionNamesTheReleaseAndTheUpstreamCodeItChecksAgainst() {
        assertEquals(0, run("--version"));
        assertTrue(out.toString().startsWith("flink-ha 0."), out.toString());
        assertTrue(out.toString().contains("operators 1.10.0, 1.15.0, default 1.15.0"), out.toString());
        assertTrue(out.toString().contains("Flink jobs on 1.19.1, 1.20.1, 2.0.0, 2.2.0"), out.toString());
        assertTrue(out.toString().contains("operator 1.10.0 API and CRD"), out.toString());
    }

    @Test
    void helpOfTheBenchmarkDoesNotRunIt() {
        assertEquals(0, run("bench", "--help"));
        assertTrue(out.toString().contains("--runs"), out.toString());
        assertTrue(out.toString().contains("--write-report"), out.toString());
    }

    @Test
    void helpOfThePlanNamesItsArguments() {
        assertEquals(0, run("plan", "--help"));
        assertTrue(out.toString().contains("<stack>"), out.toString());
        assertTrue(out.toString().contains("--json"), out.toString());
    }

    @Test
    void aPlanWithoutAStackIsRefusedWithItsUsage() {
        assertEquals(2, run("plan"));
        assertTrue(err.toString().contains("Missing required parameter: '<stack>'"), err.toString());
    }

    @Test
    void aRunCountThatIsNotANumberIsRefusedByName() {
        assertEquals(2, run("bench", "--runs", "two"));
        assertTrue(err.toString().contains("--runs"), err.toString());
        assertTrue(err.toString().contains("'two'"), err.toString());
    }

    @Test
    void anUnknownStateLossGateIsRefusedWithTheAllowedValues() {
        assertEquals(2, run("diff", "--fail-on-state-loss=staging", "a", "b"));
        assertTrue(err.toString().contains("got 'staging'"), err.toString());
        assertTrue(err.toString().contains("all or production"), err.toString());
    }

    @Test
    void aRunCountOutsideItsRangeIsRefusedWithTheRange() {
        assertEquals(2, run("bench", "--runs", "0"));
        assertTrue(err.toString().contains("--runs: got 0; expected 1 to 50"), err.toString());
    }

    @Test
    void aDrillTimeoutWithoutAValueIsRefusedByName() {
        assertEquals(2, run("drill", "--context", "c", "--namespace", "n", "--deployment", "d", "--timeout"));
        assertTrue(err.toString().contains("Missing required parameter for option '--timeout'"), err.toString());
    }

    @Test
    void anUnknownCommandIsRefused() {
        assertEquals(2, run("deploy"));
        assertTrue(err.toString().contains("deploy"), err.toString());
    }

    @Test
    void diffSaysAMissingPlanFileDoesNotExistWithoutGitsRevisionSyntax() {
        assertEquals(2, run("diff", "plans/nope.json", "plans/dev.json"));
        assertTrue(err.toString().startsWith("error: plans/nope.json does not exist"), err.toString());
        assertTrue(!err.toString().contains("^{commit}"), err.toString());
    }

    @Test
    void diffRefusesAFileThatIsNotJsonInOneLineWithoutAJavaExceptionName() {
        assertEquals(2, run("diff", "README.md", "plans/dev.json"));
        String e = err.toString();
        assertTrue(e.startsWith("error: ") && e.contains("README.md is not a plan: it is not JSON (line "), e);
        assertEquals(1, e.strip().lines().count(), e);
        assertTrue(!e.contains("java.") && !e.contains("Exception"), e);
    }

    @Test
    void diffRefusesPlansOfTwoDifferentStacksNamingBoth() {
        assertEquals(2, run("diff", "plans/dev.json", "plans/prod.json"));
        assertTrue(err.toString().startsWith("error: plans/dev.json is a plan of stack 'dev' and plans/prod.json of stack 'prod': a diff "
                + "compares two plans of the same stack"), err.toString());
        assertEquals("", out.toString(), "no report of every resource deleted and every job LOST");
    }

    @Test
    void diffOfAnUnknownRevisionNamesWhatItTookTheArgumentFor() {
        assertEquals(2, run("diff", "no-such-revision", "plans/dev.json"));
        assertTrue(err.toString().startsWith("error: 'no-such-revision' is neither a plan file, a folder of plans, nor a git revision "
                + "with plans/"), err.toString());
    }

    /** Every parameter and option of every command has a description: picocli prints an empty line for one without. */
    @Test
    void helpDescribesEveryParameterAndOptionOfEveryCommand() {
        var commands = new Main(new PrintStream(out, true), new PrintStream(err, true), Path.of("")).commandLine().getSubcommands();
        List<String> undescribed = new java.util.ArrayList<>();
        commands.forEach((name, command) -> {
            command.getCommandSpec().positionalParameters().stream().filter(p -> String.join("", p.description()).isBlank())
                    .forEach(p -> undescribed.add(name + " " + p.paramLabel()));
            command.getCommandSpec().options().stream().filter(o -> String.join("", o.description()).isBlank())
                    .forEach(o -> undescribed.add(name + " " + o.longestName()));
        });
        assertEquals(List.of(), undescribed);
    }

    @Test
    void everyRefusedArgumentReadsAsAnErrorThenTheUsage() {
        for (String[] args : List.of(new String[]{"plan", "dev", "--bogus"}, new String[]{"diff"}, new String[]{"bench", "--runs", "0"},
                new String[]{"nosuch"}, new String[]{"drill", "dev"})) {
            err.reset();
            assertEquals(2, run(args), String.join(" ", args));
            assertTrue(err.toString().startsWith("error: "), err.toString());
            assertTrue(err.toString().contains("Usage: "), err.toString());
        }
    }
}
