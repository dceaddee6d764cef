package io.flinkha.internal.drill;

import io.flinkha.internal.live.ClusterTarget;

import java.io.PrintStream;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.Optional;

/**
 * {@code drill --context <ctx> --namespace <ns> --deployment <name> [--objective 60s] [--timeout 300s] [--report drill.svg]}:
 * one failover drill against a live cluster. It refuses to run without an explicitly named context.
 */
public final class DrillCommand {
    private DrillCommand() {
    }

    /**
     * @param context    the kubeconfig context, always named: the drill deletes a pod
     * @param namespace  the FlinkDeployment's namespace
     * @param deployment the FlinkDeployment
     * @param objective  the recovery objective; empty: the deployment's annotation
     * @param timeout    how long to wait for recovery
     * @param picture    where to write the failover's timeline as SVG, if anywhere
     * @param out        where the report goes
     * @param err        where problems go
     * @return the exit code: 0 passed, 1 failed, 2 refused
     */
    public static int run(String context, String namespace, String deployment, Optional<Duration> objective, Duration timeout,
                          Optional<Path> picture, PrintStream out, PrintStream err) {
        return ClusterTarget.run(context, err, client -> {
            DrillReport report = new FailoverDrill(client, Clock.systemUTC(), Duration.ofSeconds(1), d -> Thread.sleep(d.toMillis()))
                    .run(namespace, deployment, objective, timeout);
            out.print(report.render());
            if (picture.isPresent()) {
                try {
                    java.nio.file.Files.writeString(picture.get(), DrillTimeline.svg(report));
                } catch (java.io.IOException e) {
                    err.println("error: cannot write the timeline: " + e.getMessage());
                    return 2;
                }
                out.println("  timeline: " + picture.get());
            }
            return report.passed() ? 0 : 1;
        });
    }
}
