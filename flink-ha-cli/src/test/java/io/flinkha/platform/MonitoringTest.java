package io.flinkha.platform;

import io.flinkha.Plans;
import io.flinkha.Settings;
import io.flinkha.config.SettingsException;
import io.flinkha.testing.PlannedResource;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Production stacks are watched by Prometheus: reporter, PodMonitor, alerts, and the policy that lets the scrape in. */
class MonitoringTest {
    private static final String POD_MONITOR = "kubernetes:monitoring.coreos.com/v1:PodMonitor";
    private static final String RULE = "kubernetes:monitoring.coreos.com/v1:PrometheusRule";

    private static List<PlannedResource> deployments(io.flinkha.testing.Plan plan) {
        return plan.resources().stream().filter(r -> r.type().endsWith(":FlinkDeployment")).toList();
    }

    @Test
    void theProdPlanCarriesTheReporterAPodMonitorAndAPrometheusRule() {
        var plan = Plans.ofStack("prod");
        assertEquals(1, plan.ofType(POD_MONITOR).size());
        assertEquals(1, plan.ofType(RULE).size());
        for (PlannedResource d : deployments(plan)) {
            Map<String, String> conf = Plans.at(d, "spec.flinkConfiguration");
            assertEquals("org.apache.flink.metrics.prometheus.PrometheusReporterFactory", conf.get("metrics.reporter.prom.factory.class"));
            assertEquals("metrics", Plans.at(d, "spec.podTemplate.spec.containers.0.ports.0.name"));
            assertEquals(9249, ((Number) Plans.at(d, "spec.podTemplate.spec.containers.0.ports.0.containerPort")).intValue());
        }
        List<?> groups = Plans.at(Plans.only(plan, RULE), "spec.groups");
        assertEquals(2, groups.size(), "one group per job");
    }

    @Test
    void prometheusMayScrapeTheFlinkPodsThroughTheNetworkPolicies() {
        var scrape = Plans.ofStack("prod").find(r -> r.name().equals("flink-ha-network-metrics-scrape")).orElseThrow();
        assertEquals(Map.of("kubernetes.io/metadata.name", "monitoring"), Plans.at(scrape, "spec.ingress.0.from.0.namespaceSelector.matchLabels"));
        assertEquals(9249, ((Number) Plans.at(scrape, "spec.ingress.0.ports.0.port")).intValue());
    }

    @Test
    void aStackOutsideProductionIsNotWatchedUnlessAsked() {
        assertEquals(List.of(), Plans.ofStack("dev").ofType(POD_MONITOR));
        var asked = Plans.ofPlatform(Settings.valid().with("monitoring", "{\"enabled\":true,\"missedCheckpoints\":5,"
                + "\"prometheusNamespace\":\"observability\",\"labels\":{\"release\":\"kube-prometheus-stack\"}}").load());
        assertEquals(1, asked.ofType(RULE).size());
        assertEquals("kube-prometheus-stack", Plans.at(Plans.only(asked, POD_MONITOR), "metadata.labels.release"));
        String stalled = String.valueOf(((List<?>) ((Map<?, ?>) ((List<?>) Plans.at(Plans.only(asked, RULE), "spec.groups")).get(0)).get("rules")).get(0));
        assertTrue(stalled.contains("[5m]"), "five intervals of the default 60s: " + stalled);
    }

    @Test
    void productionMayTurnItOff() {
        var settings = Settings.valid().with("production", "true").with("monitoring", "{\"enabled\":false}").load();
        assertEquals(List.of(), Plans.ofPlatform(settings).ofType(POD_MONITOR));
    }

    @Test
    void theReporterIsThePlatformsWhileItWatchesTheJobs() {
        var e = assertThrows(SettingsException.class, () -> Settings.valid().with("monitoring", "{\"enabled\":true}")
                .with("jobs", "[{\"name\":\"orders\",\"jarUri\":\"local:///j.jar\",\"flinkConfiguration\":{\"metrics.reporter.prom.port\":\"9250-9260\"}}]")
                .load());
        assertTrue(e.problems().stream().anyMatch(p -> p.startsWith("flink-ha.jobs[0].flinkConfiguration.metrics.reporter.prom.port: got "
                + "'9250-9260'; the platform's monitoring renders the Prometheus reporter")), e.problems()::toString);
    }

    @Test
    void aBadMissedCheckpointsOrNamespaceIsNamed() {
        var e = assertThrows(SettingsException.class, () -> Settings.valid().with("monitoring", "{\"missedCheckpoints\":0,"
                + "\"prometheusNamespace\":\"Mon\"}").load());
        assertTrue(e.problems().stream().anyMatch(p -> p.startsWith("flink-ha.monitoring.missedCheckpoints")), e.problems()::toString);
        assertTrue(e.problems().stream().anyMatch(p -> p.startsWith("flink-ha.monitoring.prometheusNamespace: got 'Mon'")), e.problems()::toString);
    }

    @Test
    void thePlanWarnsThatTheClusterNeedsThePrometheusOperatorsCrds() {
        var warnings = Settings.valid().with("production", "true").load().warnings();
        assertTrue(warnings.stream().anyMatch(w -> w.startsWith("monitoring: the PodMonitor and PrometheusRule need the Prometheus "
                + "Operator's CRDs")), warnings::toString);
        assertTrue(Settings.valid().load().warnings().stream().noneMatch(w -> w.startsWith("monitoring:")), "nothing to warn of when off");
    }
}
