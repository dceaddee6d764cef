package io.flinkha.internal.plan;

import java.io.PrintStream;
import java.time.Duration;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicReference;

/**
 * What a long plan or diff is doing, for a person at a terminal: after {@link #QUIET_FOR} without a result, one line on
 * standard error, rewritten every second, names the stage and the resources registered so far, and is wiped when the
 * work ends. Off when standard error is not a terminal (a pipe, CI) or with {@code --quiet}, so output that tools read
 * never carries it.
 */
public final class Progress implements AutoCloseable {
    /** How long work runs before it shows progress: a plan of a few dozen resources never does. */
    public static final Duration QUIET_FOR = Duration.ofSeconds(2);

    static {
        io.flinkha.testing.PlanEngine.onRegistration(Progress::resource);
    }

    private static final AtomicReference<String> STAGE = new AtomicReference<>("starting");
    private static final AtomicInteger RESOURCES = new AtomicInteger();

    private final ScheduledExecutorService timer;
    private final PrintStream err;
    private final String what;
    private final AtomicBoolean shown = new AtomicBoolean();
    private final AtomicInteger width = new AtomicInteger();
    private final AtomicBoolean closed = new AtomicBoolean();

    private Progress(PrintStream err, String what, Duration after, Duration every) {
        this.err = err;
        this.what = what;
        this.timer = Executors.newSingleThreadScheduledExecutor(r -> {
            Thread t = new Thread(r, "progress");
            t.setDaemon(true);
            return t;
        });
        timer.scheduleAtFixedRate(this::show, after.toMillis(), every.toMillis(), TimeUnit.MILLISECONDS);
    }

    /**
     * @param err   where a person sees it
     * @param quiet {@code --quiet}
     * @param what  the work, e.g. {@code plan prod}
     * @return the reporter: shown only on a terminal and without {@code --quiet}; close it when the work ends
     */
    public static Progress start(PrintStream err, boolean quiet, String what) {
        return start(err, !quiet && stderrIsTerminal(), what, QUIET_FOR, Duration.ofSeconds(1));
    }

    /**
     * Whether standard error is a terminal, when standard output may be redirected ({@code plan --json > plan.json}), which
     * makes {@link System#console()} null. Java has no call for it: on Linux the process's descriptor 2 names its device;
     * elsewhere the console stands in.
     */
    static boolean stderrIsTerminal() {
        try {
            String target = java.nio.file.Files.readSymbolicLink(java.nio.file.Path.of("/proc/self/fd/2")).toString();
            return target.startsWith("/dev/pts/") || target.startsWith("/dev/tty");
        } catch (java.io.IOException | UnsupportedOperationException | SecurityException e) {
            return System.console() != null;
        }
    }

    /**
     * @param err     where it goes
     * @param enabled whether it shows at all
     * @param what    the work
     * @param after   how long the work runs before the first line
     * @param every   how often the line is rewritten
     * @return the reporter
     */
    static Progress start(PrintStream err, boolean enabled, String what, Duration after, Duration every) {
        STAGE.set("starting");
        RESOURCES.set(0);
        return enabled ? new Progress(err, what, after, every) : new Progress(err, what, Duration.ofDays(365), Duration.ofDays(365));
    }

    /** @param stage what the work does now, e.g. {@code running the program} */
    public static void stage(String stage) {
        STAGE.set(stage);
    }

    /** Counts one resource registered. */
    static void resource() {
        RESOURCES.incrementAndGet();
    }

    private void show() {
        int n = RESOURCES.get();
        String line = what + ": " + STAGE.get() + ", " + n + (n == 1 ? " resource" : " resources") + " so far";
        width.set(Math.max(width.get(), line.length()));
        err.print("\r" + line);
        err.flush();
        shown.set(true);
    }

    /** Stops the line and wipes it, so the result starts on a clean line; closing again does nothing. */
    @Override
    public void close() {
        if (!closed.compareAndSet(false, true)) {
            return;
        }
        timer.shutdownNow();
        try {
            timer.awaitTermination(1, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        if (shown.get()) {
            err.print("\r" + " ".repeat(width.get()) + "\r");
            err.flush();
        }
    }
}
