package io.flinkha.operator;

import com.pulumi.core.Output;
import com.pulumi.kubernetes.Provider;

import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.regex.Pattern;

/** Arguments of {@link FlinkOperator}. */
public final class FlinkOperatorArgs {
    private static final Pattern VERSION = Pattern.compile("\\d+\\.\\d+\\.\\d+");

    private final String version;
    private final String namespace;
    private final String chartRepository;
    private final List<Output<String>> watchNamespaces;
    private final boolean webhook;
    private final int replicas;
    private final Map<String, Object> extraValues;
    private final Provider provider;

    private FlinkOperatorArgs(Builder b) {
        this.version = b.version;
        this.namespace = b.namespace;
        this.chartRepository = b.chartRepository != null ? b.chartRepository : archiveRepository(b.version);
        this.watchNamespaces = List.copyOf(b.watchNamespaces);
        this.webhook = b.webhook;
        this.replicas = b.replicas;
        this.extraValues = Map.copyOf(b.extraValues);
        this.provider = b.provider;
    }

    /** The Apache archive keeps every release, unlike the downloads site, which drops old ones. */
    public static String archiveRepository(String version) {
        return "https://archive.apache.org/dist/flink/flink-kubernetes-operator-" + version + "/";
    }

    public static Builder builder() {
        return new Builder();
    }

    public String version() {
        return version;
    }

    public String namespace() {
        return namespace;
    }

    public String chartRepository() {
        return chartRepository;
    }

    public List<Output<String>> watchNamespaces() {
        return watchNamespaces;
    }

    public boolean webhook() {
        return webhook;
    }

    public int replicas() {
        return replicas;
    }

    public Map<String, Object> extraValues() {
        return extraValues;
    }

    public Provider provider() {
        return provider;
    }

    public static final class Builder {
        private String version = "1.10.0";
        private String namespace = "flink-operator";
        private String chartRepository;
        private List<Output<String>> watchNamespaces = List.of();
        private boolean webhook = false;
        private int replicas = 1;
        private Map<String, Object> extraValues = Map.of();
        private Provider provider;

        /** Operator and chart version (they are released together). Default {@code 1.10.0}. */
        public Builder version(String version) {
            this.version = version;
            return this;
        }

        /** Namespace the operator runs in; created by the component. Default {@code flink-operator}. */
        public Builder namespace(String namespace) {
            this.namespace = namespace;
            return this;
        }

        /** Helm repository. Default: {@link #archiveRepository(String)} of the version. */
        public Builder chartRepository(String chartRepository) {
            this.chartRepository = chartRepository;
            return this;
        }

        /** Namespaces whose FlinkDeployments the operator reconciles (required, at least one). */
        public Builder watchNamespaces(List<Output<String>> namespaces) {
            this.watchNamespaces = namespaces;
            return this;
        }

        /**
         * Whether to install the operator's admission webhook. Default false: the chart's webhook needs
         * cert-manager for its certificate, and fails to install without it.
         */
        public Builder webhook(boolean webhook) {
            this.webhook = webhook;
            return this;
        }

        /** Operator replicas; more than one turns on the operator's leader election. Default 1. */
        public Builder replicas(int replicas) {
            this.replicas = replicas;
            return this;
        }

        /** Extra chart values, merged under the component's own (which win). Default none. */
        public Builder extraValues(Map<String, Object> values) {
            this.extraValues = values;
            return this;
        }

        /** The cluster's Kubernetes provider (required). */
        public Builder provider(Provider provider) {
            this.provider = provider;
            return this;
        }

        public FlinkOperatorArgs build() {
            Objects.requireNonNull(provider, "FlinkOperatorArgs.provider is required");
            if (version == null || !VERSION.matcher(version).matches()) {
                throw new IllegalArgumentException("FlinkOperatorArgs.version: got '" + version + "'; expected an exact version such as 1.10.0");
            }
            if (watchNamespaces.isEmpty()) {
                throw new IllegalArgumentException("FlinkOperatorArgs.watchNamespaces: got none; expected the jobs' namespaces");
            }
            if (replicas < 1) {
                throw new IllegalArgumentException("FlinkOperatorArgs.replicas: got " + replicas + "; expected at least 1");
            }
            return new FlinkOperatorArgs(this);
        }
    }
}
