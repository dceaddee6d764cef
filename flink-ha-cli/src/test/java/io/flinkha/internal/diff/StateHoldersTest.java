package io.flinkha.internal.diff;

import org.junit.jupiter.api.Test;

import java.math.BigDecimal;
import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The Kubernetes provider's replace rules for a claim (its forceNew list at v4.24.0), on hand-made plans. */
class StateHoldersTest {
    private static final String URN = "urn:pulumi:qa::flink-ha::kubernetes:core/v1:PersistentVolumeClaim::state";

    private static Map<String, Map<String, Object>> claim(Map<String, Object> spec) {
        return Map.of(URN, Map.of("type", StateHolders.CLAIM, "inputs", Map.of(
                "metadata", Map.of("name", "flink-ha-storage", "namespace", "flink"), "spec", spec)));
    }

    private static Map<String, Object> spec(String storageClass, String size) {
        return Map.of("accessModes", List.of("ReadWriteMany"), "storageClassName", storageClass,
                "resources", Map.of("requests", Map.of("storage", size)));
    }

    @Test
    void eachFieldTheProviderReplacesOnIsNamed() {
        for (String field : StateHolders.CLAIM_REPLACE_FIELDS) {
            Map<String, Object> changed = new java.util.HashMap<>(spec("nfs-client", "10Gi"));
            changed.put(field, field.equals("accessModes") ? List.of("ReadWriteOnce") : Map.of("x", "y"));
            var replaced = StateHolders.replacedClaims(claim(spec("nfs-client", "10Gi")), claim(changed));
            assertTrue(replaced.get("flink/flink-ha-storage").contains("spec." + field + " "), field + ": " + replaced);
        }
    }

    @Test
    void aLabelOrALargerSizeReplacesNothing() {
        assertEquals(Map.of(), StateHolders.replacedClaims(claim(spec("nfs-client", "10Gi")), claim(spec("nfs-client", "11Gi"))));
    }

    @Test
    void aSmallerSizeIsNamedWhateverTheUnits() {
        assertTrue(StateHolders.replacedClaims(claim(spec("nfs-client", "1Gi")), claim(spec("nfs-client", "1000M")))
                .get("flink/flink-ha-storage").contains("size 1Gi -> 1000M"));
    }

    @Test
    void quantitiesCountBinaryAndDecimalUnits() {
        assertEquals(new BigDecimal("1073741824"), StateHolders.bytes("1Gi"));
        assertEquals(new BigDecimal("1000000000"), StateHolders.bytes("1G"));
        assertEquals(0, new BigDecimal("1500").compareTo(StateHolders.bytes("1.5k")));
        assertEquals(new BigDecimal("512"), StateHolders.bytes("512"));
        assertNull(StateHolders.bytes("lots"));
    }

    @Test
    void aDeploymentMountsTheClaimsOfItsPodTemplate() {
        Map<String, Object> deployment = Map.of("metadata", Map.of("namespace", "flink"), "spec", Map.of("podTemplate", Map.of("spec",
                Map.of("volumes", List.of(Map.of("name", "state", "persistentVolumeClaim", Map.of("claimName", "flink-ha-storage")))))));
        assertEquals(List.of("flink/flink-ha-storage"), StateHolders.claimsOf(deployment));
    }
}
