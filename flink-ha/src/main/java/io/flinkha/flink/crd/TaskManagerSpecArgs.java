package io.flinkha.flink.crd;

import com.pulumi.core.annotations.Import;
import com.pulumi.resources.ResourceArgs;

/** {@code spec.taskManager}: the operator derives the TaskManager count from the job's parallelism. */
public final class TaskManagerSpecArgs extends ResourceArgs {
    @Import(name = "resource", required = true)
    private final FlinkResourceArgs resource;

    /** @param resource cores and memory of each TaskManager */
    public TaskManagerSpecArgs(FlinkResourceArgs resource) {
        this.resource = resource;
    }

    /** @return cores and memory of each TaskManager */
    public FlinkResourceArgs resource() {
        return resource;
    }
}
