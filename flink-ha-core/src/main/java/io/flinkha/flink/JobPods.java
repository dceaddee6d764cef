package io.flinkha.flink;

import io.flinkha.cluster.PodPlacement;
import io.flinkha.flink.ContainerResources;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * The pods the operator creates for one application deployment in native mode: its JobManagers, and
 * as many TaskManagers as the job's parallelism needs slots ({@code ceil(parallelism / slots)}), each
 * requesting what its resource spec says.
 */
public final class JobPods {
    /** Slots per TaskManager; Flink's default is 1. */
    public static final String SLOTS_KEY = "taskmanager.numberOfTaskSlots";

    private JobPods() {
    }

    /**
     * @param name               the deployment
     * @param jobManagerReplicas JobManagers
     * @param jobManager         a JobManager's resources
     * @param parallelism        job parallelism
     * @param taskManager        a TaskManager's resources
     * @param flinkConfiguration the job's Flink configuration (for its slots per TaskManager)
     * @return one entry per pod
     */
    public static List<PodPlacement.Pod> of(String name, int jobManagerReplicas, ContainerResources jobManager, int parallelism,
                                            ContainerResources taskManager, Map<String, String> flinkConfiguration) {
        List<PodPlacement.Pod> pods = new ArrayList<>();
        for (int i = 0; i < jobManagerReplicas; i++) {
            // PodSpread keeps a deployment's JobManagers on different nodes
            pods.add(new PodPlacement.Pod(name + " JobManager", jobManager.milliCpu(), jobManager.memoryMib(), name + "/jobmanager"));
        }
        for (int i = 0; i < taskManagers(parallelism, flinkConfiguration); i++) {
            pods.add(new PodPlacement.Pod(name + " TaskManager", taskManager.milliCpu(), taskManager.memoryMib()));
        }
        return pods;
    }

    /**
     * @param parallelism        job parallelism
     * @param flinkConfiguration the job's Flink configuration, for {@value #SLOTS_KEY}
     * @return TaskManagers the job needs: {@code ceil(parallelism / slots)}
     */
    public static int taskManagers(int parallelism, Map<String, String> flinkConfiguration) {
        int slots = 1;
        try {
            slots = Math.max(1, Integer.parseInt(flinkConfiguration.getOrDefault(SLOTS_KEY, "1").trim()));
        } catch (NumberFormatException e) {
            // the upstream check reports a slot count Flink cannot parse
        }
        return (parallelism + slots - 1) / slots;
    }
}
