package io.flinkha.internal.live;

import io.fabric8.kubernetes.client.Config;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.fabric8.kubernetes.client.KubernetesClientBuilder;
import org.yaml.snakeyaml.Yaml;

import java.io.IOException;
import java.io.PrintStream;
import java.io.Reader;
import java.net.ConnectException;
import java.net.UnknownHostException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeSet;
import javax.net.ssl.SSLException;

/**
 * Names why a command against a live cluster ({@code drill}, {@code status}) cannot reach it, before and after it tries:
 * the Kubernetes client reports a missing kubeconfig, an unknown context and a refused connection all as the same failed
 * request.
 */
public final class ClusterTarget {
    private ClusterTarget() {
    }

    /** What a command does with a client of its cluster; returns the command's exit code. */
    @FunctionalInterface
    public interface Task {
        /**
         * @param client a client bound to the named context, with request retries off
         * @return the exit code
         * @throws InterruptedException when interrupted while it waits
         */
        int run(KubernetesClient client) throws InterruptedException;
    }

    /**
     * Runs a command against the cluster of an explicitly named context, or says in one line why it cannot (exit 2).
     *
     * @param context the kubeconfig context, always named: these commands never take the current one by default
     * @param err     where problems go
     * @param task    what to do with the client
     * @return the task's exit code; 2 when the cluster cannot be reached, 1 when interrupted
     */
    public static int run(String context, PrintStream err, Task task) {
        var unusable = problem(context, System.getenv("KUBECONFIG"), Path.of(System.getProperty("user.home")));
        if (unusable.isPresent()) {
            err.println("error: " + unusable.get());
            return 2;
        }
        Config config = Config.autoConfigure(context);
        // the commands poll on their own clock; the client's retry backoff would blur the timings
        config.setRequestRetryBackoffLimit(0);
        try (KubernetesClient client = new KubernetesClientBuilder().withConfig(config).build()) {
            return task.run(client);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            err.println("error: interrupted");
            return 1;
        } catch (RuntimeException e) {
            err.println("error: " + describe(e, context, config.getMasterUrl()));
            return 2;
        }
    }

    /**
     * @param context    the context named on the command line
     * @param kubeconfig the value of {@code KUBECONFIG}, or null
     * @param home       the user's home folder
     * @return why the context cannot be used, if it cannot
     */
    public static Optional<String> problem(String context, String kubeconfig, Path home) {
        List<Path> files = new ArrayList<>();
        if (kubeconfig != null && !kubeconfig.isBlank()) {
            for (String f : kubeconfig.split(java.io.File.pathSeparator)) {
                if (!f.isBlank()) {
                    files.add(Path.of(f));
                }
            }
        } else {
            files.add(home.resolve(".kube/config"));
        }
        TreeSet<String> contexts = new TreeSet<>();
        List<String> missing = new ArrayList<>();
        for (Path f : files) {
            if (!Files.isRegularFile(f)) {
                missing.add(f.toString());
                continue;
            }
            try (Reader r = Files.newBufferedReader(f)) {
                Object doc = new Yaml().load(r);
                if (doc instanceof Map<?, ?> m && m.get("contexts") instanceof List<?> list) {
                    for (Object c : list) {
                        if (c instanceof Map<?, ?> named && named.get("name") != null) {
                            contexts.add(String.valueOf(named.get("name")));
                        }
                    }
                }
            } catch (IOException | RuntimeException e) {
                return Optional.of("cannot read kubeconfig " + f + ": " + e.getMessage());
            }
        }
        String where = kubeconfig != null && !kubeconfig.isBlank() ? "KUBECONFIG=" + kubeconfig : home.resolve(".kube/config") + " (KUBECONFIG is not set)";
        if (missing.size() == files.size()) {
            return Optional.of("no kubeconfig: " + where + " does not exist; point KUBECONFIG at the file that holds context '" + context + "'");
        }
        if (!contexts.contains(context)) {
            return Optional.of("no context '" + context + "' in " + where + (contexts.isEmpty() ? "; it has no contexts"
                    : "; contexts there: " + String.join(", ", contexts)));
        }
        return Optional.empty();
    }

    /**
     * @param failure   what the client threw
     * @param context   the context
     * @param masterUrl the API server the context points at
     * @return the cause in the user's terms
     */
    public static String describe(RuntimeException failure, String context, String masterUrl) {
        for (Throwable t = failure; t != null; t = t.getCause()) {
            if (t instanceof ConnectException) {
                return "cannot reach the API server of context '" + context + "' at " + masterUrl
                        + ": connection refused; is the cluster running (e.g. `kind get clusters`)?";
            }
            if (t instanceof UnknownHostException) {
                return "cannot resolve the API server of context '" + context + "' (" + masterUrl + "): unknown host " + t.getMessage();
            }
            if (t instanceof SSLException) {
                return "TLS with the API server of context '" + context + "' at " + masterUrl + " failed: " + t.getMessage();
            }
            if (t instanceof java.net.http.HttpTimeoutException || t instanceof java.net.SocketTimeoutException) {
                return "the API server of context '" + context + "' at " + masterUrl + " did not answer in time";
            }
        }
        return failure.getMessage();
    }
}
