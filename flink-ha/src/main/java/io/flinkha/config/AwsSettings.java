package io.flinkha.config;

/**
 * AWS account settings: config key {@code flink-ha:aws}, required when the cluster or the storage is on AWS.
 *
 * @param region AWS region of every AWS resource of the stack, e.g. {@code eu-west-1}
 */
public record AwsSettings(String region) {
}
