package io.flinkha.flink.check;

import org.apache.flink.kubernetes.configuration.KubernetesConfigOptions;
import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertEquals;

/** The operator's forbidden keys the check restates are flink-kubernetes' own (a test-scope dependency). */
class ForbiddenKeysTest {
    @Test
    void theOperatorsForbiddenKubernetesKeysAreKubernetesConfigOptionsKeys() {
        assertEquals(KubernetesConfigOptions.NAMESPACE.key(), UpstreamCheck.KUBERNETES_NAMESPACE);
        assertEquals(KubernetesConfigOptions.CLUSTER_ID.key(), UpstreamCheck.KUBERNETES_CLUSTER_ID);
    }
}
