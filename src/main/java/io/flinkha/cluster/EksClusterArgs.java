package io.flinkha.cluster;

import com.pulumi.core.Output;
import io.flinkha.config.NodeGroupSettings;

import java.util.List;
import java.util.Objects;

/** Arguments of {@link EksCluster}. */
public final class EksClusterArgs {
    private final String clusterName;
    private final String kubernetesVersion;
    private final String region;
    private final List<Output<String>> privateSubnetIds;
    private final List<Output<String>> publicSubnetIds;
    private final NodeGroupSettings nodeGroup;
    private final List<String> admins;
    private final List<String> publicAccessCidrs;
    private final com.pulumi.aws.Provider awsProvider;

    private EksClusterArgs(Builder b) {
        this.clusterName = b.clusterName;
        this.kubernetesVersion = b.kubernetesVersion;
        this.region = b.region;
        this.privateSubnetIds = List.copyOf(b.privateSubnetIds);
        this.publicSubnetIds = List.copyOf(b.publicSubnetIds);
        this.nodeGroup = b.nodeGroup;
        this.admins = List.copyOf(b.admins);
        this.publicAccessCidrs = List.copyOf(b.publicAccessCidrs);
        this.awsProvider = b.awsProvider;
    }

    public static Builder builder() {
        return new Builder();
    }

    public String clusterName() { return clusterName; }
    public String kubernetesVersion() { return kubernetesVersion; }
    public String region() { return region; }
    public List<Output<String>> privateSubnetIds() { return privateSubnetIds; }
    public List<Output<String>> publicSubnetIds() { return publicSubnetIds; }
    public NodeGroupSettings nodeGroup() { return nodeGroup; }
    public List<String> admins() { return admins; }
    public List<String> publicAccessCidrs() { return publicAccessCidrs; }
    public com.pulumi.aws.Provider awsProvider() { return awsProvider; }

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

        /** EKS cluster name, unique in the account and region (required). */
        public Builder clusterName(String name) { this.clusterName = name; return this; }
        /** Pinned Kubernetes minor version. Default {@code 1.31}. */
        public Builder kubernetesVersion(String version) { this.kubernetesVersion = version; return this; }
        /** Region, used by the kubeconfig's token command (required). */
        public Builder region(String region) { this.region = region; return this; }
        /** Private subnets in at least two zones; nodes run there (required). */
        public Builder privateSubnetIds(List<Output<String>> ids) { this.privateSubnetIds = ids; return this; }
        /** Public subnets for internet-facing load balancers. Default none. */
        public Builder publicSubnetIds(List<Output<String>> ids) { this.publicSubnetIds = ids; return this; }
        /** The managed node group. Default two to four m6i.large with 50 GiB disks. */
        public Builder nodeGroup(NodeGroupSettings nodeGroup) { this.nodeGroup = nodeGroup; return this; }
        /** IAM principals given cluster-admin through access entries. Default none. */
        public Builder admins(List<String> admins) { this.admins = admins; return this; }
        /** CIDRs allowed on the public endpoint. Default none: the endpoint is private-only. */
        public Builder publicAccessCidrs(List<String> cidrs) { this.publicAccessCidrs = cidrs; return this; }
        /** The stack's AWS provider (required). */
        public Builder awsProvider(com.pulumi.aws.Provider provider) { this.awsProvider = provider; return this; }

        public EksClusterArgs build() {
            Objects.requireNonNull(clusterName, "EksClusterArgs.clusterName is required");
            Objects.requireNonNull(region, "EksClusterArgs.region is required");
            Objects.requireNonNull(awsProvider, "EksClusterArgs.awsProvider is required");
            if (privateSubnetIds.size() < 2) {
                throw new IllegalArgumentException("EksClusterArgs.privateSubnetIds: got " + privateSubnetIds.size()
                        + "; expected at least two, in different availability zones");
            }
            return new EksClusterArgs(this);
        }
    }
}
