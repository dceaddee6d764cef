package io.flinkha.monitoring;

import com.pulumi.core.Output;
import io.flinkha.cluster.KubernetesCluster;
import io.flinkha.validation.ArgsCheck;
import io.flinkha.validation.IntRange;

import java.time.Duration;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Arguments of {@link JobMonitoring}.
 *
 * @param namespace           the jobs' namespace
 * @param jobs                each deployment's name and what its alerts are measured against
 * @param missedCheckpoints   how many checkpoint intervals without a completed checkpoint make checkpoints stalled
 * @param prometheusNamespace the namespace Prometheus scrapes from, which the jobs' NetworkPolicies let in
 * @param cluster             the cluster, whose provider the resources use
 * @param labels              labels the Prometheus resource selects its PodMonitors and rules by, e.g. kube-prometheus-stack's
 *                            {@code release: <its Helm release>}; without them such a Prometheus ignores both
 */
public record JobMonitoringArgs(Output<String> namespace, Map<String, MonitoredJob> jobs, int missedCheckpoints,
                                String prometheusNamespace, KubernetesCluster cluster, Map<String, String> labels) {
    /** Default {@code missedCheckpoints}: three, so one slow or failed checkpoint is not an alert, two in a row still not. */
    public static final int DEFAULT_MISSED_CHECKPOINTS = 3;
    /** The range of {@code missedCheckpoints}. */
    public static final IntRange MISSED_CHECKPOINTS = new IntRange(1, 100);
    /** Default {@code prometheusNamespace}: where kube-prometheus-stack and the Prometheus Operator's guides install it. */
    public static final String DEFAULT_PROMETHEUS_NAMESPACE = "monitoring";

    /**
     * What one job's alerts are measured against.
     *
     * @param checkpointInterval the job's checkpoint interval
     * @param recoveryBudget     how long a recovery may take: the declared objective, or the worst case of its settings
     */
    public record MonitoredJob(Duration checkpointInterval, Duration recoveryBudget) {
    }

    /**
     * Checks the arguments.
     *
     * @param namespace           the jobs' namespace
     * @param jobs                each deployment and its measures
     * @param missedCheckpoints   intervals without a checkpoint before an alert
     * @param prometheusNamespace where Prometheus scrapes from
     * @param cluster             the cluster
     * @param labels              labels Prometheus selects the monitor and the rules by
     * @throws IllegalArgumentException naming every problem
     */
    public JobMonitoringArgs {
        labels = labels == null ? Map.of() : Collections.unmodifiableMap(new java.util.TreeMap<>(labels));
        // in the deployments' order, so the rules are declared, and planned, in a fixed order
        jobs = jobs == null ? Map.of() : Collections.unmodifiableMap(new LinkedHashMap<>(jobs));
        ArgsCheck.of("JobMonitoringArgs")
                .resource("namespace", namespace, "expected the jobs' namespace")
                .resource("cluster", cluster, "expected the cluster whose provider the monitors use")
                .check(MISSED_CHECKPOINTS.contains(missedCheckpoints), "missedCheckpoints", missedCheckpoints,
                        MISSED_CHECKPOINTS.allowed() + " (checkpoint intervals)")
                .check(prometheusNamespace != null && prometheusNamespace.matches("[a-z0-9]([-a-z0-9]{0,61}[a-z0-9])?"),
                        "prometheusNamespace", prometheusNamespace, "expected a Kubernetes namespace name")
                .check(labels.entrySet().stream().allMatch(e -> e.getKey().matches(LABEL_KEY) && e.getValue().matches(LABEL_VALUE)),
                        "labels", labels, "expected Kubernetes label keys and values, e.g. {release: kube-prometheus-stack}")
                .check(!labels.containsKey("app.kubernetes.io/part-of"), "labels", labels, "app.kubernetes.io/part-of is the platform's")
                .done();
    }

    /** A label key: an optional DNS-subdomain prefix and a name of at most 63 characters. */
    static final String LABEL_KEY = "([a-z0-9]([-a-z0-9.]{0,251}[a-z0-9])?/)?[A-Za-z0-9]([-A-Za-z0-9_.]{0,61}[A-Za-z0-9])?";
    /** A label value: at most 63 characters, alphanumeric at both ends. */
    static final String LABEL_VALUE = "([A-Za-z0-9]([-A-Za-z0-9_.]{0,61}[A-Za-z0-9])?)?";

    /**
     * @param missedCheckpoints   intervals without a checkpoint before an alert
     * @param prometheusNamespace where Prometheus scrapes from
     * @return Args to bind, with only the settings: how a stack gives them
     */
    public static JobMonitoringArgs unbound(int missedCheckpoints, String prometheusNamespace) {
        return unbound(missedCheckpoints, prometheusNamespace, Map.of());
    }

    /**
     * @param missedCheckpoints   intervals without a checkpoint before an alert
     * @param prometheusNamespace where Prometheus scrapes from
     * @param labels              labels Prometheus selects the monitor and the rules by
     * @return Args to bind, with only the settings: how a stack gives them
     */
    public static JobMonitoringArgs unbound(int missedCheckpoints, String prometheusNamespace, Map<String, String> labels) {
        return ArgsCheck.unbound(() -> new JobMonitoringArgs(null, Map.of(), missedCheckpoints, prometheusNamespace, null, labels));
    }

    /**
     * @param namespace the jobs' namespace
     * @param jobs      each deployment and its measures
     * @param cluster   the cluster
     * @return these Args with what exists only once the platform declared it, checked again
     */
    public JobMonitoringArgs bind(Output<String> namespace, Map<String, MonitoredJob> jobs, KubernetesCluster cluster) {
        return new JobMonitoringArgs(namespace, jobs, missedCheckpoints, prometheusNamespace, cluster, labels);
    }
}
