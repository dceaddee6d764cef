package io.flinkha.operator;

import com.pulumi.core.Output;
import io.flinkha.Plans;
import io.flinkha.PublicApi.Registered;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Map;
import java.util.function.UnaryOperator;

import static io.flinkha.Plans.at;
import static io.flinkha.Plans.only;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class FlinkOperatorTest {
    private static final String RELEASE = "kubernetes:helm.sh/v3:Release";

    private static Registered release(UnaryOperator<FlinkOperatorArgs.Builder> customise) {
        return only(Plans.ofComponent(p -> new FlinkOperator("op", customise.apply(FlinkOperatorArgs.builder()
                .watchNamespaces(List.of(Output.of("streaming")))
                .cluster(p)).build(), null)), RELEASE);
    }

    @Test
    void installsTheOperatorChartAtVersion1100FromTheApacheArchive() {
        Registered release = release(b -> b);
        assertEquals("flink-kubernetes-operator", at(release, "chart"));
        assertEquals("1.10.0", at(release, "version"));
        assertEquals("https://archive.apache.org/dist/flink/flink-kubernetes-operator-1.10.0/", at(release, "repositoryOpts.repo"));
        assertEquals("flink-operator", at(release, "namespace"));
    }

    @Test
    void rejectsAnOperatorVersionTheChecksAreNotBuiltFor() {
        var e = org.junit.jupiter.api.Assertions.assertThrows(IllegalArgumentException.class, () -> release(b -> b.version("1.9.0")));
        org.junit.jupiter.api.Assertions.assertTrue(e.getMessage().startsWith("FlinkOperatorArgs: version: got '1.9.0'; this build checks "
                + "FlinkDeployments against operator 1.10.0 only"), e.getMessage());
    }

    @Test
    void theCheckedOperatorReleaseIsPairedWithTheFlinkReleaseItIsBuiltOn() {
        assertEquals("1.10.0", OperatorRelease.CHECKED.version());
        assertEquals("1.19.1", OperatorRelease.CHECKED.flinkVersion());
        assertEquals(java.util.Set.of("1.13", "1.14", "1.15", "1.16", "1.17", "1.18", "1.19", "1.20"), OperatorRelease.CHECKED.supportedFlinkMinors());
    }

    @Test
    void watchesOnlyTheJobNamespaces() {
        assertEquals(List.of("streaming"), at(release(b -> b), "values.watchNamespaces"));
    }

    @Test
    void webhookIsOffByDefaultBecauseItNeedsCertManager() {
        assertEquals(false, at(release(b -> b), "values.webhook.create"));
    }

    @Test
    void webhookIsOnWhenCertManagerIsPresent() {
        assertEquals(true, at(release(b -> b.webhook(true)), "values.webhook.create"));
    }

    @Test
    void chartJobRbacIsOffBecauseThePlatformDeclaresLeastPrivilegeRbac() {
        Registered release = release(b -> b);
        assertEquals(false, at(release, "values.rbac.jobRole.create"));
        assertEquals(false, at(release, "values.rbac.jobRoleBinding.create"));
        assertEquals(false, at(release, "values.jobServiceAccount.create"));
    }

    @Test
    void singleReplicaNeedsNoOperatorLeaderElection() {
        assertNull(at(release(b -> b), "values.defaultConfiguration"));
    }

    @Test
    void severalReplicasTurnOnOperatorLeaderElection() {
        Registered release = release(b -> b.replicas(2));
        assertEquals(2L, (Long) at(release, "values.replicas"));
        Map<String, Object> defaults = at(release, "values.defaultConfiguration");
        String conf = (String) defaults.get("flink-conf.yaml");
        assertTrue(conf.contains("kubernetes.operator.leader-election.enabled: true"), conf);
        assertTrue(conf.contains("kubernetes.operator.leader-election.lease-name: "), conf);
    }

    @Test
    void extraValuesAreMergedUnderThePlatformsOwn() {
        Registered release = release(b -> b.extraValues(Map.of(
                "image", Map.of("pullPolicy", "Always"),
                "webhook", Map.of("keystore", Map.of("useDefaultPassword", true)))));
        assertEquals("Always", at(release, "values.image.pullPolicy"));
        assertEquals(false, at(release, "values.webhook.create"));
        assertEquals(true, at(release, "values.webhook.keystore.useDefaultPassword"));
    }

    @Test
    void rejectsExtraValuesThePlatformOwnsForALibraryUserToo() {
        var e = assertThrows(IllegalArgumentException.class, () -> release(b -> b.extraValues(Map.of(
                "webhook", Map.of("create", true), "watchNamespaces", List.of("default")))));
        assertTrue(e.getMessage().startsWith("FlinkOperatorArgs: extraValues.watchNamespaces: is set by the platform"), e.getMessage());
        assertTrue(e.getMessage().contains("extraValues.webhook.create: is set by the platform"), e.getMessage());
    }

    @Test
    void rejectsAnOperatorThatWatchesNothing() {
        var e = assertThrows(IllegalArgumentException.class, () -> Plans.ofComponent(p ->
                FlinkOperatorArgs.builder().cluster(p).build()));
        assertTrue(e.getMessage().contains("watchNamespaces"), e.getMessage());
    }
}
