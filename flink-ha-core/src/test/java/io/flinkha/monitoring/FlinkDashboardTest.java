package io.flinkha.monitoring;

import org.junit.jupiter.api.Test;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The committed Grafana dashboard is the one the code renders, and it queries only series Flink's reporter exposes. */
class FlinkDashboardTest {
    /** The repository's dashboards/, found from the test classes (flink-ha/target/test-classes), wherever the tests run from. */
    private static final Path COMMITTED;

    static {
        try {
            COMMITTED = Path.of(FlinkDashboardTest.class.getProtectionDomain().getCodeSource().getLocation().toURI())
                    .getParent().getParent().getParent().resolve("dashboards/flink-ha.json");
        } catch (java.net.URISyntaxException e) {
            throw new IllegalStateException(e);
        }
    }

    @Test
    void theCommittedDashboardIsTheRenderedOne() throws Exception {
        if (Boolean.getBoolean("dashboard.update")) {
            Files.createDirectories(COMMITTED.getParent());
            Files.writeString(COMMITTED, FlinkDashboard.json());
        }
        assertEquals(FlinkDashboard.json(), Files.readString(COMMITTED),
                "dashboards/flink-ha.json is stale: rerun this test with -Ddashboard.update=true");
    }

    @Test
    void everySeriesItQueriesIsOneTheAlertsQueryAndFlinkMetricsTestPins() {
        Set<String> pinned = Set.of(FlinkMetrics.job(FlinkMetrics.UPTIME), FlinkMetrics.job(FlinkMetrics.NUM_RESTARTS),
                FlinkMetrics.job(FlinkMetrics.COMPLETED_CHECKPOINTS), FlinkMetrics.job(FlinkMetrics.FAILED_CHECKPOINTS),
                FlinkMetrics.job(FlinkMetrics.LAST_CHECKPOINT_DURATION), FlinkMetrics.job(FlinkMetrics.LAST_CHECKPOINT_SIZE),
                FlinkMetrics.jobManager(FlinkMetrics.REGISTERED_TASK_MANAGERS));
        Set<String> queried = new TreeSet<>();
        Matcher m = Pattern.compile("flink_[A-Za-z_]+").matcher(String.join("\n", FlinkDashboard.expressions()));
        while (m.find()) {
            queried.add(m.group());
        }
        assertEquals(pinned, queried, "each panel of the issue, and nothing Flink does not export");
    }

    @Test
    void eachQueryIsPerJobByTheLabelsThePodMonitorGives() {
        for (String expr : FlinkDashboard.expressions()) {
            assertTrue(expr.contains("{namespace=\"$namespace\",app=~\"$job\"}"), expr);
        }
        assertEquals(List.of("Uptime", "Restarts", "Checkpoints", "Checkpoint duration", "Checkpoint size", "Leading JobManager",
                "Leader changes"), FlinkDashboard.panels().stream().map(p -> p.title()).toList());
    }
}
