/**
 * The flink-ha-aws artifact's shared rules: IAM policy documents built as data (the trust and access policies of
 * the cluster, the storage and the Flink service account's cloud role), bucket names and KMS key ARNs. Its
 * components are in {@link io.flinkha.aws.eks} (EKS and its VPC), {@link io.flinkha.aws.s3} (the state bucket) and
 * {@link io.flinkha.aws.iam} (the service account's IAM role).
 */
package io.flinkha.aws;
