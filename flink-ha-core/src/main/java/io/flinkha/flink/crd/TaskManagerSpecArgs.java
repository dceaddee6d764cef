package io.flinkha.flink.crd;

import com.pulumi.core.annotations.Import;
import com.pulumi.kubernetes.core.v1.inputs.PodTemplateSpecArgs;
import com.pulumi.resources.ResourceArgs;

/** {@code spec.taskManager}: the operator derives the TaskManager count from the job's parallelism. */
public final class TaskManagerSpecArgs extends ResourceArgs {
    @Import(name = "resource", required = true)
    private final FlinkResourceArgs resource;
    @Import(name = "podTemplate")
    private final PodTemplateSpecArgs podTemplate;

    /** @param resource cores and memory of each TaskManager */
    public TaskManagerSpecArgs(FlinkResourceArgs resource) {
        this(resource, null);
    }

    /**
     * @param resource    cores and memory of each TaskManager
     * @param podTemplate merged by the operator over {@code spec.podTemplate} for the TaskManager pods only; may be null
     */
    public TaskManagerSpecArgs(FlinkResourceArgs resource, PodTemplateSpecArgs podTemplate) {
        this.resource = resource;
        this.podTemplate = podTemplate;
    }

    /** @return cores and memory of each TaskManager */
    public FlinkResourceArgs resource() {
        return resource;
    }

    /** @return the TaskManager pods' own template, if any */
    public java.util.Optional<PodTemplateSpecArgs> podTemplate() {
        return java.util.Optional.ofNullable(podTemplate);
    }
}
