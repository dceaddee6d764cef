package io.flinkha.config;

/** Where the platform runs: config key {@code flink-ha:cluster}, selected by its {@code kind}. */
public sealed interface ClusterSettings permits ExistingClusterSettings, EksClusterSettings {
}
