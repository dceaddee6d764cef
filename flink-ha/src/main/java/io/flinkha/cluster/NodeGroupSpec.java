package io.flinkha.cluster;

import java.util.List;

/**
 * The EKS managed node group that runs Flink.
 *
 * @param instanceTypes EC2 instance types (default {@code m6i.large})
 * @param minSize       minimum nodes (default 2)
 * @param desiredSize   desired nodes (default 2)
 * @param maxSize       maximum nodes (default 4)
 * @param diskSizeGb    root volume size in GiB (default 50)
 */
public record NodeGroupSpec(List<String> instanceTypes, int minSize, int desiredSize, int maxSize, int diskSizeGb) {
}
