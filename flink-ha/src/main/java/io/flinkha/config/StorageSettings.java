package io.flinkha.config;

/** Durable storage for Flink HA: config key {@code flink-ha:storage}, selected by its {@code kind}. */
public sealed interface StorageSettings permits NfsStorageSettings, S3StorageSettings {

    /** @return whether the claim or bucket is kept when Pulumi deletes or replaces it */
    boolean retainOnDelete();

    /** @return whether the engine refuses to delete or replace the claim or bucket */
    boolean protect();
}
