package io.flinkha.cluster;

import io.flinkha.validation.ArgsCheck;

import java.util.ArrayList;
import java.util.List;

/**
 * The EKS managed node group that runs Flink. Checked when made: every instance type in
 * {@link Ec2InstanceTypes} and of one architecture, and {@code minSize <= desiredSize <= maxSize}.
 *
 * @param instanceTypes EC2 instance types (default {@code m6i.large})
 * @param minSize       minimum nodes (default 2)
 * @param desiredSize   desired nodes (default 2)
 * @param maxSize       maximum nodes (default 4)
 * @param diskSizeGb    root volume size in GiB, 20 to 16384 (default 50)
 */
public record NodeGroupSpec(List<String> instanceTypes, int minSize, int desiredSize, int maxSize, int diskSizeGb) {
    /** The defaults: two to four m6i.large with 50 GiB disks. */
    public static final NodeGroupSpec DEFAULT = new NodeGroupSpec(List.of("m6i.large"), 2, 2, 4, 50);

    /**
     * Makes the arguments, checking every one: all problems are reported at once, so no way of making
     * these Args skips a rule.
     *
     * @param instanceTypes EC2 instance types (default {@code m6i.large})
     * @param minSize       minimum nodes (default 2)
     * @param desiredSize   desired nodes (default 2)
     * @param maxSize       maximum nodes (default 4)
     * @param diskSizeGb    root volume size in GiB, 20 to 16384 (default 50)
     * @throws IllegalArgumentException naming the component, and each field, value and what is allowed
     */
    public NodeGroupSpec {
        instanceTypes = instanceTypes == null ? List.of() : List.copyOf(instanceTypes);
        ArgsCheck.of("NodeGroupSpec").addAll(problems(instanceTypes, minSize, desiredSize, maxSize, diskSizeGb)).done();
    }

    /**
     * @param instanceTypes EC2 instance types
     * @param minSize       minimum nodes
     * @param desiredSize   desired nodes
     * @param maxSize       maximum nodes
     * @param diskSizeGb    root volume size in GiB
     * @return every problem, each as {@code <field>: ...}; empty when the node group is valid
     */
    public static List<String> problems(List<String> instanceTypes, int minSize, int desiredSize, int maxSize, int diskSizeGb) {
        List<String> out = new ArrayList<>();
        if (instanceTypes.isEmpty()) {
            out.add("instanceTypes: got []; expected at least one EC2 instance type");
        }
        for (String t : instanceTypes) {
            if (Ec2InstanceTypes.of(t).isEmpty()) {
                out.add("instanceTypes: got '" + t + "'; expected one of " + Ec2InstanceTypes.known()
                        + " (their sizes decide the AMI type and whether the jobs fit)");
            }
        }
        if (out.isEmpty() && instanceTypes.stream().map(t -> Ec2InstanceTypes.of(t).orElseThrow().arm()).distinct().count() > 1) {
            out.add("instanceTypes: got " + instanceTypes + "; expected one CPU architecture: a managed node "
                    + "group has one AMI type, x86_64 or arm64");
        }
        if (minSize < 1 || maxSize > 1000) {
            out.add("minSize/maxSize: got " + minSize + "/" + maxSize + "; expected 1 to 1000 nodes");
        }
        if (!(minSize <= desiredSize && desiredSize <= maxSize)) {
            out.add("desiredSize: got " + desiredSize + "; expected minSize <= desiredSize <= maxSize (" + minSize + " <= "
                    + desiredSize + " <= " + maxSize + ")");
        }
        if (diskSizeGb < 20 || diskSizeGb > 16384) {
            out.add("diskSize: got " + diskSizeGb + "; expected 20 to 16384 GiB");
        }
        return out;
    }
}
