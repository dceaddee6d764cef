package io.flinkha.monitoring;

import com.pulumi.core.Output;
import io.flinkha.ComponentPlans;
import io.flinkha.PublicApi.Registered;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.util.List;
import java.util.Map;

import static io.flinkha.ComponentPlans.at;
import static io.flinkha.ComponentPlans.only;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Prometheus scrapes every Flink pod, and each job's alerts are measured against its own checkpoint interval and recovery budget. */
class JobMonitoringTest {
    private static final JobMonitoringArgs.MonitoredJob ORDERS = new JobMonitoringArgs.MonitoredJob(Duration.ofMinutes(2), Duration.ofSeconds(45));

    private static ComponentPlans.Plan plan(int missed) {
        return ComponentPlans.ofComponent(cluster -> new JobMonitoring("mon", JobMonitoringArgs.unbound(missed, "monitoring")
                .bind(Output.of("streaming"), Map.of("orders", ORDERS), cluster), null));
    }

    @SuppressWarnings("unchecked")
    private static Map<String, Map<String, Object>> alerts(ComponentPlans.Plan plan) {
        Registered rule = only(plan, "kubernetes:monitoring.coreos.com/v1:PrometheusRule");
        List<Map<String, Object>> groups = at(rule, "spec.groups");
        assertEquals("flink-ha.streaming.orders", groups.get(0).get("name"));
        Map<String, Map<String, Object>> out = new java.util.LinkedHashMap<>();
        ((List<Map<String, Object>>) groups.get(0).get("rules")).forEach(r -> out.put((String) r.get("alert"), r));
        return out;
    }

    @Test
    void thePodMonitorScrapesEveryFlinkPodOnTheReportersNamedPortAndLabelsItsDeployment() {
        Registered monitor = only(plan(3), "kubernetes:monitoring.coreos.com/v1:PodMonitor");
        assertEquals("streaming", at(monitor, "metadata.namespace"));
        assertEquals(Map.of("type", "flink-native-kubernetes"), at(monitor, "spec.selector.matchLabels"));
        assertEquals(List.of(Map.of("port", "metrics", "path", "/metrics", "interval", "30s")), at(monitor, "spec.podMetricsEndpoints"));
        assertEquals(List.of("app", "component"), at(monitor, "spec.podTargetLabels"));
    }

    @Test
    void eachJobGetsTheFourAlerts() {
        assertEquals(List.of("FlinkCheckpointsStalled", "FlinkJobRestartsRising", "FlinkJobNotRunning", "FlinkNoJobManagerLeader"),
                List.copyOf(alerts(plan(3)).keySet()));
    }

    @Test
    void checkpointsCountAsStalledAfterTheMissedIntervalsOfAJobUpForThatLong() {
        var stalled = alerts(plan(3)).get("FlinkCheckpointsStalled");
        assertEquals("increase(flink_jobmanager_job_numberOfCompletedCheckpoints{namespace=\"streaming\",app=\"orders\"}[6m]) == 0 "
                + "and flink_jobmanager_job_uptime{namespace=\"streaming\",app=\"orders\"} > 360000", stalled.get("expr"));
        assertTrue(alerts(plan(5)).get("FlinkCheckpointsStalled").get("expr").toString().contains("[10m]"));
    }

    @Test
    void restartsRiseWhenTwoFallWithinTenRecoveryBudgets() {
        assertEquals("increase(flink_jobmanager_job_numRestarts{namespace=\"streaming\",app=\"orders\"}[7m30s]) >= 2",
                alerts(plan(3)).get("FlinkJobRestartsRising").get("expr"));
    }

    @Test
    void aJobDownOrLeaderlessLongerThanItsRecoveryBudgetIsCritical() {
        var alerts = alerts(plan(3));
        for (String alert : List.of("FlinkJobNotRunning", "FlinkNoJobManagerLeader")) {
            assertEquals("45s", alerts.get(alert).get("for"), alert);
            assertEquals(Map.of("severity", "critical"), alerts.get(alert).get("labels"), alert);
        }
        assertEquals("absent(flink_jobmanager_numRegisteredTaskManagers{namespace=\"streaming\",app=\"orders\"})",
                alerts.get("FlinkNoJobManagerLeader").get("expr"));
    }

    @Test
    void aWindowShorterThanFourScrapesIsRaisedToThem() {
        var fast = JobAlert.of("ns", "fast", Duration.ofSeconds(10), Duration.ofSeconds(5), 3);
        assertTrue(fast.get(0).expr().contains("[2m]"), fast.get(0).expr());
        assertTrue(fast.get(0).summary().contains("at least four scrapes"), fast.get(0).summary());
        assertTrue(fast.get(1).expr().contains("[2m]"), fast.get(1).expr());
    }

    @Test
    void durationsAreWrittenInPrometheusNotation() {
        assertEquals("1h30m", JobAlert.promDuration(Duration.ofMinutes(90)));
        assertEquals("2m5s", JobAlert.promDuration(Duration.ofSeconds(125)));
        assertEquals("0s", JobAlert.promDuration(Duration.ZERO));
    }

    @Test
    void missedCheckpointsAndTheScrapersNamespaceAreChecked() {
        var e = assertThrows(IllegalArgumentException.class, () -> JobMonitoringArgs.unbound(0, "Monitoring!"));
        assertTrue(e.getMessage().contains("missedCheckpoints") && e.getMessage().contains("prometheusNamespace"), e.getMessage());
    }

    @Test
    void theLabelsAPrometheusSelectsByGoOnTheMonitorAndTheRules() {
        var plan = ComponentPlans.ofComponent(cluster -> new JobMonitoring("mon", JobMonitoringArgs.unbound(3, "monitoring",
                Map.of("release", "kube-prometheus-stack")).bind(Output.of("streaming"), Map.of("orders", ORDERS), cluster), null));
        for (String type : List.of("kubernetes:monitoring.coreos.com/v1:PodMonitor", "kubernetes:monitoring.coreos.com/v1:PrometheusRule")) {
            assertEquals(Map.of("release", "kube-prometheus-stack", "app.kubernetes.io/part-of", "flink-ha"),
                    at(only(plan, type), "metadata.labels"), type);
        }
    }

    @Test
    void aLabelKubernetesWouldRefuseOrThePlatformsOwnIsNamed() {
        var bad = assertThrows(IllegalArgumentException.class, () -> JobMonitoringArgs.unbound(3, "monitoring", Map.of("release", "kube prometheus")));
        assertTrue(bad.getMessage().contains("labels"), bad.getMessage());
        var owned = assertThrows(IllegalArgumentException.class, () -> JobMonitoringArgs.unbound(3, "monitoring",
                Map.of("app.kubernetes.io/part-of", "x")));
        assertTrue(owned.getMessage().contains("app.kubernetes.io/part-of is the platform's"), owned.getMessage());
    }
}
