package io.flinkha.internal.status;

import io.flinkha.config.SettingsException;
import io.flinkha.config.SettingsLoader;
import io.flinkha.internal.app.FlinkHaProgram;
import io.flinkha.internal.live.ClusterTarget;
import io.flinkha.internal.plan.StackConfig;
import io.flinkha.monitoring.JobMonitoringArgs;
import io.flinkha.platform.FlinkPlatformArgs;
import io.flinkha.platform.Job;
import io.flinkha.testing.PlanException;

import java.io.PrintStream;
import java.nio.file.Path;
import java.time.Clock;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;

/**
 * {@code status <stack> --context <ctx> [--json]}: each job of the stack as the live cluster reports it. Exit 0 when every
 * job is healthy, 1 when one is at risk, 2 when the stack or the cluster cannot be read.
 */
public final class StatusCommand {
    private StatusCommand() {
    }

    /**
     * @param stack   the stack whose jobs to report
     * @param context the kubeconfig context, always named, as for {@code drill}
     * @param json    JSON for scripts instead of text
     * @param out     where the report goes
     * @param err     where problems go
     * @return the exit code: 0 healthy, 1 at risk, 2 refused
     */
    public static int run(String stack, String context, boolean json, PrintStream out, PrintStream err) {
        FlinkPlatformArgs settings;
        try {
            StackConfig config = StackConfig.load(StackConfig.findProjectDir(Path.of("")), stack);
            settings = SettingsLoader.load(stack, key -> Optional.ofNullable(config.values().get(config.project() + ":" + key)),
                    FlinkHaProgram.today());
        } catch (PlanException | SettingsException | io.flinkha.internal.plan.BadArgumentException e) {
            err.println("error: " + e.getMessage());
            return 2;
        }
        return ClusterTarget.run(context, err, client -> {
            StatusReport report = new ClusterStatus(client, Clock.systemUTC()).read(settings.environment().namespace(), expected(settings));
            out.print(json ? report.json() : report.render());
            return report.healthy() ? 0 : 1;
        });
    }

    /** What the stack declares of each job: its checkpoint interval, and its recovery budget. */
    static Map<String, JobHealth.Expected> expected(FlinkPlatformArgs settings) {
        int missed = settings.monitoring().map(JobMonitoringArgs::missedCheckpoints).orElse(JobMonitoringArgs.DEFAULT_MISSED_CHECKPOINTS);
        Map<String, JobHealth.Expected> out = new LinkedHashMap<>();
        for (Job job : settings.jobs()) {
            var args = job.args();
            out.put(job.name(), new JobHealth.Expected(args.checkpointEvery(), missed, args.recoveryBudget(),
                    args.recoveryObjective().isPresent() ? "objective" : "worst case"));
        }
        return out;
    }
}
