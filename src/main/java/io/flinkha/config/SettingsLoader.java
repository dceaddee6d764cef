package io.flinkha.config;

import com.google.gson.JsonObject;
import com.google.gson.JsonParseException;
import com.google.gson.JsonParser;
import io.flinkha.flink.FlinkConfigKeys;
import io.flinkha.flink.UpgradeMode;

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
    public static final Set<String> KEYS = Set.of("environment", "namespace", "cluster", "operator", "storage", "flink", "jobs");

    public static final String DEFAULT_OPERATOR_VERSION = "1.10.0";
    public static final String DEFAULT_FLINK_VERSION = "1.20.1";

    /** Flink's cluster-id rule, which the operator applies to deployment names (at most 45 characters). */
    private static final Pattern JOB_NAME = Pattern.compile("[a-z]([-a-z0-9]{0,43}[a-z0-9])?");
    private static final Pattern DNS_LABEL = Pattern.compile("[a-z0-9]([-a-z0-9]{0,61}[a-z0-9])?");
    private static final Pattern VERSION = Pattern.compile("\\d+\\.\\d+\\.\\d+");
    private static final Pattern QUANTITY = Pattern.compile("\\d+(\\.\\d+)?(Ki|Mi|Gi|Ti|Pi|k|M|G|T|P)?");
    private static final Pattern MEMORY = Pattern.compile("\\d+(\\.\\d+)?\\s*(b|k|kb|m|mb|g|gb|t|tb|Ki|Mi|Gi|Ti)", Pattern.CASE_INSENSITIVE);
    private static final Pattern DURATION = Pattern.compile("\\d+\\s*(ms|s|sec|min|m|h|d)");
    private static final Pattern ABSOLUTE_PATH = Pattern.compile("/[A-Za-z0-9._/-]*[A-Za-z0-9._-]");
    /** Image references must carry a tag or digest, and never {@code latest}. */
    private static final Pattern PINNED_IMAGE = Pattern.compile("[^@\\s]+(:[A-Za-z0-9_][A-Za-z0-9_.-]*|@sha256:[a-f0-9]{64})");

    /** Helm values the platform sets; extra values may not touch them. */
    private static final Set<String> OWNED_HELM_VALUES = Set.of(
            "watchNamespaces", "webhook.create", "replicas", "jobServiceAccount.create",
            "rbac.jobRole.create", "rbac.jobRoleBinding.create");

    private SettingsLoader() {
    }

    /**
     * @param stack  the stack name, used in messages and as the default environment
     * @param config raw config value by key without the project prefix; structured values as JSON text
     * @return the validated settings
     * @throws SettingsException listing every problem
     */
    public static PlatformSettings load(String stack, Function<String, Optional<String>> config) {
        Problems problems = new Problems();
        JsonObject root = new JsonObject();
        for (String key : KEYS) {
            config.apply(key).ifPresent(raw -> root.add(key, parse(key, raw, problems)));
        }
        PlatformSettings settings = read(stack, new Node(PROJECT, root, problems), problems);
        problems.throwIfAny(stack);
        return settings;
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

    private static PlatformSettings read(String stack, Node root, Problems problems) {
        String environment = root.matching("environment", stack, DNS_LABEL,
                "expected a DNS label ([a-z0-9-], at most 63 characters); it is a storage path segment");
        String namespace = root.matching("namespace", "flink", DNS_LABEL,
                "expected a Kubernetes namespace name ([a-z0-9-], at most 63 characters)");

        ClusterSettings cluster = readCluster(root, problems);
        OperatorSettings operator = readOperator(root);
        StorageSettings storage = readStorage(root, problems);
        FlinkSettings flink = readFlink(root, operator, problems);
        List<JobSettings> jobs = readJobs(root, storage, problems);
        return new PlatformSettings(environment, namespace, cluster, operator, storage, flink, jobs);
    }

    private static ClusterSettings readCluster(Node root, Problems problems) {
        Optional<Node> node = root.child("cluster");
        if (node.isEmpty()) {
            if (!root.has("cluster")) {
                problems.missing(root.key("cluster"), "expected {kind: existing, context: <kubeconfig context>}");
            }
            return null;
        }
        Node c = node.get();
        String kind = c.oneOf("kind", null, Set.of("existing"));
        if (kind == null) {
            problems.missing(c.key("kind"), "allowed: existing");
            return null;
        }
        c.allowOnly(Set.of("kind", "context", "kubeconfig"));
        String context = c.requiredString("context", "expected the kubeconfig context to deploy to");
        return new ExistingClusterSettings(context, c.optionalString("kubeconfig"));
    }

    private static OperatorSettings readOperator(Node root) {
        Node o = root.childOrEmpty("operator");
        o.allowOnly(Set.of("version", "namespace", "chartRepository", "certManager", "replicas", "helmValues"));
        String version = o.matching("version", DEFAULT_OPERATOR_VERSION, VERSION, "expected an exact operator version such as 1.10.0");
        String namespace = o.matching("namespace", "flink-operator", DNS_LABEL, "expected a Kubernetes namespace name");
        String repository = o.string("chartRepository",
                "https://archive.apache.org/dist/flink/flink-kubernetes-operator-" + version + "/");
        boolean certManager = o.bool("certManager", false);
        int replicas = o.integer("replicas", 1, 1, 5);
        Map<String, Object> helmValues = o.plainMap("helmValues");
        for (String owned : OWNED_HELM_VALUES) {
            if (hasPath(helmValues, owned)) {
                o.problemsAdd(o.key("helmValues." + owned),
                        "is set by the platform from operator.namespace, operator.certManager, operator.replicas and the "
                                + "platform's own RBAC; remove it");
            }
        }
        return new OperatorSettings(version, namespace, repository, certManager, replicas, helmValues);
    }

    @SuppressWarnings("unchecked")
    private static boolean hasPath(Map<String, Object> values, String dotted) {
        Object cur = values;
        for (String part : dotted.split("\\.")) {
            if (!(cur instanceof Map) || !((Map<String, Object>) cur).containsKey(part)) {
                return false;
            }
            cur = ((Map<String, Object>) cur).get(part);
        }
        return true;
    }

    private static StorageSettings readStorage(Node root, Problems problems) {
        Optional<Node> node = root.child("storage");
        if (node.isEmpty()) {
            if (!root.has("storage")) {
                problems.missing(root.key("storage"), "expected {kind: nfs, storageClass: <RWX class>}");
            }
            return null;
        }
        Node s = node.get();
        String kind = s.oneOf("kind", null, Set.of("nfs"));
        if (kind == null) {
            if (!s.has("kind")) {
                problems.missing(s.key("kind"), "allowed: nfs");
            }
            return null;
        }
        s.allowOnly(Set.of("kind", "storageClass", "size", "mountPath"));
        return new NfsStorageSettings(
                s.matching("storageClass", "nfs-client", DNS_LABEL, "expected a storage class name"),
                s.matching("size", "10Gi", QUANTITY, "expected a Kubernetes quantity such as 10Gi"),
                s.matching("mountPath", "/flink-data", ABSOLUTE_PATH, "expected an absolute path such as /flink-data"));
    }

    private static FlinkSettings readFlink(Node root, OperatorSettings operator, Problems problems) {
        Node f = root.childOrEmpty("flink");
        f.allowOnly(Set.of("version", "image"));
        String version = f.matching("version", DEFAULT_FLINK_VERSION, VERSION, "expected an exact Flink version such as 1.20.1");
        String image = f.matching("image", "flink:" + version + "-java17", PINNED_IMAGE,
                "expected an image with an explicit tag or digest, e.g. flink:1.20.1-java17");
        if (image.endsWith(":latest")) {
            problems.add(f.key("image"), image, "'latest' is not a pinned version; use an explicit tag");
        }
        if (VERSION.matcher(version).matches() && VERSION.matcher(operator.version()).matches()) {
            Set<String> supported = supportedFlinkVersions(operator.version());
            String minor = version.substring(0, version.lastIndexOf('.'));
            if (!supported.contains(minor)) {
                problems.add(f.key("version"), version, "operator " + operator.version()
                        + " supports Flink " + String.join(", ", supported));
            }
        }
        return new FlinkSettings(version, image);
    }

    /** Flink minor versions each operator release knows (its {@code FlinkVersion} enum). */
    static Set<String> supportedFlinkVersions(String operatorVersion) {
        int minor = Integer.parseInt(operatorVersion.split("\\.")[1]);
        Set<String> out = new LinkedHashSet<>();
        int last = minor <= 7 ? 18 : minor <= 9 ? 19 : 20;
        for (int i = 13; i <= last; i++) {
            out.add("1." + i);
        }
        if (minor >= 11) {
            out.add("2.0");
        }
        return out;
    }

    private static List<JobSettings> readJobs(Node root, StorageSettings storage, Problems problems) {
        List<JobSettings> jobs = new ArrayList<>();
        if (!root.has("jobs")) {
            problems.missing(root.key("jobs"), "expected a list of Flink jobs, each with at least name and jarUri");
            return jobs;
        }
        Set<String> names = new HashSet<>();
        for (Node j : root.objects("jobs")) {
            j.allowOnly(Set.of("name", "jarUri", "entryClass", "args", "parallelism", "upgradeMode",
                    "jobManagerReplicas", "checkpointInterval", "jobManager", "taskManager", "flinkConfiguration"));
            String name = j.requiredString("name", "expected a deployment name");
            if (!name.isEmpty() && !JOB_NAME.matcher(name).matches()) {
                j.problemsAdd(j.key("name"), String.format("got '%s' (%d characters); expected [a-z]([-a-z0-9]*[a-z0-9])? "
                        + "of at most 45 characters, because it becomes Flink's kubernetes.cluster-id", name, name.length()));
            }
            if (!name.isEmpty() && !names.add(name)) {
                problems.add(j.key("name"), name, "job names must be unique: they name the deployment and its storage paths");
            }
            String jar = j.requiredString("jarUri", "expected a jar URI such as local:///opt/flink/usrlib/job.jar");
            String modeText = j.string("upgradeMode", UpgradeMode.LAST_STATE.value());
            UpgradeMode mode = UpgradeMode.fromValue(modeText).orElseGet(() -> {
                problems.add(j.key("upgradeMode"), modeText, "allowed: stateless, savepoint, last-state");
                return UpgradeMode.LAST_STATE;
            });
            Map<String, String> extra = j.stringMap("flinkConfiguration");
            for (String key : extra.keySet()) {
                if (FlinkConfigKeys.OWNED.contains(key)) {
                    problems.add(j.key("flinkConfiguration") + "." + key, extra.get(key),
                            "this key is set by the platform (HA, storage paths, cluster ids, replicas, checkpoint interval); "
                                    + "use the job's own settings instead");
                } else if (extra.get(key).contains("file:/") && !onDurableMount(extra.get(key), storage)) {
                    problems.add(j.key("flinkConfiguration") + "." + key, extra.get(key),
                            "a file:// URI must lie on the mounted HA storage volume ("
                                    + (storage instanceof NfsStorageSettings nfs ? "file://" + nfs.mountPath() + "/..." : "none is mounted")
                                    + "); pod-local paths are lost when the pod is rescheduled");
                }
            }
            jobs.add(new JobSettings(
                    name,
                    jar,
                    j.optionalString("entryClass"),
                    j.strings("args"),
                    j.integer("parallelism", 1, 1, 10_000),
                    mode,
                    j.integer("jobManagerReplicas", 1, 1, 5),
                    j.matching("checkpointInterval", "60s", DURATION, "expected a Flink duration such as 30s, 500ms or 5min"),
                    resources(j, "jobManager"),
                    resources(j, "taskManager"),
                    extra));
        }
        if (jobs.isEmpty() && problems.isEmpty()) {
            problems.add(root.key("jobs"), "[]", "expected at least one job");
        }
        return jobs;
    }

    private static ContainerResources resources(Node job, String name) {
        Node r = job.childOrEmpty(name);
        r.allowOnly(Set.of("cpu", "memory"));
        double cpu = 1.0;
        if (r.has("cpu")) {
            String text = r.string("cpu", "1");
            try {
                cpu = Double.parseDouble(text);
                if (cpu <= 0 || cpu > 64) {
                    r.problemsAdd(r.key("cpu"), "got " + text + "; expected cores from 0.1 to 64");
                }
            } catch (NumberFormatException e) {
                r.problemsAdd(r.key("cpu"), "got '" + text + "'; expected a number of cores such as 0.5 or 2");
            }
        }
        String memory = r.matching("memory", "2048m", MEMORY, "expected a memory size such as 2048m, 2g or 2Gi");
        return new ContainerResources(cpu, memory);
    }

    private static boolean onDurableMount(String uri, StorageSettings storage) {
        if (storage instanceof NfsStorageSettings nfs) {
            String prefix = "file://" + nfs.mountPath() + "/";
            return uri.startsWith(prefix) && !uri.substring(prefix.length()).contains("..");
        }
        return false;
    }
}
