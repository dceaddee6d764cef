package io.flinkha.flink.crd;

import com.pulumi.core.annotations.Import;
import com.pulumi.resources.ResourceArgs;

/** {@code spec.jobManager}: more than one replica keeps standby JobManagers, which requires HA. */
public final class JobManagerSpecArgs extends ResourceArgs {
    @Import(name = "replicas", required = true)
    private final Integer replicas;
    @Import(name = "resource", required = true)
    private final FlinkResourceArgs resource;

    /**
     * @param replicas JobManagers; more than one needs HA
     * @param resource cores and memory of each
     */
    public JobManagerSpecArgs(int replicas, FlinkResourceArgs resource) {
        this.replicas = replicas;
        this.resource = resource;
    }

    /** @return JobManagers */
    public int replicas() {
        return replicas;
    }

    /** @return cores and memory of each */
    public FlinkResourceArgs resource() {
        return resource;
    }
}
