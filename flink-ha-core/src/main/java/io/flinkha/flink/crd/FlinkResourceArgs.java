package io.flinkha.flink.crd;

import com.pulumi.core.annotations.Import;
import com.pulumi.resources.ResourceArgs;

/** {@code resource} of a JobManager or TaskManager: cores and a Flink memory size. */
public final class FlinkResourceArgs extends ResourceArgs {
    @Import(name = "cpu", required = true)
    private final Double cpu;
    @Import(name = "memory", required = true)
    private final String memory;

    /**
     * @param cpu    cores
     * @param memory Flink memory size, e.g. {@code 2048m}
     */
    public FlinkResourceArgs(double cpu, String memory) {
        this.cpu = cpu;
        this.memory = memory;
    }

    /** @return cores */
    public double cpu() {
        return cpu;
    }

    /** @return memory size */
    public String memory() {
        return memory;
    }
}
