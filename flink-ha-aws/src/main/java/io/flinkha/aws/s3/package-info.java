/**
 * HA storage in S3: {@link io.flinkha.aws.s3.S3Storage}, a versioned, encrypted, private bucket and the grant that
 * lets one Flink service account's cloud role use its jobs' prefix.
 */
package io.flinkha.aws.s3;
