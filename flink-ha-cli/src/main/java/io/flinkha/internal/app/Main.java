package io.flinkha.internal.app;

import com.pulumi.Pulumi;
import io.flinkha.internal.bench.Benchmark;
import io.flinkha.internal.diff.DiffCommand;
import io.flinkha.internal.drill.DrillCommand;
import io.flinkha.internal.plan.PlanCommand;
import io.flinkha.internal.plan.Timing;
import io.flinkha.flink.check.UpstreamCheck;

/**
 * Entry point of {@code target/flink-ha.jar}. With no arguments it is the Pulumi program (the CLI
 * runs it through {@code runtime.options.binary}); {@code plan <stack> [--json]} is the offline plan.
 */
public final class Main {
    private Main() {
    }

    public static void main(String[] args) {
        Timing.phase("main");
        UpstreamCheck.warmUpInBackground();
        if (args.length == 0) {
            Pulumi.run(FlinkHaProgram::define);
            return;
        }
        switch (args[0]) {
            // exit explicitly: the SDK's runner leaves non-daemon threads behind
            case "plan" -> System.exit(PlanCommand.run(args, FlinkHaProgram::define, System.out, System.err));
            case "diff" -> System.exit(DiffCommand.run(args, System.out, System.err));
            case "bench" -> System.exit(runBenchmark(args));
            case "drill" -> System.exit(DrillCommand.run(args, System.out, System.err));
            default -> {
            }
        }
        System.err.println("usage: java -jar target/flink-ha.jar [plan <stack> [--json] | diff <base> <head> | bench [--runs N] | drill --context <ctx> --namespace <ns> --deployment <name>]");
        System.exit(2);
    }

    private static int runBenchmark(String[] args) {
        try {
            return Benchmark.run(args);
        } catch (Exception e) {
            System.err.println("error: " + e.getMessage());
            return 1;
        }
    }
}
