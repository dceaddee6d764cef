package io.flinkha.aws.eks;

import java.util.List;

/**
 * Arguments of {@link EksNetwork}.
 *
 * @param clusterName       the cluster that will use the subnets (they are tagged for its load balancers)
 * @param cidr              VPC block, at most /20 so each of the sixteen subnet slots is at least a /24
 * @param availabilityZones two to four zones; one public and one private subnet in each
 * @param natGatewayPerZone one NAT gateway per zone, or a single shared one
 * @param awsProvider       the stack's AWS provider
 * @param s3EndpointPolicy  what the S3 gateway endpoint lets the private subnets reach; empty for all of S3 (AWS's default)
 */
public record EksNetworkArgs(String clusterName, String cidr, List<String> availabilityZones, boolean natGatewayPerZone,
                             com.pulumi.aws.Provider awsProvider, java.util.Optional<S3EndpointPolicy> s3EndpointPolicy) {
    /** Default {@code cidr}. */
    public static final String DEFAULT_CIDR = "10.0.0.0/16";
    /** An availability zone name. */
    public static final java.util.regex.Pattern ZONE = java.util.regex.Pattern.compile("[a-z]{2}(-gov)?-[a-z]+-\\d[a-z]");

    /**
     * @param cidr              the VPC block
     * @param availabilityZones the zones
     * @return every problem, each as {@code <field>: ...}; empty when both are valid
     */
    public static List<String> problems(String cidr, List<String> availabilityZones) {
        List<String> out = new java.util.ArrayList<>();
        if (cidr == null || !io.flinkha.validation.Cidr.PATTERN.matcher(cidr).matches()) {
            out.add("cidr: got '" + cidr + "'; expected a CIDR such as 10.20.0.0/16");
        } else if (Integer.parseInt(cidr.substring(cidr.indexOf('/') + 1)) > 20) {
            out.add("cidr: got '" + cidr + "'; expected a /20 or larger block: each subnet takes a sixteenth of it");
        }
        if (availabilityZones.stream().distinct().count() < 2 || availabilityZones.size() > 4) {
            out.add("availabilityZones: got " + availabilityZones + "; expected two to four distinct zones");
        }
        availabilityZones.stream().filter(z -> !ZONE.matcher(z).matches()).forEach(z ->
                out.add("availabilityZones: got '" + z + "'; expected an availability zone name such as eu-west-1a"));
        var regions = availabilityZones.stream().filter(z -> ZONE.matcher(z).matches()).map(EksNetworkArgs::regionOf).distinct().toList();
        if (regions.size() > 1) {
            out.add("availabilityZones: got " + availabilityZones + "; expected zones of one region, not " + String.join(", ", regions));
        }
        return out;
    }

    /**
     * @param clusterName the cluster that will use the subnets
     * @param awsProvider the stack's AWS provider
     * @return these Args with the cluster's name and the provider, checked again with them
     */
    public EksNetworkArgs bind(String clusterName, com.pulumi.aws.Provider awsProvider) {
        return new EksNetworkArgs(clusterName, cidr, availabilityZones, natGatewayPerZone, awsProvider, s3EndpointPolicy);
    }

    /**
     * @param bucket a bucket the jobs use, e.g. the stack's state bucket
     * @return these Args with the bucket reachable through a restricted S3 endpoint (unchanged when the endpoint is open)
     */
    public EksNetworkArgs withS3Bucket(String bucket) {
        // bound or not, as these Args are: bind checks the resources
        return io.flinkha.validation.ArgsCheck.unbound(() -> new EksNetworkArgs(clusterName, cidr, availabilityZones, natGatewayPerZone,
                awsProvider, s3EndpointPolicy.map(p -> p.with(bucket))));
    }

    /**
     * Args whose S3 endpoint reaches all of S3.
     *
     * @param clusterName       the cluster that will use the subnets
     * @param cidr              VPC block
     * @param availabilityZones two to four zones
     * @param natGatewayPerZone one NAT gateway per zone, or a single shared one
     * @param awsProvider       the stack's AWS provider
     */
    public EksNetworkArgs(String clusterName, String cidr, List<String> availabilityZones, boolean natGatewayPerZone,
                          com.pulumi.aws.Provider awsProvider) {
        this(clusterName, cidr, availabilityZones, natGatewayPerZone, awsProvider, java.util.Optional.empty());
    }

    /** @return the region of the zones, e.g. {@code eu-west-1} for {@code eu-west-1a} */
    public String region() {
        return regionOf(availabilityZones.get(0));
    }

    /**
     * @param zone an availability zone name ({@link #ZONE})
     * @return its region
     */
    public static String regionOf(String zone) {
        // a zone name is its region and one letter (ZONE)
        return zone.substring(0, zone.length() - 1);
    }

    /**
     * Checks every argument, all problems at once.
     *
     * @param clusterName       the cluster that will use the subnets
     * @param cidr              VPC block
     * @param availabilityZones two to four zones
     * @param natGatewayPerZone one NAT gateway per zone, or a single shared one
     * @param awsProvider       the stack's AWS provider
     * @param s3EndpointPolicy  what the S3 gateway endpoint lets the private subnets reach, if restricted
     * @throws IllegalArgumentException naming every problem
     */
    public EksNetworkArgs {
        availabilityZones = List.copyOf(availabilityZones);
        s3EndpointPolicy = s3EndpointPolicy == null ? java.util.Optional.empty() : s3EndpointPolicy;
        io.flinkha.validation.ArgsCheck.of("EksNetworkArgs")
                .resource("clusterName", clusterName, "expected the cluster that will use the subnets")
                .addAll(problems(cidr, availabilityZones))
                .resource("awsProvider", awsProvider, "expected the stack's AWS provider")
                .done();
    }
}
