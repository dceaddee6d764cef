package io.flinkha.monitoring;

import org.apache.flink.api.common.JobID;
import org.apache.flink.metrics.Gauge;
import org.apache.flink.metrics.SimpleCounter;
import org.apache.flink.metrics.prometheus.PrometheusReporterFactory;
import org.apache.flink.metrics.reporter.MetricReporter;
import org.apache.flink.runtime.metrics.NoOpMetricRegistry;
import org.apache.flink.runtime.metrics.filter.MetricFilter;
import org.apache.flink.runtime.metrics.groups.FrontMetricGroup;
import org.apache.flink.runtime.metrics.groups.JobManagerMetricGroup;
import org.apache.flink.runtime.metrics.groups.ReporterScopedSettings;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.junit.jupiter.api.Test;

import java.io.File;
import java.net.ServerSocket;
import java.net.URI;
import java.net.URL;
import java.net.URLClassLoader;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.Arrays;
import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The metric names the alerts query are the ones each Flink release registers, as Flink's own reporter exposes them. */
class FlinkMetricsTest {

    /** Each release's runtime, as the build copies it (flink-ha/pom.xml, target/flink-jars). */
    private static ClassLoader release(String version) throws Exception {
        // beside the test classes (target/flink-jars), wherever the tests run from: Maven's module folder or PIT's root
        File target = new File(FlinkMetricsTest.class.getProtectionDomain().getCodeSource().getLocation().toURI()).getParentFile();
        File[] jars = new File(target, "flink-jars/" + version).listFiles((d, n) -> n.endsWith(".jar"));
        assertTrue(jars != null && jars.length > 0, "no jars of Flink " + version + " in target/flink-jars");
        return new URLClassLoader(Arrays.stream(jars).map(f -> {
            try {
                return f.toURI().toURL();
            } catch (Exception e) {
                throw new IllegalStateException(e);
            }
        }).toArray(URL[]::new), ClassLoader.getPlatformClassLoader());
    }

    /**
     * A {@code static final String} field's value, read from the class file's constant pool: initialising these classes
     * would need the rest of Flink's runtime (its shaded Jackson), and a compile-time constant is in the file itself.
     */
    private static String constant(ClassLoader loader, String type, String field) throws Exception {
        try (var in = new java.io.DataInputStream(new java.io.BufferedInputStream(
                loader.getResourceAsStream(type.replace('.', '/') + ".class")))) {
            in.readInt();
            in.readUnsignedShort();
            in.readUnsignedShort();
            int count = in.readUnsignedShort();
            Object[] pool = new Object[count];
            for (int i = 1; i < count; i++) {
                int tag = in.readUnsignedByte();
                switch (tag) {
                    case 1 -> pool[i] = in.readUTF();
                    case 8 -> pool[i] = in.readUnsignedShort();
                    case 7, 16, 19, 20 -> in.readUnsignedShort();
                    case 15 -> in.skipBytes(3);
                    case 3, 4, 9, 10, 11, 12, 17, 18 -> in.readInt();
                    case 5, 6 -> {
                        in.readLong();
                        i++;
                    }
                    default -> throw new IllegalStateException("constant pool tag " + tag + " in " + type);
                }
            }
            in.skipBytes(6);
            in.skipBytes(2 * in.readUnsignedShort());
            int fields = in.readUnsignedShort();
            for (int f = 0; f < fields; f++) {
                in.readUnsignedShort();
                String name = (String) pool[in.readUnsignedShort()];
                in.readUnsignedShort();
                int attributes = in.readUnsignedShort();
                for (int a = 0; a < attributes; a++) {
                    String attribute = (String) pool[in.readUnsignedShort()];
                    int length = in.readInt();
                    if (name.equals(field) && attribute.equals("ConstantValue")) {
                        return (String) pool[(Integer) pool[in.readUnsignedShort()]];
                    }
                    in.skipBytes(length);
                }
            }
        }
        throw new AssertionError(type + " has no constant " + field);
    }

    @ParameterizedTest(name = "Flink {0}")
    @ValueSource(strings = {"1.19.1", "1.20.1", "2.0.0", "2.2.0"})
    void everyMetricTheAlertsQueryIsOneTheReleaseRegisters(String version) throws Exception {
        ClassLoader flink = release(version);
        assertEquals(FlinkMetrics.NUM_RESTARTS, constant(flink, "org.apache.flink.runtime.metrics.MetricNames", "NUM_RESTARTS"));
        assertEquals(FlinkMetrics.REGISTERED_TASK_MANAGERS, constant(flink, "org.apache.flink.runtime.metrics.MetricNames",
                "NUM_REGISTERED_TASK_MANAGERS"));
        assertEquals(FlinkMetrics.UPTIME, constant(flink, "org.apache.flink.runtime.executiongraph.metrics.UpTimeGauge", "METRIC_NAME"));
        // the checkpoint statistics moved to DefaultCheckpointStatsTracker in Flink 2.0
        String tracker = "org.apache.flink.runtime.checkpoint." + (version.startsWith("1.") ? "" : "Default") + "CheckpointStatsTracker";
        assertEquals(Map.of(FlinkMetrics.COMPLETED_CHECKPOINTS, "NUMBER_OF_COMPLETED_CHECKPOINTS_METRIC",
                        FlinkMetrics.FAILED_CHECKPOINTS, "NUMBER_OF_FAILED_CHECKPOINTS_METRIC",
                        FlinkMetrics.LAST_CHECKPOINT_DURATION, "LATEST_COMPLETED_CHECKPOINT_DURATION_METRIC",
                        FlinkMetrics.LAST_CHECKPOINT_SIZE, "LATEST_COMPLETED_CHECKPOINT_SIZE_METRIC"),
                Map.of(constant(flink, tracker, "NUMBER_OF_COMPLETED_CHECKPOINTS_METRIC"), "NUMBER_OF_COMPLETED_CHECKPOINTS_METRIC",
                        constant(flink, tracker, "NUMBER_OF_FAILED_CHECKPOINTS_METRIC"), "NUMBER_OF_FAILED_CHECKPOINTS_METRIC",
                        constant(flink, tracker, "LATEST_COMPLETED_CHECKPOINT_DURATION_METRIC"), "LATEST_COMPLETED_CHECKPOINT_DURATION_METRIC",
                        constant(flink, tracker, "LATEST_COMPLETED_CHECKPOINT_SIZE_METRIC"), "LATEST_COMPLETED_CHECKPOINT_SIZE_METRIC"));
    }

    @Test
    void theReporterTheConfigurationNamesIsFlinksPrometheusReporter() {
        assertEquals(PrometheusReporterFactory.class.getName(), FlinkMetrics.REPORTER_FACTORY);
        assertEquals(Map.of("metrics.reporter.prom.factory.class", FlinkMetrics.REPORTER_FACTORY, "metrics.reporter.prom.port", "9249"),
                FlinkMetrics.reporterConfiguration());
    }

    /**
     * Flink 1.20.1's Prometheus reporter, given a job's and a JobManager's real metric groups, serves the series under the
     * names the alerts query.
     */
    @Test
    void flinksReporterExposesTheJobsMetricsUnderTheNamesTheAlertsQuery() throws Exception {
        int port;
        try (ServerSocket free = new ServerSocket(0)) {
            port = free.getLocalPort();
        }
        var config = new org.apache.flink.metrics.MetricConfig();
        config.setProperty("port", Integer.toString(port));
        MetricReporter reporter = new PrometheusReporterFactory().createMetricReporter(config);
        try {
            var jobManagerGroup = JobManagerMetricGroup.createJobManagerMetricGroup(NoOpMetricRegistry.INSTANCE, "orders-jobmanager-0");
            // what Flink's metric registry hands each reporter: the group behind a front that knows the reporter's settings
            var settings = new ReporterScopedSettings(0, '.', MetricFilter.NO_OP_FILTER, java.util.Set.of(), Map.of());
            var jobManager = new FrontMetricGroup<>(settings, jobManagerGroup);
            var job = new FrontMetricGroup<>(settings, jobManagerGroup.addJob(new JobID(), "Orders"));
            for (String metric : List.of(FlinkMetrics.NUM_RESTARTS, FlinkMetrics.COMPLETED_CHECKPOINTS, FlinkMetrics.FAILED_CHECKPOINTS)) {
                reporter.notifyOfAddedMetric(new SimpleCounter(), metric, job);
            }
            for (String metric : List.of(FlinkMetrics.UPTIME, FlinkMetrics.LAST_CHECKPOINT_DURATION, FlinkMetrics.LAST_CHECKPOINT_SIZE)) {
                reporter.notifyOfAddedMetric((Gauge<Long>) () -> 1L, metric, job);
            }
            reporter.notifyOfAddedMetric((Gauge<Integer>) () -> 2, FlinkMetrics.REGISTERED_TASK_MANAGERS, jobManager);
            String scraped = HttpClient.newHttpClient().send(HttpRequest.newBuilder(URI.create("http://localhost:" + port + "/metrics")).build(),
                    HttpResponse.BodyHandlers.ofString()).body();
            for (String series : List.of(FlinkMetrics.job(FlinkMetrics.NUM_RESTARTS), FlinkMetrics.job(FlinkMetrics.COMPLETED_CHECKPOINTS),
                    FlinkMetrics.job(FlinkMetrics.FAILED_CHECKPOINTS), FlinkMetrics.job(FlinkMetrics.UPTIME),
                    FlinkMetrics.job(FlinkMetrics.LAST_CHECKPOINT_DURATION), FlinkMetrics.job(FlinkMetrics.LAST_CHECKPOINT_SIZE),
                    FlinkMetrics.jobManager(FlinkMetrics.REGISTERED_TASK_MANAGERS))) {
                assertTrue(scraped.contains("\n" + series + "{"), series + " not in\n" + scraped);
            }
        } finally {
            reporter.close();
        }
    }
}
