package io.flinkha.aws.eks;

import io.flinkha.aws.AwsPlans;
import io.flinkha.ComponentPlans;
import io.flinkha.ComponentPlans.Plan;
import io.flinkha.PublicApi.Registered;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Map;

import static io.flinkha.ComponentPlans.at;
import static io.flinkha.ComponentPlans.only;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class EksNetworkTest {

    private static Plan network(List<String> zones, boolean natPerZone) {
        return AwsPlans.ofAwsComponent(aws -> new EksNetwork("net", new EksNetworkArgs("c", "10.40.0.0/16", zones, natPerZone, aws), null));
    }

    @Test
    void everyZoneGetsAPublicAndAPrivateSubnetFromTheVpcBlock() {
        List<Registered> subnets = network(List.of("eu-west-1a", "eu-west-1b"), false).ofType("aws:ec2/subnet:Subnet");
        assertEquals(List.of("10.40.0.0/20", "10.40.128.0/20", "10.40.16.0/20", "10.40.144.0/20"),
                subnets.stream().map(s -> (String) at(s, "cidrBlock")).toList());
        assertEquals(List.of("eu-west-1a", "eu-west-1a", "eu-west-1b", "eu-west-1b"),
                subnets.stream().map(s -> (String) at(s, "availabilityZone")).toList());
    }

    @Test
    void subnetsAreTaggedForTheClustersLoadBalancers() {
        for (Registered s : network(List.of("eu-west-1a", "eu-west-1b"), false).ofType("aws:ec2/subnet:Subnet")) {
            Map<String, Object> tags = at(s, "tags");
            assertEquals("shared", tags.get("kubernetes.io/cluster/c"));
            assertTrue(tags.containsKey(s.name().contains("private") ? "kubernetes.io/role/internal-elb" : "kubernetes.io/role/elb"));
        }
    }

    @Test
    void privateSubnetsReachTheInternetOnlyThroughNat() {
        Plan plan = network(List.of("eu-west-1a", "eu-west-1b"), false);
        plan.ofType("aws:ec2/routeTable:RouteTable").stream().filter(r -> r.name().contains("private")).forEach(rt -> {
            assertEquals("0.0.0.0/0", at(rt, "routes.0.cidrBlock"));
            assertTrue(((String) at(rt, "routes.0.natGatewayId")).startsWith("net-nat-"), rt.name());
            assertNull(at(rt, "routes.0.gatewayId"));
        });
    }

    @Test
    void oneNatGatewayIsSharedUnlessOnePerZoneIsAsked() {
        assertEquals(1, network(List.of("eu-west-1a", "eu-west-1b", "eu-west-1c"), false).ofType("aws:ec2/natGateway:NatGateway").size());
        assertEquals(3, network(List.of("eu-west-1a", "eu-west-1b", "eu-west-1c"), true).ofType("aws:ec2/natGateway:NatGateway").size());
    }

    @Test
    void natGatewaysAndTheirAddressesWaitForTheInternetGateway() {
        Plan plan = network(List.of("eu-west-1a", "eu-west-1b"), true);
        String igw = ComponentPlans.only(plan, "aws:ec2/internetGateway:InternetGateway").urn();
        List<Registered> waiting = new java.util.ArrayList<>(plan.ofType("aws:ec2/natGateway:NatGateway"));
        waiting.addAll(plan.ofType("aws:ec2/eip:Eip"));
        assertEquals(4, waiting.size());
        for (Registered r : waiting) {
            assertTrue(r.dependencies().contains(igw), () -> r.name() + " depends on " + r.dependencies());
        }
    }

    @Test
    void rejectsASingleZone() {
        var e = assertThrows(IllegalArgumentException.class, () -> new EksNetworkArgs("c", "10.0.0.0/16", List.of("eu-west-1a"), false, null));
        assertTrue(e.getMessage().contains("two to four distinct zones"), e.getMessage());
    }

    @Test
    void carvesSubnetsOutOfSmallerBlocks() {
        assertEquals("10.1.0.64/26", Cidrs.subnet("10.1.0.0/22", 4, 1));
        assertEquals("192.168.128.0/20", Cidrs.subnet("192.168.0.0/16", 4, 8));
    }

    @Test
    void anOpenEndpointHasNoPolicySoItReachesAllOfS3() {
        assertNull(at(only(network(List.of("eu-west-1a", "eu-west-1b"), false), "aws:ec2/vpcEndpoint:VpcEndpoint"), "policy"));
    }

    @Test
    @SuppressWarnings("unchecked")
    void aRestrictedEndpointReachesTheNamedBucketsAndOnlyTheBucketsAwsServesTheNodesFrom() {
        var args = io.flinkha.validation.ArgsCheck.unbound(() -> new EksNetworkArgs(null, "10.40.0.0/16", List.of("eu-west-1a", "eu-west-1b"),
                false, null, java.util.Optional.of(new S3EndpointPolicy(List.of("acme-flink-state")))));
        Plan plan = AwsPlans.ofAwsComponent(aws -> new EksNetwork("net", args.bind("c", aws), null));
        Map<String, Object> policy = ComponentPlans.json(at(only(plan, "aws:ec2/vpcEndpoint:VpcEndpoint"), "policy"));
        List<Map<String, Object>> statements = (List<Map<String, Object>>) policy.get("Statement");
        assertEquals(List.of("arn:aws:s3:::acme-flink-state", "arn:aws:s3:::acme-flink-state/*"), statements.get(0).get("Resource"));
        assertEquals("s3:GetObject", statements.get(1).get("Action"));
        assertEquals(List.of("arn:aws:s3:::prod-eu-west-1-starport-layer-bucket/*", "arn:aws:s3:::al2023-repos-eu-west-1-de612dc2/*"),
                statements.get(1).get("Resource"));
        assertEquals(2, statements.size(), "nothing else is reachable");
    }

    @Test
    void anEndpointBucketS3WouldRefuseIsNamed() {
        var e = assertThrows(IllegalArgumentException.class, () -> new S3EndpointPolicy(List.of("ok-bucket", "Bad_Bucket")));
        assertTrue(e.getMessage().contains("buckets[1]"), e.getMessage());
    }

    @Test
    void s3TrafficOfThePrivateSubnetsBypassesTheNatGateway() {
        Plan plan = network(List.of("eu-west-1a", "eu-west-1b", "eu-west-1c"), false);
        Registered endpoint = only(plan, "aws:ec2/vpcEndpoint:VpcEndpoint");
        assertEquals("com.amazonaws.eu-west-1.s3", at(endpoint, "serviceName"));
        assertEquals("Gateway", at(endpoint, "vpcEndpointType"));
        List<?> tables = at(endpoint, "routeTableIds");
        assertEquals(3, tables.size(), "one private route table per zone: " + tables);
        for (Registered rt : plan.ofType("aws:ec2/routeTable:RouteTable")) {
            // the mock engine gives each resource the id <name>-id
            assertEquals(rt.name().contains("private"), tables.contains(rt.name() + "-id"), rt.name() + " in " + tables);
        }
    }

    @Test
    void rejectsZonesOfTwoRegions() {
        var e = assertThrows(IllegalArgumentException.class,
                () -> new EksNetworkArgs("c", "10.0.0.0/16", List.of("eu-west-1a", "eu-central-1b"), false, null));
        assertTrue(e.getMessage().contains("expected zones of one region, not eu-west-1, eu-central-1"), e.getMessage());
    }
    @Test
    void aSlash20IsTheSmallestBlockAndTwoToFourZonesAreAllowed() {
        assertEquals(List.of(), EksNetworkArgs.problems("10.0.0.0/20", List.of("eu-west-1a", "eu-west-1b")));
        assertEquals(List.of(), EksNetworkArgs.problems("10.0.0.0/16", List.of("eu-west-1a", "eu-west-1b", "eu-west-1c", "eu-west-1d")));
        assertEquals(List.of("cidr: got '10.0.0.0/21'; expected a /20 or larger block: each subnet takes a sixteenth of it"),
                EksNetworkArgs.problems("10.0.0.0/21", List.of("eu-west-1a", "eu-west-1b")));
        assertEquals(List.of("availabilityZones: got [eu-west-1a, eu-west-1b, eu-west-1c, eu-west-1a, eu-west-1b]; expected two to four distinct zones"),
                EksNetworkArgs.problems("10.0.0.0/16", List.of("eu-west-1a", "eu-west-1b", "eu-west-1c", "eu-west-1a", "eu-west-1b")));
    }

    @Test
    void aMalformedZoneIsNamedAndZonesOfTwoRegionsAreRefused() {
        assertEquals(List.of("availabilityZones: got 'west'; expected an availability zone name such as eu-west-1a"),
                EksNetworkArgs.problems("10.0.0.0/16", List.of("eu-west-1a", "west")));
        assertEquals(List.of("availabilityZones: got [eu-west-1a, us-east-1a]; expected zones of one region, not eu-west-1, us-east-1"),
                EksNetworkArgs.problems("10.0.0.0/16", List.of("eu-west-1a", "us-east-1a")));
    }
}
