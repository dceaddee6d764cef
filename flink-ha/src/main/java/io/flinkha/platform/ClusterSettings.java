package io.flinkha.platform;

/** Where the platform runs: config key {@code flink-ha:cluster}, selected by its {@code kind}. */
public sealed interface ClusterSettings permits ExistingClusterSettings, EksClusterSettings {
}
