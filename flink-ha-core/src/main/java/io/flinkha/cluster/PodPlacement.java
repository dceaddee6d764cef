package io.flinkha.cluster;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

/**
 * Whether pods fit a node group, decided the way the scheduler decides it: a pod runs only on a node
 * whose allocatable CPU and memory, less what earlier pods requested, cover its requests; one that fits
 * nowhere stays Pending for ever (a full node group without an autoscaler does not grow). Pods are
 * placed largest first on the first node they fit, which is how a packed node group looks after a
 * rollout, and never better than the scheduler does.
 */
public final class PodPlacement {
    /** The node label that tells nodes apart, which spread and anti-affinity rules use. */
    public static final String NODE = "kubernetes.io/hostname";
    /** The node label of the availability zone. */
    public static final String ZONE = "topology.kubernetes.io/zone";
    private PodPlacement() {
    }

    /** What a node offers pods: what the kubelet reports allocatable, less what every node's DaemonSets request. */
    public interface NodeSize {
        /** @return CPU left for pods, in millicores */
        int allocatableMilliCpu();

        /** @return memory left for pods, in MiB */
        int allocatableMemoryMib();
    }

    /**
     * One pod's requests.
     *
     * @param description what it is, e.g. {@code orders TaskManager}
     * @param milliCpu    requested CPU in millicores
     * @param memoryMib   requested memory in MiB
     * @param apartGroup  pods of one group never share a node (a required pod anti-affinity on the hostname, as the
     *                    JobManagers of one deployment have); null for none
     */
    public record Pod(String description, int milliCpu, int memoryMib, String apartGroup) {
        /**
         * A pod that may share a node with any other.
         *
         * @param description what it is
         * @param milliCpu    requested CPU in millicores
         * @param memoryMib   requested memory in MiB
         */
        public Pod(String description, int milliCpu, int memoryMib) {
            this(description, milliCpu, memoryMib, null);
        }
    }

    /**
     * @param pods  the pods to run
     * @param node  the node type
     * @param nodes how many nodes
     * @return the pods that fit on no node; empty when every pod is placed
     */
    public static List<Pod> unplaced(List<Pod> pods, NodeSize node, int nodes) {
        int[] cpu = new int[nodes];
        int[] memory = new int[nodes];
        java.util.Arrays.fill(cpu, node.allocatableMilliCpu());
        java.util.Arrays.fill(memory, node.allocatableMemoryMib());
        List<java.util.Set<String>> groups = new ArrayList<>();
        for (int i = 0; i < nodes; i++) {
            groups.add(new java.util.HashSet<>());
        }
        List<Pod> left = new ArrayList<>();
        List<Pod> sorted = new ArrayList<>(pods);
        sorted.sort(Comparator.comparingInt(Pod::milliCpu).thenComparingInt(Pod::memoryMib).reversed());
        for (Pod p : sorted) {
            boolean placed = false;
            for (int i = 0; i < nodes && !placed; i++) {
                boolean allowed = p.apartGroup() == null || !groups.get(i).contains(p.apartGroup());
                if (allowed && cpu[i] >= p.milliCpu() && memory[i] >= p.memoryMib()) {
                    cpu[i] -= p.milliCpu();
                    memory[i] -= p.memoryMib();
                    if (p.apartGroup() != null) {
                        groups.get(i).add(p.apartGroup());
                    }
                    placed = true;
                }
            }
            if (!placed) {
                left.add(p);
            }
        }
        return left;
    }

    /**
     * @param pods  the pods to run
     * @param node  the node type
     * @param limit the most nodes to try
     * @return the fewest nodes of {@code node} on which every pod fits, at most {@code limit}; empty when none does
     */
    public static java.util.OptionalInt nodesNeeded(List<Pod> pods, NodeSize node, int limit) {
        for (int n = 1; n <= limit; n++) {
            if (unplaced(pods, node, n).isEmpty()) {
                return java.util.OptionalInt.of(n);
            }
        }
        return java.util.OptionalInt.empty();
    }
}
