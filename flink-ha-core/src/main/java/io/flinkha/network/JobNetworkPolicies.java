package io.flinkha.network;

import com.pulumi.core.Either;
import com.pulumi.core.Output;
import com.pulumi.kubernetes.meta.v1.inputs.LabelSelectorArgs;
import com.pulumi.kubernetes.meta.v1.inputs.ObjectMetaArgs;
import com.pulumi.kubernetes.networking.v1.NetworkPolicy;
import com.pulumi.kubernetes.networking.v1.NetworkPolicyArgs;
import com.pulumi.kubernetes.networking.v1.inputs.IPBlockArgs;
import com.pulumi.kubernetes.networking.v1.inputs.NetworkPolicyEgressRuleArgs;
import com.pulumi.kubernetes.networking.v1.inputs.NetworkPolicyIngressRuleArgs;
import com.pulumi.kubernetes.networking.v1.inputs.NetworkPolicyPeerArgs;
import com.pulumi.kubernetes.networking.v1.inputs.NetworkPolicyPortArgs;
import com.pulumi.kubernetes.networking.v1.inputs.NetworkPolicySpecArgs;
import com.pulumi.resources.ComponentResource;
import com.pulumi.resources.ComponentResourceOptions;
import com.pulumi.resources.CustomResourceOptions;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * The jobs' namespace denies every connection a Flink job does not need. Each policy allows, and the policies add up:
 * <ul>
 *   <li>{@code default-deny}: every pod, no ingress and no egress;</li>
 *   <li>{@code cluster-services}: egress to the cluster's DNS (kube-dns in kube-system, port 53) and to the Kubernetes API
 *       on 443 and 6443, which leader election, the HA ConfigMaps and the JobManager's TaskManager pods need (its
 *       address is not known offline, so any address: S3 over HTTPS goes this way too);</li>
 *   <li>{@code <deployment>-flink}: the deployment's pods (Flink's {@code app} label) to each other on its own ports
 *       ({@link FlinkPorts}), and the operator's namespace to its REST port;</li>
 *   <li>{@code metrics-scrape}: Prometheus' namespace to each Flink pod's metrics reporter, when it scrapes them;</li>
 *   <li>{@code egress}: the further connections the stack names, e.g. Kafka.</li>
 * </ul>
 * A volume (NFS) is mounted by the kubelet in the node's network, which no pod policy governs. A cluster whose network
 * plugin does not enforce NetworkPolicies accepts them and enforces nothing (README, "Network policies").
 */
public class JobNetworkPolicies extends ComponentResource {
    /** Pulumi type token of the component; part of every child's URN, so it never changes. */
    public static final String TYPE = "flink-ha:network:JobNetworkPolicies";
    /** The labels Flink's native Kubernetes mode gives every pod of a deployment (flink-kubernetes' {@code Constants}). */
    static final String APP_LABEL = "app";
    static final String TYPE_LABEL = "type";
    static final String NATIVE_TYPE = "flink-native-kubernetes";

    private final List<NetworkPolicy> policies = new ArrayList<>();

    /**
     * Declares the policies.
     *
     * @param name    logical name; children are named {@code <name>-<policy>}
     * @param args    the arguments
     * @param options component options; may be null
     */
    public JobNetworkPolicies(String name, JobNetworkPoliciesArgs args, ComponentResourceOptions options) {
        super(TYPE, name, options);
        if (args.namespace() == null || args.cluster() == null || args.operatorNamespace() == null) {
            throw new IllegalArgumentException("JobNetworkPoliciesArgs: made without the namespace, operator namespace or cluster; bind them");
        }
        var child = CustomResourceOptions.builder().parent(this).provider(args.cluster().provider()).build();
        policies.add(policy(name, "default-deny", args, NetworkPolicySpecArgs.builder()
                .podSelector(LabelSelectorArgs.builder().build())
                .policyTypes("Ingress", "Egress"), child));
        policies.add(policy(name, "cluster-services", args, NetworkPolicySpecArgs.builder()
                .podSelector(LabelSelectorArgs.builder().build())
                .policyTypes("Egress")
                .egress(NetworkPolicyEgressRuleArgs.builder()
                                .to(NetworkPolicyPeerArgs.builder()
                                        .namespaceSelector(LabelSelectorArgs.builder()
                                                .matchLabels(Map.of("kubernetes.io/metadata.name", "kube-system")).build())
                                        .podSelector(LabelSelectorArgs.builder().matchLabels(Map.of("k8s-app", "kube-dns")).build())
                                        .build())
                                .ports(port("UDP", 53), port("TCP", 53))
                                .build(),
                        NetworkPolicyEgressRuleArgs.builder().ports(port("TCP", 443), port("TCP", 6443)).build()), child));
        args.deployments().forEach((deployment, ports) -> {
            var own = LabelSelectorArgs.builder().matchLabels(Map.of(APP_LABEL, deployment, TYPE_LABEL, NATIVE_TYPE)).build();
            var internal = ports.internal().stream().map(p -> port("TCP", p)).toList();
            policies.add(policy(name, deployment + "-flink", args, NetworkPolicySpecArgs.builder()
                    .podSelector(own)
                    .policyTypes("Ingress", "Egress")
                    .ingress(NetworkPolicyIngressRuleArgs.builder()
                                    .from(NetworkPolicyPeerArgs.builder().podSelector(own).build())
                                    .ports(internal).build(),
                            NetworkPolicyIngressRuleArgs.builder()
                                    .from(NetworkPolicyPeerArgs.builder().namespaceSelector(LabelSelectorArgs.builder()
                                            .matchLabels(args.operatorNamespace().applyValue(ns -> Map.of("kubernetes.io/metadata.name", ns)))
                                            .build()).build())
                                    .ports(port("TCP", ports.rest())).build())
                    .egress(NetworkPolicyEgressRuleArgs.builder()
                            .to(NetworkPolicyPeerArgs.builder().podSelector(own).build())
                            .ports(internal).build()), child));
        });
        List<Integer> metrics = args.deployments().values().stream().flatMap(p -> p.prometheus().stream()).distinct().sorted().toList();
        if (args.scraperNamespace().isPresent() && !metrics.isEmpty()) {
            policies.add(policy(name, "metrics-scrape", args, NetworkPolicySpecArgs.builder()
                    .podSelector(LabelSelectorArgs.builder().matchLabels(Map.of(TYPE_LABEL, NATIVE_TYPE)).build())
                    .policyTypes("Ingress")
                    .ingress(NetworkPolicyIngressRuleArgs.builder()
                            .from(NetworkPolicyPeerArgs.builder().namespaceSelector(LabelSelectorArgs.builder()
                                    .matchLabels(Map.of("kubernetes.io/metadata.name", args.scraperNamespace().get())).build()).build())
                            .ports(metrics.stream().map(p -> port("TCP", p)).toList())
                            .build()), child));
        }
        if (!args.egress().isEmpty()) {
            policies.add(policy(name, "egress", args, NetworkPolicySpecArgs.builder()
                    .podSelector(LabelSelectorArgs.builder().build())
                    .policyTypes("Egress")
                    .egress(args.egress().stream().map(e -> NetworkPolicyEgressRuleArgs.builder()
                            .to(NetworkPolicyPeerArgs.builder().ipBlock(IPBlockArgs.builder().cidr(e.cidr()).build()).build())
                            .ports(e.ports().stream().map(p -> port("TCP", p)).toList())
                            .build()).toList()), child));
        }
        registerOutputs(Map.of());
    }

    private static NetworkPolicyPortArgs port(String protocol, int port) {
        return NetworkPolicyPortArgs.builder().protocol(protocol).port(Either.ofLeft(port)).build();
    }

    private static NetworkPolicy policy(String name, String policy, JobNetworkPoliciesArgs args, NetworkPolicySpecArgs.Builder spec,
                                        CustomResourceOptions options) {
        return new NetworkPolicy(name + "-" + policy, NetworkPolicyArgs.builder()
                .metadata(ObjectMetaArgs.builder().name(policy).namespace(args.namespace())
                        .labels(Map.of("app.kubernetes.io/part-of", "flink-ha")).build())
                .spec(spec.build())
                .build(), options);
    }

    /** @return the policies, default deny first */
    public List<NetworkPolicy> policies() {
        return List.copyOf(policies);
    }
}
