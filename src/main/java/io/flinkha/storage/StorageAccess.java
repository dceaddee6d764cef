package io.flinkha.storage;

import com.pulumi.core.Output;

import java.util.Map;

/**
 * The result of {@link HaStorage#grantReadWrite}: annotations the service account must carry
 * (empty when the storage needs none, as with a mounted volume).
 */
public record StorageAccess(Output<Map<String, String>> serviceAccountAnnotations) {

    /** @return access that needs nothing on the service account */
    public static StorageAccess none() {
        return new StorageAccess(Output.of(Map.of()));
    }
}
