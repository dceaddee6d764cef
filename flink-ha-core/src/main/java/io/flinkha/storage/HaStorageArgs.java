package io.flinkha.storage;

/**
 * The Args of a kind of HA storage: what a platform chooses between, and the retention every kind carries. Not sealed:
 * the kinds live in different artifacts ({@link NfsStorageArgs} here, {@code S3StorageArgs} in flink-ha-aws).
 */
public interface HaStorageArgs {

    /** @return whether the claim or bucket is kept when Pulumi deletes or replaces it */
    boolean retainOnDelete();

    /** @return whether the engine refuses to delete or replace the claim or bucket */
    boolean protect();
}
