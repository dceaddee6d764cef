package io.flinkha.platform;

import java.util.List;

/** The network of an EKS cluster: a new VPC, or subnets that already exist. */
public sealed interface NetworkSettings permits NetworkSettings.NewVpc, NetworkSettings.ExistingSubnets {

    /**
     * A new VPC with one public and one private subnet per availability zone.
     *
     * @param cidr              VPC CIDR, e.g. {@code 10.20.0.0/16}; each subnet gets a /20 of it
     * @param availabilityZones at least two zones
     * @param natGatewayPerZone one NAT gateway per zone (survives a zone outage), or one shared (cheaper; default)
     */
    record NewVpc(String cidr, List<String> availabilityZones, boolean natGatewayPerZone) implements NetworkSettings {
    }

    /**
     * Subnets of an existing VPC: nodes go to the private ones, public load balancers to the public ones.
     *
     * @param privateSubnetIds at least two, in different zones
     * @param publicSubnetIds  may be empty
     */
    record ExistingSubnets(List<String> privateSubnetIds, List<String> publicSubnetIds) implements NetworkSettings {
    }
}
