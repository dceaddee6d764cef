package io.flinkha.aws.eks;

import com.pulumi.aws.ec2.Eip;
import com.pulumi.aws.ec2.EipArgs;
import com.pulumi.aws.ec2.InternetGateway;
import com.pulumi.aws.ec2.InternetGatewayArgs;
import com.pulumi.aws.ec2.NatGateway;
import com.pulumi.aws.ec2.NatGatewayArgs;
import com.pulumi.aws.ec2.RouteTable;
import com.pulumi.aws.ec2.VpcEndpoint;
import com.pulumi.aws.ec2.VpcEndpointArgs;
import com.pulumi.aws.ec2.RouteTableArgs;
import com.pulumi.aws.ec2.RouteTableAssociation;
import com.pulumi.aws.ec2.RouteTableAssociationArgs;
import com.pulumi.aws.ec2.Subnet;
import com.pulumi.aws.ec2.SubnetArgs;
import com.pulumi.aws.ec2.Vpc;
import com.pulumi.aws.ec2.VpcArgs;
import com.pulumi.aws.ec2.inputs.RouteTableRouteArgs;
import com.pulumi.core.Output;
import com.pulumi.resources.ComponentResource;
import com.pulumi.resources.ComponentResourceOptions;
import com.pulumi.resources.CustomResourceOptions;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * A VPC for EKS: per availability zone a public subnet (internet gateway, load balancers) and a
 * private subnet (nodes, behind NAT), tagged the way the AWS load balancer controller looks for them.
 */
public class EksNetwork extends ComponentResource {
    /** Pulumi type token of the component; part of every child's URN, so it never changes. */
    public static final String TYPE = "flink-ha:cluster:EksNetwork";

    private final Vpc vpc;
    private final List<Output<String>> privateSubnetIds = new ArrayList<>();
    private final VpcEndpoint s3Endpoint;
    private final List<Output<String>> publicSubnetIds = new ArrayList<>();

    /**
     * Declares a VPC for EKS.
     *
     * @param name    logical name; children are named {@code <name>-<part>}
     * @param args    the arguments
     * @param options component options, e.g. a parent; may be null
     */
    public EksNetwork(String name, EksNetworkArgs args, ComponentResourceOptions options) {
        super(TYPE, name, options);
        var child = CustomResourceOptions.builder().parent(this).provider(args.awsProvider()).build();
        String clusterTag = "kubernetes.io/cluster/" + args.clusterName();

        this.vpc = new Vpc(name + "-vpc", VpcArgs.builder()
                .cidrBlock(args.cidr())
                .enableDnsHostnames(true)
                .enableDnsSupport(true)
                .tags(tags(name + "-vpc", Map.of()))
                .build(), child);
        var igw = new InternetGateway(name + "-igw", InternetGatewayArgs.builder()
                .vpcId(vpc.id()).tags(tags(name + "-igw", Map.of())).build(), child);
        var publicRoutes = new RouteTable(name + "-public-rt", RouteTableArgs.builder()
                .vpcId(vpc.id())
                .routes(RouteTableRouteArgs.builder().cidrBlock("0.0.0.0/0").gatewayId(igw.id()).build())
                .tags(tags(name + "-public-rt", Map.of()))
                .build(), child);

        List<Output<String>> privateRouteTables = new ArrayList<>();
        NatGateway shared = null;
        List<String> zones = args.availabilityZones();
        for (int i = 0; i < zones.size(); i++) {
            String zone = zones.get(i);
            var pub = new Subnet(name + "-public-" + zone, SubnetArgs.builder()
                    .vpcId(vpc.id())
                    .availabilityZone(zone)
                    .cidrBlock(Cidrs.subnet(args.cidr(), 4, i))
                    .mapPublicIpOnLaunch(false)
                    .tags(tags(name + "-public-" + zone, Map.of("kubernetes.io/role/elb", "1", clusterTag, "shared")))
                    .build(), child);
            publicSubnetIds.add(pub.id());
            new RouteTableAssociation(name + "-public-" + zone, RouteTableAssociationArgs.builder()
                    .subnetId(pub.id()).routeTableId(publicRoutes.id()).build(), child);

            NatGateway nat = shared;
            if (nat == null || args.natGatewayPerZone()) {
                // AWS needs the internet gateway attached before a public NAT gateway (and its address) can
                // work; nothing in their inputs says so, so the engine could create them first
                var afterIgw = CustomResourceOptions.builder().parent(this).provider(args.awsProvider()).dependsOn(igw).build();
                var eip = new Eip(name + "-nat-" + zone, EipArgs.builder().domain("vpc").tags(tags(name + "-nat-" + zone, Map.of())).build(), afterIgw);
                nat = new NatGateway(name + "-nat-" + zone, NatGatewayArgs.builder()
                        .allocationId(eip.id()).subnetId(pub.id()).tags(tags(name + "-nat-" + zone, Map.of())).build(), afterIgw);
                shared = nat;
            }
            var priv = new Subnet(name + "-private-" + zone, SubnetArgs.builder()
                    .vpcId(vpc.id())
                    .availabilityZone(zone)
                    .cidrBlock(Cidrs.subnet(args.cidr(), 4, 8 + i))
                    .tags(tags(name + "-private-" + zone, Map.of("kubernetes.io/role/internal-elb", "1", clusterTag, "shared")))
                    .build(), child);
            privateSubnetIds.add(priv.id());
            var privateRoutes = new RouteTable(name + "-private-rt-" + zone, RouteTableArgs.builder()
                    .vpcId(vpc.id())
                    .routes(RouteTableRouteArgs.builder().cidrBlock("0.0.0.0/0").natGatewayId(nat.id()).build())
                    .tags(tags(name + "-private-rt-" + zone, Map.of()))
                    .build(), child);
            new RouteTableAssociation(name + "-private-" + zone, RouteTableAssociationArgs.builder()
                    .subnetId(priv.id()).routeTableId(privateRoutes.id()).build(), child);
            privateRouteTables.add(privateRoutes.id());
        }
        // Checkpoints and HA metadata go to S3 all the time; through the NAT gateway every gigabyte is billed,
        // through a gateway endpoint it is free and never leaves the AWS network
        var endpoint = VpcEndpointArgs.builder()
                .vpcId(vpc.id())
                .serviceName("com.amazonaws." + args.region() + ".s3")
                .vpcEndpointType("Gateway")
                .routeTableIds(Output.all(privateRouteTables))
                .tags(tags(name + "-s3", Map.of()));
        // a policy is updated in place (ModifyVpcEndpoint); without one the endpoint reaches all of S3
        args.s3EndpointPolicy().ifPresent(p -> endpoint.policy(p.document(args.region())));
        this.s3Endpoint = new VpcEndpoint(name + "-s3", endpoint.build(), child);
        registerOutputs(Map.of("vpcId", vpc.id()));
    }

    private static Map<String, String> tags(String name, Map<String, String> extra) {
        Map<String, String> t = new LinkedHashMap<>(extra);
        t.put("Name", name);
        t.put("app.kubernetes.io/part-of", "flink-ha");
        return t;
    }

    /** @return the S3 gateway endpoint on the private route tables */
    public VpcEndpoint s3Endpoint() {
        return s3Endpoint;
    }

    /** @return the VPC */
    public Vpc vpc() {
        return vpc;
    }

    /** @return one private subnet per zone, for nodes */
    public List<Output<String>> privateSubnetIds() {
        return List.copyOf(privateSubnetIds);
    }

    /** @return one public subnet per zone, for internet-facing load balancers */
    public List<Output<String>> publicSubnetIds() {
        return List.copyOf(publicSubnetIds);
    }
}
