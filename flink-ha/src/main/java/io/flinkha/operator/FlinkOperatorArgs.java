package io.flinkha.operator;

import com.pulumi.core.Output;
import io.flinkha.cluster.KubernetesCluster;

import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.regex.Pattern;

/**
 * Arguments of {@link FlinkOperator}; build them with {@link #builder()}, which documents each default and checks every argument (the canonical constructor does not).
 *
 * @param version         operator and chart version (they are released together)
 * @param namespace       namespace the operator runs in; created by the component
 * @param chartRepository Helm repository of the chart
 * @param watchNamespaces namespaces whose FlinkDeployments the operator reconciles
 * @param webhook         whether to install the operator's admission webhook (it needs cert-manager)
 * @param replicas        operator replicas; more than one turns on the operator's leader election
 * @param extraValues     extra chart values, merged under the component's own, which win
 * @param cluster         the cluster, whose provider the release uses
 */
public record FlinkOperatorArgs(
        String version,
        String namespace,
        String chartRepository,
        List<Output<String>> watchNamespaces,
        boolean webhook,
        int replicas,
        Map<String, Object> extraValues,
        KubernetesCluster cluster) {
    private static final Pattern VERSION = Pattern.compile("\\d+\\.\\d+\\.\\d+");


    /**
     * @param version an operator version
     * @return its folder in the Apache archive, which keeps every release (the downloads site drops old ones)
     */
    public static String archiveRepository(String version) {
        return "https://archive.apache.org/dist/flink/flink-kubernetes-operator-" + version + "/";
    }

    /** @return a builder with the documented defaults */
    public static Builder builder() {
        return new Builder();
    }

    /** Builds {@link FlinkOperatorArgs}; each setter names its default. */
    public static final class Builder {
        private String version = "1.10.0";
        private String namespace = "flink-operator";
        private String chartRepository;
        private List<Output<String>> watchNamespaces = List.of();
        private boolean webhook = false;
        private int replicas = 1;
        private Map<String, Object> extraValues = Map.of();
        private KubernetesCluster cluster;

        private Builder() {
        }

        /**
         * @param version operator and chart version; default {@code 1.10.0}
         * @return this builder
         */
        public Builder version(String version) { this.version = version; return this; }
        /**
         * @param namespace namespace the operator runs in; default {@code flink-operator}
         * @return this builder
         */
        public Builder namespace(String namespace) { this.namespace = namespace; return this; }
        /**
         * @param repository Helm repository; default {@link #archiveRepository(String)} of the version
         * @return this builder
         */
        public Builder chartRepository(String repository) { this.chartRepository = repository; return this; }
        /**
         * @param namespaces namespaces whose FlinkDeployments the operator reconciles (required)
         * @return this builder
         */
        public Builder watchNamespaces(List<Output<String>> namespaces) { this.watchNamespaces = namespaces; return this; }
        /**
         * @param webhook install the admission webhook; default false, since it needs cert-manager
         * @return this builder
         */
        public Builder webhook(boolean webhook) { this.webhook = webhook; return this; }
        /**
         * @param replicas operator replicas, more than one turns on its leader election; default 1
         * @return this builder
         */
        public Builder replicas(int replicas) { this.replicas = replicas; return this; }
        /**
         * @param values extra chart values, merged under the component's own; default none
         * @return this builder
         */
        public Builder extraValues(Map<String, Object> values) { this.extraValues = values; return this; }
        /**
         * @param cluster the cluster to install into, whose provider the release uses (required)
         * @return this builder
         */
        public Builder cluster(KubernetesCluster cluster) { this.cluster = cluster; return this; }

        /** @return the checked arguments */
        public FlinkOperatorArgs build() {
            Objects.requireNonNull(cluster, "FlinkOperatorArgs.cluster is required");
            if (version == null || !VERSION.matcher(version).matches()) {
                throw new IllegalArgumentException("FlinkOperatorArgs.version: got '" + version + "'; expected an exact version such as 1.10.0");
            }
            if (OperatorRelease.of(version).isEmpty()) {
                throw new IllegalArgumentException("FlinkOperatorArgs.version: got '" + version + "'; " + OperatorRelease.unsupported(version));
            }
            if (watchNamespaces.isEmpty()) {
                throw new IllegalArgumentException("FlinkOperatorArgs.watchNamespaces: got none; expected the jobs' namespaces");
            }
            if (replicas < 1) {
                throw new IllegalArgumentException("FlinkOperatorArgs.replicas: got " + replicas + "; expected at least 1");
            }
            return new FlinkOperatorArgs(version, namespace, chartRepository != null ? chartRepository : archiveRepository(version),
                    List.copyOf(watchNamespaces), webhook, replicas, Map.copyOf(extraValues), cluster);
        }
    }
}
