package io.flinkha.cluster;

import io.flinkha.testing.PlanEngine;
import io.flinkha.testing.PlannedResource;
import org.junit.jupiter.api.Test;

import java.util.Map;
import java.util.Optional;

import static io.flinkha.Plans.at;
import static io.flinkha.Plans.only;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;

class ExistingClusterTest {

    private static PlannedResource provider(ExistingClusterArgs args) {
        return only(PlanEngine.run("flink-ha", "test", Map.of(), ctx -> new ExistingCluster("local", args, null)),
                "pulumi:providers:kubernetes");
    }

    @Test
    void providerTargetsTheNamedContext() {
        PlannedResource p = provider(new ExistingClusterArgs("kind-flink", Optional.empty()));
        assertEquals("kind-flink", at(p, "context"));
        assertNull(at(p, "kubeconfig"));
    }

    @Test
    void providerReadsTheGivenKubeconfig() {
        assertEquals("/etc/kube/config", at(provider(new ExistingClusterArgs("ctx", Optional.of("/etc/kube/config"))), "kubeconfig"));
    }

    @Test
    void providerRunsAKubernetesPluginThatHonoursWaitFor() {
        PlannedResource p = provider(new ExistingClusterArgs("kind-flink", Optional.empty()));
        assertEquals("4.24.0", at(p, "version"));
        assertEquals(KubernetesCluster.PROVIDER_PLUGIN_VERSION, at(p, "version"));
    }

    @Test
    void rejectsAMissingContext() {
        assertThrows(IllegalArgumentException.class, () -> new ExistingClusterArgs(" ", Optional.empty()));
    }

    @Test
    void providerIsAChildOfTheCluster() {
        var plan = PlanEngine.run("flink-ha", "test", Map.of(), ctx -> new ExistingCluster("local",
                new ExistingClusterArgs("kind-flink", Optional.empty()), null));
        assertEquals(only(plan, ExistingCluster.TYPE).urn(), only(plan, "pulumi:providers:kubernetes").parent());
        assertEquals(3, plan.resources().size(), "the stack, the cluster component and its provider");
    }
}
