package io.flinkha.flink.crd;

import com.pulumi.core.annotations.Import;
import com.pulumi.resources.ResourceArgs;

/** {@code resource} of a JobManager or TaskManager: cores and a Flink memory size. */
public final class FlinkResourceArgs extends ResourceArgs {
    @Import(name = "cpu", required = true)
    private final Double cpu;
    @Import(name = "memory", required = true)
    private final String memory;

    public FlinkResourceArgs(double cpu, String memory) {
        this.cpu = cpu;
        this.memory = memory;
    }

    public double cpu() {
        return cpu;
    }

    public String memory() {
        return memory;
    }
}
