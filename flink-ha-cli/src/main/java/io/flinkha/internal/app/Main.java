package io.flinkha.internal.app;

import com.pulumi.Pulumi;
import io.flinkha.flink.check.UpstreamCheck;
import io.flinkha.flink.RecoveryModel;
import io.flinkha.internal.bench.Benchmark;
import io.flinkha.internal.diff.DiffCommand;
import io.flinkha.internal.drill.DrillCommand;
import io.flinkha.internal.status.StatusCommand;
import io.flinkha.internal.plan.PlanCommand;
import io.flinkha.internal.plan.Timing;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

import java.io.IOException;
import java.io.InputStream;
import java.io.PrintStream;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Optional;
import java.util.Properties;
import java.util.concurrent.Callable;

/**
 * Entry point of {@code target/flink-ha.jar}. Started by the Pulumi engine (which runs it with no arguments
 * through {@code runtime.options.binary} and names itself in {@code PULUMI_MONITOR}) it is the stacks'
 * program; otherwise it is the tool, with the subcommands {@code plan}, {@code diff}, {@code check}, {@code drill}, {@code status} and
 * {@code bench}, {@code --help} on each and {@code --version}.
 */
@Command(name = "java -jar target/flink-ha.jar", mixinStandardHelpOptions = true, versionProvider = Main.Version.class,
        description = "Flink on Kubernetes with Flink's own HA, as Pulumi stacks. Without arguments under the Pulumi engine: "
                + "the stacks' program. Otherwise one of:",
        subcommands = {Main.Plan.class, Main.Diff.class, Main.Check.class, Main.Drill.class, Main.Status.class, Main.Bench.class})
public final class Main implements Callable<Integer> {
    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    private final PrintStream out;
    private final PrintStream err;
    private final Path project;
    private final java.util.function.Supplier<CompilerPolicy> compilers;

    /**
     * @param out     where results go
     * @param err     where problems, warnings and progress go
     * @param project the project folder, or a folder below it
     */
    public Main(PrintStream out, PrintStream err, Path project) {
        this(out, err, project, CompilerPolicy::off);
    }

    private Main(PrintStream out, PrintStream err, Path project, java.util.function.Supplier<CompilerPolicy> compilers) {
        this.out = out;
        this.err = err;
        this.project = project;
        this.compilers = compilers;
    }

    /** @return the compiler policy a plan starts: {@link CompilerPolicy#start()} from {@link #main}, else one that is off */
    CompilerPolicy compilerPolicy() {
        return compilers.get();
    }

    /** @return the stacks' program, telling the process's compiler policy how many jobs the stack has */
    static java.util.function.Consumer<com.pulumi.Context> program(CompilerPolicy compilers) {
        return ctx -> FlinkHaProgram.define(ctx, settings -> compilers.jobsKnown(settings.jobs().size()));
    }

    /** Usage, and the refusal, when no subcommand is given outside the engine. */
    @Override
    public Integer call() {
        spec.commandLine().usage(spec.commandLine().getOut());
        return 2;
    }

    public static void main(String[] args) {
        Timing.phase("main");
        if (args.length == 0 && System.getenv("PULUMI_MONITOR") != null) {
            CompilerPolicy compilers = CompilerPolicy.start();
            UpstreamCheck.warmUpInBackground();
            Pulumi.run(program(compilers));
            return;
        }
        widenTheCommonPool();
        // exit explicitly: the SDK's runner and the drill's client leave non-daemon threads behind
        System.exit(new Main(System.out, System.err, Path.of(""), CompilerPolicy::start).commandLine().execute(args));
    }

    /** The common pool's parallelism property, which the JDK reads once, when the pool is first used. */
    static final String COMMON_POOL_PARALLELISM = "java.util.concurrent.ForkJoinPool.common.parallelism";

    /**
     * The SDK registers each resource through continuations on the common pool while the program thread goes on declaring
     * the next; with the JDK's default of one worker on a 2-CPU machine, that worker is all the registrations get, and a
     * 1,600-job plan took 20.8-22.4 s against 12.9-16.4 s with two (BENCHMARKS.md). The offline plan's runner waits
     * without polling, so a second worker does not spin as the SDK's own runner's loop would: the Pulumi engine's path
     * (no arguments) keeps the JDK's default. A value given on the command line wins.
     */
    static void widenTheCommonPool() {
        if (System.getProperty(COMMON_POOL_PARALLELISM) == null) {
            System.setProperty(COMMON_POOL_PARALLELISM, String.valueOf(Math.max(2, Runtime.getRuntime().availableProcessors() - 1)));
        }
    }

    /** @return the command line of the tool, printing usage and refusals where its results and problems go */
    public CommandLine commandLine() {
        return new CommandLine(this)
                .setOut(new PrintWriter(out, true))
                .setErr(new PrintWriter(err, true))
                .setParameterExceptionHandler(Main::refuse);
    }

    /**
     * A refused argument reads like every other error the tool prints: {@code error: } and what is wrong, then the
     * command's usage; exit 2.
     */
    private static int refuse(CommandLine.ParameterException e, String[] args) {
        CommandLine command = e.getCommandLine();
        PrintWriter err = command.getErr();
        err.println("error: " + e.getMessage());
        CommandLine.UnmatchedArgumentException.printSuggestions(e, err);
        command.usage(err);
        return command.getCommandSpec().exitCodeOnInvalidInput();
    }

    @Command(name = "plan", mixinStandardHelpOptions = true,
            description = "Runs the stack's program offline on the SDK's mock engine and prints what `pulumi up` would create: "
                    + "no credentials, no cluster.")
    static final class Plan implements Callable<Integer> {
        @CommandLine.ParentCommand
        Main main;
        @Parameters(paramLabel = "<stack>", description = "a stack of stacks/Pulumi.<stack>.yaml")
        String stack;
        @Option(names = "--json", description = "print JSON in the shape of `pulumi preview --json`")
        boolean json;
        @Option(names = "--diagram", description = "print a Mermaid flowchart of the components and resources, dependencies as edges "
                + "(GitHub renders it in a pull-request comment or a README)")
        boolean diagram;
        @Option(names = "--quiet", description = "no progress line on a terminal (it shows after 2 s; never when standard error is piped)")
        boolean quiet;

        @Override
        public Integer call() {
            if (json && diagram) {
                main.err.println("error: --json and --diagram do not go together: choose one output");
                return 2;
            }
            CompilerPolicy compilers = main.compilerPolicy();
            UpstreamCheck.warmUpInBackground();
            int exit = PlanCommand.run(stack, json ? PlanCommand.Output.JSON : diagram ? PlanCommand.Output.DIAGRAM : PlanCommand.Output.TREE,
                    quiet, main.project, program(compilers), main.out, main.err);
            Timing.note("compilers", compilers.outcome().getNow(null));
            return exit;
        }
    }

    @Command(name = "diff", mixinStandardHelpOptions = true,
            description = "What changes between two plans, each Flink job's state first. <base> and <head>: a plan file, a folder "
                    + "of <stack>.json plans, or a git revision (its plans/).")
    static final class Diff implements Callable<Integer> {
        @CommandLine.ParentCommand
        Main main;
        @Parameters(index = "0", paramLabel = "<base>", description = "the plans before the change: a plan file "
                + "(plan <stack> --json), a folder of <stack>.json plans, or a git revision whose plans/ is read, e.g. origin/main")
        String base;
        @Parameters(index = "1", paramLabel = "<head>", description = "the plans after the change, in the same forms as <base>; "
                + "two plan files must be of the same stack")
        String head;
        @Option(names = "--json", description = "print JSON: each job's state outcome and each stack's counts")
        boolean json;
        @Option(names = "--fail-on-state-loss", arity = "0..1", paramLabel = "all|production", parameterConsumer = GateConsumer.class,
                description = "exit 3 when a job's state would be lost without the change saying so (in every stack, or in "
                        + "production stacks only)")
        DiffCommand.Gate gate;
        @Option(names = "--quiet", description = "no progress line on a terminal (it shows after 2 s; never when standard error is piped)")
        boolean quiet;

        @Override
        public Integer call() {
            try (var progress = io.flinkha.internal.plan.Progress.start(main.err, quiet, "diff " + base + " " + head)) {
                return DiffCommand.run(base, head, json, Optional.ofNullable(gate), main.out, main.err, progress);
            }
        }
    }

    @Command(name = "check", mixinStandardHelpOptions = true,
            description = "The platform's checks on FlinkDeployments you already have (YAML or JSON: hand-written, rendered by Helm or "
                    + "Kustomize, or kubectl get -o yaml). Exit 0 clean, 1 problems, 2 unreadable input.")
    static final class Check implements Callable<Integer> {
        @CommandLine.ParentCommand
        Main main;
        @Parameters(paramLabel = "<file|folder|->", arity = "0..*", description = "manifests: files, folders (every .yaml, .yml and "
                + ".json below) or - for standard input (the default)")
        java.util.List<String> inputs = new java.util.ArrayList<>();
        @Option(names = "--operator", paramLabel = "<version>", defaultValue = "1.15.0",
                description = "the Flink Kubernetes Operator release that reads the deployments (default ${DEFAULT-VALUE})")
        String operator;
        @Option(names = "--allow-local", description = "accept file:// state paths on the pod's own disk: local tests only")
        boolean allowLocal;
        @Option(names = "--json", description = "print JSON")
        boolean json;
        @Option(names = "--format", paramLabel = "text|json|github", description = "text (default), json, or github: GitHub Actions "
                + "annotations with file and line")
        String format;

        @Override
        public Integer call() {
            String chosen = format == null ? (json ? "json" : "text") : format;
            var f = java.util.Arrays.stream(io.flinkha.internal.check.CheckCommand.Format.values())
                    .filter(v -> v.name().equalsIgnoreCase(chosen)).findFirst();
            if (f.isEmpty() || json && format != null && !chosen.equals("json")) {
                main.err.println("error: --format " + chosen + ": expected text, json or github" + (json ? " (or --json alone)" : ""));
                return 2;
            }
            return io.flinkha.internal.check.CheckCommand.run(inputs, operator, allowLocal, f.get(), System.in, main.out, main.err);
        }
    }

    /**
     * Reads the gate's optional value. The parser alone would take {@code <base>} in
     * {@code --fail-on-state-loss <base> <head>} for the value: here a value is taken only when it is one of the gate's
     * words, or when more arguments follow than the diff's two sides, so the extra one can only be a bad value.
     */
    static final class GateConsumer implements CommandLine.IParameterConsumer {
        @Override
        public void consumeParameters(java.util.Stack<String> args, CommandLine.Model.ArgSpec argSpec, CommandLine.Model.CommandSpec spec) {
            long positionalsLeft = args.stream().filter(a -> !a.startsWith("-")).count();
            boolean hasValue = !args.isEmpty() && !args.peek().startsWith("-")
                    && (args.peek().equals("all") || args.peek().equals("production") || positionalsLeft > 2);
            String value = hasValue ? args.pop() : "all";
            argSpec.setValue(switch (value) {
                case "all" -> DiffCommand.Gate.ALL;
                case "production" -> DiffCommand.Gate.PRODUCTION;
                default -> throw new CommandLine.ParameterException(spec.commandLine(),
                        "--fail-on-state-loss: got '" + value + "'; expected all or production");
            });
        }
    }

    @Command(name = "drill", mixinStandardHelpOptions = true,
            description = "Against a live cluster: deletes the leading JobManager of one FlinkDeployment and checks that Flink HA "
                    + "brings the same job back from a checkpoint at least as new, within the objective. Exit 0 passed, 1 failed, 2 refused.")
    static final class Drill implements Callable<Integer> {
        @CommandLine.ParentCommand
        Main main;
        @CommandLine.Spec
        CommandLine.Model.CommandSpec spec;
        @Option(names = "--context", required = true, description = "the kubeconfig context; never the current one by default")
        String context;
        @Option(names = "--namespace", required = true, description = "the namespace of the FlinkDeployment and its HA ConfigMaps")
        String namespace;
        @Option(names = "--deployment", required = true, description = "the FlinkDeployment")
        String deployment;
        @Option(names = "--objective", description = "the recovery objective, e.g. 60s; default: the deployment's annotation")
        String objective;
        @Option(names = "--timeout", defaultValue = "300s", description = "how long to wait for recovery (default: ${DEFAULT-VALUE})")
        String timeout;
        @Option(names = "--report", description = "also draw the failover as a timeline into this SVG file, e.g. drill.svg")
        java.nio.file.Path report;

        @Override
        public Integer call() {
            Optional<Duration> limit = objective == null ? Optional.empty() : Optional.of(positive("--objective", objective));
            return DrillCommand.run(context, namespace, deployment, limit, positive("--timeout", timeout), Optional.ofNullable(report),
                    main.out, main.err);
        }

        private Duration positive(String option, String value) {
            return RecoveryModel.parse(value).filter(d -> !d.isZero()).orElseThrow(() -> new CommandLine.ParameterException(
                    spec.commandLine(), option + ": got '" + value + "'; expected a positive duration such as 60s"));
        }
    }

    @Command(name = "status", mixinStandardHelpOptions = true,
            description = "Against a live cluster: each job of the stack as the operator, its HA leader lock and Flink's REST API "
                    + "report it (job state, leader and its age, last checkpoint against the interval and the recovery budget, "
                    + "savepoints, restarts), and HA ConfigMaps no deployment owns. Exit 0 healthy, 1 at risk, 2 refused.")
    static final class Status implements Callable<Integer> {
        @CommandLine.ParentCommand
        Main main;
        @CommandLine.Parameters(index = "0", paramLabel = "<stack>", description = "the stack whose jobs to report")
        String stack;
        @Option(names = "--context", required = true, description = "the kubeconfig context; never the current one by default")
        String context;
        @Option(names = "--json", description = "JSON for scripts")
        boolean json;

        @Override
        public Integer call() {
            return StatusCommand.run(stack, context, json, main.out, main.err);
        }
    }

    @Command(name = "bench", mixinStandardHelpOptions = true,
            description = "Measures cold offline plans, warm evaluation, scaling to 500 deployments, start-up and the jar (minutes). "
                    + "Prints the report; writes it only with --write-report.")
    static final class Bench implements Callable<Integer> {
        @CommandLine.Spec
        CommandLine.Model.CommandSpec spec;
        @Option(names = "--runs", defaultValue = "5", description = "runs per measure, 1 to 50 (default: ${DEFAULT-VALUE})")
        int runs;
        @Option(names = "--write-report", description = "write the report to BENCHMARKS.md, keeping its hand-written findings")
        boolean write;

        @Override
        public Integer call() throws Exception {
            if (runs < 1 || runs > 50) {
                throw new CommandLine.ParameterException(spec.commandLine(), "--runs: got " + runs + "; expected 1 to 50");
            }
            return Benchmark.run(runs, write);
        }
    }

    /** The tool's version and what its checks are built against. */
    static final class Version implements CommandLine.IVersionProvider {
        @Override
        public String[] getVersion() throws IOException {
            Properties p = new Properties();
            try (InputStream in = Main.class.getResourceAsStream("/io/flinkha/internal/app/cli.properties")) {
                p.load(in);
            }
            return new String[]{"flink-ha " + p.getProperty("version") + " (operators " + String.join(", ",
                    new java.util.TreeSet<>(io.flinkha.operator.OperatorRelease.SUPPORTED.keySet())) + ", default "
                    + io.flinkha.operator.OperatorRelease.DEFAULT.version() + "; Flink jobs on " + String.join(", ",
                    io.flinkha.flink.check.FlinkOptions.JOB_RELEASES.values()) + "; shapes checked with the operator "
                    + UpstreamCheck.OPERATOR_API_VERSION + " API and CRD)"};
        }
    }
}
