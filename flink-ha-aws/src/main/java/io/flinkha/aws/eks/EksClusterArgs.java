package io.flinkha.aws.eks;

import io.flinkha.cluster.ClusterArgs;
import com.pulumi.core.Output;
import io.flinkha.aws.eks.NodeGroupSpec;

import java.util.List;

/**
 * Arguments of {@link EksCluster}; build them with {@link #builder()}, which documents each default. Every
 * argument is checked when the record is made, all problems reported at once.
 *
 * @param clusterName       EKS cluster name, unique in the account and region
 * @param kubernetesVersion pinned Kubernetes minor version
 * @param region            region, used by the kubeconfig's token command
 * @param privateSubnetIds  private subnets in at least two zones; the nodes and the control plane's network interfaces
 *                          go there
 * @param publicSubnetIds   public subnets for internet-facing load balancers; checked, never given to the control plane
 * @param nodeGroup         the managed node group
 * @param admins            IAM principals given cluster-admin through access entries
 * @param publicAccessCidrs CIDRs allowed on the public endpoint; none keeps the endpoint private-only
 * @param awsProvider       the stack's AWS provider
 * @param supportType       the cluster's upgrade policy: which EKS support it pays for
 * @param checkedOn         the day the version's support is checked against
 * @param logRetentionDays  how long CloudWatch keeps the control plane's logs
 * @param podIdentity       whether jobs get their AWS role through EKS Pod Identity instead of IRSA
 * @param deployer          the IAM role or user that runs {@code pulumi up}, given cluster-admin through its own access entry
 * @param previewers        IAM roles or users that run {@code pulumi preview} (e.g. pull requests), given read-only access
 * @param notices           where the cluster reports, for information, which EKS support calendar it checked against
 * @param encryption        the KMS key of the control plane's secrets and logs; empty for EKS's default encryption
 */
public record EksClusterArgs(
        String clusterName,
        String kubernetesVersion,
        String region,
        List<Output<String>> privateSubnetIds,
        List<Output<String>> publicSubnetIds,
        NodeGroupSpec nodeGroup,
        List<String> admins,
        List<String> publicAccessCidrs,
        com.pulumi.aws.Provider awsProvider,
        EksVersions.SupportType supportType,
        java.time.LocalDate checkedOn,
        int logRetentionDays,
        boolean podIdentity,
        String deployer,
        List<String> previewers,
        java.util.function.Consumer<String> notices,
        java.util.Optional<ControlPlaneEncryption> encryption) implements ClusterArgs {

    /**
     * Makes the arguments, checking every one: all problems are reported at once, so no way of making
     * these Args skips a rule.
     *
     * @param clusterName       EKS cluster name, unique in the account and region
     * @param kubernetesVersion pinned Kubernetes minor version
     * @param region            region, used by the kubeconfig's token command
     * @param privateSubnetIds  private subnets in at least two zones; the nodes and the control plane go there
     * @param publicSubnetIds   public subnets for internet-facing load balancers
     * @param nodeGroup         the managed node group
     * @param admins            IAM principals given cluster-admin through access entries
     * @param publicAccessCidrs CIDRs allowed on the public endpoint; none keeps the endpoint private-only
     * @param awsProvider       the stack's AWS provider
     * @param supportType       the cluster's upgrade policy: which EKS support it pays for
     * @param checkedOn         the day the version's support is checked against
     * @param logRetentionDays  how long CloudWatch keeps the control plane's logs: one of {@link #LOG_RETENTION_DAYS}
     * @param podIdentity       whether jobs get their AWS role through EKS Pod Identity instead of IRSA
     * @param deployer          the IAM role or user that runs {@code pulumi up}
     * @param previewers        IAM roles or users that run {@code pulumi preview}, given read-only access
     * @param notices           where the cluster reports which EKS support calendar it checked against
     * @param encryption        the KMS key of the control plane's secrets and logs, if any
     * @throws IllegalArgumentException naming the component, and each field, value and what is allowed
     */
    public EksClusterArgs {
        encryption = encryption == null ? java.util.Optional.empty() : encryption;
        io.flinkha.validation.ArgsCheck.of("EksClusterArgs")
                .resource("clusterName", clusterName, "expected an EKS cluster name, unique in the account and region")
                .resource("region", region, "expected the region, for the kubeconfig's token command")
                .resource("awsProvider", awsProvider, "expected the stack's AWS provider")
                .required("nodeGroup", nodeGroup, "expected the managed node group")
                .bound(privateSubnetIds.size() >= 2, "privateSubnetIds", privateSubnetIds.size(), "expected at least two, in different availability zones")
                .check(kubernetesVersion != null && KUBERNETES_VERSION.matcher(kubernetesVersion).matches(), "kubernetesVersion",
                        kubernetesVersion, "expected a pinned Kubernetes minor version such as " + EksVersions.DEFAULT)
                .problem("kubernetesVersion", kubernetesVersion, kubernetesVersion == null || !KUBERNETES_VERSION.matcher(kubernetesVersion).matches()
                        ? java.util.Optional.empty() : EksVersions.problem(kubernetesVersion, supportType, checkedOn))
                .addAll(accessProblems(deployer, admins, previewers))
                .addAll(publicAccessProblems(publicAccessCidrs))
                .problem("logRetentionDays", logRetentionDays, logRetentionProblem(logRetentionDays))
                .check(region == null || encryption.flatMap(ControlPlaneEncryption::keyRegion).map(region::equals).orElse(true),
                        "encryption.kmsKeyArn", encryption.flatMap(ControlPlaneEncryption::kmsKeyArn).orElse(null),
                        "expected a key in the cluster's region " + region + ": EKS uses only a key of its own region")
                .done();
    }

    /** A Kubernetes minor version, as EKS takes it. */
    public static final java.util.regex.Pattern KUBERNETES_VERSION = java.util.regex.Pattern.compile("1\\.\\d{2}");
    /** The whole numbers {@code logRetentionDays} is read from, before CloudWatch's own list. */
    public static final io.flinkha.validation.IntRange LOG_RETENTION = new io.flinkha.validation.IntRange(1, 3653);
    /** A subnet id. */
    public static final java.util.regex.Pattern SUBNET_ID = java.util.regex.Pattern.compile("subnet-[0-9a-f]{8,17}");

    /**
     * The subnets of an existing VPC, known by id.
     *
     * @param privateSubnetIds where the nodes run
     * @param publicSubnetIds  for internet-facing load balancers
     * @return what is wrong with them, each as {@code private: ...} or {@code private/public: ...}
     */
    public static List<String> subnetProblems(List<String> privateSubnetIds, List<String> publicSubnetIds) {
        List<String> out = new java.util.ArrayList<>();
        if (new java.util.HashSet<>(privateSubnetIds).size() < 2) {
            out.add("private: got " + privateSubnetIds + "; expected at least two private subnets in different availability zones "
                    + "(EKS and a zone-tolerant node group need two)");
        }
        java.util.stream.Stream.concat(privateSubnetIds.stream(), publicSubnetIds.stream()).filter(id -> !SUBNET_ID.matcher(id).matches())
                .forEach(id -> out.add("private/public: got '" + id + "'; expected subnet ids such as subnet-0a1b2c3d"));
        return out;
    }

    /**
     * @param clusterName      EKS cluster name, unique in the account and region
     * @param privateSubnetIds private subnets in at least two zones
     * @param publicSubnetIds  public subnets
     * @param awsProvider      the stack's AWS provider
     * @param notices          where the cluster reports which EKS support calendar it checked against
     * @return these Args with the name the platform gives the cluster and the resources it needs, checked again with them
     */
    public EksClusterArgs bind(String clusterName, List<Output<String>> privateSubnetIds, List<Output<String>> publicSubnetIds,
                               com.pulumi.aws.Provider awsProvider, java.util.function.Consumer<String> notices) {
        return new EksClusterArgs(clusterName, kubernetesVersion, region, privateSubnetIds, publicSubnetIds, nodeGroup, admins,
                publicAccessCidrs, awsProvider, supportType, checkedOn, logRetentionDays, podIdentity, deployer, previewers, notices,
                encryption);
    }

    /** The retention periods CloudWatch Logs accepts (days). */
    public static final List<Integer> LOG_RETENTION_DAYS = List.of(1, 3, 5, 7, 14, 30, 60, 90, 120, 150, 180, 365, 400, 545, 731,
            1096, 1827, 2192, 2557, 2922, 3288, 3653);
    /** Default {@code logRetentionDays}: a quarter, long enough to look back on an incident. */
    public static final int DEFAULT_LOG_RETENTION_DAYS = 90;

    /**
     * @param days a retention period
     * @return what is wrong, if CloudWatch Logs does not accept it
     */
    public static java.util.Optional<String> logRetentionProblem(int days) {
        return LOG_RETENTION_DAYS.contains(days) ? java.util.Optional.empty()
                : java.util.Optional.of("expected one of CloudWatch Logs' periods: " + LOG_RETENTION_DAYS);
    }

    /** An IAM role or user ARN, which is what an EKS access entry takes (not an STS assumed-role session). */
    public static final java.util.regex.Pattern ACCESS_ENTRY_PRINCIPAL =
            java.util.regex.Pattern.compile("arn:aws[a-z-]*:iam::\\d{12}:(role|user)/[A-Za-z0-9+=,.@_/-]+");

    /** @return the node type every pod must fit: the smallest of the node group's instance types */
    public Ec2InstanceTypes.InstanceType smallestNode() {
        return nodeGroup.instanceTypes().stream().map(t -> Ec2InstanceTypes.of(t).orElseThrow())
                .min(java.util.Comparator.comparingInt(Ec2InstanceTypes.InstanceType::allocatableMilliCpu)
                        .thenComparingInt(Ec2InstanceTypes.InstanceType::allocatableMemoryMib))
                .orElseThrow();
    }

    /**
     * @param cidrs CIDRs allowed on the public API endpoint
     * @return what is wrong with them, if anything, each as {@code publicAccessCidrs: ...}
     */
    public static java.util.List<String> publicAccessProblems(java.util.List<String> cidrs) {
        java.util.List<String> out = new java.util.ArrayList<>();
        for (String c : cidrs) {
            if (!io.flinkha.validation.Cidr.PATTERN.matcher(c).matches()) {
                out.add("publicAccessCidrs: got '" + c + "'; expected a CIDR such as 198.51.100.0/24");
            } else if (c.equals("0.0.0.0/0")) {
                out.add("publicAccessCidrs: got '0.0.0.0/0'; the API endpoint must not be open to the whole internet; list your CI "
                        + "and office ranges");
            }
        }
        return out;
    }

    /**
     * The identities the cluster's access entries name. The deployer is a setting, not whoever runs the program: a preview
     * under a read-only pull-request role and {@code pulumi up} under the deploy role must plan the same entry, or every
     * preview shows it replaced.
     *
     * @param deployer   the IAM role or user that runs {@code pulumi up}
     * @param admins     IAM principals given cluster-admin
     * @param previewers IAM principals given read-only access
     * @return what is wrong with them, each as {@code field: ...}; an IAM principal can be in only one access entry
     */
    public static java.util.List<String> accessProblems(String deployer, java.util.List<String> admins, java.util.List<String> previewers) {
        java.util.List<String> out = new java.util.ArrayList<>();
        java.util.Map<String, String> seen = new java.util.HashMap<>();
        if (deployer == null || deployer.isBlank()) {
            out.add("deployer: is required; expected the IAM role or user that runs pulumi up (arn:aws:iam::<account>:role/<name>): it "
                    + "gets cluster-admin through its own access entry, the same in every preview and update");
        } else {
            principal("deployer", deployer, seen, out);
        }
        admins.forEach(a -> principal("admins", a, seen, out));
        previewers.forEach(a -> principal("previewers", a, seen, out));
        return out;
    }

    private static void principal(String field, String arn, java.util.Map<String, String> seen, java.util.List<String> out) {
        if (!ACCESS_ENTRY_PRINCIPAL.matcher(arn).matches()) {
            out.add(field + ": got '" + arn + "'; expected an IAM role or user ARN (arn:aws:iam::<account>:role/<name>); "
                    + "an access entry cannot name an STS session");
        } else if (seen.containsKey(arn)) {
            out.add(field + ": got '" + arn + "', which " + (seen.get(arn).equals(field) ? "it names twice" : "is also in " + seen.get(arn))
                    + "; an IAM principal can be in only one EKS access entry, so the second would fail with ResourceInUseException");
        } else {
            seen.put(arn, field);
        }
    }


    /** @return a builder with the documented defaults */
    public static Builder builder() {
        return new Builder();
    }

    /** Builds {@link EksClusterArgs}; each setter names its default. */
    public static final class Builder {
        private String clusterName;
        private String kubernetesVersion = EksVersions.DEFAULT;
        private EksVersions.SupportType supportType = EksVersions.SupportType.STANDARD;
        private java.time.LocalDate checkedOn = java.time.LocalDate.now(java.time.ZoneOffset.UTC);
        private String region;
        private List<Output<String>> privateSubnetIds = List.of();
        private List<Output<String>> publicSubnetIds = List.of();
        private java.util.Optional<ControlPlaneEncryption> encryption = java.util.Optional.empty();
        private NodeGroupSpec nodeGroup = NodeGroupSpec.DEFAULT;
        private List<String> admins = List.of();
        private String deployer;
        private List<String> previewers = List.of();
        private java.util.function.Consumer<String> notices = notice -> { };
        private List<String> publicAccessCidrs = List.of();
        private com.pulumi.aws.Provider awsProvider;
        private int logRetentionDays = DEFAULT_LOG_RETENTION_DAYS;
        private boolean podIdentity;

        private Builder() {
        }

        /**
         * @param name EKS cluster name, unique in the account and region (required)
         * @return this builder
         */
        public Builder clusterName(String name) { this.clusterName = name; return this; }
        /**
         * @param version pinned Kubernetes minor version, one of {@link EksVersions#TABLE} still supported;
         *                default {@link EksVersions#DEFAULT}, the newest
         * @return this builder
         */
        public Builder kubernetesVersion(String version) { this.kubernetesVersion = version; return this; }
        /**
         * @param type which EKS support the cluster's upgrade policy pays for; default {@code STANDARD}, so EKS
         *             upgrades the cluster at the end of standard support instead of billing extended support
         * @return this builder
         */
        public Builder supportType(EksVersions.SupportType type) { this.supportType = type; return this; }
        /**
         * @param day the day the version's support is checked against; default today (UTC)
         * @return this builder
         */
        public Builder checkedOn(java.time.LocalDate day) { this.checkedOn = day; return this; }
        /**
         * @param region region, used by the kubeconfig's token command (required)
         * @return this builder
         */
        public Builder region(String region) { this.region = region; return this; }
        /**
         * @param ids private subnets in at least two zones, where nodes run (required)
         * @return this builder
         */
        public Builder privateSubnetIds(List<Output<String>> ids) { this.privateSubnetIds = ids; return this; }
        /**
         * @param ids public subnets for internet-facing load balancers; default none
         * @return this builder
         */
        public Builder publicSubnetIds(List<Output<String>> ids) { this.publicSubnetIds = ids; return this; }
        /**
         * @param nodeGroup the managed node group; default two to four m6i.large with 50 GiB disks
         * @return this builder
         */
        public Builder nodeGroup(NodeGroupSpec nodeGroup) { this.nodeGroup = nodeGroup; return this; }
        /**
         * @param admins IAM principals given cluster-admin through access entries; default none
         * @return this builder
         */
        public Builder admins(List<String> admins) { this.admins = admins; return this; }
        /**
         * @param deployer the IAM role or user that runs {@code pulumi up} (required): it gets cluster-admin through its own
         *                 access entry, so it may not be among {@code admins}
         * @return this builder
         */
        public Builder deployer(String deployer) { this.deployer = deployer; return this; }
        /**
         * @param previewers IAM roles or users that run {@code pulumi preview}, e.g. the pull-request role: each gets a
         *                   read-only access entry ({@code AmazonEKSViewPolicy}), so a preview can read the cluster; default none
         * @return this builder
         */
        public Builder previewers(List<String> previewers) { this.previewers = previewers; return this; }
        /**
         * @param notices where the cluster reports, for information, whether it checked the version's support against AWS's
         *                own dates or the dated table (a program passes {@code ctx.log()::info}); default nowhere
         * @return this builder
         */
        public Builder notices(java.util.function.Consumer<String> notices) { this.notices = notices; return this; }
        /**
         * @param cidrs CIDRs allowed on the public endpoint; default none, a private-only endpoint
         * @return this builder
         */
        public Builder publicAccessCidrs(List<String> cidrs) { this.publicAccessCidrs = cidrs; return this; }
        /**
         * @param provider the stack's AWS provider (required)
         * @return this builder
         */
        public Builder awsProvider(com.pulumi.aws.Provider provider) { this.awsProvider = provider; return this; }
        /**
         * @param days how long CloudWatch keeps the control plane's logs; default 90
         * @return this builder
         */
        public Builder logRetentionDays(int days) { this.logRetentionDays = days; return this; }
        /**
         * @param podIdentity give jobs their AWS role through EKS Pod Identity (the agent add-on and an association per
         *                    account) instead of IRSA; default false, IRSA, which works on every cluster
         * @return this builder
         */
        public Builder podIdentity(boolean podIdentity) { this.podIdentity = podIdentity; return this; }
        /**
         * @param encryption the KMS key the control plane envelope-encrypts its secrets and its log group with
         *                   ({@link ControlPlaneEncryption#stackKey()} or {@link ControlPlaneEncryption#withKey(String)});
         *                   default none, EKS's own encryption with a key AWS owns. Irreversible: removing it later
         *                   replaces the cluster
         * @return this builder
         */
        public Builder encryption(ControlPlaneEncryption encryption) { this.encryption = java.util.Optional.ofNullable(encryption); return this; }

        /** @return the checked arguments */
        public EksClusterArgs build() {
            return new EksClusterArgs(clusterName, kubernetesVersion, region, List.copyOf(privateSubnetIds), List.copyOf(publicSubnetIds),
                    nodeGroup, List.copyOf(admins), List.copyOf(publicAccessCidrs), awsProvider, supportType, checkedOn, logRetentionDays,
                    podIdentity, deployer, List.copyOf(previewers), notices, encryption);
        }
    }
}
