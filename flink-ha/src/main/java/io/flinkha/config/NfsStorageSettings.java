package io.flinkha.config;

/**
 * A ReadWriteMany PersistentVolumeClaim on an NFS-capable storage class ({@code kind: nfs}), mounted
 * at the same path in every JobManager and TaskManager pod.
 *
 * @param storageClass storage class that provisions ReadWriteMany volumes (default {@code nfs-client},
 *                     the nfs-subdir-external-provisioner's class)
 * @param size         requested size, a Kubernetes quantity (default {@code 10Gi})
 * @param mountPath    absolute path of the mount in the Flink pods (default {@code /flink-data})
 */
public record NfsStorageSettings(String storageClass, String size, String mountPath, boolean retainOnDelete, boolean protect)
        implements StorageSettings {
}
