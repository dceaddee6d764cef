package io.flinkha.aws.eks;

import io.flinkha.cluster.KubernetesCluster;
import io.flinkha.cluster.OidcIdentity;
import io.flinkha.cluster.PodIdentity;
import com.google.gson.GsonBuilder;
import com.pulumi.aws.eks.AccessEntry;
import com.pulumi.aws.eks.Addon;
import com.pulumi.aws.eks.AddonArgs;
import com.pulumi.aws.eks.EksFunctions;
import com.pulumi.aws.eks.inputs.GetAddonVersionArgs;
import com.pulumi.aws.eks.inputs.GetClusterVersionsArgs;
import com.pulumi.aws.eks.outputs.GetAddonVersionResult;
import com.pulumi.aws.eks.AccessEntryArgs;
import com.pulumi.aws.eks.AccessPolicyAssociation;
import com.pulumi.aws.eks.AccessPolicyAssociationArgs;
import com.pulumi.aws.eks.Cluster;
import com.pulumi.aws.eks.ClusterArgs;
import com.pulumi.aws.cloudwatch.LogGroup;
import com.pulumi.aws.cloudwatch.LogGroupArgs;
import com.pulumi.aws.ec2.LaunchTemplate;
import com.pulumi.aws.ec2.LaunchTemplateArgs;
import com.pulumi.aws.ec2.inputs.LaunchTemplateBlockDeviceMappingArgs;
import com.pulumi.aws.ec2.inputs.LaunchTemplateBlockDeviceMappingEbsArgs;
import com.pulumi.aws.ec2.inputs.LaunchTemplateMetadataOptionsArgs;
import com.pulumi.aws.eks.NodeGroup;
import com.pulumi.aws.eks.inputs.NodeGroupLaunchTemplateArgs;
import com.pulumi.aws.eks.NodeGroupArgs;
import com.pulumi.aws.eks.inputs.AccessPolicyAssociationAccessScopeArgs;
import com.pulumi.aws.eks.inputs.ClusterAccessConfigArgs;
import com.pulumi.aws.eks.inputs.ClusterUpgradePolicyArgs;
import com.pulumi.deployment.InvokeOptions;
import com.pulumi.aws.eks.inputs.ClusterVpcConfigArgs;
import com.pulumi.aws.eks.inputs.NodeGroupScalingConfigArgs;
import com.pulumi.aws.eks.inputs.NodeGroupUpdateConfigArgs;
import com.pulumi.aws.iam.OpenIdConnectProvider;
import com.pulumi.aws.iam.OpenIdConnectProviderArgs;
import com.pulumi.aws.iam.Role;
import com.pulumi.aws.iam.RoleArgs;
import com.pulumi.aws.iam.RolePolicy;
import com.pulumi.aws.iam.RolePolicyArgs;
import com.pulumi.aws.iam.RolePolicyAttachment;
import com.pulumi.aws.inputs.GetCallerIdentityArgs;
import com.pulumi.aws.kms.Key;
import com.pulumi.aws.kms.KeyArgs;
import com.pulumi.aws.outputs.GetCallerIdentityResult;
import com.pulumi.aws.eks.inputs.ClusterEncryptionConfigArgs;
import com.pulumi.aws.eks.inputs.ClusterEncryptionConfigProviderArgs;
import com.pulumi.aws.iam.RolePolicyAttachmentArgs;
import com.pulumi.core.Output;
import com.pulumi.kubernetes.Provider;
import com.pulumi.kubernetes.ProviderArgs;
import com.pulumi.resources.ComponentResource;
import com.pulumi.resources.ComponentResourceOptions;
import com.pulumi.resources.CustomResourceOptions;
import com.pulumi.resources.Resource;
import io.flinkha.aws.PolicyDocuments;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * An EKS cluster composed from AWS resources (the Java {@code com.pulumi:eks} package served here is
 * unusable), with what pulumi-eks provides: cluster role, private endpoint, control-plane logging,
 * a managed node group with its role, the OIDC provider for IRSA, access entries for
 * administrators, and a Kubernetes provider built from the cluster's own kubeconfig.
 *
 * @see <a href="https://docs.aws.amazon.com/eks/latest/userguide/iam-roles-for-service-accounts.html">IRSA</a>
 */
public class EksCluster extends ComponentResource implements KubernetesCluster {
    /** Pulumi type token of the component; part of every child's URN, so it never changes. */
    public static final String TYPE = "flink-ha:cluster:EksCluster";
    static final List<String> LOG_TYPES = List.of("api", "audit", "authenticator", "controllerManager", "scheduler");
    static final String ADMIN_POLICY = "arn:aws:eks::aws:cluster-access-policy/AmazonEKSClusterAdminPolicy";
    /** Read access to most objects (not Secrets), cluster-wide: what a preview needs. */
    static final String VIEW_POLICY = "arn:aws:eks::aws:cluster-access-policy/AmazonEKSViewPolicy";

    /** The add-ons every node needs (pod networking, service routing, cluster DNS), managed by EKS at the cluster's version. */
    public static final List<String> MANAGED_ADD_ONS = List.of("vpc-cni", "kube-proxy", "coredns");
    /** The VPC CNI add-on's configuration: its NetworkPolicy enforcement on (Amazon EKS user guide, "Restrict Pod network traffic"). */
    public static final String VPC_CNI_CONFIGURATION = "{\"enableNetworkPolicy\":\"true\"}";
    /** The add-on that hands pods the roles of their pod identity associations. */
    public static final String POD_IDENTITY_AGENT = "eks-pod-identity-agent";

    private final Optional<PodIdentity> podIdentity;

    private final Cluster cluster;
    /** Instance metadata answers only the node itself, never a pod behind it. */
    public static final int IMDS_HOP_LIMIT = 1;

    private final NodeGroup nodeGroup;
    private final List<Addon> addOns = new ArrayList<>();
    private final Role cniRole;
    private final LaunchTemplate launchTemplate;
    private final LogGroup controlPlaneLogs;
    private final Optional<Key> controlPlaneKey;
    private final OpenIdConnectProvider oidcProvider;
    private final Output<String> kubeconfig;
    private final Provider provider;

    /**
     * Declares an EKS cluster.
     *
     * @param name    logical name; children are named {@code <name>-<part>}
     * @param args    the arguments
     * @param options component options, e.g. a parent; may be null
     */
    public EksCluster(String name, EksClusterArgs args, ComponentResourceOptions options) {
        super(TYPE, name, options);
        var child = CustomResourceOptions.builder().parent(this).provider(args.awsProvider()).build();

        var clusterRole = new Role(name + "-cluster-role", RoleArgs.builder()
                .assumeRolePolicy(PolicyDocuments.serviceTrust("eks.amazonaws.com"))
                .build(), child);
        var clusterPolicy = attach(name + "-cluster-policy", clusterRole, "AmazonEKSClusterPolicy", child);

        String logGroupName = "/aws/eks/" + args.clusterName() + "/cluster";
        this.controlPlaneKey = args.encryption().filter(e -> e.kmsKeyArn().isEmpty())
                .map(e -> controlPlaneKey(name, args, logGroupName, child));
        Optional<Output<String>> keyArn = args.encryption().map(e -> e.kmsKeyArn().map(Output::of)
                .orElseGet(() -> controlPlaneKey.orElseThrow().arn()));
        List<Resource> clusterNeeds = new ArrayList<>(List.of(clusterPolicy));
        keyArn.ifPresent(arn -> clusterNeeds.add(new RolePolicy(name + "-cluster-kms", RolePolicyArgs.builder()
                .role(clusterRole.name())
                // what terraform-aws-eks grants its cluster role on the secrets key: EKS calls KMS as this role
                .policy(arn.applyValue(a -> PolicyDocuments.document(List.of(PolicyDocuments.statement("ControlPlaneKey", "Allow",
                        List.of("kms:Encrypt", "kms:Decrypt", "kms:ListGrants", "kms:DescribeKey"), a, Map.of())))))
                .build(), child)));
        // EKS writes to this group by name; created first, it has a retention (and the key). Left to EKS, it is created
        // on the first log line and keeps every line for ever.
        var logs = LogGroupArgs.builder()
                .name(logGroupName)
                .retentionInDays(args.logRetentionDays())
                .tags(Map.of("app.kubernetes.io/part-of", "flink-ha"));
        keyArn.ifPresent(logs::kmsKeyId);
        this.controlPlaneLogs = new LogGroup(name + "-control-plane-logs", logs.build(), child);
        clusterNeeds.add(controlPlaneLogs);
        var clusterArgs = ClusterArgs.builder();
        keyArn.ifPresent(arn -> clusterArgs.encryptionConfig(ClusterEncryptionConfigArgs.builder()
                .provider(ClusterEncryptionConfigProviderArgs.builder().keyArn(arn).build())
                .resources("secrets")
                .build()));
        this.cluster = new Cluster(name + "-eks", clusterArgs
                .name(args.clusterName())
                .version(supportedVersion(args))
                .roleArn(clusterRole.arn())
                // the control plane's network interfaces only in private subnets (EKS best practices); public load
                // balancers find public subnets by their kubernetes.io/role/elb tag, not through the cluster
                .vpcConfig(vpcConfig(args.privateSubnetIds(), args.publicAccessCidrs()))
                .enabledClusterLogTypes(LOG_TYPES)
                .upgradePolicy(ClusterUpgradePolicyArgs.builder().supportType(args.supportType().name()).build())
                .accessConfig(ClusterAccessConfigArgs.builder()
                        .authenticationMode("API")
                        // EKS's implicit entry for the creator collides (409) with an explicit entry for the same
                        // principal; the creator gets an explicit entry below instead, as terraform-aws-eks does
                        .bootstrapClusterCreatorAdminPermissions(false)
                        .build())
                .tags(Map.of("app.kubernetes.io/part-of", "flink-ha"))
                .build(), CustomResourceOptions.builder().parent(this).provider(args.awsProvider()).dependsOn(clusterNeeds).build());

        var nodeRole = new Role(name + "-node-role", RoleArgs.builder()
                .assumeRolePolicy(PolicyDocuments.serviceTrust("ec2.amazonaws.com"))
                .build(), child);
        List<Resource> nodePolicies = new ArrayList<>(List.of(
                attach(name + "-node-worker-policy", nodeRole, "AmazonEKSWorkerNodePolicy", child),
                attach(name + "-node-ecr-policy", nodeRole, "AmazonEC2ContainerRegistryReadOnly", child)));

        Output<String> issuer = cluster.identities().applyValue(ids -> ids.get(0).oidcs().get(0).issuer().orElseThrow());
        this.oidcProvider = new OpenIdConnectProvider(name + "-oidc", OpenIdConnectProviderArgs.builder()
                .url(issuer)
                .clientIdLists("sts.amazonaws.com")
                .build(), child);
        // The VPC CNI's rights (attach ENIs, assign IPs) go to its own service account, kube-system/aws-node, through IRSA,
        // not to the node role, which every host-network pod on a node can use (AWS's EKS best practices). The add-on runs
        // with this role before any node joins, so nodes never need the rights themselves.
        this.cniRole = new Role(name + "-vpc-cni-role", RoleArgs.builder()
                .assumeRolePolicy(Output.tuple(oidcProvider.arn(), issuer).applyValue(t ->
                        PolicyDocuments.irsaTrust(t.t1, t.t2.replaceFirst("^https://", ""), "kube-system", "aws-node")))
                .build(), child);
        var cniPolicy = attach(name + "-vpc-cni-policy", cniRole, "AmazonEKS_CNI_Policy", child);
        var invoke = InvokeOptions.builder().provider(args.awsProvider()).build();
        List<String> managed = new ArrayList<>(MANAGED_ADD_ONS);
        if (args.podIdentity()) {
            managed.add(POD_IDENTITY_AGENT);
        }
        Optional<PodIdentity> identity = Optional.empty();
        for (String addOn : managed.stream().filter(a -> !a.equals("coredns")).toList()) {
            var managedAddOn = addOn(name, addOn, args, invoke, addOn.equals("vpc-cni")
                    ? CustomResourceOptions.builder().parent(this).provider(args.awsProvider()).dependsOn(cniPolicy).build()
                    : CustomResourceOptions.builder().parent(this).provider(args.awsProvider()).build());
            addOns.add(managedAddOn);
            if (addOn.equals("vpc-cni")) {
                // a node joins only once aws-node can assign its pods' addresses
                nodePolicies.add(managedAddOn);
            }
            if (addOn.equals(POD_IDENTITY_AGENT)) {
                identity = Optional.of(new PodIdentity(cluster.name(), managedAddOn));
            }
        }
        this.podIdentity = identity;
        var ng = args.nodeGroup();
        // Declared from the start: adding a launch template to a node group later replaces the node group.
        // IMDSv2 with a hop limit of 1 keeps pods (one hop further than the node) away from the node role's
        // credentials, so a pod whose web identity is missing fails loudly instead of writing as the node.
        this.launchTemplate = new LaunchTemplate(name + "-nodes", LaunchTemplateArgs.builder()
                .metadataOptions(LaunchTemplateMetadataOptionsArgs.builder()
                        .httpEndpoint("enabled")
                        .httpTokens("required")
                        .httpPutResponseHopLimit(IMDS_HOP_LIMIT)
                        .build())
                .blockDeviceMappings(LaunchTemplateBlockDeviceMappingArgs.builder()
                        // the root device of the EKS-optimised AL2023 AMIs
                        .deviceName("/dev/xvda")
                        .ebs(LaunchTemplateBlockDeviceMappingEbsArgs.builder()
                                .volumeSize(ng.diskSizeGb())
                                .volumeType("gp3")
                                .encrypted("true")
                                .deleteOnTermination("true")
                                .build())
                        .build())
                .tags(Map.of("app.kubernetes.io/part-of", "flink-ha"))
                .build(), child);
        this.nodeGroup = new NodeGroup(name + "-nodes", NodeGroupArgs.builder()
                .clusterName(cluster.name())
                .nodeRoleArn(nodeRole.arn())
                .subnetIds(Output.all(args.privateSubnetIds()))
                .instanceTypes(ng.instanceTypes())
                // pinned: without them EKS picks the AMI family and follows the control plane on its own
                .version(args.kubernetesVersion())
                .amiType(args.smallestNode().amiType())
                // the disk is the launch template's; EKS refuses diskSize next to a launch template
                .launchTemplate(NodeGroupLaunchTemplateArgs.builder()
                        .id(launchTemplate.id())
                        .version(launchTemplate.latestVersion().applyValue(String::valueOf))
                        .build())
                .scalingConfig(NodeGroupScalingConfigArgs.builder()
                        .minSize(ng.minSize()).desiredSize(ng.desiredSize()).maxSize(ng.maxSize()).build())
                .updateConfig(NodeGroupUpdateConfigArgs.builder().maxUnavailable(1).build())
                .tags(Map.of("app.kubernetes.io/part-of", "flink-ha"))
                .build(), CustomResourceOptions.builder().parent(this).provider(args.awsProvider()).dependsOn(nodePolicies)
                // the user's autoscaler owns the node count: the next `pulumi up` must not scale its work back
                .ignoreChanges(ng.autoscaling() == NodeGroupSpec.Autoscaling.EXTERNAL ? List.of("scalingConfig.desiredSize") : List.of())
                .build());

        List<Resource> access = new ArrayList<>();
        for (int i = 0; i < args.admins().size(); i++) {
            access.add(clusterAccess(name + "-admin-" + i, args.admins().get(i), ADMIN_POLICY, child));
        }
        // the identity that runs `pulumi up` must reach the API to deploy the operator and the jobs; it is a setting, so a
        // preview under another identity plans the same entry
        access.add(clusterAccess(name + "-deployer", args.deployer(), ADMIN_POLICY, child));
        for (int i = 0; i < args.previewers().size(); i++) {
            // read-only: a preview reads live objects; where a server-side dry run is forbidden, the Kubernetes provider
            // (4.24.0, provider.go Create/Update) falls back to a client-side preview
            access.add(clusterAccess(name + "-previewer-" + i, args.previewers().get(i), VIEW_POLICY, child));
        }

        this.kubeconfig = Output.tuple(cluster.name(), cluster.endpoint(), cluster.certificateAuthority())
                .applyValue(t -> kubeconfig(t.t1, t.t2, t.t3.data().orElse(""), args.region()))
                .asSecret();
        // CoreDNS's pods need nodes: created before them, the add-on waits DEGRADED until the create times out
        addOns.add(addOn(name, "coredns", args, invoke,
                CustomResourceOptions.builder().parent(this).provider(args.awsProvider()).dependsOn(nodeGroup).build()));
        List<Resource> ready = new ArrayList<>(access);
        ready.add(nodeGroup);
        ready.addAll(addOns);
        this.provider = new Provider(name + "-provider", ProviderArgs.builder().kubeconfig(kubeconfig).build(),
                CustomResourceOptions.builder().parent(this).dependsOn(ready).version(PROVIDER_PLUGIN_VERSION).build());

        registerOutputs(Map.of(
                "clusterName", cluster.name(),
                "endpoint", cluster.endpoint(),
                "oidcProviderArn", oidcProvider.arn(),
                "oidcIssuer", issuer,
                "kubeconfig", kubeconfig));
    }

    /**
     * The pinned version, once its support is checked against AWS's own dates ({@code eks:DescribeClusterVersions}): with
     * the account's credentials, {@code pulumi preview} and {@code up} read them; the Args already checked the dated table,
     * which is the fallback when AWS gives no answer (the offline plan). A version past its support stops the cluster's
     * registration with the reason; the notice says which calendar was used.
     */
    private static Output<String> supportedVersion(EksClusterArgs args) {
        String version = args.kubernetesVersion();
        String key = "flink-ha.cluster.kubernetesVersion: ";
        return EksFunctions.getClusterVersions(GetClusterVersionsArgs.builder().clusterVersionsOnlies(version).includeAll(true).build(),
                InvokeOptions.builder().provider(args.awsProvider()).build()).applyValue(answer -> {
            Optional<EksVersions.Version> fromAws = EksVersions.fromAws(version, answer.clusterVersions());
            if (fromAws.isEmpty()) {
                args.notices().accept(key + "support dates of " + version + " from the dated table read on " + EksVersions.READ_ON
                        + " (AWS gave none: no credentials, or an offline plan)");
                return version;
            }
            EksVersions.problem(fromAws.get(), args.supportType(), args.checkedOn()).ifPresent(p -> {
                throw new IllegalArgumentException("EksClusterArgs.kubernetesVersion: got '" + version + "'; " + p
                        + " (support dates from AWS, eks:DescribeClusterVersions)");
            });
            args.notices().accept(key + "support dates of " + version + " from AWS: " + args.supportType().name().toLowerCase()
                    + " support until " + fromAws.get().endOf(args.supportType()));
            return version;
        });
    }

    /**
     * EKS installs vpc-cni, kube-proxy and CoreDNS self-managed at creation and never upgrades them, so they fall behind the
     * control plane. As managed add-ons they run the version EKS pairs with the cluster's Kubernetes version (its default,
     * not the newest), adopted over the bootstrapped ones, and move with kubernetesVersion in the same `pulumi up`.
     */
    private Addon addOn(String name, String addOn, EksClusterArgs args, InvokeOptions invoke, CustomResourceOptions options) {
        Output<String> version = EksFunctions.getAddonVersion(GetAddonVersionArgs.builder()
                .addonName(addOn).kubernetesVersion(args.kubernetesVersion()).mostRecent(false).build(), invoke)
                .applyValue(GetAddonVersionResult::version);
        var addOnArgs = AddonArgs.builder()
                .clusterName(cluster.name())
                .addonName(addOn)
                .addonVersion(version)
                // the bootstrapped self-managed copy is taken over; the program owns the configuration after that
                .resolveConflictsOnCreate("OVERWRITE")
                .resolveConflictsOnUpdate("OVERWRITE")
                .tags(Map.of("app.kubernetes.io/part-of", "flink-ha"));
        if (addOn.equals("vpc-cni")) {
            // the CNI's network-policy agent (VPC CNI 1.14 and later) is what makes the jobs' NetworkPolicies hold on EKS:
            // without it they are accepted and enforce nothing
            addOnArgs.serviceAccountRoleArn(cniRole.arn()).configurationValues(VPC_CNI_CONFIGURATION);
        }
        return new Addon(name + "-" + addOn, addOnArgs.build(), options);
    }

    private AccessPolicyAssociation clusterAccess(String name, String principal, String policy, CustomResourceOptions options) {
        var entry = new AccessEntry(name, AccessEntryArgs.builder()
                .clusterName(cluster.name())
                .principalArn(principal)
                .type("STANDARD")
                .build(), options);
        return new AccessPolicyAssociation(name, AccessPolicyAssociationArgs.builder()
                .clusterName(cluster.name())
                .principalArn(entry.principalArn())
                .policyArn(policy)
                .accessScope(AccessPolicyAssociationAccessScopeArgs.builder().type("cluster").build())
                .build(), options);
    }

    private static RolePolicyAttachment attach(String name, Role role, String managedPolicy, CustomResourceOptions options) {
        return new RolePolicyAttachment(name, RolePolicyAttachmentArgs.builder()
                .role(role.name())
                .policyArn("arn:aws:iam::aws:policy/" + managedPolicy)
                .build(), options);
    }

    /** A kubeconfig that gets short-lived tokens from {@code aws eks get-token}, so it holds no credential itself. */
    static String kubeconfig(String clusterName, String endpoint, String caData, String region) {
        Map<String, Object> exec = new LinkedHashMap<>();
        exec.put("apiVersion", "client.authentication.k8s.io/v1beta1");
        exec.put("command", "aws");
        exec.put("args", List.of("eks", "get-token", "--cluster-name", clusterName, "--region", region, "--output", "json"));
        Map<String, Object> config = new LinkedHashMap<>();
        config.put("apiVersion", "v1");
        config.put("kind", "Config");
        config.put("clusters", List.of(Map.of("name", clusterName,
                "cluster", Map.of("server", endpoint, "certificate-authority-data", caData))));
        config.put("users", List.of(Map.of("name", clusterName, "user", Map.of("exec", exec))));
        config.put("contexts", List.of(Map.of("name", clusterName, "context", Map.of("cluster", clusterName, "user", clusterName))));
        config.put("current-context", clusterName);
        return new GsonBuilder().disableHtmlEscaping().create().toJson(PolicyDocuments.sorted(config));
    }

    @Override
    public Provider provider() {
        return provider;
    }

    @Override
    public Optional<OidcIdentity> oidc() {
        return Optional.of(new OidcIdentity(oidcProvider.arn(), oidcProvider.url().applyValue(u -> u.startsWith("https://") ? u : "https://" + u)));
    }

    /** @return the EKS cluster */
    public Cluster cluster() { return cluster; }
    /** @return the managed node group */
    public NodeGroup nodeGroup() { return nodeGroup; }

    @Override
    public Optional<PodIdentity> podIdentity() {
        return podIdentity;
    }

    /** @return the managed add-ons, in {@link #MANAGED_ADD_ONS} order, then the Pod Identity agent when used */
    public List<Addon> addOns() { return List.copyOf(addOns); }

    /** @return the control plane's log group, with its retention */
    public LogGroup controlPlaneLogs() { return controlPlaneLogs; }

    /** @return the KMS key the stack created for the control plane's secrets and logs, if it did */
    public Optional<Key> controlPlaneKey() { return controlPlaneKey; }

    /**
     * The control plane's own key: rotated every year, and protected, since the cluster can neither drop it nor move to
     * another, and a deleted key leaves its secrets unreadable. Its policy keeps it the account's to manage (IAM policies
     * grant its use, as for any key) and lets CloudWatch Logs use it for this cluster's log group only (CloudWatch Logs
     * user guide, "Encrypt log data in CloudWatch Logs using AWS Key Management Service").
     */
    private static Key controlPlaneKey(String name, EksClusterArgs args, String logGroupName, CustomResourceOptions child) {
        Output<String> account = com.pulumi.aws.AwsFunctions.getCallerIdentity(GetCallerIdentityArgs.builder().build(),
                InvokeOptions.builder().provider(args.awsProvider()).build()).applyValue(GetCallerIdentityResult::accountId);
        return new Key(name + "-control-plane-key", KeyArgs.builder()
                .description("EKS " + args.clusterName() + ": envelope encryption of Kubernetes secrets and the control plane's logs")
                .enableKeyRotation(true)
                .deletionWindowInDays(30)
                .policy(account.applyValue(acct -> PolicyDocuments.document(List.of(
                        PolicyDocuments.statement("AccountAdministers", "Allow", "kms:*", "*",
                                Map.of("Principal", Map.of("AWS", "arn:aws:iam::" + acct + ":root"))),
                        PolicyDocuments.statement("ControlPlaneLogs", "Allow", List.of("kms:Encrypt*", "kms:Decrypt*", "kms:ReEncrypt*",
                                "kms:GenerateDataKey*", "kms:Describe*"), "*", Map.of(
                                "Principal", Map.of("Service", "logs." + args.region() + ".amazonaws.com"),
                                "Condition", Map.of("ArnEquals", Map.of("kms:EncryptionContext:aws:logs:arn",
                                        "arn:aws:logs:" + args.region() + ":" + acct + ":log-group:" + logGroupName))))))))
                .tags(Map.of("app.kubernetes.io/part-of", "flink-ha"))
                .build(), CustomResourceOptions.merge(child, CustomResourceOptions.builder().protect(true).build()));
    }

    /** @return the nodes' launch template: IMDSv2 only, hop limit 1, encrypted gp3 root volume */
    public LaunchTemplate launchTemplate() { return launchTemplate; }
    /** @return the IAM OIDC provider that IRSA roles trust */
    public OpenIdConnectProvider oidcProvider() { return oidcProvider; }

    /** @return the role the VPC CNI (kube-system/aws-node) runs as, through IRSA; the node role has no CNI rights */
    public Role cniRole() { return cniRole; }
    /** @return the kubeconfig, a secret */
    public Output<String> kubeconfig() { return kubeconfig; }

    /** The SDK's builder refuses a null list, so a private-only endpoint leaves the CIDRs out instead. */
    private static ClusterVpcConfigArgs vpcConfig(List<Output<String>> subnets, List<String> publicAccessCidrs) {
        var vpc = ClusterVpcConfigArgs.builder()
                .subnetIds(Output.all(subnets))
                .endpointPrivateAccess(true)
                .endpointPublicAccess(!publicAccessCidrs.isEmpty());
        if (!publicAccessCidrs.isEmpty()) {
            vpc.publicAccessCidrs(publicAccessCidrs);
        }
        return vpc.build();
    }
}
