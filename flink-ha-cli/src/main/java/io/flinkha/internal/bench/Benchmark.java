package io.flinkha.internal.bench;

import io.flinkha.internal.app.FlinkHaProgram;
import io.flinkha.flink.check.UpstreamCheck;
import io.flinkha.flink.crd.FlinkDeployment;
import io.flinkha.testing.Plan;
import io.flinkha.testing.PlanEngine;
import io.flinkha.testing.PlannedResource;
import io.flinkha.internal.plan.StackConfig;

import java.io.IOException;
import java.lang.management.ManagementFactory;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * {@code bench}: measures, on this machine, the cold offline plan of every stack, the warm in-process
 * evaluation, scaling to hundreds of FlinkDeployments, start-up to the first resource registration of
 * the fat jar, and the fat jar's size and class count; writes BENCHMARKS.md. Cold plans are measured as a
 * multiple of the JVM's own start-up in the same run, with the default launch and with {@code bin/flink-ha}'s options.
 */
public final class Benchmark {
    private static final Pattern TIMING = Pattern.compile(
            "timing: phase=plan written sinceJvmStartMs=(\\d+) firstRegistrationMs=(\\d+) firstRegistrationEpochMs=(\\d+) "
                    + "peakHeapBytes=(\\d+) loadedClasses=(\\d+)");
    private static final int[] SIZES = {1, 100, 400, 1000, 1600, 2000};
    /** The scaling targets of issue 31: a 1,600-job plan at most this many times the floor, and at most this heap. */
    static final int SCALING_TIME_TARGET = 30;
    static final long SCALING_HEAP_TARGET_MIB = 1024;
    /** Where the scaling picture goes, beside BENCHMARKS.md, which shows it. */
    static final Path SCALING_CHART = Path.of("docs/benchmark-scaling.svg");
    private final List<ScalingChart.Point> scaling = new ArrayList<>();
    private long floorMs;
    static final String NOTES = "<!-- findings: written by hand, kept when the benchmark is re-run -->";

    private final Path jar;
    private final int runs;
    private final StringBuilder md = new StringBuilder();

    private Benchmark(Path jar, int runs) {
        this.jar = jar;
        this.runs = runs;
    }

    /**
     * @param runs  runs per measure
     * @param write whether to write BENCHMARKS.md (keeping its hand-written findings); otherwise only print
     * @return the exit code
     */
    public static int run(int runs, boolean write) throws Exception {
        Path out = Path.of("BENCHMARKS.md");
        Path jar = Path.of("target/flink-ha.jar");
        if (!Files.isRegularFile(jar)) {
            System.err.println("error: build the fat jar first: ./mvnw -q -B package -DskipTests");
            return 2;
        }
        System.err.println("benchmark: " + runs + " runs per measure; this takes minutes (progress below)");
        Benchmark b = new Benchmark(jar, runs);
        b.measure();
        if (write) {
            // the findings below the marker are written by people and survive a re-run
            String previous = Files.isRegularFile(out) ? Files.readString(out) : "";
            String notes = previous.contains(NOTES) ? previous.substring(previous.indexOf(NOTES)) : NOTES + "\n";
            Files.writeString(out, b.md + "\n" + notes);
            Files.createDirectories(SCALING_CHART.getParent());
            Files.writeString(SCALING_CHART, ScalingChart.svg(b.scaling, b.floorMs, SCALING_TIME_TARGET, SCALING_HEAP_TARGET_MIB));
            System.err.println("benchmark: wrote " + out);
        }
        System.out.println(b.md);
        return 0;
    }

    private static final Pattern RESOURCES = Pattern.compile("timing: resources=(\\d+)");

    private record Run(long wallMs, long firstRegistrationMs, long firstRegistrationEpochMs, long peakHeapBytes, long classes,
                       long launchEpochMs, int resources) {
    }

    private Run child(Path dir, List<String> command) throws IOException, InterruptedException {
        long launch = System.currentTimeMillis();
        long start = System.nanoTime();
        Process p = new ProcessBuilder(command).directory(dir.toFile()).redirectOutput(ProcessBuilder.Redirect.DISCARD).start();
        String err = new String(p.getErrorStream().readAllBytes(), StandardCharsets.UTF_8);
        if (!p.waitFor(10, TimeUnit.MINUTES) || p.exitValue() != 0) {
            throw new IllegalStateException("failed: " + String.join(" ", command) + "\n" + err);
        }
        long wall = (System.nanoTime() - start) / 1_000_000;
        Matcher m = TIMING.matcher(err);
        if (!m.find()) {
            throw new IllegalStateException("no timing line from " + String.join(" ", command) + "\n" + err);
        }
        Matcher r = RESOURCES.matcher(err);
        return new Run(wall, Long.parseLong(m.group(2)), Long.parseLong(m.group(3)), Long.parseLong(m.group(4)),
                Long.parseLong(m.group(5)), launch, r.find() ? Integer.parseInt(r.group(1)) : -1);
    }

    private List<String> java(String... args) {
        return java(List.of(), args);
    }

    private List<String> java(List<String> options, String... args) {
        List<String> c = new ArrayList<>(javaPlain(options));
        c.add(1, "-Dflinkha.timing=true");
        c.addAll(List.of(args));
        return c;
    }

    private static List<String> javaPlain(String... args) {
        return javaPlain(List.of(), args);
    }

    private static List<String> javaPlain(List<String> options, String... args) {
        List<String> c = new ArrayList<>(List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString()));
        c.addAll(options);
        c.addAll(List.of(args));
        return c;
    }

    /**
     * What {@code bin/flink-ha} adds to {@code java}: C1 only (and so the program's own choice of compilers off), and the
     * build's class-data archive when it is current.
     */
    static List<String> fastOptions(Path project) {
        List<String> options = new ArrayList<>(List.of("-XX:TieredStopAtLevel=1", "-Dflink-ha.jit=jvm"));
        Path archive = project.resolve("target/flink-ha.jsa");
        Path jarFile = project.resolve("target/flink-ha.jar");
        if (Files.isRegularFile(archive) && archive.toFile().lastModified() > jarFile.toFile().lastModified()) {
            options.addAll(List.of("-XX:SharedArchiveFile=" + archive, "-Xlog:cds=off", "-Xlog:cds+dynamic=off"));
        }
        return options;
    }

    private static long wallOf(Path dir, List<String> command) throws IOException, InterruptedException {
        long start = System.nanoTime();
        Process p = new ProcessBuilder(command).directory(dir.toFile()).redirectOutput(ProcessBuilder.Redirect.DISCARD)
                .redirectError(ProcessBuilder.Redirect.DISCARD).start();
        if (!p.waitFor(1, TimeUnit.MINUTES) || p.exitValue() != 0) {
            throw new IllegalStateException("failed: " + String.join(" ", command));
        }
        return (System.nanoTime() - start) / 1_000_000;
    }

    private static long median(List<Long> values) {
        List<Long> sorted = values.stream().sorted().toList();
        return sorted.get(sorted.size() / 2);
    }

    private void measure() throws Exception {
        Path project = Path.of("").toAbsolutePath();
        String jarPath = jar.toAbsolutePath().toString();
        var os = ManagementFactory.getOperatingSystemMXBean();
        long memory = ((com.sun.management.OperatingSystemMXBean) os).getTotalMemorySize();
        md.append("# Benchmarks\n\nMeasured by `java -jar target/flink-ha.jar bench` on ").append(LocalDate.now())
                .append(String.format(Locale.ROOT, ": %d CPUs, %.0f GiB memory, %s %s, Java %s (%s). Median of %d runs unless noted; "
                                + "each cold run is a new JVM with default flags.%n%n", os.getAvailableProcessors(), memory / 1024.0 / 1024 / 1024,
                        System.getProperty("os.name"), System.getProperty("os.arch"), System.getProperty("java.version"),
                        System.getProperty("java.vm.name"), runs));

        System.err.println("benchmark: 1. Cold offline plan of each stack, against the JVM's own start-up");
        List<String> stacks = StackConfig.stacks(project.resolve("stacks"));
        List<String> fast = fastOptions(project);
        Map<String, List<Long>> cold = new java.util.LinkedHashMap<>();
        Map<String, Run> last = new java.util.HashMap<>();
        // interleaved, so a noisy moment of the machine hits every row alike
        for (int i = 0; i < runs; i++) {
            cold.computeIfAbsent("floor", k -> new ArrayList<>()).add(wallOf(project, javaPlain("-jar", jarPath, "--version")));
            cold.computeIfAbsent("floor fast", k -> new ArrayList<>()).add(wallOf(project, javaPlain(fast, "-jar", jarPath, "--version")));
            for (String stack : stacks) {
                Run plain = child(project, java("-jar", jarPath, "plan", stack, "--json"));
                Run quick = child(project, java(fast, "-jar", jarPath, "plan", stack, "--json"));
                cold.computeIfAbsent(stack, k -> new ArrayList<>()).add(plain.wallMs());
                cold.computeIfAbsent(stack + " fast", k -> new ArrayList<>()).add(quick.wallMs());
                last.put(stack, plain);
                last.put(stack + " fast", quick);
            }
        }
        long floor = median(cold.get("floor"));
        floorMs = floor;
        md.append("## 1. Cold offline plan (JVM start to JSON written), as a multiple of the JVM's own start-up\n\n"
                + "The floor is the same jar printing its version: a JVM starting, opening the jar and exiting. Each plan row is "
                + "divided by it, since machines differ and the ratio does not. `java -jar` is the default launch; `bin/flink-ha` "
                + "adds `" + String.join(" ", fast).replace(project + "/", "") + "` (C1 only and the class-data archive `./mvnw package` writes).\n\n"
                + "| stack | command | resources | wall | x floor | loaded classes | target |\n|---|---|---:|---:|---:|---:|---|\n");
        md.append(String.format(Locale.ROOT, "| (floor) | `java -jar target/flink-ha.jar --version` | | %d ms | 1.0 | | |%n", floor));
        md.append(String.format(Locale.ROOT, "| (floor) | `bin/flink-ha --version` | | %d ms | %.1f | | |%n", median(cold.get("floor fast")),
                (double) median(cold.get("floor fast")) / floor));
        for (String stack : stacks) {
            for (String variant : List.of(stack, stack + " fast")) {
                long w = median(cold.get(variant));
                double ratio = (double) w / floor;
                // issue 31's targets for a cold prod plan: through java -jar, as the Pulumi CLI runs it, and through bin/flink-ha
                double target = !stack.equals("prod") ? 0 : variant.endsWith(" fast") ? 3 : 6;
                md.append(String.format(Locale.ROOT, "| %s | `%s` | %d | %d ms | %.1f | %d | %s |%n", stack,
                        variant.endsWith(" fast") ? "bin/flink-ha plan " + stack + " --json" : "java -jar target/flink-ha.jar plan " + stack + " --json",
                        last.get(variant).resources(), w, ratio, last.get(variant).classes(),
                        target == 0 ? "" : String.format(Locale.ROOT, "<= %.0fx: %s", target, ratio <= target ? "met" : "**missed**")));
            }
        }

        System.err.println("benchmark: 2. Warm in-process evaluation of the prod program");
        md.append("\n## 2. Warm in-process evaluation of the prod program\n\n");
        Map<String, String> prod = StackConfig.load(project, "prod").values();
        for (int i = 0; i < 5; i++) {
            PlanEngine.run("flink-ha", "prod", prod, FlinkHaProgram::define);
        }
        List<Long> warm = new ArrayList<>();
        Plan plan = null;
        for (int i = 0; i < 15; i++) {
            long t = System.nanoTime();
            plan = PlanEngine.run("flink-ha", "prod", prod, FlinkHaProgram::define);
            warm.add((System.nanoTime() - t) / 1_000_000);
        }
        md.append(String.format("After 5 warm-up runs in one JVM, 15 measured: median **%d ms**, min %d ms, max %d ms per evaluation "
                + "(%d resources: settings, components, upstream checks, registration on the mock engine).%n", median(warm),
                warm.stream().min(Long::compare).orElseThrow(), warm.stream().max(Long::compare).orElseThrow(),
                last.get("prod").resources()));
        long checkNanos = warmCheckNanos(plan, CHECK_BATCH, CHECK_BATCHES);
        md.append(String.format(Locale.ROOT, "%nThe upstream checks of one FlinkDeployment, warm (`UpstreamCheck.violations` on prod's "
                + "deployments as planned, each batch %d checks, median of %d batches): **%.0f µs** (target: microseconds, not "
                + "milliseconds: %s).%n", CHECK_BATCH, CHECK_BATCHES, checkNanos / 1e3, checkNanos < 1_000_000 ? "met" : "**missed**"));

        System.err.println("benchmark: 3. Scaling: synthetic stacks of N FlinkDeployments");
        md.append("\n## 3. Scaling: synthetic stacks of N FlinkDeployments (`-Xmx1g`)\n\n| N | resources | wall | per deployment | ratio to previous N | time ratio / size ratio | peak heap | target |\n|---:|---:|---:|---:|---:|---:|---:|---|\n");
        Path tmp = Files.createTempDirectory("flink-ha-bench");
        Files.copy(project.resolve("Pulumi.yaml"), tmp.resolve("Pulumi.yaml"));
        Files.createDirectories(tmp.resolve("stacks"));
        long previous = 0;
        int previousN = 0;
        for (int n : SIZES) {
            Files.writeString(tmp.resolve("stacks/Pulumi.synthetic-" + n + ".yaml"), syntheticStack(n));
            List<Long> wall = new ArrayList<>();
            List<Long> heap = new ArrayList<>();
            int resources = 0;
            // the large stacks take tens of seconds each: one run of them, up to three of the small
            int scalingRuns = n >= 1000 ? 1 : Math.max(1, Math.min(runs, 3));
            for (int i = 0; i < scalingRuns; i++) {
                Run r = child(tmp, java("-Xmx1g", "-jar", jarPath, "plan", "synthetic-" + n, "--json"));
                wall.add(r.wallMs());
                heap.add(r.peakHeapBytes());
                resources = r.resources();
            }
            long w = median(wall);
            long h = median(heap);
            String ratio = previous == 0 ? "" : String.format(Locale.ROOT, "%.2f", (double) w / previous);
            String linearity = previous == 0 ? "" : String.format(Locale.ROOT, "%.2f", ((double) w / previous) / ((double) n / previousN));
            boolean timeMet = w <= SCALING_TIME_TARGET * floorMs;
            boolean heapMet = h <= SCALING_HEAP_TARGET_MIB * 1024 * 1024;
            md.append(String.format(Locale.ROOT, "| %d | %d | %d ms | %.1f ms | %s | %s | %d MiB | %s |%n", n, resources, w, (double) w / n,
                    ratio, linearity, h / 1024 / 1024,
                    n == 1600 ? String.format(Locale.ROOT, "<= %dx floor (%d ms): %s (%.0fx); <= 1 GiB: %s", SCALING_TIME_TARGET,
                            SCALING_TIME_TARGET * floorMs, timeMet ? "met" : "**missed**", (double) w / floorMs, heapMet ? "met" : "**missed**") : ""));
            if (n >= 100) {
                scaling.add(new ScalingChart.Point(n, w, h / 1024 / 1024));
            }
            previous = w;
            previousN = n;
        }
        md.append("\n`time ratio / size ratio` below 1 means it grows slower than linearly (the fixed start-up cost is shared). "
                + "Peak heap is the sum of the heap pools' peaks, an upper bound.\n\n![Plan time and peak heap against FlinkDeployments]("
                + SCALING_CHART + ")\n");

        System.err.println("benchmark: 4. Start-up: JVM start to the first resource registration");
        md.append("\n## 4. Start-up: JVM start to the first resource registration\n\n| path | launch to first registration | wall to plan written | target |\n|---|---:|---:|---|\n");
        List<Long> fat = new ArrayList<>();
        List<Long> fatWall = new ArrayList<>();
        for (int i = 0; i < runs; i++) {
            Run r = child(project, java("-jar", jarPath, "plan", "prod", "--json"));
            fat.add(r.firstRegistrationEpochMs() - r.launchEpochMs());
            fatWall.add(r.wallMs());
        }
        md.append(String.format("| fat jar, as `runtime.options.binary` runs it (`java -jar target/flink-ha.jar`) | %d ms | %d ms | %s |%n",
                median(fat), median(fatWall), median(fat) <= 1000 ? "<= 1 s: met" : "<= 1 s: **missed**"));
        System.err.println("benchmark: 5. Fat jar");

        md.append(String.format(Locale.ROOT, "%n## 5. Fat jar%n%n`target/flink-ha.jar`: **%.1f MiB**; a cold prod plan loads the class counts "
                + "in table 1 (the AWS provider's classes alone are 49 MB of the jar, loaded only as used).%n", Files.size(jar) / 1024.0 / 1024));
        deleteTree(tmp);
    }

    private static final int CHECK_BATCH = 1_000;
    private static final int CHECK_BATCHES = 9;

    /**
     * @param plan    a plan with FlinkDeployments
     * @param batch   checks per timed batch
     * @param batches timed batches, after three untimed ones
     * @return nanoseconds per FlinkDeployment of the upstream checks (CRD schema, the operator's classes, both Flink
     *         releases' reading of the configuration, the operator's rules), once the JIT has compiled them
     */
    static long warmCheckNanos(Plan plan, int batch, int batches) {
        List<Map<String, Object>> deployments = plan.resources().stream()
                .filter(r -> r.type().equals(FlinkDeployment.TYPE)).map(PlannedResource::inputs).toList();
        if (deployments.isEmpty()) {
            throw new IllegalStateException("the plan has no FlinkDeployment to check");
        }
        List<Long> perCheck = new ArrayList<>();
        for (int b = 0; b < batches + 3; b++) {
            long t = System.nanoTime();
            for (int i = 0; i < batch; i++) {
                List<String> found = UpstreamCheck.violations(deployments.get(i % deployments.size()));
                if (!found.isEmpty()) {
                    throw new IllegalStateException("a planned deployment fails the checks: " + found);
                }
            }
            if (b >= 3) {
                // the first batches run while the JIT compiles; the plan's cold cost is table 1's
                perCheck.add((System.nanoTime() - t) / batch);
            }
        }
        return median(perCheck);
    }

    /** A dev-like stack with {@code n} jobs. */
    static String syntheticStack(int n) {
        StringBuilder y = new StringBuilder("config:\n  flink-ha:environment: bench\n  flink-ha:cluster:\n    kind: existing\n    context: bench\n"
                + "  flink-ha:storage:\n    kind: nfs\n  flink-ha:jobs:\n");
        for (int i = 1; i <= n; i++) {
            y.append(String.format("    - name: job-%05d%n      jarUri: local:///opt/flink/usrlib/job.jar%n      parallelism: 2%n", i));
        }
        return y.toString();
    }

    private static void deleteTree(Path dir) throws IOException {
        try (var files = Files.walk(dir)) {
            files.sorted(java.util.Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
        }
    }

}
