package io.flinkha.config;

import io.flinkha.cluster.NodeGroupSpec;
import io.flinkha.flink.ContainerResources;
import com.google.gson.JsonObject;
import com.google.gson.JsonParseException;
import com.google.gson.JsonParser;
import io.flinkha.flink.FlinkConfigKeys;
import io.flinkha.flink.check.FlinkOptions;
import io.flinkha.flink.HaFlinkDeploymentArgs;
import io.flinkha.flink.RecoveryModel;
import io.flinkha.flink.RecoveryObjective;
import io.flinkha.flink.crd.UpgradeMode;
import io.flinkha.operator.FlinkOperatorArgs;
import io.flinkha.operator.OperatorRelease;
import io.flinkha.storage.BucketNames;
import io.flinkha.storage.HaStorage;
import io.flinkha.storage.NfsStorageArgs;
import io.flinkha.storage.S3Storage;
import io.flinkha.storage.S3StorageArgs;

import io.flinkha.cluster.Ec2InstanceTypes;
import io.flinkha.cluster.EksClusterArgs;
import io.flinkha.cluster.EksNetworkArgs;
import io.flinkha.cluster.PodPlacement;
import io.flinkha.flink.JobPods;
import io.flinkha.cluster.EksVersions;

import java.time.Duration;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.Function;
import java.util.regex.Pattern;

/**
 * Builds {@link PlatformSettings} from a stack's raw config values, the only place that reads them.
 * Structured values arrive as JSON text, as the Pulumi engine passes them to a program. Every
 * problem is collected and thrown at once as a {@link SettingsException}, before any resource exists.
 */
public final class SettingsLoader {
    /** The Pulumi project name, and so the namespace of every config key. */
    public static final String PROJECT = "flink-ha";

    /** Top-level config keys of the project (without the {@code flink-ha:} prefix). */
    public static final Set<String> KEYS = Set.of("environment", "production", "namespace", "cluster", "operator", "storage", "flink", "jobs", "aws", "recovery");

    /** Flink Kubernetes Operator release used when {@code operator.version} is not set. */
    public static final String DEFAULT_OPERATOR_VERSION = OperatorRelease.DEFAULT.version();
    /** Flink version used when {@code flink.version} is not set. */
    public static final String DEFAULT_FLINK_VERSION = HaFlinkDeploymentArgs.DEFAULT_FLINK_VERSION;

    private static final Pattern DNS_LABEL = HaStorage.PATH_SEGMENT;
    private static final Pattern VERSION = Pattern.compile("\\d+\\.\\d+\\.\\d+");
    private static final Pattern REGION = Pattern.compile("[a-z]{2}(-gov)?-[a-z]+-\\d");
    private static final Pattern SUBNET_ID = Pattern.compile("subnet-[0-9a-f]{8,17}");
    private static final Pattern OIDC_PROVIDER_ARN = Pattern.compile("arn:aws[a-z-]*:iam::\\d{12}:oidc-provider/[A-Za-z0-9./_-]+");
    private static final Pattern K8S_VERSION = Pattern.compile("1\\.\\d{2}");


    private SettingsLoader() {
    }

    /**
     * @param stack  the stack name, used in messages and as the default environment
     * @param config raw config value by key without the project prefix; structured values as JSON text
     * @return the validated settings
     * @throws SettingsException listing every problem
     */
    public static PlatformSettings load(String stack, Function<String, Optional<String>> config) {
        return load(stack, config, LocalDate.now(ZoneOffset.UTC));
    }

    /**
     * Like {@link #load(String, Function)}, on a given day: the EKS version's support is checked against it.
     *
     * @param stack  the stack name, used in messages and as the default environment
     * @param config raw config value by key without the project prefix; structured values as JSON text
     * @param today  the day of the plan
     * @return the validated settings
     * @throws SettingsException listing every problem
     */
    public static PlatformSettings load(String stack, Function<String, Optional<String>> config, LocalDate today) {
        Problems problems = new Problems();
        JsonObject root = new JsonObject();
        for (String key : KEYS) {
            // an empty value is how Pulumi.yaml declares an optional structured key without a default
            config.apply(key).filter(raw -> !raw.isBlank()).ifPresent(raw -> root.add(key, parse(key, raw, problems)));
        }
        PlatformSettings settings = read(stack, new Node(PROJECT, root, problems), problems, today);
        problems.throwIfAny(stack);
        return settings;
    }

    /** Documentation address ranges (RFC 5737): nothing real is ever there. */
    private static final List<String> DOCUMENTATION_NETWORKS = List.of("192.0.2.", "198.51.100.", "203.0.113.");
    /** Account ids AWS uses in its documentation and examples. */
    private static final Set<String> EXAMPLE_ACCOUNTS = Set.of("111122223333", "123456789012", "444455556666", "777788889999",
            "999999999999", "111111111111", "222222222222", "210987654321");

    /**
     * What in valid settings will still hurt: an EKS version near the end of its support, and values copied
     * from examples (documentation address ranges, AWS's example account ids) that cannot work for real.
     *
     * @param settings validated settings
     * @param today    the day of the plan
     * @return one message per finding, each naming the key; empty when none
     */
    public static List<String> warnings(PlatformSettings settings, LocalDate today) {
        List<String> out = new ArrayList<>();
        String p = PROJECT + ".";
        if (settings.cluster() instanceof EksClusterSettings eks) {
            EksVersions.warning(eks.kubernetesVersion(), eks.supportType(), today)
                    .ifPresent(w -> out.add(p + "cluster.kubernetesVersion: " + w));
            for (String cidr : eks.publicAccessCidrs()) {
                if (DOCUMENTATION_NETWORKS.stream().anyMatch(cidr::startsWith)) {
                    out.add(p + "cluster.publicAccessCidrs: '" + cidr + "' is a documentation range (RFC 5737); no CI runner or "
                            + "office is there, so nobody can reach the API endpoint: replace it with your own ranges");
                }
            }
            eks.admins().forEach(a -> exampleAccount(a).ifPresent(acct -> out.add(p + "cluster.admins: '" + a
                    + "' is in AWS's example account " + acct + "; replace it with your administrators' role")));
            exampleAccount(eks.deployer()).ifPresent(acct -> out.add(p + "cluster.deployer: '" + eks.deployer()
                    + "' is in AWS's example account " + acct + "; name the role your pulumi up runs as"));
            eks.previewers().forEach(a -> exampleAccount(a).ifPresent(acct -> out.add(p + "cluster.previewers: '" + a
                    + "' is in AWS's example account " + acct + "; name the role your pull-request previews run as")));
        }
        if (settings.cluster() instanceof ExistingClusterSettings existing && existing.nodes().isEmpty()) {
            for (JobSettings job : settings.jobs()) {
                int replicas = jobManagers(job);
                if (replicas > 1) {
                    out.add(p + "cluster.nodes: job " + job.name() + " runs " + replicas + " JobManagers, which never share a node "
                            + "(required anti-affinity): the cluster needs at least " + replicas + " nodes, which the plan cannot count "
                            + "offline; declare cluster.nodes to have it checked");
                }
            }
        }
        if (settings.cluster() instanceof ExistingClusterSettings existing) {
            existing.oidc().ifPresent(o -> exampleAccount(o.providerArn()).ifPresent(acct -> out.add(p + "cluster.oidc.providerArn: '"
                    + o.providerArn() + "' is in AWS's example account " + acct + "; use your cluster's OIDC provider")));
        }
        for (int i = 0; i < settings.jobs().size(); i++) {
            // an explicit value below a floor against false failovers is allowed, and its risk said
            for (String risk : RecoveryModel.evaluate(settings.jobs().get(i).flinkConfiguration(), 1, RecoveryObjective.DEFAULT_POD_STARTUP,
                    RecoveryObjective.DEFAULT_RESTORE_TIME).tradeoffs()) {
                out.add(p + "jobs[" + i + "].flinkConfiguration." + risk);
            }
            JobSettings job = settings.jobs().get(i);
            for (FlinkOptions.Finding f : jobOptions(job.flink().orElse(settings.flink())).check(job.flinkConfiguration())) {
                if (!f.error()) {
                    out.add(p + "jobs[" + i + "].flinkConfiguration." + f.key() + ": " + f.message());
                }
            }
        }
        OperatorRelease.of(settings.operator().version()).ifPresent(release -> {
            for (OperatorRelease.KnownDefect d : release.knownDefects()) {
                List<String> atRisk = jobsAtRisk(d, settings.jobs());
                if (!atRisk.isEmpty() && (!settings.production() || settings.operator().acknowledgedDefects().contains(d.id()))) {
                    out.add(p + "operator.version: " + defect(release, d, atRisk));
                }
            }
        });
        if (settings.storage() instanceof S3StorageSettings s3) {
            s3.kmsKeyArn().ifPresent(k -> exampleAccount(k).ifPresent(acct -> out.add(p + "storage.kmsKeyArn: '" + k
                    + "' is in AWS's example account " + acct + "; use your own key, or every write to the bucket fails")));
        }
        return out;
    }

    /** The options that check a job's configuration: its own Flink release's, or (when that is refused elsewhere) the default's. */
    private static FlinkOptions jobOptions(FlinkSettings flink) {
        return flink == null ? FlinkOptions.bundled() : FlinkOptions.forJob(flink.version()).orElse(FlinkOptions.bundled());
    }

    private static List<String> jobsAtRisk(OperatorRelease.KnownDefect d, List<JobSettings> jobs) {
        return jobs.stream().filter(j -> d.modesAtRisk().contains(j.upgradeMode().value())).map(JobSettings::name).toList();
    }

    private static String defect(OperatorRelease release, OperatorRelease.KnownDefect d, List<String> atRisk) {
        return "operator " + release.version() + " has " + d.id() + " (fixed in " + d.fixedIn() + "): " + d.effect()
                + "; jobs at risk: " + String.join(", ", atRisk) + " (" + String.join(", ", new java.util.TreeSet<>(d.modesAtRisk()))
                + ")";
    }

    /**
     * A production job whose upgrade mode a known defect of its operator can hit is refused: moving to a release with the
     * fix is the way out, and acknowledging the defect by id the deliberate exception. Elsewhere it is a warning.
     */
    private static void defectProblems(Node root, OperatorRelease release, OperatorSettings operator, List<JobSettings> jobs,
                                       boolean production, Problems problems) {
        if (!production) {
            return;
        }
        for (OperatorRelease.KnownDefect d : release.knownDefects()) {
            List<String> atRisk = jobsAtRisk(d, jobs);
            if (!atRisk.isEmpty() && !operator.acknowledgedDefects().contains(d.id())) {
                problems.add(root.key("operator.version"), release.version(), defect(release, d, atRisk) + ". A production stack "
                        + "moves to operator " + OperatorRelease.DEFAULT.version() + ", or acknowledges the defect with "
                        + "operator.acknowledgeDefects: [" + d.id() + "]");
            }
        }
    }

    private static Optional<String> exampleAccount(String arn) {
        String[] parts = arn.split(":");
        return parts.length > 4 && EXAMPLE_ACCOUNTS.contains(parts[4]) ? Optional.of(parts[4]) : Optional.empty();
    }

    private static com.google.gson.JsonElement parse(String key, String raw, Problems problems) {
        String trimmed = raw.trim();
        if (trimmed.startsWith("{") || trimmed.startsWith("[")) {
            try {
                return JsonParser.parseString(trimmed);
            } catch (JsonParseException e) {
                problems.add(PROJECT + ":" + key, raw, "expected a YAML/JSON object or list");
                return new JsonObject();
            }
        }
        return new com.google.gson.JsonPrimitive(raw);
    }

    private static PlatformSettings read(String stack, Node root, Problems problems, LocalDate today) {
        String environment = root.matching("environment", stack, DNS_LABEL,
                "expected a DNS label ([a-z0-9-], at most 63 characters); it is a storage path segment");
        boolean production = root.bool("production", false);
        String namespace = root.matching("namespace", "flink", DNS_LABEL,
                "expected a Kubernetes namespace name ([a-z0-9-], at most 63 characters)");

        ClusterSettings cluster = readCluster(root, problems, today);
        OperatorSettings operator = readOperator(root);
        StorageSettings storage = readStorage(root, production, problems);
        FlinkSettings flink = readFlink(root.childOrEmpty("flink"), operator, problems);
        Optional<RecoveryObjective> recovery = root.child("recovery").flatMap(r -> readRecovery(r, Optional.empty(), problems));
        List<JobSettings> jobs = readJobs(root, storage, recovery, production, operator, flink, problems);
        OperatorRelease.of(operator.version()).ifPresent(release -> defectProblems(root, release, operator, jobs, production, problems));
        Optional<AwsSettings> aws = root.child("aws").map(a -> {
            a.allowOnly(Set.of("region"));
            String region = a.requiredString("region", "expected an AWS region such as eu-west-1");
            if (!region.isEmpty() && !REGION.matcher(region).matches()) {
                problems.add(a.key("region"), region, "expected an AWS region such as eu-west-1");
            }
            return new AwsSettings(region);
        });
        if (cluster instanceof EksClusterSettings eks && eks.network() instanceof NetworkSettings.NewVpc vpc && aws.isPresent()) {
            // the AWS provider works in aws.region: subnets in another region's zones are refused at deployment, and
            // the S3 endpoint is named after the zones' region
            String region = aws.get().region();
            List<String> elsewhere = vpc.availabilityZones().stream().filter(z -> EksNetworkArgs.ZONE.matcher(z).matches())
                    .filter(z -> !EksNetworkArgs.regionOf(z).equals(region)).toList();
            if (!elsewhere.isEmpty()) {
                problems.add(root.key("cluster.vpc.availabilityZones"), elsewhere, "expected zones of aws.region " + region);
            }
        }
        if (cluster instanceof EksClusterSettings eks && !jobs.isEmpty()) {
            capacity(root.key("cluster.nodeGroup"), eks.nodeGroup(), operator, jobs, production).ifPresent(problems::raw);
        }
        if (cluster instanceof ExistingClusterSettings existing && existing.nodes().isPresent()) {
            for (JobSettings job : jobs) {
                int replicas = jobManagers(job);
                if (replicas > existing.nodes().get()) {
                    problems.add(root.key("cluster.nodes"), existing.nodes().get(), String.format("job %s runs %d JobManagers, which "
                            + "never share a node (required anti-affinity, so the standby survives the leader's node), but the cluster "
                            + "has %d node%s: %d would stay Pending; add nodes, or lower jobManagerReplicas", job.name(), replicas,
                            existing.nodes().get(), existing.nodes().get() == 1 ? "" : "s", replicas - existing.nodes().get()));
                }
            }
        }
        boolean onAws = cluster instanceof EksClusterSettings || storage instanceof S3StorageSettings;
        if (onAws && aws.isEmpty() && !root.has("aws")) {
            problems.missing(root.key("aws"), "expected {region: <AWS region>} because the cluster or the storage is on AWS");
        }
        if (storage instanceof S3StorageSettings s3) {
            boolean hasOidc = cluster instanceof EksClusterSettings
                    || cluster instanceof ExistingClusterSettings e && e.oidc().isPresent();
            if (cluster != null && !hasOidc) {
                problems.add(root.key("storage.kind"), "s3", "S3 storage is granted to Flink through IRSA, which needs the "
                        + "cluster's OIDC provider: set cluster.oidc {providerArn, issuerUrl} or use cluster kind eks");
            }
            if (cluster instanceof EksClusterSettings eks && eks.podIdentity() && flink != null) {
                // every job's own Flink reads the credentials, so each release a job runs must know Pod Identity
                jobs.stream().map(j -> j.flink().orElse(flink).version()).distinct().sorted().forEach(version -> S3Storage.podIdentityProblem(version)
                        .ifPresent(p -> problems.add(root.key("cluster.identity"), "podIdentity", p)));
            }
        }
        if (storage != null) {
            HaStorage.retentionProblems(storage.retainOnDelete(), storage.protect(), production)
                    .forEach(p -> problems.raw(root.key("storage") + "." + p));
        }
        return new PlatformSettings(environment, production, namespace, cluster, operator, storage, flink, List.copyOf(jobs), aws, today);
    }

    /** @return the JobManagers a job runs: its own, or what its recovery objective derives; 1 when its settings fail */
    private static int jobManagers(JobSettings job) {
        try {
            return job.recovery().map(r -> RecoveryModel.derive(r, job.jobManagerReplicas(), job.flinkConfiguration()).jobManagerReplicas())
                    .orElse(job.jobManagerReplicas().orElse(1));
        } catch (IllegalArgumentException e) {
            return 1;
        }
    }

    /**
     * The operator's and every job's pods must fit the node group's desired size, on its smallest instance type, or some stay
     * Pending for ever; a production stack must still fit after losing one node.
     */
    private static Optional<String> capacity(String key, NodeGroupSpec nodeGroup, OperatorSettings operator, List<JobSettings> jobs,
                                             boolean production) {
        List<PodPlacement.Pod> pods = new ArrayList<>(PodPlacement.EKS_ADD_ONS);
        for (int i = 0; i < operator.replicas(); i++) {
            pods.add(new PodPlacement.Pod("Flink operator", operator.resources().milliCpu(), operator.resources().memoryMib()));
        }
        for (JobSettings job : jobs) {
            try {
                int replicas = job.recovery().map(r -> RecoveryModel.derive(r, job.jobManagerReplicas(), job.flinkConfiguration())
                        .jobManagerReplicas()).orElse(job.jobManagerReplicas().orElse(1));
                pods.addAll(JobPods.of(job.name(), replicas, job.jobManager(), job.parallelism(), job.taskManager(), job.flinkConfiguration()));
                if (replicas > nodeGroup.desiredSize()) {
                    return Optional.of(String.format("%s: job %s runs %d JobManagers, which never share a node (the standby must "
                            + "survive the loss of the leader's node), but the node group has %d: %d would stay Pending; set "
                            + "desiredSize to at least %d", key, job.name(), replicas, nodeGroup.desiredSize(),
                            replicas - nodeGroup.desiredSize(), replicas));
                }
            } catch (IllegalArgumentException e) {
                return Optional.empty(); // the job's own problem is reported where it is read
            }
        }
        String typeName = nodeGroup.instanceTypes().stream().min(java.util.Comparator.comparingInt((String t) ->
                Ec2InstanceTypes.of(t).orElseThrow().allocatableMilliCpu())).orElseThrow();
        Ec2InstanceTypes.InstanceType node = Ec2InstanceTypes.of(typeName).orElseThrow();
        int nodes = nodeGroup.desiredSize();
        String each = String.format("%dm CPU and %d MiB allocatable each, after the kubelet's reserve and the EKS DaemonSets",
                node.allocatableMilliCpu(), node.allocatableMemoryMib());
        List<PodPlacement.Pod> pending = PodPlacement.unplaced(pods, node, nodes);
        String what;
        if (!pending.isEmpty()) {
            what = String.format("the jobs' pods do not fit %d node%s of %s (%s)", nodes, nodes == 1 ? "" : "s", typeName, each);
        } else if (production) {
            pending = PodPlacement.unplaced(pods, node, nodes - 1);
            if (pending.isEmpty()) {
                return Optional.empty();
            }
            what = String.format("the jobs' pods fit %d nodes of %s (%s) but not the %d left after losing one; a production stack "
                    + "keeps room to lose a node, or a node failure leaves jobs down until it is replaced", nodes, typeName, each, nodes - 1);
        } else {
            return Optional.empty();
        }
        int needed = PodPlacement.nodesNeeded(pods, node, 1000).orElse(1000) + (production ? 1 : 0);
        Map<String, Long> left = new java.util.LinkedHashMap<>();
        pending.forEach(pod -> left.merge(pod.description() + " (" + pod.milliCpu() + "m CPU, " + pod.memoryMib() + " MiB)", 1L, Long::sum));
        int cpu = pods.stream().mapToInt(PodPlacement.Pod::milliCpu).sum();
        int memory = pods.stream().mapToInt(PodPlacement.Pod::memoryMib).sum();
        return Optional.of(String.format("%s: %s. Left Pending: %s. The pods request %dm CPU and %d MiB in all (with CoreDNS and the Flink operator); "
                        + "set desiredSize to at least %d%s, or use a larger instance type",
                key, what, String.join(", ", left.entrySet().stream().map(e -> e.getValue() + " x " + e.getKey()).toList()),
                cpu, memory, needed, production ? " (one node to spare)" : ""));
    }

    private static ClusterSettings readCluster(Node root, Problems problems, LocalDate today) {
        Optional<Node> node = root.child("cluster");
        if (node.isEmpty()) {
            if (!root.has("cluster")) {
                problems.missing(root.key("cluster"), "expected {kind: existing, context: <kubeconfig context>}");
            }
            return null;
        }
        Node c = node.get();
        String kind = c.oneOf("kind", null, Set.of("existing", "eks"));
        if (kind == null) {
            if (!c.has("kind")) {
                problems.missing(c.key("kind"), "allowed: eks, existing");
            }
            return null;
        }
        if (kind.equals("eks")) {
            return readEks(c, problems, today);
        }
        c.allowOnly(Set.of("kind", "context", "kubeconfig", "oidc", "nodes"));
        String context = c.requiredString("context", "expected the kubeconfig context to deploy to");
        Optional<OidcSettings> oidc = c.child("oidc").map(o -> {
            o.allowOnly(Set.of("providerArn", "issuerUrl"));
            String arn = o.requiredString("providerArn", "expected the ARN of the cluster's IAM OIDC provider");
            if (!arn.isEmpty() && !OIDC_PROVIDER_ARN.matcher(arn).matches()) {
                problems.add(o.key("providerArn"), arn, "expected arn:aws:iam::<account>:oidc-provider/<issuer host and path>");
            }
            String issuer = o.requiredString("issuerUrl", "expected the cluster's OIDC issuer URL (https://...)");
            if (!issuer.isEmpty() && !issuer.startsWith("https://")) {
                problems.add(o.key("issuerUrl"), issuer, "expected an https:// issuer URL");
            }
            return new OidcSettings(arn, issuer);
        });
        Optional<Integer> nodes = c.has("nodes") ? Optional.of(c.integer("nodes", 1, 1, 10_000)) : Optional.empty();
        return new ExistingClusterSettings(context, c.optionalString("kubeconfig"), oidc, nodes);
    }

    private static EksClusterSettings readEks(Node c, Problems problems, LocalDate today) {
        c.allowOnly(Set.of("kind", "kubernetesVersion", "upgradePolicy", "vpc", "subnets", "nodeGroup", "admins", "deployer", "previewers",
                "publicAccessCidrs", "identity",
                "logRetentionDays"));
        String version = c.matching("kubernetesVersion", EksVersions.DEFAULT, K8S_VERSION, "expected a pinned Kubernetes minor version "
                + "such as " + EksVersions.DEFAULT + " (quote it: YAML reads 1.30 as the number 1.3)");
        String policy = c.oneOf("upgradePolicy", EksVersions.SupportType.STANDARD.name(), Set.of("STANDARD", "EXTENDED"));
        EksVersions.SupportType supportType = "EXTENDED".equals(policy) ? EksVersions.SupportType.EXTENDED : EksVersions.SupportType.STANDARD;
        if (K8S_VERSION.matcher(version).matches()) {
            EksVersions.problem(version, supportType, today).ifPresent(p -> problems.add(c.key("kubernetesVersion"), version, p));
        }
        NetworkSettings network = null;
        if (c.has("vpc") && c.has("subnets")) {
            problems.add(c.key("subnets"), "both vpc and subnets", "give either vpc (a new VPC) or subnets (an existing VPC), not both");
        } else if (c.has("subnets")) {
            Node s = c.childOrEmpty("subnets");
            s.allowOnly(Set.of("private", "public"));
            List<String> priv = s.strings("private");
            List<String> pub = s.strings("public");
            if (new HashSet<>(priv).size() < 2) {
                problems.add(s.key("private"), priv, "expected at least two private subnets in different availability zones "
                        + "(EKS and a zone-tolerant node group need two)");
            }
            for (String id : concat(priv, pub)) {
                if (!SUBNET_ID.matcher(id).matches()) {
                    problems.add(s.key("private/public"), id, "expected subnet ids such as subnet-0a1b2c3d");
                }
            }
            network = new NetworkSettings.ExistingSubnets(List.copyOf(priv), List.copyOf(pub));
        } else {
            Node v = c.childOrEmpty("vpc");
            v.allowOnly(Set.of("cidr", "availabilityZones", "natGateways"));
            String cidr = v.string("cidr", EksNetworkArgs.DEFAULT_CIDR);
            List<String> zones = v.strings("availabilityZones");
            EksNetworkArgs.problems(cidr, zones).forEach(p -> problems.raw(v.key(p)));
            String nat = v.oneOf("natGateways", "single", Set.of("single", "perZone"));
            network = new NetworkSettings.NewVpc(cidr, List.copyOf(zones), "perZone".equals(nat));
        }
        Node n = c.childOrEmpty("nodeGroup");
        n.allowOnly(Set.of("instanceTypes", "minSize", "desiredSize", "maxSize", "diskSize", "autoscaling"));
        NodeGroupSpec d = NodeGroupSpec.DEFAULT;
        List<String> types = n.has("instanceTypes") ? n.strings("instanceTypes") : d.instanceTypes();
        int min = n.integer("minSize", d.minSize(), Integer.MIN_VALUE, Integer.MAX_VALUE);
        int desired = n.integer("desiredSize", Math.max(min, d.desiredSize()), Integer.MIN_VALUE, Integer.MAX_VALUE);
        int max = n.integer("maxSize", desired, Integer.MIN_VALUE, Integer.MAX_VALUE);
        int disk = n.integer("diskSize", d.diskSizeGb(), Integer.MIN_VALUE, Integer.MAX_VALUE);
        String scaling = n.oneOf("autoscaling", "none", Set.of("none", "external"));
        NodeGroupSpec.Autoscaling autoscaling = "external".equals(scaling) ? NodeGroupSpec.Autoscaling.EXTERNAL : NodeGroupSpec.Autoscaling.NONE;
        List<String> nodeProblems = new ArrayList<>(NodeGroupSpec.problems(types, min, desired, max, disk));
        if (nodeProblems.isEmpty()) {
            nodeProblems.addAll(NodeGroupSpec.autoscalingProblems(desired, max, autoscaling));
        }
        nodeProblems.forEach(p -> problems.raw(n.key(p)));
        NodeGroupSpec nodeGroup = nodeProblems.isEmpty() ? new NodeGroupSpec(types, min, desired, max, disk, autoscaling) : d;
        List<String> admins = c.strings("admins");
        String deployer = c.optionalString("deployer").orElse(null);
        List<String> previewers = c.strings("previewers");
        EksClusterArgs.accessProblems(deployer, admins, previewers).forEach(p -> problems.raw(c.key(p)));
        List<String> cidrs = c.strings("publicAccessCidrs");
        EksClusterArgs.publicAccessProblems(cidrs).forEach(p -> problems.raw(c.key(p)));
        int logRetention = c.integer("logRetentionDays", EksClusterArgs.DEFAULT_LOG_RETENTION_DAYS, 1, 3653);
        EksClusterArgs.logRetentionProblem(logRetention).ifPresent(p -> problems.add(c.key("logRetentionDays"), logRetention, p));
        boolean podIdentity = "podIdentity".equals(c.oneOf("identity", "irsa", Set.of("irsa", "podIdentity")));
        return new EksClusterSettings(version, network, nodeGroup, List.copyOf(admins), List.copyOf(cidrs), supportType, logRetention,
                podIdentity, deployer, List.copyOf(previewers));
    }

    private static List<String> concat(List<String> a, List<String> b) {
        List<String> out = new ArrayList<>(a);
        out.addAll(b);
        return out;
    }

    private static OperatorSettings readOperator(Node root) {
        Node o = root.childOrEmpty("operator");
        o.allowOnly(Set.of("version", "namespace", "chartRepository", "certManager", "replicas", "resources", "helmValues",
                "acknowledgeDefects"));
        String version = o.matching("version", DEFAULT_OPERATOR_VERSION, VERSION, "expected an exact operator version such as "
                + DEFAULT_OPERATOR_VERSION + (o.has("version") && o.string("version", "").matches("\\d+\\.\\d+")
                ? " (YAML read an unquoted version as a number: quote it)" : ""));
        if (VERSION.matcher(version).matches() && OperatorRelease.of(version).isEmpty()) {
            o.problemsAdd(o.key("version"), "got '" + version + "'; " + OperatorRelease.unsupported(version));
        }
        String namespace = o.matching("namespace", FlinkOperatorArgs.DEFAULT_NAMESPACE, DNS_LABEL, "expected a Kubernetes namespace name");
        String repository = o.string("chartRepository", FlinkOperatorArgs.archiveRepository(version));
        boolean certManager = o.bool("certManager", false);
        int replicas = o.integer("replicas", 1, 1, FlinkOperatorArgs.MAX_REPLICAS);
        ContainerResources resources = resources(o, "resources", OperatorSettings.DEFAULT_RESOURCES);
        if (FlinkOperatorArgs.resourceProblems(resources.milliCpu(), resources.memoryMib()).size() > 0) {
            o.problemsAdd(o.key("resources"), "got " + resources.cpu() + " CPU, " + resources.memory() + "; expected 0.1 to 8 CPU and "
                    + "256Mi to 16Gi for the operator (its JVM and caches need at least 256Mi)");
            resources = OperatorSettings.DEFAULT_RESOURCES;
        }
        Map<String, Object> helmValues = o.plainMap("helmValues");
        FlinkOperatorArgs.ownedValueProblems(helmValues).forEach(p -> o.problemsAdd(o.key("helmValues." + p.substring(0, p.indexOf(':'))),
                p.substring(p.indexOf(':') + 2)));
        List<String> acknowledged = List.copyOf(o.strings("acknowledgeDefects"));
        OperatorRelease.of(version).ifPresent(release -> acknowledged.stream().filter(id -> release.knownDefects().stream()
                .noneMatch(d -> d.id().equals(id))).forEach(id -> o.problemsAdd(o.key("acknowledgeDefects"), "got '" + id
                + "'; operator " + version + " has no known defect of that id (" + (release.knownDefects().isEmpty() ? "it has none"
                : "known: " + String.join(", ", release.knownDefects().stream().map(OperatorRelease.KnownDefect::id).toList())) + ")")));
        return new OperatorSettings(version, namespace, repository, certManager, replicas, resources, Map.copyOf(helmValues), acknowledged);
    }

    private static String mountPath(Node s, boolean production, Problems problems) {
        String path = s.matching("mountPath", NfsStorageArgs.DEFAULT_MOUNT_PATH, NfsStorageArgs.ABSOLUTE, "expected an absolute path such as /flink-data");
        NfsStorageArgs.mountPathProblem(path, production).ifPresent(p -> problems.add(s.key("mountPath"), path, p));
        return path;
    }

    private static StorageSettings readStorage(Node root, boolean production, Problems problems) {
        Optional<Node> node = root.child("storage");
        if (node.isEmpty()) {
            if (!root.has("storage")) {
                problems.missing(root.key("storage"), "expected {kind: nfs, storageClass: <RWX class>}");
            }
            return null;
        }
        Node s = node.get();
        Set<String> kinds = Set.of("nfs", "s3");
        String kind = s.oneOf("kind", null, kinds);
        if (kind == null || !kinds.contains(kind)) {
            // an unknown kind is its one problem: checking its fields against either kind's keys would add a misleading second
            if (!s.has("kind")) {
                problems.missing(s.key("kind"), "allowed: nfs, s3");
            }
            return null;
        }
        if (kind.equals("s3")) {
            s.allowOnly(Set.of("kind", "bucketName", "retainOnDelete", "protect", "kmsKeyArn", "plugin", "noncurrentVersionDays"));
            String bucket = s.requiredString("bucketName", "expected a globally unique S3 bucket name");
            if (!bucket.isEmpty()) {
                BucketNames.problem(bucket).ifPresent(p -> problems.add(s.key("bucketName"), bucket, p));
            }
            Optional<String> kms = s.optionalString("kmsKeyArn");
            kms.ifPresent(k -> S3StorageArgs.kmsKeyProblem(k).ifPresent(p -> problems.add(s.key("kmsKeyArn"), k, p)));
            return new S3StorageSettings(bucket, s.bool("retainOnDelete", true), kms,
                    s.oneOf("plugin", S3StorageArgs.DEFAULT_PLUGIN, Set.of("presto", "hadoop")),
                    s.integer("noncurrentVersionDays", S3StorageArgs.DEFAULT_NONCURRENT_VERSION_DAYS, 1, 3650), s.bool("protect", true));
        }
        s.allowOnly(Set.of("kind", "storageClass", "size", "mountPath", "retainOnDelete", "protect"));
        return new NfsStorageSettings(
                s.matching("storageClass", NfsStorageArgs.DEFAULT_STORAGE_CLASS, DNS_LABEL, "expected a storage class name"),
                s.matching("size", NfsStorageArgs.DEFAULT_SIZE, NfsStorageArgs.QUANTITY, "expected a Kubernetes quantity such as 10Gi"),
                mountPath(s, production, problems),
                s.bool("retainOnDelete", true), s.bool("protect", true));
    }

    /** Reads a {version, image} block: the stack's {@code flink}, or a job's own. */
    private static FlinkSettings readFlink(Node f, OperatorSettings operator, Problems problems) {
        f.allowOnly(Set.of("version", "image"));
        String version = f.matching("version", DEFAULT_FLINK_VERSION, VERSION, "expected an exact Flink version such as 1.20.1"
                + (f.has("version") && f.string("version", "").matches("\\d+\\.\\d+")
                ? " (YAML read an unquoted version as a number: quote it)" : ""));
        String image = f.string("image", HaFlinkDeploymentArgs.defaultImage(version));
        HaFlinkDeploymentArgs.imageProblem(image).or(() -> VERSION.matcher(version).matches()
                ? HaFlinkDeploymentArgs.imageVersionProblem(image, version) : Optional.empty())
                .ifPresent(p -> problems.add(f.key("image"), image, p));
        var release = OperatorRelease.of(operator.version());
        if (VERSION.matcher(version).matches() && release.isPresent()) {
            HaFlinkDeploymentArgs.flinkVersionProblem(version, release.get()).ifPresent(p -> problems.add(f.key("version"), version, p));
        }
        return new FlinkSettings(version, image);
    }

    /** Reads {objective, podStartup, restoreTime}; a job's block inherits what it does not set from the environment's. */
    private static Optional<RecoveryObjective> readRecovery(Node r, Optional<RecoveryObjective> inherited, Problems problems) {
        r.allowOnly(Set.of("objective", "podStartup", "restoreTime"));
        Optional<Duration> objective = duration(r, "objective", problems).or(() -> inherited.map(RecoveryObjective::target));
        Duration podStartup = duration(r, "podStartup", problems)
                .orElse(inherited.map(RecoveryObjective::podStartup).orElse(RecoveryObjective.DEFAULT_POD_STARTUP));
        Duration restore = duration(r, "restoreTime", problems)
                .orElse(inherited.map(RecoveryObjective::restoreTime).orElse(RecoveryObjective.DEFAULT_RESTORE_TIME));
        if (objective.isEmpty()) {
            problems.missing(r.key("objective"), "expected the recovery objective as a Flink duration, e.g. 60s");
            return Optional.empty();
        }
        return Optional.of(new RecoveryObjective(objective.get(), podStartup, restore));
    }

    private static Optional<Duration> duration(Node n, String key, Problems problems) {
        return n.optionalString(key).flatMap(text -> {
            Optional<Duration> d = RecoveryModel.parse(text).filter(x -> !x.isZero());
            if (d.isEmpty()) {
                problems.add(n.key(key), text, "expected a positive Flink duration such as 60s, 500ms or 2min");
            }
            return d;
        });
    }

    private static int retainedCheckpoints(Node job, boolean production, Problems problems) {
        int retained = job.integer("retainedCheckpoints", HaFlinkDeploymentArgs.DEFAULT_RETAINED_CHECKPOINTS, 1,
                HaFlinkDeploymentArgs.MAX_RETAINED_CHECKPOINTS);
        if (production && retained < 2) {
            problems.add(job.key("retainedCheckpoints"), retained, "a production job keeps at least 2 checkpoints, so that a "
                    + "corrupt or half-deleted latest checkpoint leaves one to restore from (or production: false)");
        }
        return retained;
    }

    private static String checkpointInterval(Node job, Problems problems) {
        String text = job.string("checkpointInterval", HaFlinkDeploymentArgs.DEFAULT_CHECKPOINT_INTERVAL);
        if (RecoveryModel.parse(text).filter(d -> !d.isZero()).isEmpty()) {
            problems.add(job.key("checkpointInterval"), text, "expected a positive Flink duration such as 30s, 500ms or 5min");
        }
        return text;
    }

    private static Duration readyTimeout(Node job, Problems problems) {
        Duration timeout = duration(job, "readyTimeout", problems).orElse(HaFlinkDeploymentArgs.DEFAULT_READY_TIMEOUT);
        if (timeout.compareTo(Duration.ofMinutes(1)) < 0) {
            problems.add(job.key("readyTimeout"), job.string("readyTimeout", ""), "expected at least 1min: the operator needs "
                    + "that long to start a JobManager and submit the job");
        }
        return timeout;
    }

    private static List<JobSettings> readJobs(Node root, StorageSettings storage, Optional<RecoveryObjective> recovery, boolean production,
                                              OperatorSettings operator, FlinkSettings stackFlink, Problems problems) {
        List<JobSettings> jobs = new ArrayList<>();
        if (!root.has("jobs")) {
            problems.missing(root.key("jobs"), "expected a list of Flink jobs, each with at least name and jarUri");
            return jobs;
        }
        Set<String> names = new HashSet<>();
        for (Node j : root.objects("jobs")) {
            j.allowOnly(Set.of("name", "jarUri", "entryClass", "args", "parallelism", "upgradeMode",
                    "jobManagerReplicas", "checkpointInterval", "retainedCheckpoints", "jobManager", "taskManager", "flinkConfiguration", "recovery",
                    "readyTimeout", "initialSavepointPath", "savepointRedeployNonce", "acknowledgeStateLoss", "flink"));
            Optional<FlinkSettings> jobFlink = j.child("flink").map(f -> readFlink(f, operator, problems));
            String name = j.requiredString("name", "expected a deployment name");
            if (!name.isEmpty() && !HaFlinkDeploymentArgs.DEPLOYMENT_NAME.matcher(name).matches()) {
                j.problemsAdd(j.key("name"), String.format("got '%s' (%d characters); expected [a-z]([-a-z0-9]*[a-z0-9])? "
                        + "of at most 45 characters, because it becomes Flink's kubernetes.cluster-id", name, name.length()));
            }
            if (!name.isEmpty() && !names.add(name)) {
                problems.add(j.key("name"), name, "job names must be unique: they name the deployment and its storage paths");
            }
            String jar = j.requiredString("jarUri", "expected a jar URI such as local:///opt/flink/usrlib/job.jar");
            if (!jar.isEmpty()) {
                HaFlinkDeploymentArgs.jarUriProblem(jar).ifPresent(p -> problems.add(j.key("jarUri"), jar, p));
            }
            String modeText = j.string("upgradeMode", UpgradeMode.LAST_STATE.value());
            UpgradeMode mode = UpgradeMode.fromValue(modeText).orElseGet(() -> {
                problems.add(j.key("upgradeMode"), modeText, "allowed: stateless, savepoint, last-state");
                return UpgradeMode.LAST_STATE;
            });
            if (production && mode == UpgradeMode.STATELESS && !j.has("acknowledgeStateLoss")) {
                problems.add(j.key("upgradeMode"), modeText, "a production job restarts empty on every change with upgradeMode "
                        + "stateless; use last-state or savepoint, or say why with acknowledgeStateLoss (or production: false)");
            }
            Map<String, String> extra = j.stringMap("flinkConfiguration");
            for (String key : extra.keySet()) {
                if (FlinkConfigKeys.OWNED.contains(key)) {
                    problems.add(j.key("flinkConfiguration") + "." + key, extra.get(key),
                            "this key is set by the platform; " + FlinkConfigKeys.controlledBy(key));
                } else if (extra.get(key).contains("file:/") && !onDurableMount(extra.get(key), storage)) {
                    problems.add(j.key("flinkConfiguration") + "." + key, extra.get(key),
                            "a file:// URI must lie on the mounted HA storage volume ("
                                    + (storage instanceof NfsStorageSettings nfs ? "file://" + nfs.mountPath() + "/..." : "none is mounted")
                                    + "); pod-local paths are lost when the pod is rescheduled");
                }
            }
            Map<String, String> notOwned = new java.util.TreeMap<>(extra);
            notOwned.keySet().removeAll(FlinkConfigKeys.OWNED);
            FlinkOptions options = jobOptions(jobFlink.orElse(stackFlink));
            for (FlinkOptions.Finding f : options.check(notOwned)) {
                if (f.error()) {
                    problems.add(j.key("flinkConfiguration") + "." + f.key(), f.value(), f.message());
                }
            }
            if (options.isFlink2()) {
                FlinkOptions.overlappingKeys(extra.keySet()).forEach(o ->
                        problems.add(j.key("flinkConfiguration") + "." + o.key(), extra.get(o.key()), o.message()));
            }
            Optional<RecoveryObjective> jobRecovery = j.child("recovery").map(r -> readRecovery(r, recovery, problems)).orElse(recovery);
            Optional<Integer> replicas = j.has("jobManagerReplicas") ? Optional.of(j.integer("jobManagerReplicas", 1, 1, HaFlinkDeploymentArgs.MAX_JOBMANAGER_REPLICAS)) : Optional.empty();
            if (jobRecovery.isPresent()) {
                try {
                    RecoveryModel.derive(jobRecovery.get(), replicas, extra);
                } catch (IllegalArgumentException e) {
                    problems.raw(j.key("recovery") + ": " + e.getMessage());
                }
            }
            jobs.add(new JobSettings(
                    name,
                    jar,
                    j.optionalString("entryClass"),
                    List.copyOf(j.strings("args")),
                    j.integer("parallelism", 1, 1, HaFlinkDeploymentArgs.MAX_PARALLELISM),
                    mode,
                    replicas,
                    checkpointInterval(j, problems),
                    retainedCheckpoints(j, production, problems),
                    resources(j, "jobManager", ContainerResources.DEFAULT),
                    resources(j, "taskManager", ContainerResources.DEFAULT),
                    Map.copyOf(extra),
                    jobRecovery,
                    readyTimeout(j, problems),
                    j.optionalString("initialSavepointPath"),
                    j.optionalString("acknowledgeStateLoss"),
                    jobFlink,
                    redeployNonce(j, problems)));
        }
        if (jobs.isEmpty() && problems.isEmpty()) {
            problems.add(root.key("jobs"), "[]", "expected at least one job");
        }
        return jobs;
    }

    private static Optional<Integer> redeployNonce(Node job, Problems problems) {
        if (!job.has("savepointRedeployNonce")) {
            return Optional.empty();
        }
        int nonce = job.integer("savepointRedeployNonce", 1, 1, Integer.MAX_VALUE);
        if (!job.has("initialSavepointPath")) {
            problems.add(job.key("savepointRedeployNonce"), nonce, "expected initialSavepointPath beside it: a new value redeploys "
                    + "the job from that savepoint");
        }
        return Optional.of(nonce);
    }

    private static ContainerResources resources(Node parent, String name, ContainerResources d) {
        Node r = parent.childOrEmpty(name);
        r.allowOnly(Set.of("cpu", "memory"));
        double cpu = d.cpu();
        if (r.has("cpu")) {
            String text = r.string("cpu", "1");
            try {
                cpu = Double.parseDouble(text);
            } catch (NumberFormatException e) {
                r.problemsAdd(r.key("cpu"), "got '" + text + "'; expected a number of cores such as 0.5 or 2");
                cpu = d.cpu();
            }
        }
        String memory = r.string("memory", d.memory());
        List<String> resourceProblems = ContainerResources.problems(cpu, memory);
        resourceProblems.forEach(p -> r.problemsAdd(r.key(p.substring(0, p.indexOf(':'))), p.substring(p.indexOf(':') + 2)));
        return resourceProblems.isEmpty() ? new ContainerResources(cpu, memory) : d;
    }

    private static boolean onDurableMount(String uri, StorageSettings storage) {
        return storage instanceof NfsStorageSettings nfs && NfsStorageArgs.onMount(nfs.mountPath(), uri);
    }
}
