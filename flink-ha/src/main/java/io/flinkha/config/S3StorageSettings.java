package io.flinkha.config;

import java.util.Optional;

/**
 * HA storage in an S3 bucket created by the platform ({@code kind: s3}), reached by the Flink pods
 * through IRSA, never through static keys.
 *
 * @param bucketName           globally unique bucket name, as S3's naming rules allow
 * @param retainOnDelete       keep the bucket when the stack is destroyed (default true; required in production)
 * @param kmsKeyArn            KMS key for server-side encryption (default: S3-managed keys, SSE-S3)
 * @param plugin               Flink S3 filesystem: {@code presto} (default, recommended for checkpoints) or {@code hadoop}
 * @param noncurrentVersionDays days before overwritten or deleted object versions expire (default 30)
 */
public record S3StorageSettings(
        String bucketName,
        boolean retainOnDelete,
        Optional<String> kmsKeyArn,
        String plugin,
        int noncurrentVersionDays,
        boolean protect) implements StorageSettings {
}
