package io.flinkha.cluster;

import com.pulumi.core.Output;
import io.flinkha.config.NodeGroupSettings;

import java.util.List;
import java.util.Objects;

/**
 * Arguments of {@link EksCluster}; build them with {@link #builder()}, which documents each default and checks every argument (the canonical constructor does not).
 *
 * @param clusterName       EKS cluster name, unique in the account and region
 * @param kubernetesVersion pinned Kubernetes minor version
 * @param region            region, used by the kubeconfig's token command
 * @param privateSubnetIds  private subnets in at least two zones; nodes run there
 * @param publicSubnetIds   public subnets for internet-facing load balancers
 * @param nodeGroup         the managed node group
 * @param admins            IAM principals given cluster-admin through access entries
 * @param publicAccessCidrs CIDRs allowed on the public endpoint; none keeps the endpoint private-only
 * @param awsProvider       the stack's AWS provider
 */
public record EksClusterArgs(
        String clusterName,
        String kubernetesVersion,
        String region,
        List<Output<String>> privateSubnetIds,
        List<Output<String>> publicSubnetIds,
        NodeGroupSettings nodeGroup,
        List<String> admins,
        List<String> publicAccessCidrs,
        com.pulumi.aws.Provider awsProvider) {


    /** @return a builder with the documented defaults */
    public static Builder builder() {
        return new Builder();
    }

    /** Builds {@link EksClusterArgs}; each setter names its default. */
    public static final class Builder {
        private String clusterName;
        private String kubernetesVersion = "1.31";
        private String region;
        private List<Output<String>> privateSubnetIds = List.of();
        private List<Output<String>> publicSubnetIds = List.of();
        private NodeGroupSettings nodeGroup = new NodeGroupSettings(List.of("m6i.large"), 2, 2, 4, 50);
        private List<String> admins = List.of();
        private List<String> publicAccessCidrs = List.of();
        private com.pulumi.aws.Provider awsProvider;

        private Builder() {
        }

        /**
         * @param name EKS cluster name, unique in the account and region (required)
         * @return this builder
         */
        public Builder clusterName(String name) { this.clusterName = name; return this; }
        /**
         * @param version pinned Kubernetes minor version; default {@code 1.31}
         * @return this builder
         */
        public Builder kubernetesVersion(String version) { this.kubernetesVersion = version; return this; }
        /**
         * @param region region, used by the kubeconfig's token command (required)
         * @return this builder
         */
        public Builder region(String region) { this.region = region; return this; }
        /**
         * @param ids private subnets in at least two zones, where nodes run (required)
         * @return this builder
         */
        public Builder privateSubnetIds(List<Output<String>> ids) { this.privateSubnetIds = ids; return this; }
        /**
         * @param ids public subnets for internet-facing load balancers; default none
         * @return this builder
         */
        public Builder publicSubnetIds(List<Output<String>> ids) { this.publicSubnetIds = ids; return this; }
        /**
         * @param nodeGroup the managed node group; default two to four m6i.large with 50 GiB disks
         * @return this builder
         */
        public Builder nodeGroup(NodeGroupSettings nodeGroup) { this.nodeGroup = nodeGroup; return this; }
        /**
         * @param admins IAM principals given cluster-admin through access entries; default none
         * @return this builder
         */
        public Builder admins(List<String> admins) { this.admins = admins; return this; }
        /**
         * @param cidrs CIDRs allowed on the public endpoint; default none, a private-only endpoint
         * @return this builder
         */
        public Builder publicAccessCidrs(List<String> cidrs) { this.publicAccessCidrs = cidrs; return this; }
        /**
         * @param provider the stack's AWS provider (required)
         * @return this builder
         */
        public Builder awsProvider(com.pulumi.aws.Provider provider) { this.awsProvider = provider; return this; }

        /** @return the checked arguments */
        public EksClusterArgs build() {
            Objects.requireNonNull(clusterName, "EksClusterArgs.clusterName is required");
            Objects.requireNonNull(region, "EksClusterArgs.region is required");
            Objects.requireNonNull(awsProvider, "EksClusterArgs.awsProvider is required");
            if (privateSubnetIds.size() < 2) {
                throw new IllegalArgumentException("EksClusterArgs.privateSubnetIds: got " + privateSubnetIds.size()
                        + "; expected at least two, in different availability zones");
            }
            return new EksClusterArgs(clusterName, kubernetesVersion, region, List.copyOf(privateSubnetIds), List.copyOf(publicSubnetIds),
                    nodeGroup, List.copyOf(admins), List.copyOf(publicAccessCidrs), awsProvider);
        }
    }
}
