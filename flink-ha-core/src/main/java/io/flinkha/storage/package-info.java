/**
 * Durable HA storage behind one interface, {@link io.flinkha.storage.HaStorage}: here
 * {@link io.flinkha.storage.NfsStorage} (a ReadWriteMany volume); the flink-ha-aws artifact adds
 * {@code S3Storage} (a bucket reached through the service account's cloud role).
 */
package io.flinkha.storage;
