package io.flinkha.internal.drill;

import io.fabric8.kubernetes.client.Config;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.fabric8.kubernetes.client.KubernetesClientBuilder;
import io.flinkha.flink.RecoveryModel;

import java.io.PrintStream;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.Optional;

/**
 * {@code drill --context <ctx> --namespace <ns> --deployment <name> [--objective 60s] [--timeout 300s]}:
 * one failover drill against a live cluster. It refuses to run without an explicitly named context.
 */
public final class DrillCommand {
    private static final String USAGE = "usage: java -jar target/flink-ha.jar drill --context <kubeconfig context> --namespace <ns> "
            + "--deployment <FlinkDeployment> [--objective 60s] [--timeout 300s]";

    private DrillCommand() {
    }

    /** @return the exit code: 0 passed, 1 failed, 2 refused */
    public static int run(String[] args, PrintStream out, PrintStream err) {
        String context = null;
        String namespace = null;
        String deployment = null;
        Optional<Duration> objective = Optional.empty();
        Duration timeout = Duration.ofMinutes(5);
        for (int i = 1; i < args.length; i++) {
            String value = i + 1 < args.length ? args[i + 1] : null;
            switch (args[i]) {
                case "--context" -> context = value;
                case "--namespace" -> namespace = value;
                case "--deployment" -> deployment = value;
                case "--objective", "--timeout" -> {
                    Optional<Duration> d = value == null ? Optional.empty() : RecoveryModel.parse(value).filter(x -> !x.isZero());
                    if (d.isEmpty()) {
                        err.println("error: " + args[i] + ": got '" + value + "'; expected a positive duration such as 60s\n" + USAGE);
                        return 2;
                    }
                    if (args[i].equals("--objective")) {
                        objective = d;
                    } else {
                        timeout = d.get();
                    }
                }
                default -> {
                    err.println("error: unexpected argument '" + args[i] + "'\n" + USAGE);
                    return 2;
                }
            }
            i++;
        }
        if (context == null || context.isBlank() || namespace == null || deployment == null) {
            err.println("error: --context, --namespace and --deployment are required; the drill deletes a pod, so it never runs "
                    + "against whatever context happens to be current\n" + USAGE);
            return 2;
        }
        var unusable = DrillTarget.problem(context, System.getenv("KUBECONFIG"), Path.of(System.getProperty("user.home")));
        if (unusable.isPresent()) {
            err.println("error: " + unusable.get());
            return 2;
        }
        Config config = Config.autoConfigure(context);
        // the drill polls on its own clock; the client's retry backoff would blur the timings
        config.setRequestRetryBackoffLimit(0);
        try (KubernetesClient client = new KubernetesClientBuilder().withConfig(config).build()) {
            DrillReport report = new FailoverDrill(client, Clock.systemUTC(), Duration.ofSeconds(1), d -> Thread.sleep(d.toMillis()))
                    .run(namespace, deployment, objective, timeout);
            out.print(report.render());
            return report.passed() ? 0 : 1;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            err.println("error: interrupted");
            return 1;
        } catch (RuntimeException e) {
            err.println("error: " + DrillTarget.describe(e, context, config.getMasterUrl()));
            return 2;
        }
    }
}
