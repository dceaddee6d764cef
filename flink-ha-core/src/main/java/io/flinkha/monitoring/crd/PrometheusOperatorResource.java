package io.flinkha.monitoring.crd;

import com.pulumi.core.Output;
import com.pulumi.core.annotations.Import;
import com.pulumi.kubernetes.Utilities;
import com.pulumi.kubernetes.meta.v1.inputs.ObjectMetaArgs;
import com.pulumi.resources.CustomResourceOptions;
import com.pulumi.resources.ResourceArgs;

import javax.annotation.Nullable;
import java.util.Map;
import java.util.Objects;

/**
 * A {@code monitoring.coreos.com/v1} object (PodMonitor, PrometheusRule), managed by the Kubernetes provider like any other.
 * Its spec is the plain tree the Prometheus Operator's CRD describes: the callers build it from typed values
 * (the alerts of JobMonitoring), and no Java types of these CRDs exist to build it from instead.
 */
public class PrometheusOperatorResource extends com.pulumi.resources.CustomResource {
    /** The CRDs' API version. */
    public static final String API_VERSION = "monitoring.coreos.com/v1";
    /** Kind of the scrape configuration for pods. */
    public static final String POD_MONITOR = "PodMonitor";
    /** Kind of the alerting rules. */
    public static final String PROMETHEUS_RULE = "PrometheusRule";

    /**
     * @param kind    {@link #POD_MONITOR} or {@link #PROMETHEUS_RULE}
     * @param name    logical name
     * @param args    metadata and spec
     * @param options resource options (provider, parent); may be null
     */
    public PrometheusOperatorResource(String kind, String name, Args args, @Nullable CustomResourceOptions options) {
        super("kubernetes:" + API_VERSION + ":" + kind, name, args.withKind(kind), CustomResourceOptions.merge(
                // the same provider plugin version as the generated Kubernetes classes, so the CLI loads one plugin
                CustomResourceOptions.builder().version(Utilities.getVersion()).build(), options, null));
    }

    /** Inputs: apiVersion and kind fixed, metadata and spec required. */
    public static final class Args extends ResourceArgs {
        @Import(name = "apiVersion")
        private final String apiVersion = API_VERSION;
        @Import(name = "kind")
        private final String kind;
        @Import(name = "metadata", required = true)
        private final ObjectMetaArgs metadata;
        @Import(name = "spec", required = true)
        private final Output<Map<String, Object>> spec;

        /**
         * @param metadata name, namespace and labels
         * @param spec     the spec, as the CRD describes it
         */
        public Args(ObjectMetaArgs metadata, Output<Map<String, Object>> spec) {
            this(null, metadata, spec);
        }

        private Args(String kind, ObjectMetaArgs metadata, Output<Map<String, Object>> spec) {
            this.kind = kind;
            this.metadata = Objects.requireNonNull(metadata, "metadata");
            this.spec = Objects.requireNonNull(spec, "spec");
        }

        Args withKind(String kind) {
            return new Args(kind, metadata, spec);
        }
    }
}
