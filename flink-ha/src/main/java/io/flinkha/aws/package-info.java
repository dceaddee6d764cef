/**
 * IAM policy documents built as data: the trust and access policies of the cluster, the storage and the
 * Flink service account's cloud role.
 */
package io.flinkha.aws;
