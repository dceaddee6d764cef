package io.flinkha.aws.eks;

import io.flinkha.validation.ArgsCheck;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * The EKS managed node group that runs Flink. Checked when made: every instance type in
 * {@link Ec2InstanceTypes} and of one architecture, {@code minSize <= desiredSize <= maxSize}, and room above
 * {@code desiredSize} only when an autoscaler of the user's own uses it: the platform installs none, and a
 * {@code maxSize} nothing acts on promises capacity that never comes.
 *
 * @param instanceTypes EC2 instance types (default {@code m6i.large})
 * @param minSize       minimum nodes (default 2)
 * @param desiredSize   desired nodes (default 2)
 * @param maxSize       maximum nodes (default 2, the desired size)
 * @param diskSizeGb    root volume size in GiB, 20 to 16384 (default 50)
 * @param autoscaling   who changes the node count (default {@link Autoscaling#NONE})
 */
public record NodeGroupSpec(List<String> instanceTypes, int minSize, int desiredSize, int maxSize, int diskSizeGb, Autoscaling autoscaling) {
    /** The defaults: two m6i.large with 50 GiB disks. */
    public static final NodeGroupSpec DEFAULT = new NodeGroupSpec(List.of("m6i.large"), 2, 2, 2, 50);

    /** Who changes a node group's size after it is made. */
    public enum Autoscaling {
        /** Nobody: the node group runs {@code desiredSize} nodes, and {@code maxSize} must equal it. */
        NONE,
        /**
         * A cluster autoscaler or Karpenter the user runs: it may grow the group up to {@code maxSize}, and the program
         * leaves the desired size it sets alone instead of scaling back at the next {@code pulumi up}.
         */
        EXTERNAL
    }

    /**
     * A node group nobody scales.
     *
     * @param instanceTypes EC2 instance types
     * @param minSize       minimum nodes
     * @param desiredSize   desired nodes
     * @param maxSize       maximum nodes, equal to {@code desiredSize}
     * @param diskSizeGb    root volume size in GiB
     */
    public NodeGroupSpec(List<String> instanceTypes, int minSize, int desiredSize, int maxSize, int diskSizeGb) {
        this(instanceTypes, minSize, desiredSize, maxSize, diskSizeGb, Autoscaling.NONE);
    }

    /**
     * Makes the arguments, checking every one: all problems are reported at once, so no way of making
     * these Args skips a rule.
     *
     * @param instanceTypes EC2 instance types (default {@code m6i.large})
     * @param minSize       minimum nodes (default 2)
     * @param desiredSize   desired nodes (default 2)
     * @param maxSize       maximum nodes (default 2, the desired size)
     * @param diskSizeGb    root volume size in GiB, 20 to 16384 (default 50)
     * @param autoscaling   who changes the node count (default {@link Autoscaling#NONE})
     * @throws IllegalArgumentException naming the component, and each field, value and what is allowed
     */
    public NodeGroupSpec {
        instanceTypes = instanceTypes == null ? List.of() : List.copyOf(instanceTypes);
        ArgsCheck.of("NodeGroupSpec").addAll(problems(instanceTypes, minSize, desiredSize, maxSize, diskSizeGb))
                .addAll(autoscalingProblems(desiredSize, maxSize, autoscaling)).done();
    }

    /**
     * A node group with the documented defaults for what is not given: {@code desiredSize} is at least {@code minSize},
     * {@code maxSize} is {@code desiredSize}.
     *
     * @param instanceTypes EC2 instance types, if given
     * @param minSize       minimum nodes, if given
     * @param desiredSize   desired nodes, if given
     * @param maxSize       maximum nodes, if given
     * @param diskSizeGb    root volume size in GiB, if given
     * @param autoscaling   who changes the node count
     * @return the checked node group
     * @throws IllegalArgumentException naming every problem
     */
    public static NodeGroupSpec withDefaults(Optional<List<String>> instanceTypes, Optional<Integer> minSize, Optional<Integer> desiredSize,
                                             Optional<Integer> maxSize, Optional<Integer> diskSizeGb, Autoscaling autoscaling) {
        int min = minSize.orElse(DEFAULT.minSize());
        int desired = desiredSize.orElse(Math.max(min, DEFAULT.desiredSize()));
        return new NodeGroupSpec(instanceTypes.orElse(DEFAULT.instanceTypes()), min, desired, maxSize.orElse(desired),
                diskSizeGb.orElse(DEFAULT.diskSizeGb()), autoscaling);
    }

    /**
     * @param desiredSize desired nodes
     * @param maxSize     maximum nodes
     * @param autoscaling who changes the node count
     * @return a problem when {@code maxSize} promises nodes nothing would start, as {@code maxSize: ...}
     */
    public static List<String> autoscalingProblems(int desiredSize, int maxSize, Autoscaling autoscaling) {
        if (autoscaling == null) {
            return List.of("autoscaling: got null; expected NONE or EXTERNAL");
        }
        if (autoscaling == Autoscaling.NONE && maxSize > desiredSize) {
            return List.of("maxSize: got " + maxSize + "; nothing would start nodes above desiredSize " + desiredSize + ": the platform "
                    + "installs no cluster autoscaler. Set maxSize to " + desiredSize + ", or autoscaling: external when your own "
                    + "cluster autoscaler or Karpenter scales this node group");
        }
        return List.of();
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
