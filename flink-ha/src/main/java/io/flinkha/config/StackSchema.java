package io.flinkha.config;

import com.pulumi.core.Output;
import io.flinkha.aws.eks.EksClusterArgs;
import io.flinkha.aws.eks.EksNetworkArgs;
import io.flinkha.aws.eks.ControlPlaneEncryption;
import io.flinkha.aws.eks.S3EndpointPolicy;
import io.flinkha.aws.eks.EksVersions;
import io.flinkha.cluster.ExistingClusterArgs;
import io.flinkha.aws.eks.NodeGroupSpec;
import io.flinkha.cluster.OidcIdentity;
import io.flinkha.flink.RecoveryObjective;
import java.time.Duration;
import io.flinkha.flink.ContainerResources;
import io.flinkha.flink.HaFlinkDeploymentArgs;
import io.flinkha.flink.PeriodicSavepoints;
import io.flinkha.monitoring.JobMonitoringArgs;
import io.flinkha.network.JobIsolation;
import io.flinkha.network.JobNetworkPoliciesArgs;
import io.flinkha.flink.crd.UpgradeMode;
import io.flinkha.operator.FlinkOperatorArgs;
import io.flinkha.storage.NfsStorageArgs;
import io.flinkha.aws.s3.S3StorageArgs;
import io.flinkha.validation.IntRange;

import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
import java.util.function.BiConsumer;
import java.util.stream.Collectors;

/**
 * The keys a stack may set, section by section, each bound to the field of its component's Args and read into the Args'
 * builder by its type. Adding a setting is one line here (and its rule in the Args); {@link SettingsLoader} walks these
 * tables and reports what the Args find at the key the value came from. {@code Pulumi.yaml} documents the same keys.
 */
public final class StackSchema {
    private StackSchema() {
    }

    private static Map<String, String> keys(List<? extends Binding<?>> bindings) {
        Map<String, String> out = new LinkedHashMap<>();
        bindings.forEach(b -> out.put(b.key(), b.field()));
        return out;
    }

    /** Top-level config keys of the project (without the {@code flink-ha:} prefix). */
    public static final Set<String> KEYS = Set.of("environment", "production", "namespace", "cluster", "operator", "storage", "flink", "jobs", "aws", "recovery", "savepoints",
            "networkPolicies", "monitoring");

    /**
     * One key of a section.
     *
     * @param key   the key, as a stack spells it
     * @param field the Args field (or fields, comma-separated) it binds to
     * @param read  reads its value, if set, into the Args' builder; a key read elsewhere reads nothing here
     * @param <B>   the Args' builder
     */
    record Binding<B>(String key, String field, BiConsumer<Node, B> read) {
    }

    private static <B> Binding<B> text(String key, String field, BiConsumer<B, String> set) {
        return new Binding<>(key, field, (n, b) -> n.optionalString(key).ifPresent(v -> set.accept(b, v)));
    }

    private static <B> Binding<B> number(String key, IntRange range, BiConsumer<B, Integer> set) {
        return new Binding<>(key, key, (n, b) -> n.optionalInteger(key, range).ifPresent(v -> set.accept(b, v)));
    }

    private static <B> Binding<B> flag(String key, String field, BiConsumer<B, Boolean> set) {
        return new Binding<>(key, field, (n, b) -> n.optionalBool(key).ifPresent(v -> set.accept(b, v)));
    }

    private static <B> Binding<B> list(String key, String field, BiConsumer<B, List<String>> set) {
        return new Binding<>(key, field, (n, b) -> set.accept(b, n.strings(key)));
    }

    private static <B, T> Binding<B> choice(String key, String field, Map<String, T> values, BiConsumer<B, T> set) {
        return new Binding<>(key, field, (n, b) -> n.choice(key, values).ifPresent(v -> set.accept(b, v)));
    }

    private static <B> Binding<B> elsewhere(String key, String field) {
        return new Binding<>(key, field, (n, b) -> { });
    }

    /** A job entry, into {@link HaFlinkDeploymentArgs}; its {@code flink} block and {@code recovery} inherit the stack's. */
    static final List<Binding<HaFlinkDeploymentArgs.Builder>> JOB = List.of(
            elsewhere("flink.version", "flinkVersion"), elsewhere("flink.image", "image"), elsewhere("name", "(deployment name)"),
            text("jarUri", "jarUri", HaFlinkDeploymentArgs.Builder::jarUri),
            choice("upgradeMode", "upgradeMode", Arrays.stream(UpgradeMode.values()).collect(Collectors.toMap(UpgradeMode::value, m -> m,
                    (a, b) -> a, LinkedHashMap::new)), HaFlinkDeploymentArgs.Builder::upgradeMode),
            new Binding<>("flinkConfiguration", "flinkConfiguration", (n, b) -> b.flinkConfiguration(n.stringMap("flinkConfiguration"))),
            elsewhere("recovery", "recoveryObjective"),
            number("jobManagerReplicas", HaFlinkDeploymentArgs.JOBMANAGER_REPLICAS, HaFlinkDeploymentArgs.Builder::jobManagerReplicas),
            text("entryClass", "entryClass", HaFlinkDeploymentArgs.Builder::entryClass),
            list("args", "args", HaFlinkDeploymentArgs.Builder::args),
            number("parallelism", HaFlinkDeploymentArgs.PARALLELISM, HaFlinkDeploymentArgs.Builder::parallelism),
            text("checkpointInterval", "checkpointInterval", HaFlinkDeploymentArgs.Builder::checkpointInterval),
            number("retainedCheckpoints", HaFlinkDeploymentArgs.RETAINED_CHECKPOINTS, HaFlinkDeploymentArgs.Builder::retainedCheckpoints),
            new Binding<>("jobManager", "jobManager", (n, b) -> resources(n, "jobManager", ContainerResources.DEFAULT).ifPresent(b::jobManager)),
            new Binding<>("taskManager", "taskManager", (n, b) -> resources(n, "taskManager", ContainerResources.DEFAULT).ifPresent(b::taskManager)),
            new Binding<>("readyTimeout", "readyTimeout", (n, b) -> n.duration("readyTimeout").ifPresent(b::readyTimeout)),
            text("initialSavepointPath", "initialSavepointPath", HaFlinkDeploymentArgs.Builder::initialSavepointPath),
            text("acknowledgeStateLoss", "stateLossAcknowledged", HaFlinkDeploymentArgs.Builder::acknowledgeStateLoss),
            number("savepointRedeployNonce", HaFlinkDeploymentArgs.REDEPLOY_NONCE, HaFlinkDeploymentArgs.Builder::savepointRedeployNonce),
            elsewhere("savepoints", "savepoints"));

    /** {@code storage} of kind nfs, into {@link NfsStorageArgs}. */
    static final List<Binding<NfsStorageArgs.Builder>> NFS = List.of(
            text("storageClass", "storageClass", NfsStorageArgs.Builder::storageClass), text("size", "size", NfsStorageArgs.Builder::size),
            text("mountPath", "mountPath", NfsStorageArgs.Builder::mountPath),
            flag("retainOnDelete", "retainOnDelete", NfsStorageArgs.Builder::retainOnDelete), flag("protect", "protect", NfsStorageArgs.Builder::protect));

    /** {@code storage} of kind s3, into {@link S3StorageArgs}. */
    static final List<Binding<S3StorageArgs.Builder>> S3 = List.of(
            text("bucketName", "bucketName", S3StorageArgs.Builder::bucketName),
            flag("retainOnDelete", "retainOnDelete", S3StorageArgs.Builder::retainOnDelete), flag("protect", "protect", S3StorageArgs.Builder::protect),
            text("kmsKeyArn", "kmsKeyArn", S3StorageArgs.Builder::kmsKeyArn), text("plugin", "plugin", S3StorageArgs.Builder::plugin),
            number("noncurrentVersionDays", S3StorageArgs.NONCURRENT_VERSION_DAYS, S3StorageArgs.Builder::noncurrentVersionDays));

    /** {@code operator}, into {@link FlinkOperatorArgs}. */
    static final List<Binding<FlinkOperatorArgs.Builder>> OPERATOR = List.of(
            text("version", "version", FlinkOperatorArgs.Builder::version), text("namespace", "namespace", FlinkOperatorArgs.Builder::namespace),
            text("chartRepository", "chartRepository", FlinkOperatorArgs.Builder::chartRepository),
            flag("certManager", "webhook", FlinkOperatorArgs.Builder::webhook),
            number("replicas", FlinkOperatorArgs.REPLICAS, FlinkOperatorArgs.Builder::replicas),
            new Binding<>("resources", "milliCpu, memoryMib", StackSchema::operatorResources),
            new Binding<>("helmValues", "extraValues", (n, b) -> b.extraValues(n.plainMap("helmValues"))),
            list("acknowledgeDefects", "acknowledgedDefects", FlinkOperatorArgs.Builder::acknowledgeDefects));

    /** {@code cluster} of kind existing, into {@link ExistingClusterArgs} (a record without a builder: read in {@link #readCluster}). */
    static final List<Binding<Void>> EXISTING = List.of(elsewhere("context", "context"), elsewhere("kubeconfig", "kubeconfig"),
            elsewhere("oidc", "oidc"), elsewhere("nodes", "nodes"));

    /** {@code cluster} of kind eks, into {@link EksClusterArgs}; {@code vpc} makes the new VPC's {@link EksNetworkArgs}. */
    static final List<Binding<EksClusterArgs.Builder>> EKS = List.of(
            text("kubernetesVersion", "kubernetesVersion", EksClusterArgs.Builder::kubernetesVersion),
            choice("upgradePolicy", "supportType", new TreeMap<>(Map.of("STANDARD", EksVersions.SupportType.STANDARD, "EXTENDED",
                    EksVersions.SupportType.EXTENDED)), EksClusterArgs.Builder::supportType),
            new Binding<>("subnets", "privateSubnetIds, publicSubnetIds", StackSchema::subnets), elsewhere("vpc", "(EksNetworkArgs)"),
            new Binding<>("nodeGroup", "nodeGroup", (n, b) -> nodeGroup(n.childOrEmpty("nodeGroup")).ifPresent(b::nodeGroup)),
            text("deployer", "deployer", EksClusterArgs.Builder::deployer),
            list("admins", "admins", EksClusterArgs.Builder::admins), list("previewers", "previewers", EksClusterArgs.Builder::previewers),
            list("publicAccessCidrs", "publicAccessCidrs", EksClusterArgs.Builder::publicAccessCidrs),
            number("logRetentionDays", EksClusterArgs.LOG_RETENTION, EksClusterArgs.Builder::logRetentionDays),
            choice("identity", "podIdentity", new TreeMap<>(Map.of("irsa", false, "podIdentity", true)), EksClusterArgs.Builder::podIdentity),
            new Binding<>("encryption", "encryption", StackSchema::encryption));

    /** Each key of a job entry, in the order documented, and the {@link HaFlinkDeploymentArgs} field it binds to. */
    public static final Map<String, String> JOB_KEYS = keys(JOB);
    /** Each key of {@code storage} of kind nfs, and the {@link NfsStorageArgs} field it binds to. */
    public static final Map<String, String> NFS_KEYS = keys(NFS);
    /** Each key of {@code storage} of kind s3, and the {@link S3StorageArgs} field it binds to. */
    public static final Map<String, String> S3_KEYS = keys(S3);
    /** Each key of {@code operator}, and the {@link FlinkOperatorArgs} field it binds to. */
    public static final Map<String, String> OPERATOR_KEYS = keys(OPERATOR);
    /** Each key of {@code cluster} of kind existing, and the {@link ExistingClusterArgs} field it binds to. */
    public static final Map<String, String> EXISTING_KEYS = keys(EXISTING);
    /** Each key of {@code cluster} of kind eks, and the {@link EksClusterArgs} field it binds to. */
    public static final Map<String, String> EKS_KEYS = keys(EKS);

    /**
     * Args fields that take an environment-level fact, not a key of their own section: {@code production}, the environment's
     * name and the AWS region (top-level keys), the operator release the jobs bind from {@code operator.version}, the day of
     * the plan, and the cluster's name, which the platform gives it.
     */
    public static final Map<String, String> ENVIRONMENT_FIELDS = Map.of("production", "production", "environment", "environment",
            "region", "aws.region", "operatorRelease", "operator.version", "checkedOn", "(the day of the plan)",
            "clusterName", "(the platform's name and the environment)");

    /** A {cpu, memory} block, read with the rules of {@link ContainerResources}; empty when it has a problem. */
    static Optional<ContainerResources> resources(Node parent, String name, ContainerResources defaults) {
        Node r = parent.childOrEmpty(name);
        r.allowOnly(Set.of("cpu", "memory"));
        if (!r.has("cpu") && !r.has("memory")) {
            return Optional.empty();
        }
        Optional<Double> cpu = r.optionalString("cpu").flatMap(text -> {
            try {
                return Optional.of(Double.parseDouble(text));
            } catch (NumberFormatException e) {
                r.problemsAdd(r.key("cpu"), "got '" + text + "'; expected a number of cores such as 0.5 or 2");
                return Optional.empty();
            }
        });
        if (r.has("cpu") && cpu.isEmpty()) {
            return Optional.empty();
        }
        return Optional.ofNullable(SettingsLoader.bind(() -> new ContainerResources(cpu.orElse(defaults.cpu()), r.string("memory", defaults.memory())),
                r::key, r.problems()));
    }

    /** The operator's {cpu, memory}, each pod's requests, in the operator's units and with its one problem when they are too small. */
    private static void operatorResources(Node o, FlinkOperatorArgs.Builder b) {
        if (!o.has("resources")) {
            return;
        }
        var defaults = new ContainerResources(FlinkOperatorArgs.DEFAULT_MILLI_CPU / 1000.0, FlinkOperatorArgs.DEFAULT_MEMORY_MIB + "Mi");
        resources(o, "resources", defaults).ifPresent(r -> FlinkOperatorArgs.resourcesProblem(r.milliCpu(), r.memoryMib(), r.cpu() + " CPU, " + r.memory())
                .ifPresentOrElse(p -> o.problemsAdd(o.key("resources"), p), () -> b.milliCpu(r.milliCpu()).memoryMib(r.memoryMib())));
    }

    /** The node group, with {@link NodeGroupSpec#withDefaults}' defaults for what it does not set; empty when it has a problem. */
    private static Optional<NodeGroupSpec> nodeGroup(Node n) {
        n.allowOnly(Set.of("instanceTypes", "minSize", "desiredSize", "maxSize", "diskSize", "autoscaling"));
        var any = new IntRange(Integer.MIN_VALUE, Integer.MAX_VALUE);
        var autoscaling = n.choice("autoscaling", new TreeMap<>(Map.of("none", NodeGroupSpec.Autoscaling.NONE, "external",
                NodeGroupSpec.Autoscaling.EXTERNAL))).orElse(NodeGroupSpec.Autoscaling.NONE);
        Optional<List<String>> types = n.has("instanceTypes") ? Optional.of(n.strings("instanceTypes")) : Optional.empty();
        var min = n.optionalInteger("minSize", any);
        var desired = n.optionalInteger("desiredSize", any);
        var max = n.optionalInteger("maxSize", any);
        var disk = n.optionalInteger("diskSize", any);
        return Optional.ofNullable(SettingsLoader.bind(() -> NodeGroupSpec.withDefaults(types, min, desired, max, disk, autoscaling), n::key,
                n.problems()));
    }
    /** A {objective, podStartup, restoreTime} block; a job's inherits what it does not set from the environment's. */
    static RecoveryObjective recovery(Node r, Optional<RecoveryObjective> inherited) {
        r.allowOnly(Set.of("objective", "podStartup", "restoreTime"));
        Optional<Duration> objective = r.duration("objective");
        Optional<Duration> podStartup = r.duration("podStartup");
        Optional<Duration> restore = r.duration("restoreTime");
        return SettingsLoader.bind(() -> RecoveryObjective.inheriting(objective, podStartup, restore, inherited),
                field -> r.key(field.equals("target") ? "objective" : field), r.problems());
    }

    /** An existing cluster's OIDC provider, by its ARN and issuer; null when it has a problem. */
    static OidcIdentity oidc(Node n) {
        n.allowOnly(Set.of("providerArn", "issuerUrl"));
        return SettingsLoader.bind(() -> OidcIdentity.declared(n.optionalString("providerArn").orElse(null),
                n.optionalString("issuerUrl").orElse(null)), n::key, n.problems());
    }

    /** An existing VPC's subnets, by id: checked here, as plain ids, before they become the cluster's outputs. */
    /**
     * An {enabled, kmsKeyArn} block: the control plane's own KMS key, created by the stack unless {@code kmsKeyArn} names
     * one; {@code enabled: false} leaves EKS's default encryption. The binder turns it on in production before this reads.
     */
    private static void encryption(Node c, EksClusterArgs.Builder b) {
        if (!c.has("encryption")) {
            return;
        }
        Node e = c.childOrEmpty("encryption");
        e.allowOnly(Set.of("enabled", "kmsKeyArn"));
        Optional<String> arn = e.optionalString("kmsKeyArn");
        if (!e.optionalBool("enabled").orElse(true)) {
            arn.ifPresent(a -> e.problemsAdd(e.key("kmsKeyArn"), "names a key, but encryption is off; remove it, or drop enabled: false"));
            b.encryption(null);
            return;
        }
        Optional.ofNullable(SettingsLoader.bind(() -> new ControlPlaneEncryption(arn), e::key, e.problems())).ifPresent(b::encryption);
    }

    /**
     * A {restricted, buckets} block: the new VPC's S3 gateway endpoint reaches all of S3 unless {@code restricted: true},
     * and then only the state bucket, {@code buckets} and AWS's own (ECR layers, AL2023 packages).
     */
    static Optional<S3EndpointPolicy> s3Endpoint(Optional<Node> block) {
        if (block.isEmpty()) {
            return Optional.empty();
        }
        Node n = block.get();
        n.allowOnly(Set.of("restricted", "buckets"));
        List<String> buckets = n.strings("buckets");
        if (!n.optionalBool("restricted").orElse(false)) {
            if (!buckets.isEmpty()) {
                n.problemsAdd(n.key("buckets"), "name what a restricted endpoint reaches, but it is open; set restricted: true, or remove them");
            }
            return Optional.empty();
        }
        return Optional.ofNullable(SettingsLoader.bind(() -> new S3EndpointPolicy(buckets), n::key, n.problems()));
    }

    private static void subnets(Node c, EksClusterArgs.Builder b) {
        if (!c.has("subnets") || c.has("vpc")) {
            return;
        }
        Node s = c.childOrEmpty("subnets");
        s.allowOnly(Set.of("private", "public"));
        EksClusterArgs.subnetProblems(s.strings("private"), s.strings("public")).forEach(p -> s.problemsAdd(s.key(p.substring(0, p.indexOf(':'))),
                p.substring(p.indexOf(':') + 2)));
        b.privateSubnetIds(s.strings("private").stream().map(Output::of).toList()).publicSubnetIds(s.strings("public").stream().map(Output::of).toList());
    }

    /**
     * A {enabled, interval, maxCount, maxAge} block, a job's or the environment's: {@code enabled: false} takes none, not
     * even a production job's default; what the block leaves out is {@link PeriodicSavepoints#PRODUCTION_DEFAULT}'s.
     */
    static void savepoints(Node n, HaFlinkDeploymentArgs.Builder b) {
        n.allowOnly(Set.of("enabled", "interval", "maxCount", "maxAge"));
        if (!n.optionalBool("enabled").orElse(true)) {
            b.noPeriodicSavepoints();
            return;
        }
        var d = PeriodicSavepoints.PRODUCTION_DEFAULT;
        Duration interval = n.duration("interval").orElse(d.interval());
        int maxCount = n.optionalInteger("maxCount", PeriodicSavepoints.MAX_COUNT).orElse(d.maxCount());
        Duration maxAge = n.duration("maxAge").orElse(d.maxAge());
        Optional.ofNullable(SettingsLoader.bind(() -> new PeriodicSavepoints(interval, maxCount, maxAge), n::key, n.problems()))
                .ifPresent(b::savepoints);
    }

    /**
     * A {enabled, missedCheckpoints, prometheusNamespace, labels} block: Prometheus scraping and alerts, on in production unless
     * {@code enabled: false}, off elsewhere unless {@code enabled: true}.
     */
    static Optional<JobMonitoringArgs> monitoring(Optional<Node> block, boolean production) {
        Node n = block.orElse(null);
        if (n == null) {
            return production ? Optional.of(JobMonitoringArgs.unbound(JobMonitoringArgs.DEFAULT_MISSED_CHECKPOINTS,
                    JobMonitoringArgs.DEFAULT_PROMETHEUS_NAMESPACE)) : Optional.empty();
        }
        n.allowOnly(Set.of("enabled", "missedCheckpoints", "prometheusNamespace", "labels"));
        int missed = n.optionalInteger("missedCheckpoints", JobMonitoringArgs.MISSED_CHECKPOINTS).orElse(JobMonitoringArgs.DEFAULT_MISSED_CHECKPOINTS);
        String scraper = n.optionalString("prometheusNamespace").orElse(JobMonitoringArgs.DEFAULT_PROMETHEUS_NAMESPACE);
        if (!n.optionalBool("enabled").orElse(true)) {
            return Optional.empty();
        }
        Map<String, String> labels = n.stringMap("labels");
        return Optional.ofNullable(SettingsLoader.bind(() -> JobMonitoringArgs.unbound(missed, scraper, labels), n::key, n.problems()));
    }

    /**
     * A {enabled, reason, egress: [{cidr, ports}]} block: the jobs' NetworkPolicies are on unless {@code enabled: false},
     * {@code reason} says why they are off, and {@code egress} names where else the jobs may connect.
     */
    static JobIsolation isolation(Optional<Node> block) {
        if (block.isEmpty()) {
            return JobIsolation.byDefault();
        }
        Node n = block.get();
        n.allowOnly(Set.of("enabled", "reason", "egress"));
        boolean enabled = n.optionalBool("enabled").orElse(true);
        Optional<String> reason = n.optionalString("reason");
        if (!enabled) {
            if (n.has("egress")) {
                n.problemsAdd(n.key("egress"), "is only for enabled NetworkPolicies; remove it, or drop enabled: false");
            }
            return new JobIsolation.Off(reason);
        }
        if (reason.isPresent()) {
            n.problemsAdd(n.key("reason"), "says why NetworkPolicies are off, but they are on; remove it, or set enabled: false");
        }
        List<JobNetworkPoliciesArgs.Egress> egress = new java.util.ArrayList<>();
        for (Node e : n.objects("egress")) {
            e.allowOnly(Set.of("cidr", "ports"));
            List<Integer> ports = new java.util.ArrayList<>();
            for (String p : e.strings("ports")) {
                ports.add(p.matches("\\d{1,5}") ? Integer.parseInt(p) : -1);
            }
            Optional.ofNullable(SettingsLoader.bind(() -> new JobNetworkPoliciesArgs.Egress(e.optionalString("cidr").orElse(null), ports),
                    e::key, n.problems())).ifPresent(egress::add);
        }
        return Optional.ofNullable(SettingsLoader.bind(() -> JobNetworkPoliciesArgs.unbound(egress), n::key, n.problems()))
                .map(JobIsolation::policies).orElseGet(JobIsolation::byDefault);
    }
}
