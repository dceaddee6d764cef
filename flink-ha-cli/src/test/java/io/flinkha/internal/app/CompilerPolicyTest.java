package io.flinkha.internal.app;

import org.junit.jupiter.api.Test;

import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The process's compilers: C2 left out for a small stack's short run, kept for a large one, and never touched outside
 * {@code Main.main}. The directives are read back from a real JVM of its own, so the test JVM's compilers stay its own.
 */
class CompilerPolicyTest {
    @Test
    void stacksBelowThreeHundredJobsPlanWithoutC2() {
        assertTrue(CompilerPolicy.quickPays(1));
        assertTrue(CompilerPolicy.quickPays(299));
        assertFalse(CompilerPolicy.quickPays(300));
        assertFalse(CompilerPolicy.quickPays(1_600));
    }

    @Test
    void outsideMainTheJvmsCompilersAreTheCallers() {
        CompilerPolicy policy = CompilerPolicy.off();
        policy.jobsKnown(1);
        assertEquals(CompilerPolicy.Outcome.OFF, policy.outcome().getNow(null));
        // what a test or another program gets when it runs the tool in its own JVM
        var quiet = new java.io.PrintStream(java.io.OutputStream.nullOutputStream());
        assertEquals(CompilerPolicy.Outcome.OFF, new Main(quiet, quiet, Path.of("")).compilerPolicy().outcome().getNow(null));
    }

    @Test
    void theJvmValueKeepsTheJvmsCompilers() {
        RestoredProperty.around(CompilerPolicy.PROPERTY, () -> {
            System.setProperty(CompilerPolicy.PROPERTY, "jvm");
            assertEquals(CompilerPolicy.Outcome.OFF, CompilerPolicy.start().outcome().getNow(null));
        });
    }

    @Test
    void aSmallStacksJvmExcludesC2ForEveryMethod() throws Exception {
        String out = probe(20);
        assertTrue(out.startsWith("outcome=QUICK"), out);
        List<String> added = addedDirectives(out);
        assertEquals(1, added.size(), out);
        assertTrue(added.get(0).contains("matching: *.*"), out);
        assertTrue(added.get(0).split("c2 directives:", 2)[1].contains("Exclude:true"), out);
    }

    @Test
    void aLargeStacksJvmKeepsC2() throws Exception {
        String out = probe(1_600);
        assertTrue(out.startsWith("outcome=LARGE_STACK"), out);
        assertEquals(List.of(), addedDirectives(out), "only the JVM's default directive is left: " + out);
    }

    @Test
    void anUnknownValueIsNamedAndTheDefaultUsed() throws Exception {
        String out = probe(20, "-D" + CompilerPolicy.PROPERTY + "=c1");
        assertTrue(out.startsWith("warning: -Dflink-ha.jit=c1 is not one of auto, jvm; using auto"), out);
        assertTrue(out.contains("outcome=QUICK"), out);
    }

    @Test
    void aLaunchThatChoseItsCompilersIsLeftAsItIs() throws Exception {
        String out = probe(20, "-XX:TieredStopAtLevel=1");
        assertTrue(out.startsWith("outcome=LAUNCH_CHOSE"), out);
        assertEquals(List.of(), addedDirectives(out), out);
    }

    /** @return the directives {@code Compiler.directives_print} lists besides the JVM's default one */
    private static List<String> addedDirectives(String printed) {
        assertTrue(printed.contains("Directive: (default)"), printed);
        List<String> added = new ArrayList<>();
        for (String block : printed.split("\\nDirective:")) {
            if (block.startsWith("\n")) {
                added.add(block);
            }
        }
        return added;
    }

    private static String probe(int jobs, String... jvmOptions) throws Exception {
        List<String> command = new ArrayList<>(List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString()));
        command.addAll(List.of(jvmOptions));
        command.addAll(List.of("-cp", System.getProperty("java.class.path"), CompilerPolicyProbe.class.getName(), String.valueOf(jobs)));
        Process p = new ProcessBuilder(command).redirectErrorStream(true).start();
        String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertTrue(p.waitFor(1, TimeUnit.MINUTES), "probe timed out");
        assertEquals(0, p.exitValue(), out);
        return out;
    }
}
