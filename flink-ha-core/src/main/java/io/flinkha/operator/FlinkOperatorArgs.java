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
 * @param acknowledgedDefects known defects of this release (by id) that the program accepts knowingly, e.g. in production
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
        KubernetesCluster cluster,
        List<String> acknowledgedDefects) {
    private static final Pattern VERSION = Pattern.compile("\\d+\\.\\d+\\.\\d+");
    private static final Pattern NAMESPACE = Pattern.compile("[a-z0-9]([-a-z0-9]{0,61}[a-z0-9])?");
    /** Default {@code namespace}. */
    public static final String DEFAULT_NAMESPACE = "flink-operator";
    /** Most operator replicas: one leads, the rest wait; more buy nothing. */
    public static final int MAX_REPLICAS = 5;
    /** The {@code replicas} allowed. */
    public static final io.flinkha.validation.IntRange REPLICAS = new io.flinkha.validation.IntRange(1, MAX_REPLICAS);
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
     * @param acknowledgedDefects known defects of this release (by id) that the program accepts knowingly
     * @throws IllegalArgumentException naming the component, and each field, value and what is allowed
     */
    public FlinkOperatorArgs {
        ArgsCheck.of("FlinkOperatorArgs")
                .check(version != null && VERSION.matcher(version).matches(), "version", version, "expected an exact operator version such as " + OperatorRelease.DEFAULT.version())
                .problem("version", version, version != null && VERSION.matcher(version).matches() && OperatorRelease.of(version).isEmpty()
                        ? java.util.Optional.of(OperatorRelease.unsupported(version)) : java.util.Optional.empty())
                .check(namespace != null && NAMESPACE.matcher(namespace).matches(), "namespace", namespace, "expected a Kubernetes namespace name")
                .resource("watchNamespaces", watchNamespaces.isEmpty() ? null : watchNamespaces, "expected the jobs' namespaces")
                .check(REPLICAS.contains(replicas), "replicas", replicas, REPLICAS.allowed())
                .addAll(resourceProblems(milliCpu, memoryMib))
                .addAll(ownedValueProblems(extraValues).stream().map(p -> "extraValues." + p).toList())
                .resource("cluster", cluster, "expected the cluster to install into")
                .addAll(acknowledgedDefectProblems(version, acknowledgedDefects))
                .done();
    }

    /**
     * @param watchNamespaces namespaces whose FlinkDeployments the operator reconciles
     * @param cluster         the cluster to install into
     * @return these Args with the resources the release needs, checked again with them
     */
    public FlinkOperatorArgs bind(List<Output<String>> watchNamespaces, KubernetesCluster cluster) {
        return new FlinkOperatorArgs(version, namespace, chartRepository, watchNamespaces, webhook, replicas, milliCpu, memoryMib,
                extraValues, cluster, acknowledgedDefects);
    }

    /** An acknowledgement names a defect this release has, so that a typo cannot wave a real one through. */
    private static List<String> acknowledgedDefectProblems(String version, List<String> acknowledged) {
        var release = version == null ? java.util.Optional.<OperatorRelease>empty() : OperatorRelease.of(version);
        if (release.isEmpty()) {
            return List.of();
        }
        List<String> known = release.get().knownDefects().stream().map(OperatorRelease.KnownDefect::id).toList();
        return acknowledged.stream().filter(id -> !known.contains(id)).map(id -> "acknowledgedDefects: got '" + id + "'; operator "
                + version + " has no known defect of that id (" + (known.isEmpty() ? "it has none" : "known: " + String.join(", ", known))
                + ")").toList();
    }

    /**
     * @param milliCpu  CPU each operator pod requests, in millicores
     * @param memoryMib memory each operator pod requests and is limited to, in MiB
     * @param shown     the two as the caller wrote them, e.g. {@code 0.05 CPU, 128Mi}
     * @return what is wrong, if the operator cannot run in them, as one problem: how a stack's {@code resources: {cpu, memory}} reads
     */
    public static java.util.Optional<String> resourcesProblem(int milliCpu, int memoryMib, String shown) {
        return resourceProblems(milliCpu, memoryMib).isEmpty() ? java.util.Optional.empty()
                : java.util.Optional.of("got " + shown + "; expected 0.1 to 8 CPU and 256Mi to 16Gi for the operator "
                        + "(its JVM and caches need at least 256Mi)");
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
        private List<String> acknowledgedDefects = List.of();

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
         * @param ids known defects of the release (see {@link OperatorRelease#knownDefects()}) the program accepts knowingly:
         *            a production platform refuses a release whose defect can hit its jobs unless it is acknowledged; default none
         * @return this builder
         */
        public Builder acknowledgeDefects(List<String> ids) { this.acknowledgedDefects = ids; return this; }

        /**
         * @return the checked arguments
         * @throws IllegalArgumentException naming every problem
         */
        public FlinkOperatorArgs build() {
            return new FlinkOperatorArgs(version, namespace, chartRepository != null ? chartRepository : archiveRepository(version),
                    List.copyOf(watchNamespaces), webhook, replicas, milliCpu, memoryMib, Map.copyOf(extraValues), cluster,
                    List.copyOf(acknowledgedDefects));
        }
    }
}
