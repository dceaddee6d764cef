package io.flinkha.monitoring;

import com.google.gson.GsonBuilder;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * A Grafana dashboard of the jobs, per job: checkpoint duration, size and count, restarts, uptime, and the leading
 * JobManager (a new pod there is a leader change). It queries the same series as the alerts ({@link FlinkMetrics}), with
 * the labels the PodMonitor gives them ({@code namespace}, {@code app}), and is committed as {@code dashboards/flink-ha.json}.
 */
public final class FlinkDashboard {
    /** The dashboard's uid, stable so an import replaces the previous version. */
    public static final String UID = "flink-ha-jobs";
    private static final String JOBS = "{namespace=\"$namespace\",app=~\"$job\"}";
    private static final Map<String, Object> DATASOURCE = Map.of("type", "prometheus", "uid", "${datasource}");

    private FlinkDashboard() {
    }

    /** One panel: a title, what it shows, the unit and the queries (expression and legend). */
    record Panel(String title, String description, String unit, List<String[]> queries) {
    }

    /** @return the panels, in the order the dashboard shows them */
    static List<Panel> panels() {
        String byJob = "{{namespace}}/{{app}}";
        return List.of(
                new Panel("Uptime", "How long each job has been RUNNING; 0 while it restarts or recovers.", "ms",
                        List.<String[]>of(new String[]{"max by (namespace, app) (" + FlinkMetrics.job(FlinkMetrics.UPTIME) + JOBS + ")", byJob})),
                new Panel("Restarts", "Restarts per 10 minutes; the alert FlinkJobRestartsRising fires at two within ten recovery budgets.",
                        "short", List.<String[]>of(new String[]{"sum by (namespace, app) (increase(" + FlinkMetrics.job(FlinkMetrics.NUM_RESTARTS)
                                + JOBS + "[10m]))", byJob})),
                new Panel("Checkpoints", "Completed and failed checkpoints per 5 minutes.", "short", List.of(
                        new String[]{"sum by (namespace, app) (increase(" + FlinkMetrics.job(FlinkMetrics.COMPLETED_CHECKPOINTS) + JOBS + "[5m]))",
                                byJob + " completed"},
                        new String[]{"sum by (namespace, app) (increase(" + FlinkMetrics.job(FlinkMetrics.FAILED_CHECKPOINTS) + JOBS + "[5m]))",
                                byJob + " failed"})),
                new Panel("Checkpoint duration", "How long the last completed checkpoint took; near the interval, checkpoints fall behind.",
                        "ms", List.<String[]>of(new String[]{"max by (namespace, app) (" + FlinkMetrics.job(FlinkMetrics.LAST_CHECKPOINT_DURATION)
                                + JOBS + ")", byJob})),
                new Panel("Checkpoint size", "The last completed checkpoint's size: what a recovery restores.", "bytes",
                        List.<String[]>of(new String[]{"max by (namespace, app) (" + FlinkMetrics.job(FlinkMetrics.LAST_CHECKPOINT_SIZE) + JOBS + ")",
                                byJob})),
                new Panel("Leading JobManager", "The pod that leads each job (only the leader runs the resource manager); a new pod is a "
                        + "leader change.", "short", List.<String[]>of(new String[]{"max by (namespace, app, pod) ("
                        + FlinkMetrics.jobManager(FlinkMetrics.REGISTERED_TASK_MANAGERS) + JOBS + ")", byJob + " {{pod}}"})),
                new Panel("Leader changes", "Leading JobManager pods in the dashboard's time range, minus one.", "short",
                        List.<String[]>of(new String[]{"count by (namespace, app) (count by (namespace, app, pod) (count_over_time("
                                + FlinkMetrics.jobManager(FlinkMetrics.REGISTERED_TASK_MANAGERS) + JOBS + "[$__range]))) - 1", byJob})));
    }

    /** @return every PromQL expression the dashboard runs */
    public static List<String> expressions() {
        return panels().stream().flatMap(p -> p.queries().stream().map(q -> q[0])).toList();
    }

    /** @return the dashboard, as Grafana imports it */
    public static String json() {
        List<Map<String, Object>> panels = new ArrayList<>();
        List<Panel> all = panels();
        for (int i = 0; i < all.size(); i++) {
            Panel p = all.get(i);
            Map<String, Object> panel = new LinkedHashMap<>();
            panel.put("id", i + 1);
            panel.put("type", "timeseries");
            panel.put("title", p.title());
            panel.put("description", p.description());
            panel.put("datasource", DATASOURCE);
            panel.put("gridPos", Map.of("h", 8, "w", 12, "x", (i % 2) * 12, "y", (i / 2) * 8));
            panel.put("fieldConfig", Map.of("defaults", Map.of("unit", p.unit()), "overrides", List.of()));
            List<Map<String, Object>> targets = new ArrayList<>();
            for (int q = 0; q < p.queries().size(); q++) {
                targets.add(Map.of("refId", String.valueOf((char) ('A' + q)), "datasource", DATASOURCE, "expr", p.queries().get(q)[0],
                        "legendFormat", p.queries().get(q)[1]));
            }
            panel.put("targets", targets);
            panels.add(panel);
        }
        Map<String, Object> dashboard = new LinkedHashMap<>();
        dashboard.put("uid", UID);
        dashboard.put("title", "Flink HA jobs");
        dashboard.put("tags", List.of("flink", "flink-ha"));
        dashboard.put("schemaVersion", 39);
        dashboard.put("editable", true);
        dashboard.put("refresh", "30s");
        dashboard.put("time", Map.of("from", "now-6h", "to", "now"));
        dashboard.put("templating", Map.of("list", List.of(
                variable("datasource", "Prometheus", Map.of("type", "datasource", "query", "prometheus")),
                variable("namespace", "Namespace", Map.of("type", "query", "datasource", DATASOURCE, "refresh", 2,
                        "query", "label_values(" + FlinkMetrics.job(FlinkMetrics.UPTIME) + ", namespace)")),
                variable("job", "Job", Map.of("type", "query", "datasource", DATASOURCE, "refresh", 2, "multi", true, "includeAll", true,
                        "query", "label_values(" + FlinkMetrics.job(FlinkMetrics.UPTIME) + "{namespace=\"$namespace\"}, app)")))));
        dashboard.put("panels", panels);
        return new GsonBuilder().setPrettyPrinting().disableHtmlEscaping().create().toJson(sorted(dashboard)) + "\n";
    }

    private static Map<String, Object> variable(String name, String label, Map<String, Object> rest) {
        Map<String, Object> v = new LinkedHashMap<>();
        v.put("name", name);
        v.put("label", label);
        v.putAll(rest);
        return v;
    }

    /** Nested maps with sorted keys, so the committed file never changes by a reordering. */
    @SuppressWarnings("unchecked")
    private static Object sorted(Object value) {
        if (value instanceof Map<?, ?> m) {
            Map<String, Object> out = new java.util.TreeMap<>();
            m.forEach((k, v) -> out.put(String.valueOf(k), sorted(v)));
            return out;
        }
        if (value instanceof List<?> l) {
            return l.stream().map(FlinkDashboard::sorted).toList();
        }
        return value;
    }
}
