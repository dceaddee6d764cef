package io.flinkha.monitoring;

import com.pulumi.core.Output;
import com.pulumi.kubernetes.meta.v1.inputs.ObjectMetaArgs;
import com.pulumi.resources.ComponentResource;
import com.pulumi.resources.ComponentResourceOptions;
import com.pulumi.resources.CustomResourceOptions;
import io.flinkha.monitoring.crd.PrometheusOperatorResource;

import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Prometheus watches the jobs: a PodMonitor that scrapes Flink's reporter on every Flink pod of the namespace, and a
 * PrometheusRule with four alerts per job ({@link JobAlert}). Both are Prometheus Operator objects: a cluster without its
 * CRDs refuses them at {@code pulumi preview}, before anything changes (README, "Metrics and alerts").
 */
public class JobMonitoring extends ComponentResource {
    /** Pulumi type token of the component; part of every child's URN, so it never changes. */
    public static final String TYPE = "flink-ha:monitoring:JobMonitoring";
    /** How often Prometheus scrapes each Flink pod. */
    public static final Duration SCRAPE_INTERVAL = Duration.ofSeconds(30);
    /** The label Flink's native Kubernetes mode puts on every pod it makes (flink-kubernetes' {@code Constants}). */
    static final Map<String, String> FLINK_PODS = Map.of("type", "flink-native-kubernetes");

    private final PrometheusOperatorResource podMonitor;
    private final PrometheusOperatorResource rules;

    /**
     * Declares the monitor and the alerts.
     *
     * @param name    logical name; children are named {@code <name>-pods} and {@code <name>-alerts}
     * @param args    the arguments
     * @param options component options; may be null
     */
    public JobMonitoring(String name, JobMonitoringArgs args, ComponentResourceOptions options) {
        super(TYPE, name, options);
        if (args.namespace() == null || args.cluster() == null) {
            throw new IllegalArgumentException("JobMonitoringArgs: made without the namespace or cluster; bind them");
        }
        var child = CustomResourceOptions.builder().parent(this).provider(args.cluster().provider()).build();
        Map<String, String> labels = new java.util.TreeMap<>(args.labels());
        labels.put("app.kubernetes.io/part-of", "flink-ha");
        this.podMonitor = new PrometheusOperatorResource(PrometheusOperatorResource.POD_MONITOR, name + "-pods",
                new PrometheusOperatorResource.Args(ObjectMetaArgs.builder().name("flink-jobs").namespace(args.namespace()).labels(labels).build(),
                        Output.of(Map.of(
                                "selector", Map.of("matchLabels", FLINK_PODS),
                                // the deployment's name and the pod's role become labels of every series
                                "podTargetLabels", List.of("app", "component"),
                                "podMetricsEndpoints", List.of(Map.of("port", FlinkMetrics.PORT_NAME, "path", "/metrics",
                                        "interval", JobAlert.promDuration(SCRAPE_INTERVAL)))))), child);
        this.rules = new PrometheusOperatorResource(PrometheusOperatorResource.PROMETHEUS_RULE, name + "-alerts",
                new PrometheusOperatorResource.Args(ObjectMetaArgs.builder().name("flink-jobs").namespace(args.namespace()).labels(labels).build(),
                        args.namespace().applyValue(ns -> Map.of("groups", groups(ns, args)))), child);
        registerOutputs(Map.of());
    }

    private static List<Map<String, Object>> groups(String namespace, JobMonitoringArgs args) {
        List<Map<String, Object>> groups = new ArrayList<>();
        args.jobs().forEach((deployment, job) -> {
            Map<String, Object> group = new LinkedHashMap<>();
            group.put("name", "flink-ha." + namespace + "." + deployment);
            group.put("rules", JobAlert.of(namespace, deployment, job.checkpointInterval(), job.recoveryBudget(), args.missedCheckpoints())
                    .stream().map(JobAlert::rule).toList());
            groups.add(group);
        });
        return groups;
    }

    /** @return the PodMonitor that scrapes every Flink pod of the namespace */
    public PrometheusOperatorResource podMonitor() {
        return podMonitor;
    }

    /** @return the PrometheusRule with each job's alerts */
    public PrometheusOperatorResource rules() {
        return rules;
    }
}
