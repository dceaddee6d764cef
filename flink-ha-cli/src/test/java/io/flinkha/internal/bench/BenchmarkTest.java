package io.flinkha.internal.bench;

import io.flinkha.Plans;
import io.flinkha.flink.crd.FlinkDeployment;
import io.flinkha.testing.Plan;
import org.junit.jupiter.api.Test;

import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The benchmark's in-process measures time what they name. */
class BenchmarkTest {
    @Test
    void theWarmCheckTimesThePlansFlinkDeployments() {
        Plan dev = Plans.ofStack("dev");
        assertTrue(dev.resources().stream().anyMatch(r -> r.type().equals(FlinkDeployment.TYPE)));
        assertTrue(Benchmark.warmCheckNanos(dev, 20, 3) > 0);
    }

    @Test
    void aPlanWithoutFlinkDeploymentsHasNoCheckToTime() {
        Plan dev = Plans.ofStack("dev");
        Plan none = new Plan(dev.project(), dev.stack(), dev.config(),
                dev.resources().stream().filter(r -> !r.type().equals(FlinkDeployment.TYPE)).toList(), dev.warnings(), dev.notes());
        var e = assertThrows(IllegalStateException.class, () -> Benchmark.warmCheckNanos(none, 20, 3));
        assertEquals("the plan has no FlinkDeployment to check", e.getMessage());
    }

    @Test
    void aDeploymentThatFailsTheChecksIsNotTimedAsIfItPassed() {
        Plan dev = Plans.ofStack("dev");
        Plan broken = new Plan(dev.project(), dev.stack(), dev.config(), dev.resources().stream()
                .map(r -> !r.type().equals(FlinkDeployment.TYPE) ? r : new io.flinkha.testing.PlannedResource(r.urn(), r.type(), r.name(),
                        r.custom(), r.parent(), r.provider(), r.dependencies(), withoutServiceAccount(r.inputs()), r.retainOnDelete(),
                        r.protect(), r.ignoreChanges(), r.aliases()))
                .toList(), dev.warnings(), dev.notes());
        var e = assertThrows(IllegalStateException.class, () -> Benchmark.warmCheckNanos(broken, 20, 3));
        assertTrue(e.getMessage().contains("spec.serviceAccount"), e.getMessage());
    }

    @SuppressWarnings("unchecked")
    private static Map<String, Object> withoutServiceAccount(Map<String, Object> inputs) {
        Map<String, Object> copy = new java.util.HashMap<>(inputs);
        Map<String, Object> spec = new java.util.HashMap<>((Map<String, Object>) inputs.get("spec"));
        spec.remove("serviceAccount");
        copy.put("spec", spec);
        return copy;
    }
}
