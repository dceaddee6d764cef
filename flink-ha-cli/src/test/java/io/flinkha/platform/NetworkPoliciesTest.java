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

/** The jobs' namespace denies what a job does not need, and allows what Flink's HA and the job do. */
class NetworkPoliciesTest {

    private static List<PlannedResource> policies(io.flinkha.testing.Plan plan) {
        return plan.resources().stream().filter(r -> r.type().equals("kubernetes:networking.k8s.io/v1:NetworkPolicy")).toList();
    }

    private static PlannedResource named(io.flinkha.testing.Plan plan, String name) {
        return policies(plan).stream().filter(r -> name.equals(Plans.at(r, "metadata.name"))).findFirst()
                .orElseThrow(() -> new AssertionError("no policy " + name + " in " + policies(plan)));
    }

    @Test
    void everyStackDeniesAllThenAllowsDnsTheApiAndEachJobsOwnPorts() {
        var plan = Plans.ofStack("dev");
        assertEquals(List.of("default-deny", "cluster-services", "state-machine-flink"),
                policies(plan).stream().map(r -> (String) Plans.at(r, "metadata.name")).toList());
        assertEquals(Map.of(), Plans.at(named(plan, "default-deny"), "spec.podSelector"));
        assertEquals(List.of("Ingress", "Egress"), Plans.at(named(plan, "default-deny"), "spec.policyTypes"));
        List<Map<String, Object>> internal = Plans.at(named(plan, "state-machine-flink"), "spec.ingress.0.ports");
        assertEquals(List.of(6121, 6122, 6123, 6124, 6126), internal.stream().map(p -> ((Number) p.get("port")).intValue()).toList());
        List<Map<String, Object>> rest = Plans.at(named(plan, "state-machine-flink"), "spec.ingress.1.ports");
        assertEquals(8081, ((Number) rest.get(0).get("port")).intValue());
        assertEquals(Map.of("kubernetes.io/metadata.name", "flink-operator"),
                Plans.at(named(plan, "state-machine-flink"), "spec.ingress.1.from.0.namespaceSelector.matchLabels"));
    }

    @Test
    void theShuffleAndMetricQueryPortsAreRenderedSoThePoliciesCanNameThem() {
        var deployment = Plans.ofStack("dev").resources().stream().filter(r -> r.type().endsWith(":FlinkDeployment")).findFirst().orElseThrow();
        Map<String, String> conf = Plans.at(deployment, "spec.flinkConfiguration");
        assertEquals("6121", conf.get("taskmanager.data.port"));
        assertEquals("6126", conf.get("metrics.internal.query-service.port"));
    }

    @Test
    void aStackNamesWhereElseItsJobsMayConnect() {
        var plan = Plans.ofPlatform(Settings.valid().with("networkPolicies", "{\"egress\":[{\"cidr\":\"10.20.0.0/16\",\"ports\":[9092]}]}").load());
        assertEquals("10.20.0.0/16", Plans.at(named(plan, "egress"), "spec.egress.0.to.0.ipBlock.cidr"));
        assertEquals(9092, ((Number) Plans.at(named(plan, "egress"), "spec.egress.0.ports.0.port")).intValue());
    }

    @Test
    void aStackMayTurnThePoliciesOffAndThePlanWarnsThatTheJobsRunUnisolated() {
        var settings = Settings.valid().with("networkPolicies", "{\"enabled\":false}").load();
        assertEquals(List.of(), policies(Plans.ofPlatform(settings)));
        assertTrue(settings.warnings().stream().anyMatch(w -> w.startsWith("networkPolicies.enabled: false: the jobs run unisolated")),
                settings.warnings()::toString);
    }

    @Test
    void productionTurnsThemOffOnlyWithAStatedReason() {
        var e = assertThrows(SettingsException.class, () -> Settings.valid().with("production", "true")
                .with("networkPolicies", "{\"enabled\":false}").load());
        assertTrue(e.problems().stream().anyMatch(p -> p.startsWith("flink-ha.networkPolicies.enabled: got false; a production stack "
                + "keeps the jobs' NetworkPolicies")), e.problems()::toString);
    }

    @Test
    void aStatedReasonTurnsThemOffInProductionAndTheWarningCarriesIt() {
        var settings = Settings.valid().with("production", "true")
                .with("networkPolicies", "{\"enabled\":false,\"reason\":\"Cilium host policies isolate the nodes\"}").load();
        assertTrue(settings.warnings().stream().anyMatch(w -> w.endsWith("(reason given: Cilium host policies isolate the nodes)")),
                settings.warnings()::toString);
    }

    @Test
    void aReasonBesideEnabledPoliciesOrEgressBesideDisabledOnesIsRefused() {
        var on = assertThrows(SettingsException.class, () -> Settings.valid()
                .with("networkPolicies", "{\"reason\":\"legacy\"}").load());
        assertTrue(on.problems().contains("flink-ha.networkPolicies.reason: says why NetworkPolicies are off, but they are on; remove it, "
                + "or set enabled: false"), on.problems()::toString);
        var off = assertThrows(SettingsException.class, () -> Settings.valid()
                .with("networkPolicies", "{\"enabled\":false,\"egress\":[{\"cidr\":\"10.0.0.0/8\",\"ports\":[9092]}]}").load());
        assertTrue(off.problems().contains("flink-ha.networkPolicies.egress: is only for enabled NetworkPolicies; remove it, or drop "
                + "enabled: false"), off.problems()::toString);
    }

    @Test
    void egressToTheWholeInternetIsRefusedWithItsKey() {
        var e = assertThrows(SettingsException.class, () -> Settings.valid()
                .with("networkPolicies", "{\"egress\":[{\"cidr\":\"0.0.0.0/0\",\"ports\":[443]}]}").load());
        assertTrue(e.problems().contains("flink-ha.networkPolicies.egress[0].cidr: got '0.0.0.0/0'; expected the addresses the jobs need, "
                + "not the whole internet"), e.problems()::toString);
    }

    @Test
    void onEksTheVpcCniEnforcesThem() {
        var addOn = Plans.ofStack("staging").resources().stream().filter(r -> r.type().equals("aws:eks/addon:Addon")
                && "vpc-cni".equals(Plans.at(r, "addonName"))).findFirst().orElseThrow();
        assertEquals("{\"enableNetworkPolicy\":\"true\"}", Plans.at(addOn, "configurationValues"));
    }

    @Test
    void withEksPodIdentityTheJobsReachTheNodesCredentialAgent() {
        var plan = Plans.ofPlatform(Settings.valid().with("aws", "{\"region\":\"eu-west-1\"}")
                .with("cluster", "{\"kind\":\"eks\",\"deployer\":\"arn:aws:iam::777700001111:role/deploy\",\"identity\":\"podIdentity\","
                        + "\"vpc\":{\"cidr\":\"10.0.0.0/16\",\"availabilityZones\":[\"eu-west-1a\",\"eu-west-1b\"]}}")
                .with("storage", "{\"kind\":\"s3\",\"bucketName\":\"acme-flink-ha-test\"}").load());
        assertEquals("169.254.170.23/32", Plans.at(named(plan, "egress"), "spec.egress.0.to.0.ipBlock.cidr"));
        assertEquals(80, ((Number) Plans.at(named(plan, "egress"), "spec.egress.0.ports.0.port")).intValue());
    }
}
