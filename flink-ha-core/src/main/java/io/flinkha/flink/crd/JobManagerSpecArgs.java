package io.flinkha.flink.crd;

import com.pulumi.core.annotations.Import;
import com.pulumi.kubernetes.core.v1.inputs.PodTemplateSpecArgs;
import com.pulumi.resources.ResourceArgs;

/** {@code spec.jobManager}: more than one replica keeps standby JobManagers, which requires HA. */
public final class JobManagerSpecArgs extends ResourceArgs {
    @Import(name = "replicas", required = true)
    private final Integer replicas;
    @Import(name = "resource", required = true)
    private final FlinkResourceArgs resource;
    @Import(name = "podTemplate")
    private final PodTemplateSpecArgs podTemplate;

    /**
     * @param replicas JobManagers; more than one needs HA
     * @param resource cores and memory of each
     */
    public JobManagerSpecArgs(int replicas, FlinkResourceArgs resource) {
        this(replicas, resource, null);
    }

    /**
     * @param replicas    JobManagers; more than one needs HA
     * @param resource    cores and memory of each
     * @param podTemplate merged by the operator over {@code spec.podTemplate} for the JobManager pods only; may be null
     */
    public JobManagerSpecArgs(int replicas, FlinkResourceArgs resource, PodTemplateSpecArgs podTemplate) {
        this.replicas = replicas;
        this.resource = resource;
        this.podTemplate = podTemplate;
    }

    /** @return JobManagers */
    public int replicas() {
        return replicas;
    }

    /** @return cores and memory of each */
    public FlinkResourceArgs resource() {
        return resource;
    }

    /** @return the JobManager pods' own template, if any */
    public java.util.Optional<PodTemplateSpecArgs> podTemplate() {
        return java.util.Optional.ofNullable(podTemplate);
    }
}
