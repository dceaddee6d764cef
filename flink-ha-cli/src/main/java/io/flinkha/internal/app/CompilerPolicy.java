package io.flinkha.internal.app;

import com.sun.management.HotSpotDiagnosticMXBean;

import javax.management.MBeanServer;
import javax.management.ObjectName;
import java.lang.management.ManagementFactory;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.CompletableFuture;

/**
 * Which of HotSpot's compilers this process uses: C1 alone while it starts, and C2 as well once the stack turns out large.
 *
 * <p>Why: the Pulumi engine starts the program as {@code java -jar target/flink-ha.jar}, with no JVM options, and a
 * preview of a stack of a few jobs lasts 2-3 s, most of it the JVM warming up. On a 2-CPU machine C2 then spends about
 * 2 s of CPU optimising code that runs only while the JVM starts (the JDK's own ASM spinning lambda forms, annotation
 * reflection, {@code Formatter}), on the core the program needs (BENCHMARKS.md). So the process asks HotSpot, through
 * its diagnostic command interface (what {@code jcmd <pid> Compiler.directives_add} calls), to leave C2 out: methods then
 * go from the interpreter to C1, about as under {@code -XX:TieredStopAtLevel=1}, which the engine's launch cannot pass.
 * The directive is this process's alone; nothing is written but a temporary file.
 *
 * <p>For a large stack C2 pays back (even at 400 jobs, faster from there on), so when the settings show
 * {@link #QUICK_BELOW_JOBS} jobs or more the directive is removed: every method not yet compiled gets C2 again. The few
 * that C2 was asked for before that stay with C1; measured, a 1,600-job plan is no slower for it (BENCHMARKS.md).
 *
 * <p>Only {@link Main#main} starts a policy: in a test or another program that runs the components, the JVM is the
 * caller's. {@code -Dflink-ha.jit=jvm} (for example in {@code JDK_JAVA_OPTIONS}) keeps the JVM's default.
 */
final class CompilerPolicy {
    /** Stacks with fewer jobs than this run without C2; the measured break-even is about 400 (BENCHMARKS.md). */
    static final int QUICK_BELOW_JOBS = 300;
    /** {@code auto} (the default) or {@code jvm}: leave the JVM's compilers as they are. */
    static final String PROPERTY = "flink-ha.jit";
    /** Every method, C2 excluded; C1's own options stay as they are. */
    static final String DIRECTIVE = "[{ match: \"*.*\", c2: { Exclude: true } }]";

    /** What the policy did. */
    enum Outcome {
        /** C2 left out: a small stack. */
        QUICK,
        /** C2 given back once the settings showed a large stack. */
        LARGE_STACK,
        /** The JVM was started without C2 or without C1 (bin/flink-ha's C1 only, -XX:-TieredCompilation, ...): kept. */
        LAUNCH_CHOSE,
        /** {@code -Dflink-ha.jit=jvm}, or not a process that {@link Main#main} started. */
        OFF,
        /** This JVM has no diagnostic command interface, or refused the directive: its default kept. */
        UNAVAILABLE
    }

    private final CompletableFuture<Integer> jobs = new CompletableFuture<>();
    private final CompletableFuture<Outcome> outcome = new CompletableFuture<>();

    private CompilerPolicy() {
    }

    /** @return a policy that never changes the JVM's compilers: for every caller but {@link Main#main} */
    static CompilerPolicy off() {
        CompilerPolicy policy = new CompilerPolicy();
        policy.outcome.complete(Outcome.OFF);
        return policy;
    }

    /**
     * Leaves C2 out from a daemon thread (the platform MBean server costs about 0.2 s of CPU cold, taken while the main
     * thread reads the stack), then waits there for {@link #jobsKnown}.
     *
     * @return the policy of this process, or {@link #off()} under {@code -Dflink-ha.jit=jvm}
     */
    static CompilerPolicy start() {
        String chosen = System.getProperty(PROPERTY, "auto");
        if (chosen.equals("jvm")) {
            return off();
        }
        if (!chosen.equals("auto")) {
            // a typo must not silently keep C2: say so once, on the stream the engine shows as a diagnostic
            System.err.println("warning: -D" + PROPERTY + "=" + chosen + " is not one of auto, jvm; using auto");
        }
        CompilerPolicy policy = new CompilerPolicy();
        Thread thread = new Thread(policy::decide, "compiler-policy");
        thread.setDaemon(true);
        thread.start();
        return policy;
    }

    /** @param count the stack's jobs, as its settings declare them; the first call decides whether C2 comes back */
    void jobsKnown(int count) {
        jobs.complete(count);
    }

    /** @return what the policy did, once it has */
    CompletableFuture<Outcome> outcome() {
        return outcome;
    }

    /** @return whether a stack of so many jobs plans faster without C2 */
    static boolean quickPays(int jobs) {
        return jobs < QUICK_BELOW_JOBS;
    }

    private void decide() {
        try {
            if (!bothCompilers(ManagementFactory.getPlatformMXBean(HotSpotDiagnosticMXBean.class))) {
                outcome.complete(Outcome.LAUNCH_CHOSE);
                return;
            }
            MBeanServer server = ManagementFactory.getPlatformMBeanServer();
            Path directive = Files.createTempFile("flink-ha-compiler", ".json");
            try {
                Files.writeString(directive, DIRECTIVE);
                Object added = diagnosticCommand(server, "compilerDirectivesAdd", directive.toString());
                if (!String.valueOf(added).contains("1 compiler directives added")) {
                    outcome.complete(Outcome.UNAVAILABLE);
                    return;
                }
            } finally {
                Files.deleteIfExists(directive);
            }
            if (!quickPays(jobs.join())) {
                diagnosticCommand(server, "compilerDirectivesRemove");
                outcome.complete(Outcome.LARGE_STACK);
                return;
            }
            outcome.complete(Outcome.QUICK);
        } catch (Exception | LinkageError e) {
            // another JVM (no com.sun.management), or one that refuses: its own compilers are a correct default
            outcome.complete(Outcome.UNAVAILABLE);
        }
    }

    /** @return whether C1 and C2 both run (tiered, up to level 4, in the default mode): only then is C1 alone a choice */
    static boolean bothCompilers(HotSpotDiagnosticMXBean vm) {
        return vm.getVMOption("TieredCompilation").getValue().equals("true")
                && vm.getVMOption("TieredStopAtLevel").getValue().equals("4")
                && vm.getVMOption("CompilationMode").getValue().equals("default")
                && vm.getVMOption("UseCompiler").getValue().equals("true");
    }

    /** @return what a diagnostic command ({@code jcmd}'s, by its MBean operation name) printed */
    static Object diagnosticCommand(MBeanServer server, String operation, String... arguments) throws Exception {
        return server.invoke(new ObjectName("com.sun.management:type=DiagnosticCommand"), operation,
                new Object[] {arguments}, new String[] {String[].class.getName()});
    }
}
