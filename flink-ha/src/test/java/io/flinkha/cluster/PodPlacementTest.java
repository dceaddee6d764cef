package io.flinkha.cluster;

import io.flinkha.flink.ContainerResources;
import io.flinkha.flink.JobPods;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;

/** Placement as the scheduler does it, including the rule that keeps a deployment's JobManagers on different nodes. */
class PodPlacementTest {
    private static final Ec2InstanceTypes.InstanceType NODE = Ec2InstanceTypes.of("m6i.2xlarge").orElseThrow();

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
}
