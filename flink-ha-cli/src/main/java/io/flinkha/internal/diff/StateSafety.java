package io.flinkha.internal.diff;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.TreeMap;
import java.util.TreeSet;

/**
 * What a change does to each Flink job's state, from the operator's upgrade behaviour and Flink's HA
 * identity rules:
 * <ul>
 *   <li>the operator derives {@code kubernetes.cluster-id} and {@code high-availability.cluster-id} from the
 *       FlinkDeployment's name (in its namespace), and HA data lives under {@code high-availability.storageDir};
 *       a new name, namespace or storage dir means new, empty HA data, and a deleted FlinkDeployment takes its
 *       HA metadata with it;</li>
 *   <li>on a spec change the operator upgrades with the job's {@code upgradeMode}: {@code last-state} restarts
 *       from the latest checkpoint through the HA metadata, {@code savepoint} takes a savepoint and restores it,
 *       {@code stateless} starts the new spec empty;</li>
 *   <li>{@code job.initialSavepointPath} restores a new deployment from a given savepoint, and a running one when
 *       {@code job.savepointRedeployNonce} changes with it; the annotation {@value #ACKNOWLEDGED} says a loss is intended,
 *       and why;</li>
 *   <li>a change that makes the provider replace a job's storage claim ({@link StateHolders}) leaves it on a new, empty
 *       volume;</li>
 *   <li>Flink does not promise that a 2.x release reads state written by 1.x: moving a running job across that line puts
 *       its state at risk, unless it is redeployed from a savepoint taken for the migration.</li>
 * </ul>
 */
public final class StateSafety {
    /** The FlinkDeployment annotation that acknowledges a loss of state, with the reason. */
    public static final String ACKNOWLEDGED = "flink-ha.io/state-loss-acknowledged";
    private static final String TYPE = "kubernetes:flink.apache.org/v1beta1:FlinkDeployment";

    /** What happens to one job's state. */
    public enum Outcome {
        /** Nothing the state depends on changes. */
        KEPT("kept"),
        /** The operator restarts the job from its latest checkpoint. */
        RESTART_FROM_CHECKPOINT("restart from latest checkpoint"),
        /** The operator restores a savepoint: one it takes (savepoint mode), or the one named. */
        RESTART_FROM_SAVEPOINT("restart from savepoint"),
        /** A new job: there is no state yet. */
        NEW("new"),
        /** The job may not read its state on the new release, and the change says so. */
        AT_RISK_ACKNOWLEDGED("AT RISK (acknowledged)"),
        /** The job may not read its state on the new release (Flink 1.x to 2.x). */
        AT_RISK("AT RISK"),
        /** The job starts without its state, and the change says so. */
        LOST_ACKNOWLEDGED("LOST (acknowledged)"),
        /** The job starts without its state. */
        LOST("LOST");

        private final String label;

        Outcome(String label) {
            this.label = label;
        }

        /** @return how the report prints it */
        public String label() {
            return label;
        }
    }

    /**
     * One job's outcome.
     *
     * @param stack   the stack
     * @param job     {@code <namespace>/<name>} (the head's, or the base's for a deleted job)
     * @param outcome what happens to its state
     * @param reason  why, in words a reviewer can check
     */
    public record JobState(String stack, String job, Outcome outcome, String reason) {
        /** @return whether this outcome fails {@code --fail-on-state-loss} */
        public boolean blocks() {
            return outcome == Outcome.LOST || outcome == Outcome.AT_RISK;
        }
    }

    private StateSafety() {
    }

    /** @return the outcome of every job present in either plan of every stack, sorted by stack and job */
    public static List<JobState> analyse(List<StackPlan> base, List<StackPlan> head) {
        Map<String, StackPlan> before = byStack(base);
        Map<String, StackPlan> after = byStack(head);
        List<JobState> out = new ArrayList<>();
        for (String stack : new TreeSet<>(union(before.keySet(), after.keySet()))) {
            out.addAll(analyse(stack, before.containsKey(stack) ? before.get(stack).resources() : Map.of(),
                    after.containsKey(stack) ? after.get(stack).resources() : Map.of()));
        }
        return out;
    }

    static List<JobState> analyse(String stack, Map<String, Map<String, Object>> before, Map<String, Map<String, Object>> after) {
        Map<String, Map<String, Object>> oldJobs = jobs(before);
        Map<String, Map<String, Object>> newJobs = jobs(after);
        Map<String, String> previous = new TreeMap<>();
        newJobs.forEach((urn, state) -> {
            if (oldJobs.containsKey(urn)) {
                previous.put(urn, urn);
            } else if (state.get("aliases") instanceof List<?> aliases) {
                aliases.stream().map(String::valueOf).filter(oldJobs::containsKey).findFirst().ifPresent(a -> previous.put(urn, a));
            }
        });
        // a job renamed or moved in the program gets a new URN: pair a vanished job with a new one that runs the same jar
        for (String gone : oldJobs.keySet()) {
            if (previous.containsValue(gone)) {
                continue;
            }
            Object jar = job(inputs(oldJobs.get(gone))).get("jarURI");
            List<String> candidates = newJobs.keySet().stream().filter(urn -> !previous.containsKey(urn))
                    .filter(urn -> Objects.equals(jar, job(inputs(newJobs.get(urn))).get("jarURI"))).toList();
            if (candidates.size() == 1) {
                previous.put(candidates.get(0), gone);
            }
        }
        Map<String, String> replacedClaims = StateHolders.replacedClaims(before, after);
        Optional<String> clusterReplaced = before.entrySet().stream()
                .filter(e -> StateHolders.EKS_CLUSTER.equals(e.getValue().get("type")) && after.containsKey(e.getKey()))
                .map(e -> StateHolders.clusterReplaced(inputs(e.getValue()), inputs(after.get(e.getKey()))))
                .filter(why -> !why.isEmpty()).findFirst()
                .map(why -> "the EKS cluster is replaced (" + String.join(", ", why) + "): the new control plane has none of the "
                        + "job's HA ConfigMaps, which point to its latest checkpoint");
        List<JobState> out = new ArrayList<>();
        for (Map.Entry<String, Map<String, Object>> e : newJobs.entrySet()) {
            Map<String, Object> now = inputs(e.getValue());
            String old = previous.get(e.getKey());
            out.add(old == null ? created(stack, now) : changed(stack, inputs(oldJobs.get(old)), now, replacedClaims, clusterReplaced));
        }
        oldJobs.keySet().stream().filter(urn -> !previous.containsValue(urn)).forEach(urn -> {
            Map<String, Object> was = inputs(oldJobs.get(urn));
            out.add(new JobState(stack, id(was), Outcome.LOST, "deleted: the operator cancels the job and deletes its HA metadata "
                    + "(JobGraph and checkpoint pointers), so nothing resumes it"));
        });
        out.sort((a, b) -> a.job().compareTo(b.job()));
        return out;
    }

    /** A job with no predecessor: new, unless it is a renamed or moved one that says where its state comes from. */
    private static JobState created(String stack, Map<String, Object> now) {
        Optional<String> savepoint = initialSavepoint(now);
        if (savepoint.isPresent()) {
            return new JobState(stack, id(now), Outcome.RESTART_FROM_SAVEPOINT, "starts from the savepoint " + savepoint.get()
                    + " (job.initialSavepointPath)");
        }
        return new JobState(stack, id(now), Outcome.NEW, "a new deployment: no state yet");
    }

    private static JobState changed(String stack, Map<String, Object> was, Map<String, Object> now, Map<String, String> replacedClaims,
                                    Optional<String> clusterReplaced) {
        List<String> lost = new ArrayList<>();
        clusterReplaced.ifPresent(lost::add);
        StateHolders.claimsOf(was).stream().filter(replacedClaims::containsKey).map(replacedClaims::get).forEach(lost::add);
        if (!Objects.equals(id(was), id(now))) {
            lost.add("renamed or moved from " + id(was) + ": the operator derives the HA cluster-id from the name and namespace, "
                    + "so the job starts with new, empty HA data");
        }
        if (ha(was) && !ha(now)) {
            lost.add("HA turned off: nothing keeps the job's metadata");
        }
        if (!Objects.equals(conf(was).get("high-availability.storageDir"), conf(now).get("high-availability.storageDir"))) {
            lost.add("HA storage path changed from " + conf(was).get("high-availability.storageDir") + " to "
                    + conf(now).get("high-availability.storageDir") + ": the new path holds no HA metadata"
                    + (bucket(was).equals(bucket(now)) ? "" : " (storage replaced: " + bucket(was) + " -> " + bucket(now) + ")"));
        }
        boolean specChanged = !Objects.equals(withoutAnnotations(was), withoutAnnotations(now));
        String mode = String.valueOf(job(now).getOrDefault("upgradeMode", "stateless"));
        if (specChanged && lost.isEmpty() && mode.equals("stateless")) {
            lost.add("upgradeMode stateless: the operator starts the changed job from an empty state");
        }
        if (!lost.isEmpty()) {
            Optional<String> savepoint = initialSavepoint(now);
            if (savepoint.isPresent() && lost.stream().noneMatch(l -> l.startsWith("HA turned off"))) {
                return new JobState(stack, id(now), Outcome.RESTART_FROM_SAVEPOINT, "starts from the savepoint " + savepoint.get()
                        + " (job.initialSavepointPath); otherwise " + String.join("; ", lost));
            }
            Optional<String> acknowledged = annotation(now, ACKNOWLEDGED);
            if (acknowledged.isPresent()) {
                return new JobState(stack, id(now), Outcome.LOST_ACKNOWLEDGED, String.join("; ", lost)
                        + "; acknowledged: " + acknowledged.get());
            }
            return new JobState(stack, id(now), Outcome.LOST, String.join("; ", lost));
        }
        Optional<String> redeploy = redeployedFrom(was, now);
        String from = String.valueOf(spec(was).get("flinkVersion"));
        String to = String.valueOf(spec(now).get("flinkVersion"));
        if (from.startsWith("v1_") && to.startsWith("v2_")) {
            String risk = "Flink " + release(from) + " -> " + release(to) + ": Flink does not promise that 2.x reads state written by 1.x";
            if (redeploy.isPresent()) {
                return new JobState(stack, id(now), Outcome.RESTART_FROM_SAVEPOINT, risk + "; redeployed from the migration savepoint "
                        + redeploy.get() + " (job.savepointRedeployNonce)");
            }
            Optional<String> acknowledged = annotation(now, ACKNOWLEDGED);
            return acknowledged.map(a -> new JobState(stack, id(now), Outcome.AT_RISK_ACKNOWLEDGED, risk + "; acknowledged: " + a))
                    .orElseGet(() -> new JobState(stack, id(now), Outcome.AT_RISK, risk + ": take a savepoint, check it restores on "
                            + release(to) + ", and redeploy from it (initialSavepointPath with a new savepointRedeployNonce), or "
                            + "acknowledgeStateLoss"));
        }
        if (redeploy.isPresent()) {
            return new JobState(stack, id(now), Outcome.RESTART_FROM_SAVEPOINT, "redeployed from the savepoint " + redeploy.get()
                    + " (job.savepointRedeployNonce)");
        }
        if (!specChanged) {
            return new JobState(stack, id(now), Outcome.KEPT, "nothing the job's state depends on changes");
        }
        String what = (from.equals(to) ? "" : "Flink " + release(from) + " -> " + release(to) + ", ")
                + "spec changes: " + String.join(", ", changedSections(was, now));
        return mode.equals("savepoint")
                ? new JobState(stack, id(now), Outcome.RESTART_FROM_SAVEPOINT, what + "; the operator takes a savepoint and restores it")
                : new JobState(stack, id(now), Outcome.RESTART_FROM_CHECKPOINT, what + "; the operator restarts the job with last-state, "
                + "from its latest checkpoint through the HA metadata");
    }

    /** @return the savepoint the operator redeploys a running job from: the nonce changed and a path is set */
    private static Optional<String> redeployedFrom(Map<String, Object> was, Map<String, Object> now) {
        Object nonce = job(now).get("savepointRedeployNonce");
        return nonce != null && !Objects.equals(nonce, job(was).get("savepointRedeployNonce")) ? initialSavepoint(now) : Optional.empty();
    }

    /** @return {@code 2.2} for {@code v2_2} */
    private static String release(String flinkVersion) {
        return flinkVersion.replaceFirst("^v", "").replace('_', '.');
    }

    /**
     * The state lock of one stack, for the policy {@code flink-state-safety}: each job's HA storage dir and Flink release
     * line ({@code spec.flinkVersion}), by {@code <namespace>/<name>}. Written from the reviewed (golden) plans, so a change to a job's identity shows in
     * review as a change to the lock.
     *
     * @param plan the stack's plan
     * @return the lock, sorted
     */
    public static Map<String, Map<String, String>> lock(StackPlan plan) {
        Map<String, Map<String, String>> out = new TreeMap<>();
        jobs(plan.resources()).values().forEach(state -> {
            Map<String, Object> inputs = inputs(state);
            out.put(id(inputs), Map.of("haStorageDir", String.valueOf(conf(inputs).get("high-availability.storageDir")),
                    "flinkVersion", String.valueOf(spec(inputs).get("flinkVersion"))));
        });
        return out;
    }

    private static List<String> changedSections(Map<String, Object> was, Map<String, Object> now) {
        List<PlanDiff.Change> changes = new ArrayList<>();
        PlanDiff.compareInputs(spec(was), spec(now), changes);
        return changes.stream().map(c -> "spec" + (c.path().startsWith("[") ? "" : ".") + c.path()).distinct().limit(5).toList();
    }

    private static Map<String, Map<String, Object>> jobs(Map<String, Map<String, Object>> resources) {
        Map<String, Map<String, Object>> out = new TreeMap<>();
        resources.forEach((urn, state) -> {
            if (TYPE.equals(state.get("type"))) {
                out.put(urn, state);
            }
        });
        return out;
    }

    @SuppressWarnings("unchecked")
    static Map<String, Object> inputs(Map<String, Object> state) {
        return state.get("inputs") instanceof Map<?, ?> m ? (Map<String, Object>) m : Map.of();
    }

    @SuppressWarnings("unchecked")
    static Map<String, Object> section(Map<String, Object> m, String key) {
        return m.get(key) instanceof Map<?, ?> s ? (Map<String, Object>) s : Map.of();
    }

    private static Map<String, Object> spec(Map<String, Object> inputs) {
        return section(inputs, "spec");
    }

    private static Map<String, Object> job(Map<String, Object> inputs) {
        return section(spec(inputs), "job");
    }

    private static Map<String, Object> conf(Map<String, Object> inputs) {
        return section(spec(inputs), "flinkConfiguration");
    }

    private static String id(Map<String, Object> inputs) {
        Map<String, Object> metadata = section(inputs, "metadata");
        return metadata.getOrDefault("namespace", "default") + "/" + metadata.get("name");
    }

    private static boolean ha(Map<String, Object> inputs) {
        Object type = conf(inputs).getOrDefault("high-availability.type", conf(inputs).get("high-availability"));
        return type != null && !String.valueOf(type).equalsIgnoreCase("NONE");
    }

    private static String bucket(Map<String, Object> inputs) {
        String dir = String.valueOf(conf(inputs).get("high-availability.storageDir"));
        int scheme = dir.indexOf("://");
        if (scheme < 0) {
            return dir;
        }
        int slash = dir.indexOf('/', scheme + 3);
        return slash < 0 ? dir : dir.substring(0, slash);
    }

    private static Optional<String> initialSavepoint(Map<String, Object> inputs) {
        Object path = job(inputs).get("initialSavepointPath");
        return path == null || String.valueOf(path).isBlank() ? Optional.empty() : Optional.of(String.valueOf(path));
    }

    private static Optional<String> annotation(Map<String, Object> inputs, String key) {
        Object value = section(section(inputs, "metadata"), "annotations").get(key);
        return value == null ? Optional.empty() : Optional.of(String.valueOf(value));
    }

    /** The object without metadata annotations and labels: they change nothing the operator does to the job. */
    private static Map<String, Object> withoutAnnotations(Map<String, Object> inputs) {
        Map<String, Object> copy = new LinkedHashMap<>(inputs);
        copy.remove("metadata");
        return copy;
    }

    private static Map<String, StackPlan> byStack(List<StackPlan> plans) {
        Map<String, StackPlan> out = new TreeMap<>();
        plans.forEach(p -> out.put(p.stack(), p));
        return out;
    }

    private static java.util.Set<String> union(java.util.Set<String> a, java.util.Set<String> b) {
        java.util.Set<String> out = new TreeSet<>(a);
        out.addAll(b);
        return out;
    }
}
