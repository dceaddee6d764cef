/**
 * Durable HA storage behind one interface, {@link io.flinkha.storage.HaStorage}:
 * {@link io.flinkha.storage.NfsStorage} (a ReadWriteMany volume) and {@link io.flinkha.storage.S3Storage}
 * (a bucket reached through IRSA).
 */
package io.flinkha.storage;
