package io.flinkha.storage;

import com.pulumi.core.Output;

/**
 * The three durable locations of one FlinkDeployment.
 *
 * @param haStorageDir   {@code high-availability.storageDir}: JobGraphs and checkpoint pointers
 * @param checkpointsDir completed checkpoints
 * @param savepointsDir  savepoints taken on upgrade or on request
 */
public record FlinkStoragePaths(Output<String> haStorageDir, Output<String> checkpointsDir, Output<String> savepointsDir) {

    /**
     * Lays the three directories under one deployment root.
     *
     * @param deploymentRoot e.g. {@code s3://bucket/dev/flink/job}
     * @return {@code <root>/ha}, {@code <root>/checkpoints} and {@code <root>/savepoints}
     */
    public static FlinkStoragePaths under(Output<String> deploymentRoot) {
        return new FlinkStoragePaths(
                deploymentRoot.applyValue(r -> r + "/ha"),
                deploymentRoot.applyValue(r -> r + "/checkpoints"),
                deploymentRoot.applyValue(r -> r + "/savepoints"));
    }
}
