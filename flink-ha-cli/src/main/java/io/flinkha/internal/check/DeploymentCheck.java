package io.flinkha.internal.check;

import io.flinkha.flink.check.UpstreamCheck;
import io.flinkha.flink.check.Violation;
import io.flinkha.identity.FlinkServiceAccountArgs;
import io.flinkha.operator.OperatorRelease;
import io.flinkha.rbac.Rule;
import io.flinkha.storage.HaStorage;
import io.flinkha.storage.NfsStorageArgs;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * The checks of one FlinkDeployment a team wrote: the engine the plan runs on the platform's own deployments
 * ({@link UpstreamCheck#findings}), and what the platform otherwise guarantees by construction: durable state paths, no
 * upgrade mode a known defect of the operator can hit, and RBAC that lets Flink elect its leader.
 */
final class DeploymentCheck {
    /** How much a finding matters: an error fails the check, a warning and a note do not. */
    enum Severity { ERROR, WARNING, NOTE }

    /**
     * One finding.
     *
     * @param severity how much it matters
     * @param rule     the rule's name
     * @param path     where in the deployment (or the RBAC object), empty for the object as a whole
     * @param value    the value found there, if any
     * @param message  what is wrong and what is allowed
     * @param fix      what to change
     */
    record Finding(Severity severity, String rule, String path, Optional<Object> value, String message, String fix) {
    }

    /** Where a job keeps what a new JobManager resumes from: both names each option has had. */
    private static final List<String> STATE_KEYS = List.of("high-availability.storageDir", "execution.checkpointing.dir",
            "state.checkpoints.dir", "execution.checkpointing.savepoint-dir", "state.savepoints.dir");

    private DeploymentCheck() {
    }

    /**
     * @param deployment  the FlinkDeployment
     * @param others      the other objects of the input, where its RBAC may be
     * @param operator    the operator release that will read it
     * @param allowLocal  whether pod-local state paths are accepted (local tests only)
     * @return every finding, errors first
     */
    static List<Finding> check(Map<String, Object> manifest, List<Map<String, Object>> others, OperatorRelease operator, boolean allowLocal) {
        // what the operator writes back (kubectl get -o yaml carries it) is no part of what a team declares
        Map<String, Object> deployment = new java.util.LinkedHashMap<>(manifest);
        deployment.remove("status");
        List<Finding> out = new ArrayList<>();
        for (Violation v : UpstreamCheck.findings(deployment, operator)) {
            // the plan's message names the key, which a finding's path already does
            String key = Manifests.segments(v.path()).isEmpty() ? "" : Manifests.segments(v.path()).get(Manifests.segments(v.path()).size() - 1);
            String message = !key.isEmpty() && v.message().startsWith(key + ": ") ? v.message().substring(key.length() + 2) : v.message();
            out.add(new Finding(Severity.ERROR, v.rule(), v.path(), at(deployment, v.path()), message, fix(v.rule())));
        }
        Map<String, String> conf = flinkConfiguration(deployment);
        Set<String> mounts = persistentMounts(deployment);
        for (String key : STATE_KEYS) {
            String uri = conf.get(key);
            if (uri == null) {
                continue;
            }
            boolean durable = mounts.stream().anyMatch(m -> HaStorage.localPathProblem(uri, Optional.of(m)).isEmpty())
                    || HaStorage.localPathProblem(uri, Optional.empty()).isEmpty();
            if (!durable) {
                out.add(new Finding(allowLocal ? Severity.NOTE : Severity.ERROR, "state-durability", Violation.configPath(key), Optional.of(uri),
                        allowLocal ? "a pod-local path, accepted by --allow-local: local tests only; a rescheduled pod loses it"
                                : "a file:// path on the pod's own disk: a rescheduled JobManager loses it, and with it the job's state",
                        "use durable storage: s3://<bucket>/<path>, or a path under a volume the pod template mounts from a "
                                + "PersistentVolumeClaim (ReadWriteMany, e.g. NFS)" + (mounts.isEmpty() ? "" : " (mounted: " + mounts + ")")));
            }
        }
        String mode = job(deployment).map(j -> String.valueOf(j.get("upgradeMode"))).orElse("stateless");
        for (OperatorRelease.KnownDefect d : operator.knownDefects()) {
            if (d.modesAtRisk().contains(mode)) {
                out.add(new Finding(Severity.WARNING, "operator-defect", "spec.job.upgradeMode", Optional.of(mode), "operator "
                        + operator.version() + " has " + d.id() + " (fixed in " + d.fixedIn() + "): " + d.effect(),
                        "move to operator " + d.fixedIn() + " or later (" + OperatorRelease.DEFAULT.version() + " is the default)"));
            }
        }
        out.addAll(rbac(deployment, others));
        out.sort(java.util.Comparator.comparing(Finding::severity));
        return out;
    }

    /** Leader election and HA cleanup: the service account's roles must give what the platform's own RBAC gives. */
    @SuppressWarnings("unchecked")
    private static List<Finding> rbac(Map<String, Object> deployment, List<Map<String, Object>> others) {
        String account = spec(deployment).map(s -> s.get("serviceAccount")).map(String::valueOf).orElse(null);
        String namespace = Manifests.namespace(deployment);
        if (account == null) {
            return List.of();
        }
        List<Map<String, Object>> bindings = others.stream().filter(o -> Set.of("RoleBinding", "ClusterRoleBinding").contains(o.get("kind")))
                .filter(o -> o.get("subjects") instanceof List<?> subjects && subjects.stream().anyMatch(s -> s instanceof Map<?, ?> m
                        && "ServiceAccount".equals(m.get("kind")) && account.equals(m.get("name"))
                        && namespace.equals(m.get("namespace") != null ? m.get("namespace") : Manifests.namespace(o))))
                .filter(o -> "ClusterRoleBinding".equals(o.get("kind")) || namespace.equals(Manifests.namespace(o))).toList();
        boolean accountGiven = others.stream().anyMatch(o -> "ServiceAccount".equals(o.get("kind")) && account.equals(Manifests.name(o))
                && namespace.equals(Manifests.namespace(o)));
        if (bindings.isEmpty() && !accountGiven) {
            return List.of(new Finding(Severity.NOTE, "rbac", "spec.serviceAccount", Optional.of(account), "RBAC not checked: the input holds "
                    + "neither the service account " + namespace + "/" + account + " nor a binding of it",
                    "check it with the ServiceAccount, Role and RoleBinding in the same input"));
        }
        List<Rule> rules = new ArrayList<>();
        for (Map<String, Object> binding : bindings) {
            Map<String, Object> ref = binding.get("roleRef") instanceof Map<?, ?> r ? (Map<String, Object>) r : Map.of();
            others.stream().filter(o -> String.valueOf(ref.get("kind")).equals(o.get("kind")) && String.valueOf(ref.get("name")).equals(Manifests.name(o))
                            && ("ClusterRole".equals(o.get("kind")) || Manifests.namespace(binding).equals(Manifests.namespace(o))))
                    .flatMap(role -> role.get("rules") instanceof List<?> l ? l.stream() : java.util.stream.Stream.empty())
                    .filter(Map.class::isInstance).map(r -> (Map<String, Object>) r)
                    .forEach(r -> rules.add(new Rule(strings(r.get("apiGroups")), strings(r.get("resources")), strings(r.get("verbs")))));
        }
        List<String> missing = Rule.uncovered(FlinkServiceAccountArgs.FLINK_JOB_GRANTS, rules);
        if (missing.isEmpty()) {
            return List.of();
        }
        return List.of(new Finding(Severity.ERROR, "rbac", "spec.serviceAccount", Optional.of(account), "the roles bound to service account "
                + namespace + "/" + account + (bindings.isEmpty() ? " (none is bound)" : "") + " do not allow " + String.join("; ", missing)
                + ": Flink's leader election and HA metadata live in ConfigMaps, and the JobManager starts its TaskManager pods",
                "bind a Role in " + namespace + " that allows them, as the platform's FlinkServiceAccount does"));
    }

    private static List<String> strings(Object o) {
        return o instanceof List<?> l ? l.stream().map(String::valueOf).toList() : List.of();
    }

    /** The mount paths of volumes that a PersistentVolumeClaim backs, in the deployment's pod templates. */
    @SuppressWarnings("unchecked")
    private static Set<String> persistentMounts(Map<String, Object> deployment) {
        Set<String> out = new LinkedHashSet<>();
        Map<String, Object> spec = spec(deployment).orElse(Map.of());
        List<Object> templates = new ArrayList<>();
        templates.add(spec.get("podTemplate"));
        for (String part : List.of("jobManager", "taskManager")) {
            if (spec.get(part) instanceof Map<?, ?> m) {
                templates.add(m.get("podTemplate"));
            }
        }
        for (Object t : templates) {
            if (!(t instanceof Map<?, ?> template) || !(template.get("spec") instanceof Map<?, ?> podSpec)) {
                continue;
            }
            Set<String> claims = new LinkedHashSet<>();
            if (podSpec.get("volumes") instanceof List<?> volumes) {
                volumes.stream().filter(Map.class::isInstance).map(v -> (Map<String, Object>) v).filter(v -> v.get("persistentVolumeClaim") != null)
                        .forEach(v -> claims.add(String.valueOf(v.get("name"))));
            }
            if (podSpec.get("containers") instanceof List<?> containers) {
                containers.stream().filter(Map.class::isInstance).map(c -> (Map<String, Object>) c)
                        .flatMap(c -> c.get("volumeMounts") instanceof List<?> l ? l.stream() : java.util.stream.Stream.empty())
                        .filter(Map.class::isInstance).map(m -> (Map<String, Object>) m)
                        .filter(m -> claims.contains(String.valueOf(m.get("name")))).forEach(m -> out.add(String.valueOf(m.get("mountPath"))));
            }
        }
        return out;
    }

    private static String fix(String rule) {
        return switch (rule) {
            case "flink-option" -> "use the key and value form the job's Flink release documents";
            case "overlapping-keys" -> "keep one of the keys: Flink 2 reads a key and its prefix as one YAML tree";
            case "forbidden-key" -> "remove it: the operator sets it from the deployment";
            case "ha-storage" -> "set high-availability.storageDir to s3://... or a path on a PersistentVolumeClaim";
            case "standby-needs-ha" -> "set high-availability.type: kubernetes and high-availability.storageDir, or run one JobManager";
            case "checkpoint-dir" -> "set the checkpoint directory the operator's Flink release reads, on durable storage";
            case "savepoint-dir" -> "set the savepoint directory the operator's Flink release reads, on durable storage";
            case "last-state-needs-ha" -> "turn Kubernetes HA on, or use upgradeMode savepoint";
            case "flink-version" -> "use a flinkVersion the operator runs";
            case "ha-type" -> "set high-availability.type: kubernetes";
            case "service-account" -> "name the service account the job runs as";
            case "name" -> "use at most 45 characters of [a-z0-9-], starting with a letter";
            default -> "make the deployment match the operator's API and CRD";
        };
    }

    @SuppressWarnings("unchecked")
    private static Optional<Map<String, Object>> spec(Map<String, Object> o) {
        return o.get("spec") instanceof Map<?, ?> s ? Optional.of((Map<String, Object>) s) : Optional.empty();
    }

    @SuppressWarnings("unchecked")
    private static Optional<Map<String, Object>> job(Map<String, Object> o) {
        return spec(o).flatMap(s -> s.get("job") instanceof Map<?, ?> j ? Optional.of((Map<String, Object>) j) : Optional.empty());
    }

    private static Map<String, String> flinkConfiguration(Map<String, Object> o) {
        Map<String, String> out = new java.util.TreeMap<>();
        spec(o).map(s -> s.get("flinkConfiguration")).filter(Map.class::isInstance).map(m -> (Map<?, ?>) m)
                .ifPresent(m -> m.forEach((k, v) -> out.put(String.valueOf(k), String.valueOf(v))));
        return out;
    }


    /** The value at a path such as {@code spec.flinkConfiguration."a.b"}, if the object has it. */
    static Optional<Object> at(Map<String, Object> object, String path) {
        Object at = object;
        for (String segment : Manifests.segments(path)) {
            if (!(at instanceof Map<?, ?> m) || !m.containsKey(segment)) {
                return Optional.empty();
            }
            at = m.get(segment);
        }
        return path.isEmpty() ? Optional.empty() : Optional.ofNullable(at);
    }
}
