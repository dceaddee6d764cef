package io.flinkha.app;

import com.pulumi.Pulumi;
import io.flinkha.internal.plan.PlanCommand;

/**
 * Entry point of {@code target/flink-ha.jar}. With no arguments it is the Pulumi program (the CLI
 * runs it through {@code runtime.options.binary}); {@code plan <stack> [--json]} is the offline plan.
 */
public final class Main {
    private Main() {
    }

    public static void main(String[] args) {
        if (args.length == 0) {
            Pulumi.run(FlinkHaProgram::define);
            return;
        }
        if (args[0].equals("plan")) {
            // exit explicitly: the SDK's runner leaves non-daemon threads behind
            System.exit(PlanCommand.run(args, FlinkHaProgram::define, System.out, System.err));
        }
        System.err.println("usage: java -jar target/flink-ha.jar [plan <stack> [--json]]");
        System.exit(2);
    }
}
