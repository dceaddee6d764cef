package io.flinkha.platform;

import io.flinkha.Plans;
import io.flinkha.testing.PlannedResource;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;

/** Every stack's namespaces enforce the Pod Security Standard their pods satisfy. */
class PodSecurityTest {

    private static Map<String, String> labelsOf(String stack, String namespace) {
        PlannedResource ns = Plans.ofStack(stack).resources().stream()
                .filter(r -> r.type().equals("kubernetes:core/v1:Namespace") && namespace.equals(Plans.at(r, "metadata.name")))
                .findFirst().orElseThrow(() -> new AssertionError(stack + " has no namespace " + namespace));
        return Plans.at(ns, "metadata.labels");
    }

    @ParameterizedTest
    @ValueSource(strings = {"dev", "staging", "prod"})
    void theJobsNamespaceEnforcesRestrictedAndTheOperatorsBaseline(String stack) {
        assertEquals("restricted", labelsOf(stack, "flink").get("pod-security.kubernetes.io/enforce"));
        assertEquals("baseline", labelsOf(stack, "flink-operator").get("pod-security.kubernetes.io/enforce"));
    }
}
