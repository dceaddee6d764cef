package io.flinkha.cluster;

import io.flinkha.flink.ContainerResources;
import io.flinkha.flink.JobPods;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;

/** Placement as the scheduler does it, including the rule that keeps a deployment's JobManagers on different nodes. */
class PodPlacementTest {
    /** A node such as an m6i.2xlarge on EKS. */
    private static final PodPlacement.NodeSize NODE = node(7710, 30464);

    @Test
    void podsOfOneApartGroupNeverShareANodeEvenWhenTheyWouldFit() {
        var a = new PodPlacement.Pod("orders JobManager", 500, 512, "orders/jobmanager");
        var b = new PodPlacement.Pod("orders JobManager", 500, 512, "orders/jobmanager");
        assertEquals(List.of(b), PodPlacement.unplaced(List.of(a, b), NODE, 1));
        assertEquals(List.of(), PodPlacement.unplaced(List.of(a, b), NODE, 2));
    }

    @Test
    void podsWithoutAGroupShareANodeWhenTheyFit() {
        var a = new PodPlacement.Pod("orders TaskManager", 500, 512);
        assertEquals(List.of(), PodPlacement.unplaced(List.of(a, a), NODE, 1));
    }

    @Test
    void aDeploymentsStandbyJobManagersNeedAsManyNodesAsThereAreJobManagers() {
        var resources = new ContainerResources(0.5, "512m");
        List<PodPlacement.Pod> pods = JobPods.of("orders", 3, resources, 1, resources, Map.of());
        assertEquals(3, PodPlacement.nodesNeeded(pods, NODE, 10).orElseThrow());
    }

    /** A node such as an m6i.large on EKS: 1805m CPU and 7190 MiB for pods. */
    private static final PodPlacement.NodeSize LARGE = node(1805, 7190);

    private static PodPlacement.NodeSize node(int milliCpu, int memoryMib) {
        return new PodPlacement.NodeSize() {
            @Override
            public int allocatableMilliCpu() {
                return milliCpu;
            }

            @Override
            public int allocatableMemoryMib() {
                return memoryMib;
            }
        };
    }

    @Test
    void aPodThatNeedsExactlyWhatANodeLeavesFitsIt() {
        assertEquals(List.of(), PodPlacement.unplaced(List.of(new PodPlacement.Pod("exact", 1805, 7190)), LARGE, 1));
        assertEquals(1, PodPlacement.unplaced(List.of(new PodPlacement.Pod("one more millicore", 1806, 7190)), LARGE, 1).size());
        assertEquals(1, PodPlacement.unplaced(List.of(new PodPlacement.Pod("one more MiB", 1805, 7191)), LARGE, 1).size());
    }

    @Test
    void aPlacedPodTakesItsShareOfTheNode() {
        var pod = new PodPlacement.Pod("task manager", 700, 1000);
        assertEquals(List.of(pod), PodPlacement.unplaced(List.of(pod, pod, pod), LARGE, 1));
    }

    @Test
    void theBiggestPodsArePlacedFirstSoThatSmallOnesFillTheGaps() {
        var small = new PodPlacement.Pod("small", 700, 1000);
        var big = new PodPlacement.Pod("big", 1100, 1000);
        // first fit in the given order would put both small pods on one node and leave a big one out
        assertEquals(List.of(), PodPlacement.unplaced(List.of(small, small, big, big), LARGE, 2));
    }

    @Test
    void oneNodeIsTheFewestAndTheLimitIsTried() {
        assertEquals(1, PodPlacement.nodesNeeded(List.of(new PodPlacement.Pod("one", 100, 100)), LARGE, 1).orElseThrow());
        var apart = List.of(new PodPlacement.Pod("a", 100, 100, "g"), new PodPlacement.Pod("b", 100, 100, "g"));
        assertEquals(2, PodPlacement.nodesNeeded(apart, LARGE, 2).orElseThrow());
        assertEquals(java.util.OptionalInt.empty(), PodPlacement.nodesNeeded(apart, LARGE, 1));
    }
}
