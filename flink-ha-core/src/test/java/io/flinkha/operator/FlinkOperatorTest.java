package io.flinkha.operator;

import com.pulumi.core.Output;
import io.flinkha.ComponentPlans;
import io.flinkha.PublicApi.Registered;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Map;
import java.util.function.UnaryOperator;

import static io.flinkha.ComponentPlans.at;
import static io.flinkha.ComponentPlans.only;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class FlinkOperatorTest {
    private static final String RELEASE = "kubernetes:helm.sh/v3:Release";

    private static Registered release(UnaryOperator<FlinkOperatorArgs.Builder> customise) {
        return only(ComponentPlans.ofComponent(p -> new FlinkOperator("op", customise.apply(FlinkOperatorArgs.builder()
                .watchNamespaces(List.of(Output.of("streaming")))
                .cluster(p)).build(), null)), RELEASE);
    }

    /** The key has dots, so it is not a path segment. */
    private static String operatorConf(Registered release) {
        Map<String, Object> defaults = at(release, "values.defaultConfiguration");
        return (String) defaults.get("flink-conf.yaml");
    }

    @Test
    void installsTheOperatorChartAtVersion1150FromTheApacheArchive() {
        Registered release = release(b -> b);
        assertEquals("flink-kubernetes-operator", at(release, "chart"));
        assertEquals("1.15.0", at(release, "version"));
        assertEquals("https://archive.apache.org/dist/flink/flink-kubernetes-operator-1.15.0/", at(release, "repositoryOpts.repo"));
        assertEquals("flink-operator", at(release, "namespace"));
    }

    @Test
    void rejectsAnOperatorVersionOutsideTheReleaseTable() {
        var e = org.junit.jupiter.api.Assertions.assertThrows(IllegalArgumentException.class, () -> release(b -> b.version("1.9.0")));
        org.junit.jupiter.api.Assertions.assertTrue(e.getMessage().startsWith("FlinkOperatorArgs: version: got '1.9.0'; operator 1.9.0 "
                + "is not a release this platform supports; supported: 1.10.0, 1.15.0"), e.getMessage());
    }

    @Test
    void installsOperator1150UnlessAnotherSupportedReleaseIsChosen() {
        assertEquals("1.15.0", at(release(b -> b), "version"));
        assertEquals("1.10.0", at(release(b -> b.version("1.10.0")), "version"));
    }

    @Test
    void aFailedInstallOrUpgradeIsRolledBackAndCleanedUpWithinTenMinutes() {
        Registered release = release(b -> b);
        assertEquals(true, at(release, "atomic"));
        assertEquals(true, at(release, "cleanupOnFail"));
        assertEquals(600L, ((Number) at(release, "timeout")).longValue());
        assertEquals(10L, ((Number) at(release, "maxHistory")).longValue());
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
    void leaderElectionKeepsTheChartsOwnDefaultOverridesBeforeItsKeys() {
        String conf = operatorConf(release(b -> b.replicas(2)));
        assertTrue(conf.startsWith(OperatorRelease.DEFAULT.chartConfigOverrides()), conf);
        assertTrue(conf.contains("kubernetes.operator.reconcile.interval: 15 s\n"), conf);
        assertTrue(conf.contains("kubernetes.operator.observer.progress-check.interval: 5 s\n"), conf);
        assertTrue(conf.contains("kubernetes.operator.metrics.reporter.slf4j.factory.class: "), conf);
        assertEquals(true, at(release(b -> b.replicas(2)), "values.defaultConfiguration.append"), "the chart's built-in configuration stays");
    }

    @Test
    void aUsersOwnOperatorConfigurationIsKeptAndLeaderElectionAddedAfterIt() {
        String conf = operatorConf(release(b -> b.replicas(2).extraValues(Map.of("defaultConfiguration",
                Map.of("flink-conf.yaml", "kubernetes.operator.reconcile.interval: 30 s")))));
        assertTrue(conf.startsWith("kubernetes.operator.reconcile.interval: 30 s\nkubernetes.operator.leader-election.enabled: true\n"), conf);
    }

    @Test
    void operatorPodsRequestCpuAndMemoryAndAreLimitedInMemoryOnly() {
        Registered release = release(b -> b.milliCpu(500).memoryMib(1024));
        assertEquals(Map.of("cpu", "500m", "memory", "1024Mi"), at(release, "values.operatorPod.resources.requests"));
        assertEquals(Map.of("memory", "1024Mi"), at(release, "values.operatorPod.resources.limits"));
    }

    @Test
    void operatorPodsRequestAQuarterCoreAnd512MiByDefault() {
        assertEquals(Map.of("cpu", "250m", "memory", "512Mi"), at(release(b -> b), "values.operatorPod.resources.requests"));
    }

    @Test
    void rejectsOperatorResourcesItsJvmCannotRunIn() {
        var e = assertThrows(IllegalArgumentException.class, () -> release(b -> b.milliCpu(50).memoryMib(128)));
        assertTrue(e.getMessage().contains("milliCpu: got 50; expected 100 to 8000 millicores"), e.getMessage());
        assertTrue(e.getMessage().contains("memoryMib: got 128; expected 256 to 16384 MiB"), e.getMessage());
    }

    @Test
    void aReplicatedOperatorRollsOneReplicaAtATimeKeepingTheOthersUp() {
        Registered release = release(b -> b.replicas(2));
        assertEquals("RollingUpdate", at(release, "values.strategy.type"));
        assertEquals(0L, (Long) at(release, "values.strategy.rollingUpdate.maxUnavailable"));
        assertEquals(1L, (Long) at(release, "values.strategy.rollingUpdate.maxSurge"));
    }

    @Test
    void aSingleOperatorKeepsTheChartsRecreateStrategy() {
        assertNull(at(release(b -> b), "values.strategy"), "two operators without leader election would reconcile at once");
    }

    @Test
    @SuppressWarnings("unchecked")
    void aReplicatedOperatorSpreadsItsPodsOverNodesAndPreferablyZones() {
        List<Map<String, Object>> spread = at(release(b -> b.replicas(2)), "values.operatorPod.topologySpreadConstraints");
        assertEquals(2, spread.size());
        assertEquals("kubernetes.io/hostname", spread.get(0).get("topologyKey"));
        assertEquals("DoNotSchedule", spread.get(0).get("whenUnsatisfiable"));
        assertEquals("topology.kubernetes.io/zone", spread.get(1).get("topologyKey"));
        assertEquals("ScheduleAnyway", spread.get(1).get("whenUnsatisfiable"));
        for (var c : spread) {
            assertEquals(1L, ((Number) c.get("maxSkew")).longValue());
            assertEquals(Map.of("app.kubernetes.io/name", "flink-kubernetes-operator"), ((Map<String, Object>) c.get("labelSelector")).get("matchLabels"));
        }
    }

    @Test
    void aReplicatedOperatorHasADisruptionBudgetThatKeepsOneRunning() {
        Registered pdb = only(ComponentPlans.ofComponent(p -> new FlinkOperator("op", FlinkOperatorArgs.builder()
                .watchNamespaces(List.of(Output.of("streaming"))).replicas(3).cluster(p).build(), null)),
                "kubernetes:policy/v1:PodDisruptionBudget");
        assertEquals("flink-operator", at(pdb, "metadata.namespace"));
        assertEquals(1L, (Long) at(pdb, "spec.maxUnavailable"));
        assertEquals(Map.of("app.kubernetes.io/name", "flink-kubernetes-operator"), at(pdb, "spec.selector.matchLabels"));
    }

    @Test
    void aSingleOperatorHasNoDisruptionBudgetThatWouldBlockEveryDrain() {
        assertEquals(0, ComponentPlans.ofComponent(p -> new FlinkOperator("op", FlinkOperatorArgs.builder()
                .watchNamespaces(List.of(Output.of("streaming"))).cluster(p).build(), null))
                .ofType("kubernetes:policy/v1:PodDisruptionBudget").size());
    }

    @Test
    void rejectsExtraValuesThatWouldChangeTheOperatorsRolloutSpreadOrSelector() {
        var e = assertThrows(IllegalArgumentException.class, () -> release(b -> b.extraValues(Map.of(
                "strategy", Map.of("type", "Recreate"), "nameOverride", "ops",
                "operatorPod", Map.of("resources", Map.of(), "topologySpreadConstraints", List.of())))));
        for (String owned : List.of("strategy", "nameOverride", "operatorPod.resources", "operatorPod.topologySpreadConstraints")) {
            assertTrue(e.getMessage().contains("extraValues." + owned + ": is set by the platform"), e.getMessage());
        }
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
        var e = assertThrows(IllegalArgumentException.class, () -> ComponentPlans.ofComponent(p ->
                FlinkOperatorArgs.builder().cluster(p).build()));
        assertTrue(e.getMessage().contains("watchNamespaces"), e.getMessage());
    }
    @Test
    void theComponentHandsOutItsNamespaceReleaseAndDisruptionBudget() {
        ComponentPlans.Plan plan = ComponentPlans.ofComponent(p -> new FlinkOperator("op", FlinkOperatorArgs.builder()
                .watchNamespaces(List.of(Output.of("streaming"))).replicas(2).cluster(p).build(), null));
        FlinkOperator operator = (FlinkOperator) only(plan, FlinkOperator.TYPE).resource();
        assertSame(only(plan, "kubernetes:core/v1:Namespace").resource(), operator.namespace());
        assertSame(only(plan, "kubernetes:helm.sh/v3:Release").resource(), operator.release());
        assertSame(only(plan, "kubernetes:policy/v1:PodDisruptionBudget").resource(), operator.disruptionBudget().orElseThrow());
    }
    @Test
    void theOperatorsCpuAndMemoryAreAcceptedAtTheirBoundsAndRefusedPastThem() {
        assertEquals(List.of(), FlinkOperatorArgs.resourceProblems(100, 256));
        assertEquals(List.of(), FlinkOperatorArgs.resourceProblems(8000, 16384));
        assertEquals(List.of("milliCpu: got 99; expected 100 to 8000 millicores",
                "memoryMib: got 255; expected 256 to 16384 MiB (the operator's JVM and its caches need at least 256)"),
                FlinkOperatorArgs.resourceProblems(99, 255));
        assertEquals(2, FlinkOperatorArgs.resourceProblems(8001, 16385).size());
    }

    @Test
    void oneOperatorReplicaIsTheFewestAllowed() {
        assertEquals(1, ComponentPlans.ofComponent(p -> new FlinkOperator("op", FlinkOperatorArgs.builder()
                .watchNamespaces(List.of(Output.of("streaming"))).replicas(1).cluster(p).build(), null))
                .ofType("kubernetes:helm.sh/v3:Release").size());
        var e = assertThrows(IllegalArgumentException.class, () -> FlinkOperatorArgs.builder()
                .watchNamespaces(List.of(Output.of("streaming"))).replicas(0).build());
        assertTrue(e.getMessage().contains("replicas: got 0; expected a whole number from 1 to "), e.getMessage());
    }

    @Test
    void extraValuesBesideOwnedOnesAreMergedIntoTheSameSection() {
        Registered release = release(b -> b.extraValues(Map.of("operatorPod", Map.of("nodeSelector", Map.of("pool", "ops")),
                "rbac", Map.of("nodesRule", Map.of("create", true)))));
        assertEquals(Map.of("pool", "ops"), at(release, "values.operatorPod.nodeSelector"));
        assertTrue(at(release, "values.operatorPod.resources") instanceof Map<?, ?>, "ours kept beside theirs");
        assertEquals(true, at(release, "values.rbac.nodesRule.create"));
        assertEquals(false, at(release, "values.rbac.jobRole.create"), "ours kept beside theirs");
    }
}
