package io.flinkha.network;

import java.util.List;
import java.util.Map;

/**
 * The ports one Flink deployment's pods talk on, read from its configuration. A key left unset, or set to 0, takes the
 * value Flink's native Kubernetes mode gives it (flink-kubernetes' {@code Constants}: blob 6124, TaskManager RPC 6122,
 * REST 8081; a test pins them against that class) or Flink's own default (JobManager RPC 6123); the data port, random
 * by default, is the one the platform renders ({@link #DATA_PORT_DEFAULT}), so a policy can name it.
 *
 * @param jobManagerRpc TaskManagers to the JobManager ({@code jobmanager.rpc.port})
 * @param blob          TaskManagers to the JobManager's blob server, for jars and large messages ({@code blob.server.port})
 * @param taskManagerRpc the JobManager to each TaskManager ({@code taskmanager.rpc.port})
 * @param data          TaskManager to TaskManager, the shuffle ({@code taskmanager.data.port})
 * @param rest          the operator to the JobManager's REST API ({@code rest.port})
 * @param metricQuery   the JobManager to each process's metric query service, for the metrics its REST API serves
 *                      ({@code metrics.internal.query-service.port}; random by default, rendered as
 *                      {@link #METRIC_QUERY_PORT_DEFAULT})
 * @param prometheus    Prometheus to each pod's metrics reporter, when the Prometheus reporter is on with one port
 *                      ({@code metrics.reporter.prom.port})
 */
public record FlinkPorts(int jobManagerRpc, int blob, int taskManagerRpc, int data, int rest, int metricQuery,
                         java.util.Optional<Integer> prometheus) {
    /**
     * The ports of a deployment without the Prometheus reporter.
     *
     * @param jobManagerRpc  TaskManagers to the JobManager
     * @param blob           TaskManagers to the blob server
     * @param taskManagerRpc the JobManager to each TaskManager
     * @param data           the shuffle
     * @param rest           the REST API
     * @param metricQuery    the metric query service
     */
    public FlinkPorts(int jobManagerRpc, int blob, int taskManagerRpc, int data, int rest, int metricQuery) {
        this(jobManagerRpc, blob, taskManagerRpc, data, rest, metricQuery, java.util.Optional.empty());
    }

    /** {@code taskmanager.data.port}. */
    public static final String DATA_PORT_KEY = "taskmanager.data.port";
    /** The shuffle port the platform renders unless the job sets one; Flink's standalone Kubernetes examples use it too. */
    public static final int DATA_PORT_DEFAULT = 6121;
    /** {@code metrics.internal.query-service.port}. */
    public static final String METRIC_QUERY_PORT_KEY = "metrics.internal.query-service.port";
    /** The metric query port the platform renders unless the job sets one. */
    public static final int METRIC_QUERY_PORT_DEFAULT = 6126;
    /** The ports the platform renders unless the job sets them, since Flink would pick random ones. */
    public static final java.util.Map<String, String> RENDERED = java.util.Map.of(DATA_PORT_KEY, Integer.toString(DATA_PORT_DEFAULT),
            METRIC_QUERY_PORT_KEY, Integer.toString(METRIC_QUERY_PORT_DEFAULT));
    static final int JOB_MANAGER_RPC_DEFAULT = 6123;
    static final int BLOB_DEFAULT = 6124;
    static final int TASK_MANAGER_RPC_DEFAULT = 6122;
    static final int REST_DEFAULT = 8081;

    /**
     * @param flinkConfiguration a deployment's Flink configuration, as rendered
     * @return the ports its pods use
     */
    public static FlinkPorts of(Map<String, String> flinkConfiguration) {
        return new FlinkPorts(port(flinkConfiguration, "jobmanager.rpc.port", JOB_MANAGER_RPC_DEFAULT),
                port(flinkConfiguration, "blob.server.port", BLOB_DEFAULT),
                port(flinkConfiguration, "taskmanager.rpc.port", TASK_MANAGER_RPC_DEFAULT),
                port(flinkConfiguration, DATA_PORT_KEY, DATA_PORT_DEFAULT),
                port(flinkConfiguration, "rest.port", REST_DEFAULT),
                port(flinkConfiguration, METRIC_QUERY_PORT_KEY, METRIC_QUERY_PORT_DEFAULT),
                io.flinkha.monitoring.FlinkMetrics.port(flinkConfiguration));
    }

    /** @return the ports the job's pods use among themselves */
    public List<Integer> internal() {
        return List.of(jobManagerRpc, blob, taskManagerRpc, data, metricQuery).stream().distinct().sorted().toList();
    }

    /** The keys whose values are ports. */
    public static final List<String> KEYS = List.of("jobmanager.rpc.port", "blob.server.port", "taskmanager.rpc.port", DATA_PORT_KEY, "rest.port",
            METRIC_QUERY_PORT_KEY);

    /**
     * @param flinkConfiguration a job's Flink configuration
     * @return for each port key set to something other than one port, what is wrong
     */
    public static Map<String, String> problems(Map<String, String> flinkConfiguration) {
        Map<String, String> out = new java.util.TreeMap<>();
        for (String key : KEYS) {
            String value = flinkConfiguration.get(key);
            if (value != null && !value.trim().matches("\\d{1,5}")) {
                out.put(key, "expected one port: the jobs' NetworkPolicies allow that port, so a range or a list would be cut off");
            }
        }
        return out;
    }

    private static int port(Map<String, String> conf, String key, int fallback) {
        String value = conf.get(key);
        if (value == null || value.isBlank()) {
            return fallback;
        }
        // problems() refuses anything but one port in the Args, before a configuration reaches this
        int port = Integer.parseInt(value.trim());
        return port == 0 ? fallback : port;
    }
}
