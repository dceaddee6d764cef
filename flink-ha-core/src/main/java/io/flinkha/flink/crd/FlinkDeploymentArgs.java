package io.flinkha.flink.crd;

import com.pulumi.core.annotations.Import;
import com.pulumi.kubernetes.meta.v1.inputs.ObjectMetaArgs;
import com.pulumi.resources.ResourceArgs;

import java.util.Objects;

/** Inputs of a {@link FlinkDeployment}: apiVersion and kind are fixed, metadata and spec are required. */
public final class FlinkDeploymentArgs extends ResourceArgs {
    @Import(name = "apiVersion")
    private final String apiVersion = FlinkDeployment.API_VERSION;
    @Import(name = "kind")
    private final String kind = FlinkDeployment.KIND;
    @Import(name = "metadata", required = true)
    private final ObjectMetaArgs metadata;
    @Import(name = "spec", required = true)
    private final FlinkDeploymentSpecArgs spec;

    /**
     * @param metadata name, namespace and labels
     * @param spec     the deployment's spec
     */
    public FlinkDeploymentArgs(ObjectMetaArgs metadata, FlinkDeploymentSpecArgs spec) {
        this.metadata = Objects.requireNonNull(metadata, "metadata");
        this.spec = Objects.requireNonNull(spec, "spec");
    }

    /** @return name, namespace and labels */
    public ObjectMetaArgs metadata() {
        return metadata;
    }

    /** @return the spec */
    public FlinkDeploymentSpecArgs spec() {
        return spec;
    }
}
