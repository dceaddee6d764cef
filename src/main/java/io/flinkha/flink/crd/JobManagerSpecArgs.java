package io.flinkha.flink.crd;

import com.pulumi.core.annotations.Import;
import com.pulumi.resources.ResourceArgs;

/** {@code spec.jobManager}: more than one replica keeps standby JobManagers, which requires HA. */
public final class JobManagerSpecArgs extends ResourceArgs {
    @Import(name = "replicas", required = true)
    private final Integer replicas;
    @Import(name = "resource", required = true)
    private final FlinkResourceArgs resource;

    public JobManagerSpecArgs(int replicas, FlinkResourceArgs resource) {
        this.replicas = replicas;
        this.resource = resource;
    }

    public int replicas() {
        return replicas;
    }

    public FlinkResourceArgs resource() {
        return resource;
    }
}
