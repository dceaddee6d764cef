package io.flinkha.aws.eks;

import io.flinkha.Plans;
import io.flinkha.testing.Plan;
import io.flinkha.testing.PlannedResource;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

import java.util.List;
import java.util.Map;

import static io.flinkha.Plans.at;
import static io.flinkha.Plans.only;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The prod stack's EKS cluster, with AWS's computed outputs filled in so the wiring can be followed. The plan is built
 * once per test instance, not in a static field: a mutation run reuses one JVM for many changed versions of the code,
 * and a plan built once for all of them would hide every change after the first.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class EksClusterTest {
    private final Plan prod = Plans.ofStackWithAwsOutputs("prod");

    /** The plan of a two-zone EKS stack on S3, its cluster settings starting with {@code clusterKeys} (JSON members, each ending in a comma). */
    private static Plan onEks(String clusterKeys) {
        return Plans.ofPlatform(io.flinkha.Settings.valid().with("aws", "{\"region\":\"eu-west-1\"}")
                .with("cluster", "{\"kind\":\"eks\",\"deployer\":\"arn:aws:iam::777700001111:role/deploy\"," + clusterKeys
                        + "\"vpc\":{\"cidr\":\"10.0.0.0/16\",\"availabilityZones\":[\"eu-west-1a\",\"eu-west-1b\"]}}")
                .with("storage", "{\"kind\":\"s3\",\"bucketName\":\"acme-flink-ha-test\"}").load());
    }

    private PlannedResource of(String type) {
        return only(prod, type);
    }

    @Test
    void pinsTheKubernetesVersion() {
        assertEquals("1.35", at(of("aws:eks/cluster:Cluster"), "version"));
    }

    @Test
    void upgradePolicyIsStandardSupportNotTheBilledExtendedDefault() {
        assertEquals("STANDARD", at(of("aws:eks/cluster:Cluster"), "upgradePolicy.supportType"));
    }

    @Test
    void nodeGroupPinsTheClustersVersionAndTheAmiTypeOfItsArchitecture() {
        PlannedResource nodes = of("aws:eks/nodeGroup:NodeGroup");
        assertEquals("1.35", at(nodes, "version"));
        assertEquals("AL2023_x86_64_STANDARD", at(nodes, "amiType"));
    }

    @Test
    void nodesRequireImdsV2WithAHopLimitSoPodsCannotTakeTheNodeRole() {
        PlannedResource template = of("aws:ec2/launchTemplate:LaunchTemplate");
        assertEquals("required", at(template, "metadataOptions.httpTokens"));
        assertEquals(1, ((Number) at(template, "metadataOptions.httpPutResponseHopLimit")).intValue());
    }

    @Test
    void nodesBootFromAnEncryptedGp3RootVolume() {
        PlannedResource template = of("aws:ec2/launchTemplate:LaunchTemplate");
        assertEquals("/dev/xvda", at(template, "blockDeviceMappings.0.deviceName"));
        assertEquals("true", at(template, "blockDeviceMappings.0.ebs.encrypted"));
        assertEquals("gp3", at(template, "blockDeviceMappings.0.ebs.volumeType"));
    }

    @Test
    void theNodeGroupUsesTheLaunchTemplateAndLeavesTheDiskToIt() {
        PlannedResource nodes = of("aws:eks/nodeGroup:NodeGroup");
        assertTrue(nodes.dependencies().contains(of("aws:ec2/launchTemplate:LaunchTemplate").urn()), "uses the template");
        assertEquals(null, nodes.inputs().get("diskSize"), "EKS refuses diskSize next to a launch template");
    }

    @Test
    void controlPlaneLogsExpireAfterTheRetentionInsteadOfNever() {
        PlannedResource logs = of("aws:cloudwatch/logGroup:LogGroup");
        assertEquals(90, ((Number) at(logs, "retentionInDays")).intValue());
        assertEquals("/aws/eks/" + at(of("aws:eks/cluster:Cluster"), "name") + "/cluster", at(logs, "name"));
        assertTrue(of("aws:eks/cluster:Cluster").dependencies().contains(logs.urn()), "the group exists before EKS writes to it");
    }

    @Test
    void everyStacksStateBucketIsProtectedSoARenameCannotAbandonTheState() {
        assertTrue(of("aws:s3/bucketV2:BucketV2").protect(), "prod's bucket is protected");
        assertTrue(Plans.ofStackWithAwsOutputs("staging").ofType("aws:s3/bucketV2:BucketV2").stream().allMatch(PlannedResource::protect),
                "staging's bucket is protected too (protect: true by default)");
    }

    @Test
    void gravitonNodesGetTheArmAmi() {
        assertEquals("AL2023_ARM_64_STANDARD", Ec2InstanceTypes.of("m7g.xlarge").orElseThrow().amiType());
    }

    @Test
    void endpointIsPrivateAndPublicOnlyForTheListedRanges() {
        PlannedResource cluster = of("aws:eks/cluster:Cluster");
        assertEquals(true, at(cluster, "vpcConfig.endpointPrivateAccess"));
        assertEquals(true, at(cluster, "vpcConfig.endpointPublicAccess"));
        assertEquals(List.of("203.0.113.0/24"), at(cluster, "vpcConfig.publicAccessCidrs"));
    }

    @Test
    void theControlPlanesNetworkInterfacesGoToThePrivateSubnetsOnly() {
        assertEquals(List.of("flink-ha-network-private-eu-west-1a-id", "flink-ha-network-private-eu-west-1b-id",
                "flink-ha-network-private-eu-west-1c-id"), at(of("aws:eks/cluster:Cluster"), "vpcConfig.subnetIds"));
    }

    @Test
    void aProductionClusterEncryptsItsSecretsWithARotatedProtectedKeyOfItsOwn() {
        PlannedResource key = of("aws:kms/key:Key");
        assertEquals(true, at(key, "enableKeyRotation"));
        assertEquals(30, ((Number) at(key, "deletionWindowInDays")).intValue());
        assertTrue(key.protect(), "the cluster can neither drop nor change its key: losing it loses the secrets");
        assertEquals(Map.of("provider", Map.of("keyArn", "arn:aws:kms:eu-west-1:123456789012:key/flink-ha-cluster-control-plane-key"),
                "resources", List.of("secrets")), at(of("aws:eks/cluster:Cluster"), "encryptionConfig"));
    }

    @Test
    @SuppressWarnings("unchecked")
    void theControlPlaneLogsAreEncryptedWithTheSameKeyWhichOnlyThisLogGroupMayUse() {
        PlannedResource key = of("aws:kms/key:Key");
        assertEquals("arn:aws:kms:eu-west-1:123456789012:key/flink-ha-cluster-control-plane-key",
                at(of("aws:cloudwatch/logGroup:LogGroup"), "kmsKeyId"));
        List<Map<String, Object>> statements = (List<Map<String, Object>>) Plans.json(at(key, "policy")).get("Statement");
        assertEquals(Map.of("AWS", "arn:aws:iam::123456789012:root"), statements.get(0).get("Principal"));
        assertEquals("kms:*", statements.get(0).get("Action"));
        assertEquals(Map.of("Service", "logs.eu-west-1.amazonaws.com"), statements.get(1).get("Principal"));
        assertEquals(Map.of("ArnEquals", Map.of("kms:EncryptionContext:aws:logs:arn",
                "arn:aws:logs:eu-west-1:123456789012:log-group:/aws/eks/flink-ha-prod/cluster")), statements.get(1).get("Condition"));
    }

    @Test
    @SuppressWarnings("unchecked")
    void theClusterRoleMayUseTheKeyAndTheClusterWaitsForThatGrant() {
        PlannedResource grant = prod.find(r -> r.name().equals("flink-ha-cluster-cluster-kms")).orElseThrow();
        Map<String, Object> statement = (Map<String, Object>) ((List<?>) Plans.json(at(grant, "policy")).get("Statement")).get(0);
        assertEquals(List.of("kms:Encrypt", "kms:Decrypt", "kms:ListGrants", "kms:DescribeKey"), statement.get("Action"));
        assertEquals("arn:aws:kms:eu-west-1:123456789012:key/flink-ha-cluster-control-plane-key", statement.get("Resource"));
        assertTrue(of("aws:eks/cluster:Cluster").dependencies().contains(grant.urn()), "EKS checks the key when the cluster is made");
    }

    @Test
    void aGivenKeyIsUsedAsItIsAndNoKeyIsCreated() {
        String arn = "arn:aws:kms:eu-west-1:777700001111:key/1234abcd-12ab-34cd-56ef-1234567890ab";
        Plan plan = onEks("\"encryption\":{\"kmsKeyArn\":\"" + arn + "\"},");
        assertEquals(List.of(), plan.ofType("aws:kms/key:Key"));
        assertEquals(arn, at(only(plan, "aws:eks/cluster:Cluster"), "encryptionConfig.provider.keyArn"));
        assertEquals(arn, at(only(plan, "aws:cloudwatch/logGroup:LogGroup"), "kmsKeyId"));
    }

    @Test
    void outsideProductionTheClusterKeepsEksDefaultEncryptionUnlessAsked() {
        assertEquals(List.of(), onEks("").ofType("aws:kms/key:Key"));
        assertEquals(1, onEks("\"encryption\":{\"enabled\":true},").ofType("aws:kms/key:Key").size());
    }

    @Test
    void aRestrictedS3EndpointReachesTheStacksStateBucket() {
        Plan plan = Plans.ofPlatform(io.flinkha.Settings.valid().with("aws", "{\"region\":\"eu-west-1\"}")
                .with("cluster", "{\"kind\":\"eks\",\"deployer\":\"arn:aws:iam::777700001111:role/deploy\",\"vpc\":{\"cidr\":"
                        + "\"10.0.0.0/16\",\"availabilityZones\":[\"eu-west-1a\",\"eu-west-1b\"],\"s3Endpoint\":{\"restricted\":true}}}")
                .with("storage", "{\"kind\":\"s3\",\"bucketName\":\"acme-flink-ha-test\"}").load());
        String policy = at(only(plan, "aws:ec2/vpcEndpoint:VpcEndpoint"), "policy");
        assertTrue(policy.contains("\"arn:aws:s3:::acme-flink-ha-test/*\""), policy);
    }

    @Test
    void logsEveryControlPlaneComponent() {
        assertEquals(List.of("api", "audit", "authenticator", "controllerManager", "scheduler"),
                at(of("aws:eks/cluster:Cluster"), "enabledClusterLogTypes"));
    }

    @Test
    void clusterRunsUnderItsOwnRoleTrustedByEks() {
        PlannedResource role = prod.find(r -> r.name().equals("flink-ha-cluster-cluster-role")).orElseThrow();
        Map<String, Object> trust = Plans.json(at(role, "assumeRolePolicy"));
        assertEquals("{Service=eks.amazonaws.com}", String.valueOf(((Map<?, ?>) ((List<?>) trust.get("Statement")).get(0)).get("Principal")));
        assertEquals("arn:aws:iam::123456789012:role/flink-ha-cluster-cluster-role", at(of("aws:eks/cluster:Cluster"), "roleArn"));
    }

    @Test
    void nodeGroupSpreadsOverThePrivateSubnetsOfEveryZone() {
        PlannedResource nodes = of("aws:eks/nodeGroup:NodeGroup");
        List<String> subnets = at(nodes, "subnetIds");
        assertEquals(List.of("flink-ha-network-private-eu-west-1a-id", "flink-ha-network-private-eu-west-1b-id",
                "flink-ha-network-private-eu-west-1c-id"), subnets);
        assertTrue(subnets.size() >= 2);
        assertEquals(3L, (Long) at(nodes, "scalingConfig.minSize"));
        assertEquals(3L, (Long) at(nodes, "scalingConfig.maxSize"), "nothing scales it, so it runs its desired size");
        assertEquals(List.of(), nodes.ignoreChanges(), "the program owns the node count");
        assertEquals(List.of("m6i.2xlarge", "m5.2xlarge"), at(nodes, "instanceTypes"));
    }

    @Test
    void anExternalAutoscalersNodeCountIsLeftAloneByTheNextUp() {
        PlannedResource nodes = only(onEks("\"nodeGroup\":{\"minSize\":2,\"desiredSize\":2,\"maxSize\":6,\"autoscaling\":\"external\"},"),
                "aws:eks/nodeGroup:NodeGroup");
        assertEquals(6L, (Long) at(nodes, "scalingConfig.maxSize"));
        assertEquals(List.of("scalingConfig.desiredSize"), nodes.ignoreChanges());
    }

    private static Plan withPodIdentity() {
        return onEks("\"identity\":\"podIdentity\",");
    }

    @Test
    void podIdentityInstallsTheAgentAddOnAndAssociatesTheJobsRoleWithTheirAccount() {
        Plan plan = withPodIdentity();
        assertEquals(List.of("vpc-cni", "kube-proxy", "eks-pod-identity-agent", "coredns"),
                plan.ofType("aws:eks/addon:Addon").stream().map(a -> (String) at(a, "addonName")).toList());
        PlannedResource association = only(plan, "aws:eks/podIdentityAssociation:PodIdentityAssociation");
        assertEquals("flink", at(association, "namespace"));
        assertEquals("flink", at(association, "serviceAccount"));
        Map<String, Object> annotations = at(only(plan, "kubernetes:core/v1:ServiceAccount"), "metadata.annotations");
        assertTrue(annotations == null || annotations.isEmpty(), String.valueOf(annotations));
    }

    @Test
    void irsaStaysTheDefaultWithoutTheAgent() {
        assertEquals(0, prod.ofType("aws:eks/podIdentityAssociation:PodIdentityAssociation").size());
        assertTrue(prod.ofType("aws:eks/addon:Addon").stream().noneMatch(a -> "eks-pod-identity-agent".equals(at(a, "addonName"))));
    }

    @Test
    void withoutPublicAccessCidrsTheApiEndpointIsPrivateOnly() {
        PlannedResource cluster = only(onEks(""), "aws:eks/cluster:Cluster");
        assertEquals(false, at(cluster, "vpcConfig.endpointPublicAccess"));
        assertEquals(true, at(cluster, "vpcConfig.endpointPrivateAccess"));
        assertEquals(null, (Object) at(cluster, "vpcConfig.publicAccessCidrs"));
    }

    @Test
    void vpcCniKubeProxyAndCoreDnsAreManagedAddOnsAtEksDefaultVersionForTheClustersKubernetesVersion() {
        List<PlannedResource> addOns = prod.ofType("aws:eks/addon:Addon");
        assertEquals(List.of("vpc-cni", "kube-proxy", "coredns"), addOns.stream().map(a -> (String) at(a, "addonName")).toList());
        for (PlannedResource a : addOns) {
            assertEquals("v-default-of-" + at(a, "addonName") + "-for-1.35", at(a, "addonVersion"));
            assertEquals("OVERWRITE", at(a, "resolveConflictsOnCreate"), "takes over the copy EKS bootstrapped");
        }
    }

    @Test
    void coreDnsWaitsForNodesToRunOn() {
        PlannedResource coreDns = prod.ofType("aws:eks/addon:Addon").stream().filter(a -> "coredns".equals(at(a, "addonName"))).findFirst().orElseThrow();
        assertTrue(coreDns.dependencies().contains(of("aws:eks/nodeGroup:NodeGroup").urn()), coreDns.dependencies().toString());
    }

    @Test
    void kubernetesResourcesWaitForTheAddOns() {
        PlannedResource provider = of("pulumi:providers:kubernetes");
        for (PlannedResource a : prod.ofType("aws:eks/addon:Addon")) {
            assertTrue(provider.dependencies().contains(a.urn()), a.urn());
        }
    }

    @Test
    void nodesHaveTheWorkerAndRegistryPoliciesButNoCniRights() {
        assertEquals(java.util.Set.of("arn:aws:iam::aws:policy/AmazonEKSWorkerNodePolicy",
                "arn:aws:iam::aws:policy/AmazonEC2ContainerRegistryReadOnly"), attachedTo("flink-ha-cluster-node-role"));
    }

    private java.util.Set<Object> attachedTo(String role) {
        return prod.ofType("aws:iam/rolePolicyAttachment:RolePolicyAttachment").stream()
                .filter(r -> role.equals(at(r, "role"))).map(r -> at(r, "policyArn")).collect(java.util.stream.Collectors.toSet());
    }

    /** Every host-network pod can use the node role; the CNI's rights belong to kube-system/aws-node alone. */
    @Test
    void theVpcCniRunsAsItsOwnIrsaRoleTrustedOnlyForAwsNode() {
        assertEquals(java.util.Set.of("arn:aws:iam::aws:policy/AmazonEKS_CNI_Policy"), attachedTo("flink-ha-cluster-vpc-cni-role"));
        PlannedResource role = prod.find(r -> r.name().equals("flink-ha-cluster-vpc-cni-role")).orElseThrow();
        String trust = at(role, "assumeRolePolicy");
        assertTrue(trust.contains("\"oidc.eks.eu-west-1.amazonaws.com/id/TEST:sub\":\"system:serviceaccount:kube-system:aws-node\""), trust);
        assertTrue(trust.contains("\"oidc.eks.eu-west-1.amazonaws.com/id/TEST:aud\":\"sts.amazonaws.com\""), trust);
        PlannedResource cni = prod.ofType("aws:eks/addon:Addon").stream().filter(a -> "vpc-cni".equals(at(a, "addonName"))).findFirst().orElseThrow();
        String roleArn = at(cni, "serviceAccountRoleArn");
        assertEquals("arn:aws:iam::123456789012:role/flink-ha-cluster-vpc-cni-role", roleArn, "the add-on runs aws-node as this role");
    }

    @Test
    void nodesJoinOnlyOnceTheVpcCniRunsWithItsRole() {
        PlannedResource cni = prod.ofType("aws:eks/addon:Addon").stream().filter(a -> "vpc-cni".equals(at(a, "addonName"))).findFirst().orElseThrow();
        assertTrue(of("aws:eks/nodeGroup:NodeGroup").dependencies().contains(cni.urn()), "the node group waits for the vpc-cni add-on");
        PlannedResource attachment = prod.find(r -> r.name().equals("flink-ha-cluster-vpc-cni-policy")).orElseThrow();
        assertTrue(cni.dependencies().contains(attachment.urn()), "the add-on waits for its role's policy");
    }

    @Test
    void oidcProviderServesIrsaForTheClustersIssuer() {
        PlannedResource oidc = of("aws:iam/openIdConnectProvider:OpenIdConnectProvider");
        assertEquals("https://oidc.eks.eu-west-1.amazonaws.com/id/TEST", at(oidc, "url"));
        assertEquals(List.of("sts.amazonaws.com"), at(oidc, "clientIdLists"));
    }

    @Test
    void adminsGetClusterAdminThroughAccessEntries() {
        PlannedResource entry = prod.find(r -> r.name().equals("flink-ha-cluster-admin-0")
                && r.type().equals("aws:eks/accessEntry:AccessEntry")).orElseThrow();
        assertEquals("arn:aws:iam::444455556666:role/platform-admins", at(entry, "principalArn"));
        PlannedResource association = prod.find(r -> r.name().equals("flink-ha-cluster-admin-0")
                && r.type().equals("aws:eks/accessPolicyAssociation:AccessPolicyAssociation")).orElseThrow();
        assertEquals("arn:aws:eks::aws:cluster-access-policy/AmazonEKSClusterAdminPolicy", at(association, "policyArn"));
        assertEquals("cluster", at(association, "accessScope.type"));
        assertEquals("API", at(of("aws:eks/cluster:Cluster"), "accessConfig.authenticationMode"));
    }

    @Test
    void theDeployerGetsAnExplicitAccessEntryInsteadOfEksBootstrapAccess() {
        assertEquals(false, at(of("aws:eks/cluster:Cluster"), "accessConfig.bootstrapClusterCreatorAdminPermissions"));
        PlannedResource association = prod.find(r -> r.name().equals("flink-ha-cluster-deployer")
                && r.type().equals("aws:eks/accessPolicyAssociation:AccessPolicyAssociation")).orElseThrow();
        assertEquals("arn:aws:iam::444455556666:role/flink-ha-deploy", at(association, "principalArn"), "the role the stack names");
        assertEquals("arn:aws:eks::aws:cluster-access-policy/AmazonEKSClusterAdminPolicy", at(association, "policyArn"));
        assertEquals(3, prod.ofType("aws:eks/accessPolicyAssociation:AccessPolicyAssociation").size(), "admin, deployer, previewer");
    }

    @Test
    void thePreviewRoleGetsAReadOnlyAccessEntryForTheWholeCluster() {
        PlannedResource association = prod.find(r -> r.name().equals("flink-ha-cluster-previewer-0")
                && r.type().equals("aws:eks/accessPolicyAssociation:AccessPolicyAssociation")).orElseThrow();
        assertEquals("arn:aws:iam::444455556666:role/flink-ha-preview", at(association, "principalArn"));
        assertEquals("arn:aws:eks::aws:cluster-access-policy/AmazonEKSViewPolicy", at(association, "policyArn"));
        assertEquals("cluster", at(association, "accessScope.type"));
    }

    @Test
    void theKubernetesProviderWaitsForEveryAccessEntryIncludingTheDeployers() {
        PlannedResource provider = of("pulumi:providers:kubernetes");
        prod.ofType("aws:eks/accessPolicyAssociation:AccessPolicyAssociation").forEach(a ->
                assertTrue(provider.dependencies().contains(a.urn()), a.name()));
    }

    /** A pull-request preview runs as another identity than `pulumi up`: both must plan the same access entries. */
    @Test
    void theAccessEntriesAreTheSameWhoeverRunsTheProgramAndKnownOffline() {
        java.util.function.Function<Plan, List<Object>> entries = plan -> plan.ofType("aws:eks/accessEntry:AccessEntry").stream()
                .map(e -> at(e, "principalArn")).toList();
        List<Object> offline = entries.apply(Plans.ofStack("prod"));
        assertEquals(List.of("arn:aws:iam::444455556666:role/platform-admins", "arn:aws:iam::444455556666:role/flink-ha-deploy",
                "arn:aws:iam::444455556666:role/flink-ha-preview"), offline);
        assertEquals(offline, entries.apply(Plans.ofStackRunBy("prod", "arn:aws:iam::444455556666:role/flink-ha-preview")));
        assertEquals(offline, entries.apply(Plans.ofStackRunBy("prod", "arn:aws:iam::444455556666:role/flink-ha-deploy")));
    }

    @Test
    void kubernetesProviderUsesTheClustersKubeconfigAsASecret() {
        PlannedResource provider = of("pulumi:providers:kubernetes");
        assertEquals("[secret]", at(provider, "kubeconfig"));
        assertTrue(provider.dependencies().contains(of("aws:eks/nodeGroup:NodeGroup").urn()), "waits for nodes");
    }

    @Test
    void kubeconfigGetsTokensFromTheAwsCliAndHoldsNoCredential() {
        Map<String, Object> kubeconfig = Plans.json(EksCluster.kubeconfig("c", "https://e", "Q0E=", "eu-west-1"));
        String text = String.valueOf(kubeconfig);
        assertTrue(text.contains("command=aws"), text);
        assertTrue(text.contains("args=[eks, get-token, --cluster-name, c, --region, eu-west-1, --output, json]"), text);
        assertTrue(!text.contains("token=") && !text.contains("password"), text);
    }

    @Test
    void serviceAccountIsAnnotatedWithItsOwnCloudRoleWhichTheStorageGrantExtends() {
        PlannedResource sa = of("kubernetes:core/v1:ServiceAccount");
        Map<String, Object> annotations = at(sa, "metadata.annotations");
        assertEquals("arn:aws:iam::123456789012:role/flink-ha-account-irsa", annotations.get("eks.amazonaws.com/role-arn"));
        assertEquals("flink-ha-account-irsa-id", at(prod.find(r -> r.name().equals("flink-ha-storage-flink-irsa-s3")).orElseThrow(), "role"));
        Map<String, Object> trust = Plans.json(at(prod.find(r -> r.name().equals("flink-ha-account-irsa")).orElseThrow(), "assumeRolePolicy"));
        assertTrue(String.valueOf(trust).contains("oidc.eks.eu-west-1.amazonaws.com/id/TEST:sub=system:serviceaccount:flink:flink"), String.valueOf(trust));
    }

    @Test
    void offlineTheSupportDatesComeFromTheDatedTableAndThePlanSaysSo() {
        assertEquals(List.of("flink-ha.cluster.kubernetesVersion: support dates of 1.35 from the dated table read on 2026-11-29 (AWS gave "
                + "none: no credentials, or an offline plan)"), Plans.ofStack("prod").notes());
    }

    @Test
    void withCredentialsTheSupportDatesComeFromAwsAndThePlanSaysSo() {
        assertEquals(List.of("flink-ha.cluster.kubernetesVersion: support dates of 1.35 from AWS: standard support until 2027-04-30"),
                Plans.ofStackWithAwsCalendar("prod", "2027-04-30").notes());
    }


    /** The table says 1.35 is supported until 2027-03-27; when AWS says it has ended, AWS is right. */
    @Test
    void awsSayingTheVersionsSupportHasEndedStopsThePreviewWhateverTheTableSays() {
        var e = org.junit.jupiter.api.Assertions.assertThrows(IllegalArgumentException.class,
                () -> Plans.ofStackWithAwsCalendar("prod", "2026-12-01"));
        assertTrue(e.getMessage().startsWith("EksClusterArgs.kubernetesVersion: got '1.35'; standard support of Kubernetes 1.35 on EKS "
                + "ended on 2026-12-01"), e.getMessage());
        assertTrue(e.getMessage().endsWith("(support dates from AWS, eks:DescribeClusterVersions)"), e.getMessage());
    }
}
