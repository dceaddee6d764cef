package io.flinkha.cluster;

/** The Args of either kind of cluster: what a platform chooses between. */
public sealed interface ClusterArgs permits ExistingClusterArgs, EksClusterArgs {
}
