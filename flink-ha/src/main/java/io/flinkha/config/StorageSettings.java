package io.flinkha.config;

/** Durable storage for Flink HA: config key {@code flink-ha:storage}, selected by its {@code kind}. */
public sealed interface StorageSettings permits NfsStorageSettings, S3StorageSettings {
}
