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
 * @param milliCpu        CPU each operator pod requests, in millicores
 * @param memoryMib       memory each operator pod requests and is limited to, in MiB
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
        int milliCpu,
        int memoryMib,
        Map<String, Object> extraValues,
        KubernetesCluster cluster) {
    private static final Pattern VERSION = Pattern.compile("\\d+\\.\\d+\\.\\d+");
    private static final Pattern NAMESPACE = Pattern.compile("[a-z0-9]([-a-z0-9]{0,61}[a-z0-9])?");
    /** Default {@code namespace}. */
    public static final String DEFAULT_NAMESPACE = "flink-operator";
    /** Most operator replicas: one leads, the rest wait; more buy nothing. */
    public static final int MAX_REPLICAS = 5;
    /** Default {@code milliCpu}: the operator reconciles a handful of deployments with a fraction of a core. */
    public static final int DEFAULT_MILLI_CPU = 250;
    /** Default {@code memoryMib}: the operator's JVM with its informer caches for a few namespaces. */
    public static final int DEFAULT_MEMORY_MIB = 512;
    /**
     * Chart values the component sets itself; extra values may not touch them. {@code nameOverride} changes the
     * pods' selector label, which the operator's disruption budget and spread select on.
     */
    public static final Set<String> OWNED_VALUES = Set.of(
            "watchNamespaces", "webhook.create", "replicas", "jobServiceAccount.create",
            "rbac.jobRole.create", "rbac.jobRoleBinding.create", "strategy", "nameOverride",
            "operatorPod.resources", "operatorPod.topologySpreadConstraints", "defaultConfiguration.append");

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
     * @param milliCpu        CPU each operator pod requests, in millicores
     * @param memoryMib       memory each operator pod requests and is limited to, in MiB
     * @param extraValues     extra chart values, merged under the component's own, which win
     * @param cluster         the cluster, whose provider the release uses
     * @throws IllegalArgumentException naming the component, and each field, value and what is allowed
     */
    public FlinkOperatorArgs {
        ArgsCheck.of("FlinkOperatorArgs")
                .check(version != null && VERSION.matcher(version).matches(), "version", version, "expected an exact version such as " + OperatorRelease.DEFAULT.version())
                .problem("version", version, version != null && VERSION.matcher(version).matches() && OperatorRelease.of(version).isEmpty()
                        ? java.util.Optional.of(OperatorRelease.unsupported(version)) : java.util.Optional.empty())
                .check(namespace != null && NAMESPACE.matcher(namespace).matches(), "namespace", namespace, "expected a Kubernetes namespace name")
                .check(!watchNamespaces.isEmpty(), "watchNamespaces", "none", "expected the jobs' namespaces")
                .check(replicas >= 1 && replicas <= MAX_REPLICAS, "replicas", replicas, "expected 1 to " + MAX_REPLICAS)
                .addAll(resourceProblems(milliCpu, memoryMib))
                .addAll(ownedValueProblems(extraValues).stream().map(p -> "extraValues." + p).toList())
                .required("cluster", cluster, "expected the cluster to install into")
                .done();
    }

    /**
     * @param milliCpu  CPU each operator pod requests, in millicores
     * @param memoryMib memory each operator pod requests and is limited to, in MiB
     * @return one problem per value out of range, as {@code milliCpu: ...} or {@code memoryMib: ...}
     */
    public static List<String> resourceProblems(int milliCpu, int memoryMib) {
        List<String> out = new java.util.ArrayList<>();
        if (milliCpu < 100 || milliCpu > 8000) {
            out.add("milliCpu: got " + milliCpu + "; expected 100 to 8000 millicores");
        }
        if (memoryMib < 256 || memoryMib > 16384) {
            out.add("memoryMib: got " + memoryMib + "; expected 256 to 16384 MiB (the operator's JVM and its caches need at least 256)");
        }
        return out;
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
                out.add(owned + ": is set by the platform (watched namespaces, webhook, replicas and their rollout, pod resources and spread, "
                        + "the jobs' own RBAC); remove it");
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
        private String version = OperatorRelease.DEFAULT.version();
        private String namespace = DEFAULT_NAMESPACE;
        private String chartRepository;
        private List<Output<String>> watchNamespaces = List.of();
        private boolean webhook = false;
        private int replicas = 1;
        private int milliCpu = DEFAULT_MILLI_CPU;
        private int memoryMib = DEFAULT_MEMORY_MIB;
        private Map<String, Object> extraValues = Map.of();
        private KubernetesCluster cluster;

        private Builder() {
        }

        /**
         * @param version operator and chart version, a release of {@link OperatorRelease#SUPPORTED}; default {@code 1.15.0}
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
         * @param milliCpu CPU each operator pod requests, in millicores; default 250 (no CPU limit, so it is never throttled)
         * @return this builder
         */
        public Builder milliCpu(int milliCpu) { this.milliCpu = milliCpu; return this; }
        /**
         * @param memoryMib memory each operator pod requests and is limited to, in MiB; default 512
         * @return this builder
         */
        public Builder memoryMib(int memoryMib) { this.memoryMib = memoryMib; return this; }
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
                    List.copyOf(watchNamespaces), webhook, replicas, milliCpu, memoryMib, Map.copyOf(extraValues), cluster);
        }
    }
}
