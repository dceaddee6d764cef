package io.flinkha.config;

import com.google.gson.JsonObject;
import com.google.gson.JsonParseException;
import com.google.gson.JsonParser;
import io.flinkha.cluster.ClusterArgs;
import io.flinkha.cluster.EksClusterArgs;
import io.flinkha.cluster.EksNetworkArgs;
import io.flinkha.cluster.EksVersions;
import io.flinkha.cluster.ExistingClusterArgs;
import io.flinkha.cluster.NodeGroupSpec;
import io.flinkha.cluster.OidcIdentity;
import io.flinkha.flink.ContainerResources;
import io.flinkha.flink.HaFlinkDeploymentArgs;
import io.flinkha.flink.RecoveryModel;
import io.flinkha.flink.RecoveryObjective;
import io.flinkha.flink.crd.UpgradeMode;
import io.flinkha.operator.FlinkOperatorArgs;
import io.flinkha.operator.OperatorRelease;
import io.flinkha.platform.Environment;
import io.flinkha.platform.FlinkPlatformArgs;
import io.flinkha.platform.Job;
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
    /** Each key of {@code cluster} of kind existing, and the {@link ExistingClusterArgs} field it binds to. */
    public static final Map<String, String> EXISTING_KEYS = ordered("context", "context", "kubeconfig", "kubeconfig", "oidc", "oidc",
            "nodes", "nodes");
    /**
     * Each key of {@code cluster} of kind eks, and the {@link EksClusterArgs} field it binds to ({@code vpc} makes the new VPC's
     * {@link EksNetworkArgs}), in the order its problems are reported.
     */
    public static final Map<String, String> EKS_KEYS = ordered("kubernetesVersion", "kubernetesVersion", "upgradePolicy", "supportType",
            "subnets", "privateSubnetIds, publicSubnetIds", "vpc", "(EksNetworkArgs)", "nodeGroup", "nodeGroup", "deployer", "deployer",
            "admins", "admins", "previewers", "previewers", "publicAccessCidrs", "publicAccessCidrs", "logRetentionDays", "logRetentionDays",
            "identity", "podIdentity");
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
            "region", "aws.region", "operatorRelease", "operator.version", "checkedOn", "(the day of the plan)",
            "clusterName", "(the platform's name and the environment)");

    private static final Pattern TWO_PART_VERSION = Pattern.compile("\\d+\\.\\d+");

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
                if (key != null) {
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
        Cluster cluster = readCluster(root, environment, problems);
        Node o = root.childOrEmpty("operator");
        Optional<OperatorRelease> release = OperatorRelease.of(o.string("version", OperatorRelease.DEFAULT.version()));
        FlinkOperatorArgs operator = readOperator(o, problems);
        HaStorageArgs storage = readStorage(root, environment, problems);
        Optional<RecoveryObjective> recovery = root.child("recovery").flatMap(r -> readRecovery(r, Optional.empty(), problems));
        List<Integer> entries = new ArrayList<>();
        List<Job> jobs = readJobs(root, environment, recovery, release, entries, problems);
        var check = ArgsCheck.of("FlinkPlatformArgs");
        FlinkPlatformArgs.problems(environment, cluster.args(), cluster.network(), storage, operator, jobs, check);
        Environment env = environment;
        // a job that failed its own Args is left out, so the platform's jobs[i] is the stack's entry entries[i]
        return bind(() -> {
            check.done();
            // the parts' own problems are reported already; the whole is made only of sound parts
            return problems.isEmpty() ? new FlinkPlatformArgs(env, cluster.args(), cluster.network(), storage, operator, jobs) : null;
        }, field -> field.equals("aws") && root.has("aws") ? null : root.key(field.startsWith("jobs[") ? "jobs[" + entries.get(Integer.parseInt(field.substring(5, field.indexOf(']'))))
                + field.substring(field.indexOf(']')) : field), problems);
    }

    /** The cluster a stack names: an existing one, or EKS (and its new VPC, when it does not name subnets). */
    private record Cluster(ClusterArgs args, Optional<EksNetworkArgs> network) {
    }

    private static Cluster readCluster(Node root, Environment env, Problems problems) {
        Optional<Node> node = root.child("cluster");
        if (node.isEmpty()) {
            if (!root.has("cluster")) {
                problems.missing(root.key("cluster"), "expected {kind: existing, context: <kubeconfig context>}");
            }
            return new Cluster(null, Optional.empty());
        }
        Node c = node.get();
        String kind = c.oneOf("kind", null, Set.of("existing", "eks"));
        if (kind == null) {
            if (!c.has("kind")) {
                problems.missing(c.key("kind"), "allowed: eks, existing");
            }
            return new Cluster(null, Optional.empty());
        }
        if (kind.equals("eks")) {
            int first = problems.size();
            Cluster eks = readEks(c, env, problems);
            problems.sortSince(first, order(c.key(""), List.copyOf(EKS_KEYS.keySet())));
            return eks;
        }
        c.allowOnly(concat(EXISTING_KEYS.keySet(), "kind"));
        Optional<Node> o = c.child("oidc");
        o.ifPresent(n -> n.allowOnly(Set.of("providerArn", "issuerUrl")));
        Optional<OidcIdentity> oidc = o.map(n -> bind(() -> OidcIdentity.declared(n.optionalString("providerArn").orElse(null),
                n.optionalString("issuerUrl").orElse(null)), n::key, problems));
        ExistingClusterArgs existing = bind(() -> new ExistingClusterArgs(c.optionalString("context").orElse(null), c.optionalString("kubeconfig"),
                oidc, c.optionalInteger("nodes", ExistingClusterArgs.NODES)), keys(c, EXISTING_KEYS), problems);
        // a cluster whose OIDC provider is refused is no cluster without one: the rules that need it wait for the fix
        return new Cluster(o.isPresent() && oidc.isEmpty() ? null : existing, Optional.empty());
    }

    private static Cluster readEks(Node c, Environment env, Problems problems) {
        c.allowOnly(concat(EKS_KEYS.keySet(), "kind"));
        var b = EksClusterArgs.builder().checkedOn(env.checkedOn()).region(env.awsRegion().orElse(null));
        c.optionalString("kubernetesVersion").ifPresent(b::kubernetesVersion);
        b.supportType(EksVersions.SupportType.valueOf(c.oneOf("upgradePolicy", "STANDARD", Set.of("STANDARD", "EXTENDED")) .equals("EXTENDED")
                ? "EXTENDED" : "STANDARD"));
        Optional<EksNetworkArgs> network = Optional.empty();
        if (c.has("vpc") && c.has("subnets")) {
            problems.add(c.key("subnets"), "both vpc and subnets", "give either vpc (a new VPC) or subnets (an existing VPC), not both");
        } else if (c.has("subnets")) {
            Node s = c.childOrEmpty("subnets");
            s.allowOnly(Set.of("private", "public"));
            List<String> priv = s.strings("private");
            List<String> pub = s.strings("public");
            EksClusterArgs.subnetProblems(priv, pub).forEach(p -> problems.raw(s.key(p)));
            b.privateSubnetIds(priv.stream().map(com.pulumi.core.Output::of).toList())
                    .publicSubnetIds(pub.stream().map(com.pulumi.core.Output::of).toList());
        } else {
            Node v = c.childOrEmpty("vpc");
            v.allowOnly(Set.of("cidr", "availabilityZones", "natGateways"));
            boolean perZone = "perZone".equals(v.oneOf("natGateways", "single", Set.of("single", "perZone")));
            network = Optional.ofNullable(bind(() -> new EksNetworkArgs(null, v.string("cidr", EksNetworkArgs.DEFAULT_CIDR),
                    v.strings("availabilityZones"), perZone, null), v::key, problems));
        }
        Node n = c.childOrEmpty("nodeGroup");
        n.allowOnly(Set.of("instanceTypes", "minSize", "desiredSize", "maxSize", "diskSize", "autoscaling"));
        var any = new io.flinkha.validation.IntRange(Integer.MIN_VALUE, Integer.MAX_VALUE);
        var autoscaling = "external".equals(n.oneOf("autoscaling", "none", Set.of("none", "external")))
                ? NodeGroupSpec.Autoscaling.EXTERNAL : NodeGroupSpec.Autoscaling.NONE;
        Optional<List<String>> types = n.has("instanceTypes") ? Optional.of(n.strings("instanceTypes")) : Optional.empty();
        var min = n.optionalInteger("minSize", any);
        var desired = n.optionalInteger("desiredSize", any);
        var max = n.optionalInteger("maxSize", any);
        var disk = n.optionalInteger("diskSize", any);
        NodeGroupSpec nodeGroup = bind(() -> NodeGroupSpec.withDefaults(types, min, desired, max, disk, autoscaling), n::key, problems);
        b.nodeGroup(nodeGroup != null ? nodeGroup : NodeGroupSpec.DEFAULT);
        b.admins(c.strings("admins")).previewers(c.strings("previewers")).publicAccessCidrs(c.strings("publicAccessCidrs"));
        c.optionalString("deployer").ifPresent(b::deployer);
        c.optionalInteger("logRetentionDays", EksClusterArgs.LOG_RETENTION).ifPresent(b::logRetentionDays);
        b.podIdentity("podIdentity".equals(c.oneOf("identity", "irsa", Set.of("irsa", "podIdentity"))));
        int first = problems.size();
        EksClusterArgs eks = bind(b::build, keys(c, EKS_KEYS), problems);
        problems.mapSince(first, m -> m.startsWith(c.key("kubernetesVersion") + ": got") && m.contains("expected a pinned")
                ? m + " (quote it: YAML reads 1.30 as the number 1.3)" : m);
        return new Cluster(eks, network);
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
                    ? flink.key(field.equals("image") ? "image" : "version") : jobKeys.apply(field), problems);
            quoteHint(flink, "version", first, problems);
            if (args != null && !name.isEmpty()) {
                jobs.add(new Job(name, args));
                entries.add(entry);
            }
            problems.sortSince(first, order(j.key(""), List.copyOf(JOB_KEYS.keySet())));
        }
        return jobs;
    }

    /** Orders one section's problems as its keys are documented, whatever checked them: unknown keys first. */
    private static java.util.Comparator<String> order(String prefix, List<String> keys) {
        return java.util.Comparator.comparingInt(message -> {
            String key = message.startsWith(prefix) ? message.substring(prefix.length()) : "";
            String top = key.replaceFirst("[.:/\\[].*", "");
            String nested = key.replaceFirst("^([a-z]+\\.[a-zA-Z]+).*", "$1");
            return keys.contains(nested) ? keys.indexOf(nested) : keys.indexOf(top);
        });
    }

    /**
     * YAML reads an unquoted version as a number ({@code 1.10} arrives as 1.1): a problem with such a value, found since
     * {@code first}, says so.
     */
    private static void quoteHint(Node node, String key, int first, Problems problems) {
        if (node.has(key) && TWO_PART_VERSION.matcher(node.string(key, "")).matches()) {
            problems.mapSince(first, m -> m.startsWith(node.key(key) + ": got") ? m + " (YAML read an unquoted version as a number: quote it)" : m);
        }
    }

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
        int first = problems.size();
        FlinkOperatorArgs operator = bind(b::build, operatorKeys, problems);
        quoteHint(o, "version", first, problems);
        return operator;
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
