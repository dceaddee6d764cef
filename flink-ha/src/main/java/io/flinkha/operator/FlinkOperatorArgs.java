package io.flinkha.operator;

import io.flinkha.validation.ArgsCheck;
import java.util.Set;

import com.pulumi.core.Output;
import io.flinkha.cluster.KubernetesCluster;

import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;

/**
 * Arguments of {@link FlinkOperator}; build them with {@link #builder()}, which documents each default. Every
 * argument is checked when the record is made, all problems reported at once.
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
    private static final Pattern NAMESPACE = Pattern.compile("[a-z0-9]([-a-z0-9]{0,61}[a-z0-9])?");
    /** Default {@code namespace}. */
    public static final String DEFAULT_NAMESPACE = "flink-operator";
    /** Most operator replicas: one leads, the rest wait; more buy nothing. */
    public static final int MAX_REPLICAS = 5;
    /** Chart values the component sets itself; extra values may not touch them. */
    public static final Set<String> OWNED_VALUES = Set.of(
            "watchNamespaces", "webhook.create", "replicas", "jobServiceAccount.create",
            "rbac.jobRole.create", "rbac.jobRoleBinding.create");

    /**
     * Makes the arguments, checking every one: all problems are reported at once, so no way of making
     * these Args skips a rule.
     *
     * @param version         operator and chart version (they are released together)
     * @param namespace       namespace the operator runs in; created by the component
     * @param chartRepository Helm repository of the chart
     * @param watchNamespaces namespaces whose FlinkDeployments the operator reconciles
     * @param webhook         whether to install the operator's admission webhook (it needs cert-manager)
     * @param replicas        operator replicas; more than one turns on the operator's leader election
     * @param extraValues     extra chart values, merged under the component's own, which win
     * @param cluster         the cluster, whose provider the release uses
     * @throws IllegalArgumentException naming the component, and each field, value and what is allowed
     */
    public FlinkOperatorArgs {
        ArgsCheck.of("FlinkOperatorArgs")
                .check(version != null && VERSION.matcher(version).matches(), "version", version, "expected an exact version such as 1.10.0")
                .problem("version", version, version != null && VERSION.matcher(version).matches() && OperatorRelease.of(version).isEmpty()
                        ? java.util.Optional.of(OperatorRelease.unsupported(version)) : java.util.Optional.empty())
                .check(namespace != null && NAMESPACE.matcher(namespace).matches(), "namespace", namespace, "expected a Kubernetes namespace name")
                .check(!watchNamespaces.isEmpty(), "watchNamespaces", "none", "expected the jobs' namespaces")
                .check(replicas >= 1 && replicas <= MAX_REPLICAS, "replicas", replicas, "expected 1 to " + MAX_REPLICAS)
                .addAll(ownedValueProblems(extraValues).stream().map(p -> "extraValues." + p).toList())
                .required("cluster", cluster, "expected the cluster to install into")
                .done();
    }

    /**
     * @param values extra chart values
     * @return one problem per value the component owns, as {@code <dotted path>: ...}
     */
    @SuppressWarnings("unchecked")
    public static List<String> ownedValueProblems(Map<String, Object> values) {
        List<String> out = new java.util.ArrayList<>();
        for (String owned : new java.util.TreeSet<>(OWNED_VALUES)) {
            Object cur = values;
            boolean present = true;
            for (String part : owned.split("\\.")) {
                if (!(cur instanceof Map) || !((Map<String, Object>) cur).containsKey(part)) {
                    present = false;
                    break;
                }
                cur = ((Map<String, Object>) cur).get(part);
            }
            if (present) {
                out.add(owned + ": is set by the platform from the operator's namespace, webhook, replicas and the jobs' own RBAC; remove it");
            }
        }
        return out;
    }


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
        private String version = OperatorRelease.CHECKED.version();
        private String namespace = DEFAULT_NAMESPACE;
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

        /**
         * @return the checked arguments
         * @throws IllegalArgumentException naming every problem
         */
        public FlinkOperatorArgs build() {
            return new FlinkOperatorArgs(version, namespace, chartRepository != null ? chartRepository : archiveRepository(version),
                    List.copyOf(watchNamespaces), webhook, replicas, Map.copyOf(extraValues), cluster);
        }
    }
}
