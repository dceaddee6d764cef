package io.flinkha.flink.crd;

import com.pulumi.core.Output;
import com.pulumi.core.annotations.Export;
import com.pulumi.core.annotations.ResourceType;
import com.pulumi.kubernetes.Utilities;
import com.pulumi.kubernetes.meta.v1.outputs.ObjectMeta;
import com.pulumi.resources.CustomResourceOptions;

import io.flinkha.flink.check.PlainInputs;
import io.flinkha.flink.check.UpstreamCheck;
import io.flinkha.operator.OperatorRelease;

import javax.annotation.Nullable;
import java.util.Map;

/**
 * A {@code flink.apache.org/v1beta1} FlinkDeployment, managed by the Kubernetes provider like any
 * other object. The Java Kubernetes SDK 4.0.0 has no generic custom-resource class, so this one
 * plays that part for the single CRD the platform needs.
 *
 * @see <a href="https://nightlies.apache.org/flink/flink-kubernetes-operator-docs-release-1.10/docs/custom-resource/reference/">FlinkDeployment reference</a>
 */
@ResourceType(type = FlinkDeployment.TYPE)
public class FlinkDeployment extends com.pulumi.resources.CustomResource {
    /** Pulumi type token: the Kubernetes provider manages any {@code kubernetes:<group>/<version>:<Kind>}. */
    public static final String TYPE = "kubernetes:flink.apache.org/v1beta1:FlinkDeployment";
    /** The CRD's API version. */
    public static final String API_VERSION = "flink.apache.org/v1beta1";
    /** The CRD's kind. */
    public static final String KIND = "FlinkDeployment";

    @Export(name = "metadata", refs = {ObjectMeta.class}, tree = "[0]")
    private Output<ObjectMeta> metadata;

    /**
     * Registers the deployment once it passes the upstream checks ({@link UpstreamCheck}): a deployment
     * the operator would refuse, or that would run without working HA, fails {@code pulumi preview}
     * with the rule it breaks instead of failing in the cluster.
     *
     * @param name    logical name
     * @param args    metadata and spec
     * @param options resource options (provider, parent, dependencies); may be null
     */
    public FlinkDeployment(String name, FlinkDeploymentArgs args, @Nullable CustomResourceOptions options) {
        this(name, args, OperatorRelease.DEFAULT, options);
    }

    /**
     * Registers the deployment once it passes the upstream checks as the given operator release reads it.
     *
     * @param name     logical name
     * @param args     metadata and spec
     * @param operator the operator release that reconciles it
     * @param options  resource options (provider, parent, dependencies); may be null
     */
    public FlinkDeployment(String name, FlinkDeploymentArgs args, OperatorRelease operator, @Nullable CustomResourceOptions options) {
        super(TYPE, name, checked(name, args, operator), CustomResourceOptions.merge(
                // the same provider plugin version as the generated Kubernetes classes, so the CLI loads one plugin
                CustomResourceOptions.builder().version(Utilities.getVersion()).build(), options, null));
    }

    /**
     * The check sees the object exactly as the engine will (the same {@code @Import} names, Outputs
     * resolved) and gates the Flink configuration on it, so nothing is registered when it fails. When
     * a value is still unknown at preview, the check runs at deployment instead.
     */
    @SuppressWarnings("unchecked")
    private static FlinkDeploymentArgs checked(String name, FlinkDeploymentArgs args, OperatorRelease operator) {
        Output<Map<String, String>> conf = args.spec().flinkConfiguration();
        Output<Map<String, String>> checkedConf = Output.tuple(PlainInputs.resolve(args), conf).applyValue(t -> {
            UpstreamCheck.verify(name, (Map<String, Object>) t.t1, operator);
            return t.t2;
        });
        return new FlinkDeploymentArgs(args.metadata(), args.spec().withFlinkConfiguration(checkedConf));
    }

    /** @return the object's metadata as the cluster reports it */
    public Output<ObjectMeta> metadata() {
        return metadata;
    }
}
