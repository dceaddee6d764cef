package io.flinkha.operator;

import com.pulumi.core.Either;
import com.pulumi.core.Output;
import com.pulumi.kubernetes.meta.v1.inputs.LabelSelectorArgs;
import com.pulumi.kubernetes.policy.v1.PodDisruptionBudget;
import com.pulumi.kubernetes.policy.v1.PodDisruptionBudgetArgs;
import com.pulumi.kubernetes.policy.v1.inputs.PodDisruptionBudgetSpecArgs;
import com.pulumi.kubernetes.core.v1.Namespace;
import com.pulumi.kubernetes.core.v1.NamespaceArgs;
import com.pulumi.kubernetes.helm.v3.Release;
import com.pulumi.kubernetes.helm.v3.ReleaseArgs;
import com.pulumi.kubernetes.helm.v3.inputs.RepositoryOptsArgs;
import com.pulumi.kubernetes.meta.v1.inputs.ObjectMetaArgs;
import com.pulumi.resources.ComponentResource;
import com.pulumi.resources.ComponentResourceOptions;
import com.pulumi.resources.CustomResourceOptions;
import io.flinkha.cluster.PodPlacement;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The Flink Kubernetes Operator: its namespace and a Helm release of the
 * {@code flink-kubernetes-operator} chart, watching only the jobs' namespaces. The chart's own job
 * ServiceAccount/Role/RoleBinding are turned off because {@code FlinkServiceAccount}
 * declares a least-privilege set in each job namespace (the chart's uses {@code *} verbs).
 *
 * @see <a href="https://nightlies.apache.org/flink/flink-kubernetes-operator-docs-release-1.10/docs/operations/helm/">Operator Helm chart</a>
 */
public class FlinkOperator extends ComponentResource {
    /** Pulumi type token of the component; part of every child's URN, so it never changes. */
    public static final String TYPE = "flink-ha:operator:FlinkOperator";
    /** Name of the operator's Helm chart, and of its release. */
    public static final String CHART = "flink-kubernetes-operator";
    /**
     * How long Helm waits for the operator's pods before an install or upgrade counts as failed and is rolled back: an image
     * pull on a new node and the webhook's certificate fit in it.
     */
    public static final int HELM_TIMEOUT_SECONDS = 600;
    /** Release revisions Helm keeps, each a Secret in the operator's namespace: enough to roll back, not unbounded. */
    public static final int HELM_MAX_HISTORY = 10;

    private final Namespace namespace;
    private final Release release;
    private final java.util.Optional<PodDisruptionBudget> budget;
    private final OperatorRelease operatorRelease;

    /**
     * Declares the Flink operator.
     *
     * @param name    logical name; children are named {@code <name>-<part>}
     * @param args    the arguments
     * @param options component options, e.g. a parent; may be null
     */
    public FlinkOperator(String name, FlinkOperatorArgs args, ComponentResourceOptions options) {
        super(TYPE, name, options);
        this.operatorRelease = OperatorRelease.of(args.version()).orElseThrow();
        var child = CustomResourceOptions.builder().parent(this).provider(args.cluster().provider());

        this.namespace = new Namespace(name + "-ns", NamespaceArgs.builder()
                .metadata(ObjectMetaArgs.builder()
                        .name(args.namespace())
                        // what the chart's pods satisfy (helm/flink-kubernetes-operator at release-1.15.0: podSecurityContext
                        // runs them as 9999, with configMap, emptyDir and secret volumes only; its containers set no
                        // securityContext, so not restricted)
                        .labels(Map.of("app.kubernetes.io/part-of", "flink-ha", "pod-security.kubernetes.io/enforce", "baseline"))
                        .build())
                .build(), child.build());

        this.release = new Release(name + "-release", ReleaseArgs.builder()
                .name(CHART)
                .chart(CHART)
                .version(args.version())
                .repositoryOpts(RepositoryOptsArgs.builder().repo(args.chartRepository()).build())
                .namespace(namespace.urn().applyValue(urn -> args.namespace()))
                .values(values(args))
                // A failed install or upgrade leaves nothing half-applied: atomic rolls an upgrade back to the release
                // that ran (and purges a failed first install), so the jobs keep a working operator; cleanupOnFail deletes
                // what the failed attempt created. Both make Helm wait for the operator's pods, up to the timeout.
                .atomic(true)
                .cleanupOnFail(true)
                .timeout(HELM_TIMEOUT_SECONDS)
                .maxHistory(HELM_MAX_HISTORY)
                .build(), child.build());

        // a node drain must leave the leader or a standby running; with one replica a budget would block every drain
        this.budget = args.replicas() < 2 ? java.util.Optional.empty() : java.util.Optional.of(new PodDisruptionBudget(name + "-pdb",
                PodDisruptionBudgetArgs.builder()
                        .metadata(ObjectMetaArgs.builder().name(CHART)
                                .namespace(namespace.urn().applyValue(urn -> args.namespace()))
                                .labels(Map.of("app.kubernetes.io/part-of", "flink-ha")).build())
                        .spec(PodDisruptionBudgetSpecArgs.builder()
                                .maxUnavailable(Either.ofLeft(1))
                                .selector(LabelSelectorArgs.builder().matchLabels(podSelector()).build())
                                .build())
                        .build(), child.build()));

        registerOutputs(Map.of(
                "namespace", namespace.urn().applyValue(urn -> args.namespace()),
                // absent until Helm reports back (and under mocks that return only inputs)
                "releaseStatus", release.status().applyValue(s -> s == null ? "" : s.status())));
    }

    static Output<Map<String, Object>> values(FlinkOperatorArgs args) {
        return Output.all(args.watchNamespaces()).applyValue(watched -> {
            Map<String, Object> values = deepCopy(args.extraValues());
            values.put("watchNamespaces", List.copyOf(watched));
            values.put("replicas", args.replicas());
            merge(values, "webhook", Map.of("create", args.webhook()));
            merge(values, "jobServiceAccount", Map.of("create", false));
            merge(values, "rbac", Map.of("create", true,
                    "jobRole", Map.of("create", false),
                    "jobRoleBinding", Map.of("create", false)));
            // a memory limit equal to the request, so the operator is not the first to be killed under pressure;
            // no CPU limit, so it is never throttled while it reconciles a failover
            merge(values, "operatorPod", Map.of("resources", Map.of(
                    "requests", Map.of("cpu", args.milliCpu() + "m", "memory", args.memoryMib() + "Mi"),
                    "limits", Map.of("memory", args.memoryMib() + "Mi"))));
            if (args.replicas() > 1) {
                // the chart's Recreate stops every replica before starting one; with leader election a standby leads
                // while the others roll
                values.put("strategy", Map.of("type", "RollingUpdate", "rollingUpdate", Map.of("maxSurge", 1, "maxUnavailable", 0)));
                merge(values, "operatorPod", Map.of("topologySpreadConstraints", List.of(
                        spread(PodPlacement.NODE, "DoNotSchedule"), spread(PodPlacement.ZONE, "ScheduleAnyway"))));
                // without leader election two operators would reconcile the same deployments; the string replaces the
                // chart's own default overrides, so they come first and every environment runs on the same base
                String base = extraConfig(args.extraValues()).orElseGet(() -> OperatorRelease.of(args.version()).orElseThrow().chartConfigOverrides());
                merge(values, "defaultConfiguration", Map.of("create", true, "append", true, "flink-conf.yaml",
                        (base.endsWith("\n") ? base : base + "\n")
                                + "kubernetes.operator.leader-election.enabled: true\n"
                                + "kubernetes.operator.leader-election.lease-name: " + CHART + "-lease\n"));
            }
            return values;
        });
    }

    /** @return the label the chart puts on the operator's pods (the chart's name, since {@code nameOverride} is the platform's) */
    public static Map<String, String> podSelector() {
        return Map.of("app.kubernetes.io/name", CHART);
    }

    private static Map<String, Object> spread(String topologyKey, String whenUnsatisfiable) {
        // maxSkew 1 on nodes still lets a surge pod share a node on a two-node cluster, where anti-affinity would block the rollout
        return Map.of("maxSkew", 1, "topologyKey", topologyKey, "whenUnsatisfiable", whenUnsatisfiable,
                "labelSelector", Map.of("matchLabels", podSelector()));
    }

    private static java.util.Optional<String> extraConfig(Map<String, Object> extra) {
        return extra.get("defaultConfiguration") instanceof Map<?, ?> d && d.get("flink-conf.yaml") instanceof String conf
                ? java.util.Optional.of(conf) : java.util.Optional.empty();
    }

    @SuppressWarnings("unchecked")
    private static void merge(Map<String, Object> into, String key, Map<String, Object> ours) {
        Object existing = into.get(key);
        Map<String, Object> target = existing instanceof Map ? deepCopy((Map<String, Object>) existing) : new LinkedHashMap<>();
        for (var e : ours.entrySet()) {
            if (e.getValue() instanceof Map && target.get(e.getKey()) instanceof Map) {
                merge(target, e.getKey(), (Map<String, Object>) e.getValue());
            } else {
                target.put(e.getKey(), e.getValue());
            }
        }
        into.put(key, target);
    }

    @SuppressWarnings("unchecked")
    private static Map<String, Object> deepCopy(Map<String, Object> in) {
        Map<String, Object> out = new LinkedHashMap<>();
        in.forEach((k, v) -> out.put(k, v instanceof Map ? deepCopy((Map<String, Object>) v) : v));
        return out;
    }

    /** @return the operator's release: which Flink its validator reads deployments with, and which it runs */
    public OperatorRelease operatorRelease() {
        return operatorRelease;
    }

    /** @return the Helm release; FlinkDeployments depend on it so the CRD exists before them */
    public Release release() {
        return release;
    }

    /** @return the operator's disruption budget, present when it runs more than one replica */
    public java.util.Optional<PodDisruptionBudget> disruptionBudget() {
        return budget;
    }

    /** @return the operator's namespace */
    public Namespace namespace() {
        return namespace;
    }
}
