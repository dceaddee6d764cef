package io.flinkha.config;

/**
 * CPU and memory of a Flink container, as the FlinkDeployment's {@code resource} field takes them.
 *
 * @param cpu    cores (default 1)
 * @param memory Flink memory size, e.g. {@code 2048m}, {@code 2g} or {@code 2Gi} (default {@code 2048m})
 */
public record ContainerResources(double cpu, String memory) {
}
