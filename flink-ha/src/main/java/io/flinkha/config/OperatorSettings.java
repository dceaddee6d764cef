package io.flinkha.config;

import io.flinkha.flink.ContainerResources;
import io.flinkha.operator.FlinkOperatorArgs;

import java.util.Map;

/**
 * The Flink Kubernetes Operator Helm release: config key {@code flink-ha:operator}.
 *
 * @param version         operator and chart version (default {@code 1.10.0})
 * @param namespace       namespace of the operator itself (default {@code flink-operator})
 * @param chartRepository Helm repository (default: the Apache archive folder of {@code version}, which keeps every release)
 * @param certManager     whether cert-manager is installed; only then is the operator's webhook enabled (default false)
 * @param replicas        operator replicas; more than one turns on the operator's own leader election (default 1)
 * @param resources       what each operator pod requests (default 0.25 CPU, 512Mi); memory is also its limit
 * @param helmValues      extra chart values merged under the platform's own; they may not set a value the platform owns
 */
public record OperatorSettings(
        String version,
        String namespace,
        String chartRepository,
        boolean certManager,
        int replicas,
        ContainerResources resources,
        Map<String, Object> helmValues,
        java.util.List<String> acknowledgedDefects) {
    /** Default {@code resources}, those of {@code FlinkOperatorArgs}. */
    public static final ContainerResources DEFAULT_RESOURCES = new ContainerResources(
            FlinkOperatorArgs.DEFAULT_MILLI_CPU / 1000.0, FlinkOperatorArgs.DEFAULT_MEMORY_MIB + "Mi");
}
