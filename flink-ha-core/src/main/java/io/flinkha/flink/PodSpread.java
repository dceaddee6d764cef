package io.flinkha.flink;

import com.pulumi.kubernetes.core.v1.inputs.AffinityArgs;
import com.pulumi.kubernetes.core.v1.inputs.ContainerArgs;
import com.pulumi.kubernetes.core.v1.inputs.PodAffinityTermArgs;
import com.pulumi.kubernetes.core.v1.inputs.PodAntiAffinityArgs;
import com.pulumi.kubernetes.core.v1.inputs.PodSpecArgs;
import com.pulumi.kubernetes.core.v1.inputs.PodTemplateSpecArgs;
import com.pulumi.kubernetes.core.v1.inputs.TopologySpreadConstraintArgs;
import com.pulumi.kubernetes.core.v1.inputs.WeightedPodAffinityTermArgs;
import com.pulumi.kubernetes.meta.v1.inputs.LabelSelectorArgs;

import java.util.Map;

/**
 * Where a deployment's pods may land. Standby JobManagers exist to survive the loss of the leader's node, so two
 * JobManagers of one deployment never share a node and prefer different zones; TaskManagers spread across zones,
 * so a zone outage does not take every slot. The selectors are the labels Flink's native Kubernetes mode puts on
 * the pods it creates ({@code org.apache.flink.kubernetes.utils.Constants}, restated here so the library carries no
 * flink-kubernetes at run time; a test compares them with that class of the image's Flink).
 */
public final class PodSpread {
    /** The node label that tells nodes apart. */
    public static final String NODE = io.flinkha.cluster.PodPlacement.NODE;
    /** The node label of the availability zone. */
    public static final String ZONE = io.flinkha.cluster.PodPlacement.ZONE;

    /** The label of the Flink cluster a pod belongs to: the FlinkDeployment's name. */
    public static final String LABEL_APP = "app";
    /** The label of a pod's role: {@link #JOB_MANAGER} or {@link #TASK_MANAGER}. */
    public static final String LABEL_COMPONENT = "component";
    /** The label that marks pods of Flink's native Kubernetes mode. */
    public static final String LABEL_TYPE = "type";
    /** The value of {@link #LABEL_TYPE}. */
    public static final String NATIVE_TYPE = "flink-native-kubernetes";
    /** The value of {@link #LABEL_COMPONENT} on JobManager pods. */
    public static final String JOB_MANAGER = "jobmanager";
    /** The value of {@link #LABEL_COMPONENT} on TaskManager pods. */
    public static final String TASK_MANAGER = "taskmanager";

    private PodSpread() {
    }

    /**
     * @param deployment the FlinkDeployment's name (Flink's cluster-id)
     * @param component  {@code jobmanager} or {@code taskmanager}
     * @return the labels Flink puts on those pods
     */
    public static Map<String, String> selector(String deployment, String component) {
        return Map.of(LABEL_APP, deployment, LABEL_COMPONENT, component, LABEL_TYPE, NATIVE_TYPE);
    }

    /**
     * @param deployment the FlinkDeployment's name
     * @return the JobManager pods' template: never two on one node, preferably not two in one zone
     */
    public static PodTemplateSpecArgs jobManagers(String deployment) {
        var mine = LabelSelectorArgs.builder().matchLabels(selector(deployment, JOB_MANAGER)).build();
        return PodTemplateSpecArgs.builder().spec(PodSpecArgs.builder()
                .containers(mainContainer())
                .affinity(AffinityArgs.builder().podAntiAffinity(PodAntiAffinityArgs.builder()
                        .requiredDuringSchedulingIgnoredDuringExecution(PodAffinityTermArgs.builder()
                                .labelSelector(mine).topologyKey(NODE).build())
                        .preferredDuringSchedulingIgnoredDuringExecution(WeightedPodAffinityTermArgs.builder()
                                .weight(100)
                                .podAffinityTerm(PodAffinityTermArgs.builder().labelSelector(mine).topologyKey(ZONE).build())
                                .build())
                        .build()).build())
                .build()).build();
    }

    /**
     * @param deployment the FlinkDeployment's name
     * @return the TaskManager pods' template: spread evenly across zones where the nodes allow it
     */
    public static PodTemplateSpecArgs taskManagers(String deployment) {
        return PodTemplateSpecArgs.builder().spec(PodSpecArgs.builder()
                .containers(mainContainer())
                .topologySpreadConstraints(TopologySpreadConstraintArgs.builder()
                        .maxSkew(1)
                        .topologyKey(ZONE)
                        // a single-zone cluster (kind, a dev node group) must still schedule its TaskManagers
                        .whenUnsatisfiable("ScheduleAnyway")
                        .labelSelector(LabelSelectorArgs.builder()
                                .matchLabels(selector(deployment, TASK_MANAGER)).build())
                        .build())
                .build()).build();
    }

    /** The SDK's pod spec requires containers; the operator merges templates by container name, so this adds nothing. */
    private static ContainerArgs mainContainer() {
        return ContainerArgs.builder().name(HaFlinkDeployment.MAIN_CONTAINER).build();
    }
}
