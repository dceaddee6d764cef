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
 * Each program's offline plan, written where a pull-request workflow picks it up (target/plans/), in the shape of
 * {@code pulumi preview --json}: the flink-ha diff and policy pack read it as they read the platform's own.
 */
class OfflinePlanTest {

    private static String planOf(String stack, java.util.function.Consumer<com.pulumi.Context> program) throws Exception {
        Plan plan = PlanEngine.run("custom-flink-platform", stack, Map.of(), program);
        Files.createDirectories(Path.of("target/plans"));
        Files.writeString(Path.of("target/plans/" + stack + ".json"), PlanRenderer.json(plan));
        return PlanRenderer.tree(plan);
    }

    @Test
    void theNfsProgramsPlanHasItsDeploymentAndClaim() throws Exception {
        String tree = planOf("nfs", NfsPlatform::define);
        assertTrue(tree.contains("kubernetes:flink.apache.org/v1beta1:FlinkDeployment  orders"), tree);
        assertTrue(tree.contains("kubernetes:core/v1:PersistentVolumeClaim"), tree);
    }

    @Test
    void theS3ProgramsPlanHasItsDeploymentsAndBucket() throws Exception {
        String tree = planOf("s3", CustomPlatform::define);
        assertTrue(tree.contains("kubernetes:flink.apache.org/v1beta1:FlinkDeployment  sessionizer"), tree);
        assertTrue(tree.contains("aws:s3/bucketV2:BucketV2") || tree.contains("aws:s3/bucket"), tree);
    }
}
