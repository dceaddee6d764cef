package io.flinkha;

import com.pulumi.Context;
import io.flinkha.cluster.ExistingCluster;
import io.flinkha.cluster.ExistingClusterArgs;
import io.flinkha.cluster.KubernetesCluster;
import io.flinkha.internal.app.FlinkHaProgram;
import io.flinkha.platform.FlinkPlatformArgs;
import io.flinkha.testing.Plan;
import io.flinkha.testing.PlanEngine;
import io.flinkha.testing.PlannedResource;
import io.flinkha.internal.plan.StackConfig;
import io.flinkha.platform.FlinkPlatform;

import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.function.Function;

import static org.junit.jupiter.api.Assertions.assertEquals;

/** Runs real programs on the SDK's mock engine and reads what they registered. */
public final class Plans {
    /**
     * The environments whose clusters still have operator 1.10.0's CRDs while their stacks move to 1.15.0: the policy
     * operator-crds stops their {@code pulumi up} with the steps to run, and their record in {@code policies/config} moves
     * only once someone has run them against the cluster. Empty again after that.
     */
    public static final java.util.Set<String> CRD_UPGRADES_PENDING = java.util.Set.of("staging", "prod");

    private Plans() {
    }

    /** The plan of a committed stack, exactly as {@code plan <stack>} makes it. */
    public static Plan ofStack(String stack) {
        StackConfig config = StackConfig.load(Path.of("").toAbsolutePath(), stack);
        return PlanEngine.run(config.project(), stack, config.values(), FlinkHaProgram::define);
    }

    /**
     * What AWS computes on create, as a provider would return it: ARNs, the cluster's OIDC issuer and
     * CA, so tests can follow the wiring that a preview leaves unknown.
     */
    public static Map<String, Object> awsComputed(String type, String name) {
        return switch (type) {
            case "aws:iam/role:Role" -> Map.of("arn", "arn:aws:iam::123456789012:role/" + name, "name", name);
            case "aws:kms/key:Key" -> Map.of("arn", "arn:aws:kms:eu-west-1:123456789012:key/" + name);
            case "aws:iam/openIdConnectProvider:OpenIdConnectProvider" -> Map.of(
                    "arn", "arn:aws:iam::123456789012:oidc-provider/oidc.eks.eu-west-1.amazonaws.com/id/TEST",
                    "url", "oidc.eks.eu-west-1.amazonaws.com/id/TEST");
            case "aws:eks/cluster:Cluster" -> Map.of(
                    "endpoint", "https://TEST.gr7.eu-west-1.eks.amazonaws.com",
                    "certificateAuthority", Map.of("data", "LS0tQ0EtLS0="),
                    "identities", List.of(Map.of("oidcs", List.of(Map.of("issuer", "https://oidc.eks.eu-west-1.amazonaws.com/id/TEST")))));
            case "aws:ec2/subnet:Subnet", "aws:ec2/vpc:Vpc", "aws:ec2/natGateway:NatGateway",
                 "aws:ec2/internetGateway:InternetGateway", "aws:ec2/eip:Eip", "aws:ec2/routeTable:RouteTable" -> Map.of("arn", "arn:aws:ec2:::" + name);
            default -> Map.of();
        };
    }

    /** The plan of a committed stack with AWS's computed outputs filled in. */
    public static Plan ofStackWithAwsOutputs(String stack) {
        return ofStackRunBy(stack, DEPLOYER_ROLE);
    }

    /** The identity {@link #ofStackWithAwsOutputs} runs as: a CI role, as {@code aws iam get-session-context} reports it. */
    public static final String DEPLOYER_ROLE = "arn:aws:iam::123456789012:role/ci-deployer";

    /** Provider functions as AWS answers them for {@link #DEPLOYER_ROLE} assumed in a session. */
    public static Map<String, Object> awsInvoked(String issuerArn, String token, Map<String, Object> args) {
        return switch (token) {
            case "aws:index/getCallerIdentity:getCallerIdentity" -> Map.of("accountId", "123456789012",
                    "arn", "arn:aws:sts::123456789012:assumed-role/ci-deployer/gha-run-42", "id", "123456789012", "userId", "AROAEXAMPLE:gha-run-42");
            case "aws:iam/getSessionContext:getSessionContext" -> Map.of("arn", String.valueOf(args.get("arn")), "id", "x",
                    "issuerArn", issuerArn, "issuerId", "AROAEXAMPLE", "issuerName", "ci-deployer", "sessionName", "gha-run-42");
            // EKS's default version of an add-on for a Kubernetes version, marked so tests can follow the wiring
            case "aws:eks/getAddonVersion:getAddonVersion" -> Map.of("addonName", String.valueOf(args.get("addonName")),
                    "kubernetesVersion", String.valueOf(args.get("kubernetesVersion")), "id", "x",
                    "version", "v-default-of-" + args.get("addonName") + "-for-" + args.get("kubernetesVersion"));
            default -> Map.of();
        };
    }

    /** The plan of a committed stack with AWS's outputs filled in, run by {@code issuerArn}. */
    public static Plan ofStackRunBy(String stack, String issuerArn) {
        StackConfig config = StackConfig.load(Path.of("").toAbsolutePath(), stack);
        return PlanEngine.run(config.project(), stack, config.values(), FlinkHaProgram::define, Plans::awsComputed,
                (token, args) -> awsInvoked(issuerArn, token, args));
    }

    /**
     * The plan of a committed stack run with credentials, AWS answering {@code getClusterVersions} for the stack's version
     * with the given end of standard support (extended support a year later).
     */
    public static Plan ofStackWithAwsCalendar(String stack, String endOfStandardSupport) {
        StackConfig config = StackConfig.load(Path.of("").toAbsolutePath(), stack);
        return PlanEngine.run(config.project(), stack, config.values(), FlinkHaProgram::define, Plans::awsComputed, (token, args) ->
                !token.equals("aws:eks/getClusterVersions:getClusterVersions") ? awsInvoked(DEPLOYER_ROLE, token, args)
                        : Map.of("id", "eks-versions", "clusterVersions", ((List<?>) args.get("clusterVersionsOnlies")).stream().map(v -> Map.of(
                                "clusterVersion", v, "clusterType", "eks", "defaultPlatformVersion", "eks.1", "defaultVersion", false,
                                "kubernetesPatchVersion", v + ".0", "releaseDate", "2026-01-28T00:00:00Z", "versionStatus", "STANDARD_SUPPORT",
                                "endOfStandardSupportDate", endOfStandardSupport + "T00:00:00Z",
                                "endOfExtendedSupportDate", java.time.LocalDate.parse(endOfStandardSupport).plusYears(1) + "T00:00:00Z")).toList()));
    }

    /** A component program with AWS's computed outputs filled in; it gets an AWS provider in eu-west-1. */
    public static Plan ofAwsComponent(Function<com.pulumi.aws.Provider, Object> component) {
        return PlanEngine.run("flink-ha", "test", Map.of(), (Context ctx) -> component.apply(new com.pulumi.aws.Provider("test-aws",
                com.pulumi.aws.ProviderArgs.builder().region("eu-west-1").build())), Plans::awsComputed);
    }

    /** Parses a JSON policy document held in an input. */
    @SuppressWarnings("unchecked")
    public static Map<String, Object> json(Object text) {
        return new com.google.gson.Gson().fromJson((String) text, Map.class);
    }

    /** The plan of a platform built from the given settings. */
    public static Plan ofPlatform(FlinkPlatformArgs settings) {
        return PlanEngine.run("flink-ha", "test", Map.of(), ctx -> new FlinkPlatform("flink-ha", settings, null));
    }

    /** The plan of a program that gets a cluster (an existing one, context {@code test}) to pass to the component under test. */
    public static Plan ofComponent(Function<KubernetesCluster, Object> component) {
        return PlanEngine.run("flink-ha", "test", Map.of(), (Context ctx) ->
                component.apply(new ExistingCluster("test", new ExistingClusterArgs("test", java.util.Optional.empty()), null)));
    }

    public static PlannedResource only(Plan plan, String type) {
        List<PlannedResource> found = plan.ofType(type);
        assertEquals(1, found.size(), () -> "expected exactly one " + type + ", got " + found.size());
        return found.get(0);
    }

    /** The value at a dotted path of a resource's inputs, e.g. {@code spec.job.upgradeMode}. */
    @SuppressWarnings("unchecked")
    public static <T> T at(PlannedResource r, String path) {
        Object cur = r.inputs();
        for (String part : path.split("\\.")) {
            if (cur == null) {
                return null;
            }
            if (part.matches("\\d+")) {
                cur = ((List<Object>) cur).get(Integer.parseInt(part));
            } else {
                cur = ((Map<String, Object>) cur).get(part);
            }
        }
        return (T) cur;
    }

    /** Flink configuration of a FlinkDeployment; its keys contain dots, so they are not path segments. */
    @SuppressWarnings("unchecked")
    public static Map<String, Object> flinkConfiguration(PlannedResource deployment) {
        return (Map<String, Object>) ((Map<String, Object>) deployment.inputs().get("spec")).get("flinkConfiguration");
    }
}
