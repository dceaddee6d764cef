package io.flinkha.cluster;

import java.util.List;
import java.util.Objects;

/**
 * Arguments of {@link EksNetwork}.
 *
 * @param clusterName       the cluster that will use the subnets (they are tagged for its load balancers)
 * @param cidr              VPC block, at most /20 so each of the sixteen subnet slots is at least a /24
 * @param availabilityZones two to four zones; one public and one private subnet in each
 * @param natGatewayPerZone one NAT gateway per zone, or a single shared one
 * @param awsProvider       the stack's AWS provider
 */
public record EksNetworkArgs(String clusterName, String cidr, List<String> availabilityZones, boolean natGatewayPerZone,
                             com.pulumi.aws.Provider awsProvider) {
    /**
     * Refuses fewer than two or more than four zones.
     *
     * @param clusterName       the cluster that will use the subnets
     * @param cidr              VPC block
     * @param availabilityZones two to four zones
     * @param natGatewayPerZone one NAT gateway per zone, or a single shared one
     * @param awsProvider       the stack's AWS provider
     */
    public EksNetworkArgs {
        availabilityZones = List.copyOf(availabilityZones);
        if (availabilityZones.stream().distinct().count() < 2 || availabilityZones.size() > 4) {
            throw new IllegalArgumentException("EksNetworkArgs.availabilityZones: got " + availabilityZones
                    + "; expected two to four distinct zones");
        }
        Objects.requireNonNull(awsProvider, "EksNetworkArgs.awsProvider is required");
    }
}
