/**
 * The IAM side of a Flink service account: {@link io.flinkha.aws.iam.IamCloudRole}, one role that only that account
 * can assume (through IRSA or EKS Pod Identity), which storage grants extend.
 */
package io.flinkha.aws.iam;
