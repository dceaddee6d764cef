package io.flinkha.config;

import com.google.gson.JsonObject;
import com.google.gson.JsonParseException;
import com.google.gson.JsonParser;
import io.flinkha.cluster.EksClusterArgs;
import io.flinkha.cluster.EksNetworkArgs;
import io.flinkha.cluster.EksVersions;
import io.flinkha.cluster.NodeGroupSpec;
import io.flinkha.flink.ContainerResources;
import io.flinkha.flink.HaFlinkDeploymentArgs;
import io.flinkha.flink.RecoveryModel;
import io.flinkha.flink.RecoveryObjective;
import io.flinkha.flink.crd.UpgradeMode;
import io.flinkha.operator.FlinkOperatorArgs;
import io.flinkha.operator.OperatorRelease;
import io.flinkha.platform.ClusterSettings;
import io.flinkha.platform.EksClusterSettings;
import io.flinkha.platform.Environment;
import io.flinkha.platform.ExistingClusterSettings;
import io.flinkha.platform.FlinkPlatformArgs;
import io.flinkha.platform.Job;
import io.flinkha.platform.NetworkSettings;
import io.flinkha.platform.OidcSettings;
import io.flinkha.storage.HaStorageArgs;
import io.flinkha.storage.NfsStorageArgs;
import io.flinkha.storage.S3StorageArgs;
import io.flinkha.validation.ArgsCheck;

import java.time.Duration;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.Function;
import java.util.function.Supplier;
import java.util.regex.Pattern;

/**
 * Binds a stack's raw config values into the components' Args, the only place that reads them. It holds no rule of its
 * own: each value goes into its Args' builder, and each problem the Args (or {@link FlinkPlatformArgs}, for the rules
 * across components) find is reported at the stack key the value came from. What it checks itself is the stack file's
 * shape: unknown keys, and values of the wrong type. Every problem is collected and thrown at once as a
 * {@link SettingsException}, before any resource exists.
 */
public final class SettingsLoader {
    /** The Pulumi project name, and so the namespace of every config key. */
    public static final String PROJECT = "flink-ha";

    /** Top-level config keys of the project (without the {@code flink-ha:} prefix). */
    public static final Set<String> KEYS = Set.of("environment", "production", "namespace", "cluster", "operator", "storage", "flink", "jobs", "aws", "recovery");

    /**
     * Each key of a job entry, and the {@link HaFlinkDeploymentArgs} field it binds to ({@code name} names the deployment), in
     * the order a job's problems are reported.
     */
    public static final Map<String, String> JOB_KEYS = ordered("flink.version", "flinkVersion", "flink.image", "image",
            "name", "(deployment name)", "jarUri", "jarUri", "upgradeMode", "upgradeMode", "flinkConfiguration", "flinkConfiguration",
            "recovery", "recoveryObjective", "jobManagerReplicas", "jobManagerReplicas", "entryClass", "entryClass", "args", "args",
            "parallelism", "parallelism", "checkpointInterval", "checkpointInterval", "retainedCheckpoints", "retainedCheckpoints",
            "jobManager", "jobManager", "taskManager", "taskManager", "readyTimeout", "readyTimeout",
            "initialSavepointPath", "initialSavepointPath", "acknowledgeStateLoss", "stateLossAcknowledged",
            "savepointRedeployNonce", "savepointRedeployNonce");
    /** Each key of {@code storage} of kind nfs, and the {@link NfsStorageArgs} field it binds to. */
    public static final Map<String, String> NFS_KEYS = identity("storageClass", "size", "mountPath", "retainOnDelete", "protect");
    /** Each key of {@code storage} of kind s3, and the {@link S3StorageArgs} field it binds to. */
    public static final Map<String, String> S3_KEYS = identity("bucketName", "retainOnDelete", "protect", "kmsKeyArn", "plugin",
            "noncurrentVersionDays");
    /** Each key of {@code operator}, and the {@link FlinkOperatorArgs} field it binds to. */
    public static final Map<String, String> OPERATOR_KEYS = Map.of("version", "version", "namespace", "namespace",
            "chartRepository", "chartRepository", "certManager", "webhook", "replicas", "replicas", "resources", "milliCpu, memoryMib",
            "helmValues", "extraValues", "acknowledgeDefects", "acknowledgedDefects");
    /**
     * Args fields that take an environment-level fact, not a key of their own section: {@code production}, the environment's
     * name and the AWS region (top-level keys), and the operator release the jobs bind from {@code operator.version}.
     */
    public static final Map<String, String> ENVIRONMENT_FIELDS = Map.of("production", "production", "environment", "environment",
            "region", "aws.region", "operatorRelease", "operator.version");

    private static final Pattern TWO_PART_VERSION = Pattern.compile("\\d+\\.\\d+");
    private static final Pattern SUBNET_ID = Pattern.compile("subnet-[0-9a-f]{8,17}");
    private static final Pattern OIDC_PROVIDER_ARN = Pattern.compile("arn:aws[a-z-]*:iam::\\d{12}:oidc-provider/[A-Za-z0-9./_-]+");
    private static final Pattern K8S_VERSION = Pattern.compile("1\\.\\d{2}");

    private SettingsLoader() {
    }

    private static Map<String, String> ordered(String... keyThenField) {
        Map<String, String> out = new java.util.LinkedHashMap<>();
        for (int i = 0; i < keyThenField.length; i += 2) {
            out.put(keyThenField[i], keyThenField[i + 1]);
        }
        return java.util.Collections.unmodifiableMap(out);
    }

    private static Map<String, String> identity(String... keys) {
        return Arrays.stream(keys).collect(java.util.stream.Collectors.toUnmodifiableMap(k -> k, k -> k));
    }

    /**
     * @param stack  the stack name, used in messages and as the default environment
     * @param config raw config value by key without the project prefix; structured values as JSON text
     * @return the checked Args of the platform
     * @throws SettingsException listing every problem
     */
    public static FlinkPlatformArgs load(String stack, Function<String, Optional<String>> config) {
        return load(stack, config, LocalDate.now(ZoneOffset.UTC));
    }

    /**
     * Like {@link #load(String, Function)}, on a given day: the EKS version's support is checked against it.
     *
     * @param stack  the stack name, used in messages and as the default environment
     * @param config raw config value by key without the project prefix; structured values as JSON text
     * @param today  the day of the plan
     * @return the checked Args of the platform
     * @throws SettingsException listing every problem
     */
    public static FlinkPlatformArgs load(String stack, Function<String, Optional<String>> config, LocalDate today) {
        Problems problems = new Problems();
        JsonObject root = new JsonObject();
        for (String key : KEYS) {
            // an empty value is how Pulumi.yaml declares an optional structured key without a default
            config.apply(key).filter(raw -> !raw.isBlank()).ifPresent(raw -> root.add(key, parse(key, raw, problems)));
        }
        FlinkPlatformArgs args = read(stack, new Node(PROJECT, root, problems), problems, today);
        problems.throwIfAny(stack);
        return args;
    }

    /**
     * @param args the platform's checked Args
     * @return what in them will still hurt, each naming its stack key
     */
    public static List<String> warnings(FlinkPlatformArgs args) {
        return args.warnings().stream().map(w -> PROJECT + "." + w).toList();
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

    /**
     * Makes Args without their resources and reports each of their problems at the stack key its field binds to.
     *
     * @param keyOf the stack key of an Args field, or null where another key reports it (an environment-level fact)
     * @return the Args, or null when they have problems
     */
    private static <T> T bind(Supplier<T> make, Function<String, String> keyOf, Problems problems) {
        try {
            return ArgsCheck.unbound(make);
        } catch (ArgsCheck.ArgsException e) {
            for (ArgsCheck.Problem p : e.problems()) {
                String key = ENVIRONMENT_FIELDS.containsKey(p.argument()) ? null : keyOf.apply(p.argument());
                if (key != null && key.endsWith(QUOTE_IT)) {
                    problems.raw(key.substring(0, key.length() - 1) + ": " + p.text() + " (YAML read an unquoted version as a number: quote it)");
                } else if (key != null) {
                    problems.raw(key + p.field().substring(p.argument().length()) + ": " + p.text());
                }
            }
            return null;
        }
    }

    /** The stack key of an Args field, from the section's table of key to field. */
    private static Function<String, String> keys(Node node, Map<String, String> table) {
        return field -> table.entrySet().stream().filter(e -> e.getValue().equals(field)).map(e -> node.key(e.getKey())).findFirst()
                .orElse(node.key(field));
    }

    private static FlinkPlatformArgs read(String stack, Node root, Problems problems, LocalDate today) {
        Optional<String> region = root.child("aws").map(a -> {
            a.allowOnly(Set.of("region"));
            return a.requiredString("region", "expected an AWS region such as eu-west-1");
        }).filter(r -> !r.isEmpty());
        Environment environment = bind(() -> new Environment(root.string("environment", stack), root.bool("production", false),
                root.string("namespace", "flink"), region, today), field -> root.key(field.equals("name") ? "environment"
                : field.equals("awsRegion") ? "aws.region" : field), problems);
        if (environment == null) {
            // its problems are reported; the rest is still checked against a stand-in, so that one round finds everything
            Optional<String> validRegion = region.filter(r -> S3StorageArgs.REGION.matcher(r).matches());
            environment = new Environment("invalid", root.bool("production", false), "invalid", validRegion, today);
        }
        ClusterSettings cluster = readCluster(root, problems, today);
        Node o = root.childOrEmpty("operator");
        Optional<OperatorRelease> release = OperatorRelease.of(o.string("version", OperatorRelease.DEFAULT.version()));
        FlinkOperatorArgs operator = readOperator(o, problems);
        HaStorageArgs storage = readStorage(root, environment, problems);
        Optional<RecoveryObjective> recovery = root.child("recovery").flatMap(r -> readRecovery(r, Optional.empty(), problems));
        List<Integer> entries = new ArrayList<>();
        List<Job> jobs = readJobs(root, environment, recovery, release, entries, problems);
        var check = ArgsCheck.of("FlinkPlatformArgs");
        FlinkPlatformArgs.problems(environment, cluster, storage, operator, jobs, check);
        Environment env = environment;
        // a job that failed its own Args is left out, so the platform's jobs[i] is the stack's entry entries[i]
        return bind(() -> {
            check.done();
            // the parts' own problems are reported already; the whole is made only of sound parts
            return problems.isEmpty() ? new FlinkPlatformArgs(env, cluster, storage, operator, jobs) : null;
        }, field -> field.equals("aws") && root.has("aws") ? null : root.key(field.startsWith("jobs[") ? "jobs[" + entries.get(Integer.parseInt(field.substring(5, field.indexOf(']'))))
                + field.substring(field.indexOf(']')) : field), problems);
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
            for (String id : java.util.stream.Stream.concat(priv.stream(), pub.stream()).toList()) {
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

    private static List<Job> readJobs(Node root, Environment env, Optional<RecoveryObjective> recovery, Optional<OperatorRelease> release,
                                      List<Integer> entries, Problems problems) {
        List<Job> jobs = new ArrayList<>();
        Node stackFlink = root.childOrEmpty("flink");
        stackFlink.allowOnly(Set.of("version", "image"));
        if (!root.has("jobs")) {
            problems.missing(root.key("jobs"), "expected a list of Flink jobs, each with at least name and jarUri");
            return jobs;
        }
        List<Node> entryNodes = root.objects("jobs");
        for (int entry = 0; entry < entryNodes.size(); entry++) {
            Node j = entryNodes.get(entry);
            int first = problems.size();
            j.allowOnly(JOB_KEYS.keySet().stream().map(k -> k.replaceFirst("\\..*", "")).toList());
            Node flink = j.child("flink").orElse(stackFlink);
            if (flink != stackFlink) {
                flink.allowOnly(Set.of("version", "image"));
            }
            var b = HaFlinkDeploymentArgs.builder().production(env.production());
            release.ifPresent(b::operatorRelease);
            flink.optionalString("version").ifPresent(b::flinkVersion);
            flink.optionalString("image").ifPresent(b::image);
            j.optionalString("jarUri").ifPresent(b::jarUri);
            j.optionalString("entryClass").ifPresent(b::entryClass);
            b.args(j.strings("args"));
            j.optionalInteger("parallelism", HaFlinkDeploymentArgs.PARALLELISM).ifPresent(b::parallelism);
            j.optionalString("upgradeMode").ifPresent(text -> UpgradeMode.fromValue(text).ifPresentOrElse(b::upgradeMode, () ->
                    problems.add(j.key("upgradeMode"), text, "allowed: " + String.join(", ",
                            Arrays.stream(UpgradeMode.values()).map(UpgradeMode::value).toList()))));
            j.optionalInteger("jobManagerReplicas", HaFlinkDeploymentArgs.JOBMANAGER_REPLICAS).ifPresent(b::jobManagerReplicas);
            j.optionalString("checkpointInterval").ifPresent(b::checkpointInterval);
            j.optionalInteger("retainedCheckpoints", HaFlinkDeploymentArgs.RETAINED_CHECKPOINTS).ifPresent(b::retainedCheckpoints);
            b.jobManager(resources(j, "jobManager", ContainerResources.DEFAULT)).taskManager(resources(j, "taskManager", ContainerResources.DEFAULT));
            b.flinkConfiguration(j.stringMap("flinkConfiguration"));
            j.child("recovery").map(r -> readRecovery(r, recovery, problems)).orElse(recovery).ifPresent(b::recoveryObjective);
            duration(j, "readyTimeout", problems).ifPresent(b::readyTimeout);
            j.optionalString("initialSavepointPath").ifPresent(b::initialSavepointPath);
            j.optionalInteger("savepointRedeployNonce", HaFlinkDeploymentArgs.REDEPLOY_NONCE).ifPresent(b::savepointRedeployNonce);
            j.optionalString("acknowledgeStateLoss").ifPresent(b::acknowledgeStateLoss);
            String name = j.requiredString("name", "expected a deployment name");
            if (!name.isEmpty()) {
                HaFlinkDeploymentArgs.nameProblem(name).ifPresent(p -> j.problemsAdd(j.key("name"), p));
            }
            Function<String, String> jobKeys = keys(j, JOB_KEYS);
            HaFlinkDeploymentArgs args = bind(b::build, field -> field.equals("flinkVersion") || field.equals("image")
                    ? versionKey(flink, field.equals("image") ? "image" : "version") : jobKeys.apply(field), problems);
            if (args != null && !name.isEmpty()) {
                jobs.add(new Job(name, args));
                entries.add(entry);
            }
            problems.sortSince(first, JOB_ORDER.apply(j.key("")));
        }
        return jobs;
    }

    /** Orders a job's problems as its keys are documented, whatever checked them: unknown keys first. */
    private static final Function<String, java.util.Comparator<String>> JOB_ORDER = prefix -> java.util.Comparator.comparingInt(message -> {
        String key = message.startsWith(prefix) ? message.substring(prefix.length()) : "";
        String top = key.replaceFirst("[.:].*", "");
        String second = key.replaceFirst("^flink\\.([a-z]+).*", "flink.$1");
        List<String> order = List.copyOf(JOB_KEYS.keySet());
        int at = order.indexOf(key.startsWith("flink.") ? second : top);
        return at;
    });

    /** A problem with a version that YAML read as a number says so: {@code version: 1.10} arrives as 1.1. */
    private static String versionKey(Node node, String key) {
        boolean number = key.equals("version") && node.has(key) && TWO_PART_VERSION.matcher(node.string(key, "")).matches();
        return node.key(key) + (number ? QUOTE_IT : "");
    }

    /** Marks a key whose problem adds the hint that YAML read the value as a number. */
    private static final String QUOTE_IT = "\u0000";

    private static FlinkOperatorArgs readOperator(Node o, Problems problems) {
        o.allowOnly(OPERATOR_KEYS.keySet());
        var b = FlinkOperatorArgs.builder();
        o.optionalString("version").ifPresent(b::version);
        o.optionalString("namespace").ifPresent(b::namespace);
        o.optionalString("chartRepository").ifPresent(b::chartRepository);
        b.webhook(o.bool("certManager", false));
        o.optionalInteger("replicas", FlinkOperatorArgs.REPLICAS).ifPresent(b::replicas);
        ContainerResources defaults = new ContainerResources(FlinkOperatorArgs.DEFAULT_MILLI_CPU / 1000.0, FlinkOperatorArgs.DEFAULT_MEMORY_MIB + "Mi");
        ContainerResources r = resources(o, "resources", defaults);
        FlinkOperatorArgs.resourcesProblem(r.milliCpu(), r.memoryMib(), r.cpu() + " CPU, " + r.memory()).ifPresentOrElse(p -> o.problemsAdd(o.key("resources"), p),
                () -> b.milliCpu(r.milliCpu()).memoryMib(r.memoryMib()));
        b.extraValues(o.plainMap("helmValues"));
        b.acknowledgeDefects(o.strings("acknowledgeDefects"));
        Function<String, String> operatorKeys = keys(o, OPERATOR_KEYS);
        return bind(b::build, field -> field.equals("version") ? versionKey(o, "version") : operatorKeys.apply(field), problems);
    }

    private static HaStorageArgs readStorage(Node root, Environment env, Problems problems) {
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
            s.allowOnly(concat(S3_KEYS.keySet(), "kind"));
            var b = S3StorageArgs.builder().environment(env.name()).production(env.production()).region(env.awsRegion().orElse(null))
                    .retainOnDelete(s.bool("retainOnDelete", true)).protect(s.bool("protect", true));
            s.optionalString("bucketName").ifPresent(b::bucketName);
            s.optionalString("kmsKeyArn").ifPresent(b::kmsKeyArn);
            s.optionalString("plugin").ifPresent(b::plugin);
            s.optionalInteger("noncurrentVersionDays", S3StorageArgs.NONCURRENT_VERSION_DAYS).ifPresent(b::noncurrentVersionDays);
            return bind(b::build, keys(s, S3_KEYS), problems);
        }
        s.allowOnly(concat(NFS_KEYS.keySet(), "kind"));
        var b = NfsStorageArgs.builder().environment(env.name()).production(env.production())
                .retainOnDelete(s.bool("retainOnDelete", true)).protect(s.bool("protect", true));
        s.optionalString("storageClass").ifPresent(b::storageClass);
        s.optionalString("size").ifPresent(b::size);
        s.optionalString("mountPath").ifPresent(b::mountPath);
        return bind(b::build, keys(s, NFS_KEYS), problems);
    }

    private static Set<String> concat(Set<String> keys, String more) {
        Set<String> out = new HashSet<>(keys);
        out.add(more);
        return out;
    }

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
}
