package io.flinkha.aws.eks;

import java.util.Map;
import java.util.Optional;

/**
 * What a node of each EC2 instance type offers to pods, in one table: the scheduler places a pod on a
 * node only where its requests fit the node's allocatable capacity, which is the instance's size minus
 * what the EKS AMI reserves for the kubelet and system, minus the DaemonSets every EKS node runs.
 *
 * <p>Sizes from the EC2 instance type documentation; pods per node are the VPC CNI's ENI limits
 * (without prefix delegation); reservations from the EKS AMI's bootstrap (kube-reserved CPU: 6% of the
 * first core, 1% of the second, 0.5% of the next two, 0.25% of the rest; kube-reserved memory:
 * 255 MiB + 11 MiB per pod; hard eviction threshold 100 MiB).
 *
 * @see <a href="https://docs.aws.amazon.com/ec2/latest/instancetypes/gp.html">EC2 general purpose instances</a>
 * @see <a href="https://github.com/awslabs/amazon-eks-ami">Amazon EKS AMI</a>
 */
public final class Ec2InstanceTypes {
    /**
     * CPU that the DaemonSets on every EKS node request: aws-node (VPC CNI) 25m and kube-proxy 100m. The VPC CNI's chart at
     * v1.23.0 ({@code charts/aws-vpc-cni/values.yaml}) requests 25m CPU for aws-node and nothing for its network-policy node
     * agent and init container, and no memory at all, so no DaemonSet memory is set aside here.
     */
    public static final int DAEMONSET_MILLICPU = 125;
    /** Cluster add-ons every EKS cluster runs besides the DaemonSets: CoreDNS, two replicas of 100m and 70 MiB. */
    public static final java.util.List<io.flinkha.cluster.PodPlacement.Pod> EKS_ADD_ONS = java.util.List.of(
            new io.flinkha.cluster.PodPlacement.Pod("CoreDNS", 100, 70), new io.flinkha.cluster.PodPlacement.Pod("CoreDNS", 100, 70));
    /**
     * The share of an instance's nominal memory the kubelet never reports: the hypervisor and the guest kernel keep it, so
     * the node's capacity (the guest's MemTotal) is below the EC2 figure. Measured on m6i.2xlarge (Amazon Linux 2023) at about
     * 30,600 MiB allocatable against 31,775 from nominal memory, 3 to 4% of the instance's memory (the review of 2026-12-06 in
     * shared/reference/flink-ha-facts.md); the upper end is taken, so a plan never counts memory a node does not have. Karpenter
     * models the same gap with a deliberately pessimistic 7.5% ({@code VM_MEMORY_OVERHEAD_PERCENT}).
     */
    public static final double VM_MEMORY_OVERHEAD = 0.04;
    /** The kubelet's hard eviction threshold, kept free on every node. */
    public static final int EVICTION_MIB = 100;

    /**
     * @param vcpus      virtual CPUs
     * @param memoryMib  memory in MiB
     * @param maxPods    pods per node (VPC CNI, ENI limit)
     * @param arm        true for Graviton (arm64) types
     */
    public record InstanceType(int vcpus, int memoryMib, int maxPods, boolean arm) implements io.flinkha.cluster.PodPlacement.NodeSize {
        /** @return CPU left for pods, in millicores */
        @Override
        public int allocatableMilliCpu() {
            int reserved = 60 + (vcpus > 1 ? 10 : 0) + 5 * Math.max(0, Math.min(vcpus, 4) - 2)
                    + (int) Math.round(2.5 * Math.max(0, vcpus - 4));
            return vcpus * 1000 - reserved - DAEMONSET_MILLICPU;
        }

        /** @return memory the kubelet reports as the node's capacity, in MiB: the nominal memory less what the VM keeps */
        public int capacityMemoryMib() {
            return (int) Math.floor(memoryMib * (1 - VM_MEMORY_OVERHEAD));
        }

        /** @return memory left for pods, in MiB: the capacity less the kubelet's reserve and its eviction threshold */
        @Override
        public int allocatableMemoryMib() {
            return capacityMemoryMib() - (255 + 11 * maxPods) - EVICTION_MIB;
        }

        /** @return the EKS managed node group AMI type for this architecture on Amazon Linux 2023 */
        public String amiType() {
            return arm ? "AL2023_ARM_64_STANDARD" : "AL2023_x86_64_STANDARD";
        }
    }

    private static final Map<String, InstanceType> TABLE = Map.ofEntries(
            Map.entry("m5.large", new InstanceType(2, 8 * 1024, 29, false)),
            Map.entry("m5.xlarge", new InstanceType(4, 16 * 1024, 58, false)),
            Map.entry("m5.2xlarge", new InstanceType(8, 32 * 1024, 58, false)),
            Map.entry("m5.4xlarge", new InstanceType(16, 64 * 1024, 234, false)),
            Map.entry("m6i.large", new InstanceType(2, 8 * 1024, 29, false)),
            Map.entry("m6i.xlarge", new InstanceType(4, 16 * 1024, 58, false)),
            Map.entry("m6i.2xlarge", new InstanceType(8, 32 * 1024, 58, false)),
            Map.entry("m6i.4xlarge", new InstanceType(16, 64 * 1024, 234, false)),
            Map.entry("m7i.large", new InstanceType(2, 8 * 1024, 29, false)),
            Map.entry("m7i.xlarge", new InstanceType(4, 16 * 1024, 58, false)),
            Map.entry("m7i.2xlarge", new InstanceType(8, 32 * 1024, 58, false)),
            Map.entry("c6i.large", new InstanceType(2, 4 * 1024, 29, false)),
            Map.entry("c6i.xlarge", new InstanceType(4, 8 * 1024, 58, false)),
            Map.entry("c6i.2xlarge", new InstanceType(8, 16 * 1024, 58, false)),
            Map.entry("r6i.large", new InstanceType(2, 16 * 1024, 29, false)),
            Map.entry("r6i.xlarge", new InstanceType(4, 32 * 1024, 58, false)),
            Map.entry("r6i.2xlarge", new InstanceType(8, 64 * 1024, 58, false)),
            Map.entry("m6g.large", new InstanceType(2, 8 * 1024, 29, true)),
            Map.entry("m6g.xlarge", new InstanceType(4, 16 * 1024, 58, true)),
            Map.entry("m6g.2xlarge", new InstanceType(8, 32 * 1024, 58, true)),
            Map.entry("m7g.large", new InstanceType(2, 8 * 1024, 29, true)),
            Map.entry("m7g.xlarge", new InstanceType(4, 16 * 1024, 58, true)),
            Map.entry("m7g.2xlarge", new InstanceType(8, 32 * 1024, 58, true)));

    private Ec2InstanceTypes() {
    }

    /**
     * @param name an EC2 instance type, e.g. {@code m6i.xlarge}
     * @return the instance type's row, if the table has it
     */
    public static Optional<InstanceType> of(String name) {
        return Optional.ofNullable(TABLE.get(name));
    }

    /** @return the instance types the table knows, sorted */
    public static java.util.SortedSet<String> known() {
        return new java.util.TreeSet<>(TABLE.keySet());
    }
}
