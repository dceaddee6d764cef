package io.flinkha.storage;

/** The Args of either kind of HA storage: what a platform chooses between, and the retention both kinds carry. */
public sealed interface HaStorageArgs permits NfsStorageArgs, S3StorageArgs {

    /** @return whether the claim or bucket is kept when Pulumi deletes or replaces it */
    boolean retainOnDelete();

    /** @return whether the engine refuses to delete or replace the claim or bucket */
    boolean protect();
}
