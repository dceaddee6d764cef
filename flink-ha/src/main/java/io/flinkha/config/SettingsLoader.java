package io.flinkha.config;

import io.flinkha.cluster.ClusterArgs;
import io.flinkha.aws.eks.EksClusterArgs;
import io.flinkha.aws.eks.EksNetworkArgs;
import io.flinkha.aws.eks.ControlPlaneEncryption;
import io.flinkha.aws.eks.S3EndpointPolicy;
import io.flinkha.cluster.ExistingClusterArgs;
import io.flinkha.cluster.OidcIdentity;
import io.flinkha.flink.HaFlinkDeploymentArgs;
import io.flinkha.flink.RecoveryObjective;
import io.flinkha.monitoring.JobMonitoringArgs;
import io.flinkha.network.JobIsolation;
import io.flinkha.operator.FlinkOperatorArgs;
import io.flinkha.operator.OperatorRelease;
import io.flinkha.platform.Environment;
import io.flinkha.platform.FlinkPlatformArgs;
import io.flinkha.platform.Job;
import io.flinkha.storage.HaStorageArgs;
import io.flinkha.storage.NfsStorageArgs;
import io.flinkha.aws.s3.S3StorageArgs;
import io.flinkha.validation.ArgsCheck;
import io.flinkha.config.StackSchema.Binding;

import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
import java.util.function.Function;
import java.util.function.Supplier;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

import static io.flinkha.config.StackSchema.*;

/**
 * Binds a stack's raw config values into the components' Args, the only place that reads them. It walks the tables of
 * {@link StackSchema}, one binding per key: the Args field it binds to and how its value is read into the Args' builder.
 * The binder holds no rule of its own: what it checks is the stack file's shape (unknown keys, values of the wrong type), and each
 * problem the Args find (or {@link FlinkPlatformArgs}, for the rules across components) is reported at the stack key its
 * value came from, in the order the keys are documented. Every problem is thrown at once as a {@link SettingsException},
 * before any resource exists.
 */
public final class SettingsLoader {
    /** The Pulumi project name, and so the namespace of every config key. */
    public static final String PROJECT = "flink-ha";

    private static final Pattern TWO_PART_VERSION = Pattern.compile("\\d+\\.\\d+");

    private SettingsLoader() {
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
        FlinkPlatformArgs args = read(stack, Node.root(PROJECT, KEYS, config, problems), problems, today);
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

    /** Reads a section's keys into its builder, after refusing the keys it does not have. */
    private static <B> B read(Node node, List<Binding<B>> bindings, B builder, String... more) {
        List<String> allowed = new ArrayList<>(bindings.stream().map(b -> b.key().replaceFirst("\\..*", "")).toList());
        allowed.addAll(List.of(more));
        node.allowOnly(allowed);
        bindings.forEach(b -> b.read().accept(node, builder));
        return builder;
    }

    /**
     * Makes Args without their resources and reports each of their problems at the stack key its field binds to.
     *
     * @param keyOf the stack key of an Args field; an environment-level field is reported at its own key, by its own check
     * @return the Args, or null when they have problems
     */
    static <T> T bind(Supplier<T> make, Function<String, String> keyOf, Problems problems) {
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

    /** The stack key of an Args field, from the section's bindings. */
    private static Function<String, String> keyOf(Node node, List<? extends Binding<?>> bindings) {
        return field -> bindings.stream().filter(b -> Arrays.asList(b.field().split(", ")).contains(field)).map(b -> node.key(b.key()))
                .findFirst().orElse(node.key(field));
    }

    /** Orders one section's problems as its keys are documented, whatever checked them: unknown keys first. */
    private static void inOrder(Node node, List<? extends Binding<?>> bindings, int first, Problems problems) {
        List<String> keys = bindings.stream().map(Binding::key).toList();
        String prefix = node.key("");
        problems.sortSince(first, Comparator.comparingInt(message -> {
            String key = message.startsWith(prefix) ? message.substring(prefix.length()) : "";
            String nested = key.replaceFirst("^([a-z]+\\.[a-zA-Z]+).*", "$1");
            return keys.contains(nested) ? keys.indexOf(nested) : keys.indexOf(key.replaceFirst("[.:/\\[].*", ""));
        }));
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
            environment = new Environment("invalid", root.bool("production", false), "invalid",
                    region.filter(r -> S3StorageArgs.REGION.matcher(r).matches()), today);
        }
        Cluster cluster = readCluster(root, environment, problems);
        Node o = root.childOrEmpty("operator");
        int first = problems.size();
        FlinkOperatorArgs operator = bind(read(o, OPERATOR, FlinkOperatorArgs.builder())::build, keyOf(o, OPERATOR), problems);
        quoteHint(o, "version", first, problems);
        HaStorageArgs storage = readStorage(root, environment, problems);
        Optional<RecoveryObjective> recovery = root.child("recovery").map(r -> StackSchema.recovery(r, Optional.empty()));
        JobIsolation isolation = StackSchema.isolation(root.child("networkPolicies"));
        Optional<JobMonitoringArgs> monitoring = StackSchema.monitoring(root.child("monitoring"), environment.production());
        List<Integer> entries = new ArrayList<>();
        List<Job> jobs = readJobs(root, environment, recovery, OperatorRelease.of(o.string("version", OperatorRelease.DEFAULT.version())),
                entries, problems);
        var check = ArgsCheck.of("FlinkPlatformArgs");
        FlinkPlatformArgs.problems(environment, cluster.args(), cluster.network(), storage, operator, jobs, isolation, monitoring, check);
        Environment env = environment;
        // a job that failed its own Args is left out, so the platform's jobs[i] is the stack's entry entries[i]
        return bind(() -> {
            check.done();
            // the parts' own problems are reported already; the whole is made only of sound parts
            return problems.isEmpty() ? new FlinkPlatformArgs(env, cluster.args(), cluster.network(), storage, operator, jobs, isolation, monitoring)
                    : null;
        }, field -> field.equals("aws") && root.has("aws") ? null : root.key(field.startsWith("jobs[")
                ? "jobs[" + entries.get(Integer.parseInt(field.substring(5, field.indexOf(']')))) + field.substring(field.indexOf(']')) : field),
                problems);
    }

    /** The section a stack names by its {@code kind}, or empty (and the one problem) when it names none this binder knows. */
    private static Optional<Map.Entry<Node, String>> kind(Node root, String section, Set<String> kinds, String expected) {
        Optional<Node> node = root.child(section);
        if (node.isEmpty() && !root.has(section)) {
            root.problemsAdd(root.key(section), "is required; " + expected);
        }
        // an unknown kind is its one problem: checking its fields against either kind's keys would add a misleading second
        Optional<String> kind = node.flatMap(n -> n.choice("kind", new TreeMap<>(kinds.stream().collect(Collectors.toMap(k -> k, k -> k)))));
        node.filter(n -> !n.has("kind")).ifPresent(n -> n.problemsAdd(n.key("kind"), "is required; allowed: " + String.join(", ", new java.util.TreeSet<>(kinds))));
        return kind.map(k -> Map.entry(node.get(), k));
    }

    /** The cluster a stack names: an existing one, or EKS (and its new VPC, when it does not name subnets). */
    private record Cluster(ClusterArgs args, Optional<EksNetworkArgs> network) {
    }

    private static Cluster readCluster(Node root, Environment env, Problems problems) {
        var section = kind(root, "cluster", Set.of("existing", "eks"), "expected {kind: existing, context: <kubeconfig context>}");
        if (section.isEmpty()) {
            return new Cluster(null, Optional.empty());
        }
        Node c = section.get().getKey();
        if (section.get().getValue().equals("eks")) {
            int first = problems.size();
            Cluster eks = readEks(c, env, problems);
            inOrder(c, EKS, first, problems);
            return eks;
        }
        read(c, EXISTING, null, "kind");
        Optional<OidcIdentity> oidc = c.child("oidc").map(StackSchema::oidc);
        ExistingClusterArgs existing = bind(() -> new ExistingClusterArgs(c.optionalString("context").orElse(null), c.optionalString("kubeconfig"),
                oidc, c.optionalInteger("nodes", ExistingClusterArgs.NODES)), keyOf(c, EXISTING), problems);
        // a cluster whose OIDC provider is refused is no cluster without one: the rules that need it wait for the fix
        return new Cluster(c.has("oidc") && oidc.isEmpty() ? null : existing, Optional.empty());
    }

    private static Cluster readEks(Node c, Environment env, Problems problems) {
        // a production control plane encrypts with a key of its own unless the stack says otherwise (and is then refused)
        var b = read(c, EKS, EksClusterArgs.builder().checkedOn(env.checkedOn()).region(env.awsRegion().orElse(null))
                .encryption(env.production() ? ControlPlaneEncryption.stackKey() : null), "kind");
        Optional<EksNetworkArgs> network = Optional.empty();
        if (c.has("vpc") && c.has("subnets")) {
            problems.add(c.key("subnets"), "both vpc and subnets", "give either vpc (a new VPC) or subnets (an existing VPC), not both");
        } else if (!c.has("subnets")) {
            Node v = c.childOrEmpty("vpc");
            v.allowOnly(Set.of("cidr", "availabilityZones", "natGateways", "s3Endpoint"));
            boolean perZone = v.choice("natGateways", new TreeMap<>(Map.of("single", false, "perZone", true))).orElse(false);
            Optional<S3EndpointPolicy> endpoint = StackSchema.s3Endpoint(v.child("s3Endpoint"));
            network = Optional.ofNullable(bind(() -> new EksNetworkArgs(null, v.string("cidr", EksNetworkArgs.DEFAULT_CIDR),
                    v.strings("availabilityZones"), perZone, null, endpoint), v::key, problems));
        }
        int first = problems.size();
        EksClusterArgs eks = bind(b::build, keyOf(c, EKS), problems);
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
            var b = read(j, JOB, HaFlinkDeploymentArgs.builder().production(env.production()));
            Node flink = j.child("flink").orElse(stackFlink);
            if (flink != stackFlink) {
                flink.allowOnly(Set.of("version", "image"));
            }
            release.ifPresent(b::operatorRelease);
            flink.optionalString("version").ifPresent(b::flinkVersion);
            flink.optionalString("image").ifPresent(b::image);
            j.child("recovery").map(r -> StackSchema.recovery(r, recovery)).or(() -> recovery).ifPresent(b::recoveryObjective);
            j.child("savepoints").or(() -> root.child("savepoints")).ifPresent(n -> StackSchema.savepoints(n, b));
            String name = j.requiredString("name", "expected a deployment name");
            if (!name.isEmpty()) {
                HaFlinkDeploymentArgs.nameProblem(name).ifPresent(p -> j.problemsAdd(j.key("name"), p));
            }
            Function<String, String> jobKeys = keyOf(j, JOB);
            HaFlinkDeploymentArgs args = bind(b::build, field -> field.equals("flinkVersion") || field.equals("image")
                    ? flink.key(field.equals("image") ? "image" : "version") : jobKeys.apply(field), problems);
            quoteHint(flink, "version", first, problems);
            if (args != null && !name.isEmpty()) {
                jobs.add(new Job(name, args));
                entries.add(entry);
            }
            inOrder(j, JOB, first, problems);
        }
        return jobs;
    }

    private static HaStorageArgs readStorage(Node root, Environment env, Problems problems) {
        var section = kind(root, "storage", Set.of("nfs", "s3"), "expected {kind: nfs, storageClass: <RWX class>}");
        if (section.isEmpty()) {
            return null;
        }
        Node s = section.get().getKey();
        if (section.get().getValue().equals("s3")) {
            var b = read(s, S3, S3StorageArgs.builder().environment(env.name()).production(env.production()).region(env.awsRegion().orElse(null)), "kind");
            return bind(b::build, keyOf(s, S3), problems);
        }
        var b = read(s, NFS, NfsStorageArgs.builder().environment(env.name()).production(env.production()), "kind");
        return bind(b::build, keyOf(s, NFS), problems);
    }

}
