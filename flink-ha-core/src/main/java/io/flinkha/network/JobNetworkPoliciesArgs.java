package io.flinkha.network;

import com.pulumi.core.Output;
import io.flinkha.cluster.KubernetesCluster;
import io.flinkha.validation.ArgsCheck;

import java.util.List;
import java.util.Map;

/**
 * Arguments of {@link JobNetworkPolicies}.
 *
 * @param namespace         the jobs' namespace
 * @param operatorNamespace the namespace of the operator, which calls each JobManager's REST API
 * @param deployments       each deployment's name (its pods' {@code app} label) and ports
 * @param egress            where the jobs may connect beyond the cluster's DNS and API server, e.g. Kafka
 * @param cluster           the cluster, whose provider the policies use
 * @param scraperNamespace  the namespace Prometheus scrapes the jobs' metrics reporters from, if it does
 */
public record JobNetworkPoliciesArgs(Output<String> namespace, Output<String> operatorNamespace, Map<String, FlinkPorts> deployments,
                                     List<Egress> egress, KubernetesCluster cluster, java.util.Optional<String> scraperNamespace) {
    /**
     * Args without a metrics scraper.
     *
     * @param namespace         the jobs' namespace
     * @param operatorNamespace the operator's namespace
     * @param deployments       each deployment's name and ports
     * @param egress            further connections the jobs may open
     * @param cluster           the cluster
     */
    public JobNetworkPoliciesArgs(Output<String> namespace, Output<String> operatorNamespace, Map<String, FlinkPorts> deployments,
                                  List<Egress> egress, KubernetesCluster cluster) {
        this(namespace, operatorNamespace, deployments, egress, cluster, java.util.Optional.empty());
    }

    /**
     * Connections the jobs may open beyond the cluster: to a block of addresses, on some TCP ports.
     *
     * @param cidr  the addresses, e.g. {@code 10.20.0.0/16}
     * @param ports the TCP ports, e.g. Kafka's 9092
     */
    public record Egress(String cidr, List<Integer> ports) {
        /**
         * Checks the rule.
         *
         * @param cidr  the addresses
         * @param ports the ports
         * @throws IllegalArgumentException naming every problem
         */
        public Egress {
            ports = ports == null ? List.of() : List.copyOf(ports);
            ArgsCheck.of("Egress")
                    .check(cidr != null && io.flinkha.validation.Cidr.PATTERN.matcher(cidr).matches(), "cidr", cidr, "expected a CIDR block such as 10.20.0.0/16")
                    .check(!"0.0.0.0/0".equals(cidr), "cidr", cidr, "expected the addresses the jobs need, not the whole internet")
                    .check(!ports.isEmpty() && ports.stream().allMatch(p -> p >= 1 && p <= 65535), "ports", ports,
                            "expected at least one TCP port from 1 to 65535")
                    .done();
        }
    }

    /**
     * Checks the arguments.
     *
     * @param namespace         the jobs' namespace
     * @param operatorNamespace the operator's namespace
     * @param deployments       each deployment's name and ports
     * @param egress            further connections the jobs may open
     * @param cluster           the cluster
     * @param scraperNamespace  where Prometheus scrapes from, if it does
     * @throws IllegalArgumentException naming every problem
     */
    public JobNetworkPoliciesArgs {
        scraperNamespace = scraperNamespace == null ? java.util.Optional.empty() : scraperNamespace;
        // in the deployments' order, so the policies are declared, and planned, in a fixed order
        deployments = deployments == null ? Map.of() : java.util.Collections.unmodifiableMap(new java.util.LinkedHashMap<>(deployments));
        egress = egress == null ? List.of() : List.copyOf(egress);
        ArgsCheck.of("JobNetworkPoliciesArgs")
                .resource("namespace", namespace, "expected the jobs' namespace")
                .resource("operatorNamespace", operatorNamespace, "expected the operator's namespace")
                .resource("cluster", cluster, "expected the cluster whose provider the policies use")
                .done();
    }

    /**
     * @param namespace         the jobs' namespace
     * @param operatorNamespace the operator's namespace
     * @param deployments       each deployment's name and ports
     * @param cluster           the cluster
     * @return these Args with what exists only once the platform declared it, checked again
     */
    public JobNetworkPoliciesArgs bind(Output<String> namespace, Output<String> operatorNamespace, Map<String, FlinkPorts> deployments,
                                       KubernetesCluster cluster) {
        return new JobNetworkPoliciesArgs(namespace, operatorNamespace, deployments, egress, cluster, scraperNamespace);
    }

    /**
     * @param namespace the namespace Prometheus runs in
     * @return these Args letting it scrape each deployment's metrics reporter
     */
    public JobNetworkPoliciesArgs withScraper(String namespace) {
        return ArgsCheck.unbound(() -> new JobNetworkPoliciesArgs(this.namespace, operatorNamespace, deployments, egress, cluster,
                java.util.Optional.ofNullable(namespace)));
    }

    /** The EKS Pod Identity Agent, which hands a pod its AWS credentials on the node's link-local address (HTTP). */
    public static final Egress POD_IDENTITY_AGENT = new Egress("169.254.170.23/32", List.of(80));

    /**
     * @param more a further connection the jobs may open, e.g. {@link #POD_IDENTITY_AGENT}
     * @return these Args with it
     */
    public JobNetworkPoliciesArgs withEgress(Egress more) {
        List<Egress> all = new java.util.ArrayList<>(egress);
        all.add(more);
        return new JobNetworkPoliciesArgs(namespace, operatorNamespace, deployments, all, cluster, scraperNamespace);
    }

    /**
     * @param egress further connections the jobs may open
     * @return Args to bind, with only the egress set: how a stack gives it
     */
    public static JobNetworkPoliciesArgs unbound(List<Egress> egress) {
        return ArgsCheck.unbound(() -> new JobNetworkPoliciesArgs(null, null, Map.of(), egress, null));
    }
}
