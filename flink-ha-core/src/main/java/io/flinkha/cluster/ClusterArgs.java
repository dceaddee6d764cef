package io.flinkha.cluster;

/**
 * The Args of a kind of cluster: what a platform chooses between. Not sealed: the kinds live in different artifacts
 * ({@link ExistingClusterArgs} here, {@code EksClusterArgs} in flink-ha-aws).
 */
public interface ClusterArgs {
}
