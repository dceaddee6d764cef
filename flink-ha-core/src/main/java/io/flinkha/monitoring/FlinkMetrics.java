package io.flinkha.monitoring;

import java.util.Map;
import java.util.Optional;

/**
 * The Flink metrics the alerts and the dashboard read, by the names Flink registers them under, and how its Prometheus
 * reporter exposes them. Every name is pinned by a test against the classes of each Flink release the platform runs
 * (1.19.1, 1.20.1, 2.0.0, 2.2.0): {@code MetricNames}, {@code UpTimeGauge} and the checkpoint stats tracker
 * ({@code CheckpointStatsTracker} in 1.x, {@code DefaultCheckpointStatsTracker} in 2.x).
 *
 * <p>The reporter names a metric {@code flink_} + its logical scope + {@code _} + the metric: a job's metrics, which only the
 * leading JobManager registers, are {@code flink_jobmanager_job_<metric>}, the JobManager's own
 * {@code flink_jobmanager_<metric>}. Flink's job name, deployment and namespace are labels; the PodMonitor adds the pods'
 * {@code app} label, which is the FlinkDeployment's name.
 */
public final class FlinkMetrics {
    /** The reporter's name in the configuration: {@code metrics.reporter.prom.*}. */
    public static final String REPORTER = "prom";
    /** The factory of Flink's Prometheus reporter, which the official images carry in {@code plugins/metrics-prometheus}. */
    public static final String REPORTER_FACTORY = "org.apache.flink.metrics.prometheus.PrometheusReporterFactory";
    /** {@code metrics.reporter.prom.factory.class}. */
    public static final String FACTORY_KEY = "metrics.reporter." + REPORTER + ".factory.class";
    /** {@code metrics.reporter.prom.port}. */
    public static final String PORT_KEY = "metrics.reporter." + REPORTER + ".port";
    /** The reporter's default port; one port per pod, since each Flink pod runs one process. */
    public static final int PORT = 9249;
    /** The name of the container port the PodMonitor scrapes. */
    public static final String PORT_NAME = "metrics";

    /** Restarts of the job since it was submitted ({@code MetricNames.NUM_RESTARTS}). */
    public static final String NUM_RESTARTS = "numRestarts";
    /** How long the job has been RUNNING, 0 while it is not ({@code UpTimeGauge.METRIC_NAME}). */
    public static final String UPTIME = "uptime";
    /** Completed checkpoints since the job started ({@code NUMBER_OF_COMPLETED_CHECKPOINTS_METRIC}). */
    public static final String COMPLETED_CHECKPOINTS = "numberOfCompletedCheckpoints";
    /** Failed checkpoints ({@code NUMBER_OF_FAILED_CHECKPOINTS_METRIC}). */
    public static final String FAILED_CHECKPOINTS = "numberOfFailedCheckpoints";
    /** The last completed checkpoint's duration in milliseconds ({@code LATEST_COMPLETED_CHECKPOINT_DURATION_METRIC}). */
    public static final String LAST_CHECKPOINT_DURATION = "lastCheckpointDuration";
    /** The last completed checkpoint's size in bytes ({@code LATEST_COMPLETED_CHECKPOINT_SIZE_METRIC}). */
    public static final String LAST_CHECKPOINT_SIZE = "lastCheckpointSize";
    /** TaskManagers registered with the leader's resource manager ({@code MetricNames.NUM_REGISTERED_TASK_MANAGERS}). */
    public static final String REGISTERED_TASK_MANAGERS = "numRegisteredTaskManagers";

    private FlinkMetrics() {
    }

    /**
     * @param metric a job metric
     * @return its Prometheus name, as the leading JobManager exposes it
     */
    public static String job(String metric) {
        return "flink_jobmanager_job_" + metric;
    }

    /**
     * @param metric a JobManager metric
     * @return its Prometheus name
     */
    public static String jobManager(String metric) {
        return "flink_jobmanager_" + metric;
    }

    /** @return the Flink configuration that turns the reporter on, on {@link #PORT} */
    public static Map<String, String> reporterConfiguration() {
        return Map.of(FACTORY_KEY, REPORTER_FACTORY, PORT_KEY, Integer.toString(PORT));
    }

    /**
     * @param flinkConfiguration a deployment's configuration, as rendered
     * @return the reporter's port, when the Prometheus reporter is on with one port
     */
    public static Optional<Integer> port(Map<String, String> flinkConfiguration) {
        if (!REPORTER_FACTORY.equals(flinkConfiguration.get(FACTORY_KEY))) {
            return Optional.empty();
        }
        String port = flinkConfiguration.getOrDefault(PORT_KEY, Integer.toString(PORT)).trim();
        return port.matches("\\d{1,5}") ? Optional.of(Integer.parseInt(port)) : Optional.empty();
    }
}
