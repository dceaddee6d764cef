package com.example.flink;

import io.flinkha.testing.Plan;
import io.flinkha.testing.PlanEngine;
import io.flinkha.testing.PlanRenderer;
import org.junit.jupiter.api.Test;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The program's offline plan, written where a pull-request workflow picks it up (target/plans/), in the shape of
 * {@code pulumi preview --json}: the flink-ha diff and policy pack read it as they read the platform's own.
 */
class OfflinePlanTest {

    @Test
    void theProgramsPlanHasItsDeploymentAndClaim() throws Exception {
        Plan plan = PlanEngine.run("nfs-flink-platform", "nfs", Map.of(), NfsPlatform::define);
        Files.createDirectories(Path.of("target/plans"));
        Files.writeString(Path.of("target/plans/nfs.json"), PlanRenderer.json(plan));
        String tree = PlanRenderer.tree(plan);
        assertTrue(tree.contains("kubernetes:flink.apache.org/v1beta1:FlinkDeployment  orders"), tree);
        assertTrue(tree.contains("kubernetes:core/v1:PersistentVolumeClaim"), tree);
    }
}
