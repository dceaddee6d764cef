package io.flinkha.testing;

import com.google.gson.GsonBuilder;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Prints a {@link Plan}: as JSON in the shape of {@code pulumi preview --json} (other tools read
 * it, so the shape is a contract), or as a readable tree.
 */
public final class PlanRenderer {
    private PlanRenderer() {
    }

    /**
     * @param plan the plan
     * @return the plan in the shape of {@code pulumi preview --json}: config, one create step per resource with its
     *         inputs, and the diagnostics; the diff, the policy pack and the benchmarks read this shape
     */
    public static String json(Plan plan) {
        StringBuilder out = new StringBuilder();
        json(plan, out);
        return out.toString();
    }

    /**
     * Writes {@link #json(Plan)} as it renders, so a large plan is never held as one string.
     *
     * @param plan the plan
     * @param out  where the JSON goes; the caller flushes and closes it
     */
    public static void json(Plan plan, Appendable out) {
        Map<String, Object> root = new LinkedHashMap<>();
        root.put("config", plan.config());
        List<Object> steps = new ArrayList<>();
        for (PlannedResource r : plan.resources()) {
            Map<String, Object> state = new LinkedHashMap<>();
            state.put("urn", r.urn());
            state.put("custom", r.custom());
            state.put("type", r.type());
            state.put("inputs", r.inputs());
            if (!r.parent().isEmpty()) {
                state.put("parent", r.parent());
            }
            if (!r.provider().isEmpty()) {
                state.put("provider", r.provider());
            }
            state.put("dependencies", r.dependencies());
            if (r.retainOnDelete()) {
                state.put("retainOnDelete", true);
            }
            if (r.protect()) {
                state.put("protect", true);
            }
            if (!r.ignoreChanges().isEmpty()) {
                state.put("ignoreChanges", r.ignoreChanges());
            }
            if (!r.aliases().isEmpty()) {
                state.put("aliases", r.aliases());
            }
            Map<String, Object> step = new LinkedHashMap<>();
            step.put("op", "create");
            step.put("urn", r.urn());
            if (!r.provider().isEmpty()) {
                step.put("provider", r.provider());
            }
            step.put("newState", state);
            steps.add(step);
        }
        root.put("steps", steps);
        List<Object> diagnostics = new ArrayList<>();
        plan.warnings().forEach(w -> diagnostics.add(diagnostic("warning", w)));
        plan.notes().forEach(n -> diagnostics.add(diagnostic("info", n)));
        root.put("diagnostics", diagnostics);
        root.put("changeSummary", Map.of("create", plan.resources().size()));
        try {
            new GsonBuilder().setPrettyPrinting().disableHtmlEscaping().serializeNulls().create().toJson(root, out);
            out.append('\n');
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }

    /**
     * The plan as a Mermaid flowchart in a fenced block, ready for Markdown: each component a subgraph holding its children,
     * each resource a node (its type's last segment and its name), and an arrow from each dependency to what waits for it,
     * so the creation order reads top to bottom. The stack itself is left out.
     *
     * @param plan a plan
     * @return the diagram
     */
    public static String diagram(Plan plan) {
        Map<String, String> ids = new LinkedHashMap<>();
        Map<String, List<PlannedResource>> children = new LinkedHashMap<>();
        for (PlannedResource r : plan.resources()) {
            ids.put(r.urn(), "r" + ids.size());
            children.computeIfAbsent(r.parent(), k -> new ArrayList<>()).add(r);
        }
        StringBuilder out = new StringBuilder("```mermaid\nflowchart TD\n");
        for (PlannedResource top : children.getOrDefault("", List.of())) {
            // the stack's children are the platform's components and whatever the program declares at the top
            children.getOrDefault(top.urn(), List.of()).forEach(r -> node(out, r, children, ids, 1));
        }
        for (PlannedResource r : plan.resources()) {
            for (String dependency : r.dependencies()) {
                if (ids.containsKey(dependency)) {
                    out.append("  ").append(ids.get(dependency)).append(" --> ").append(ids.get(r.urn())).append('\n');
                }
            }
        }
        return out.append("```\n").toString();
    }

    private static void node(StringBuilder out, PlannedResource r, Map<String, List<PlannedResource>> children, Map<String, String> ids,
                             int depth) {
        String indent = "  ".repeat(depth);
        String label = "\"" + (shortType(r.type()) + "<br/>" + r.name()).replace("\"", "#quot;") + "\"";
        List<PlannedResource> mine = children.getOrDefault(r.urn(), List.of());
        if (r.custom() || mine.isEmpty()) {
            out.append(indent).append(ids.get(r.urn())).append('[').append(label).append("]\n");
            return;
        }
        out.append(indent).append("subgraph ").append(ids.get(r.urn())).append('[').append(label).append("]\n");
        mine.forEach(c -> node(out, c, children, ids, depth + 1));
        out.append(indent).append("end\n");
    }

    /** @return {@code Namespace} for {@code kubernetes:core/v1:Namespace}, {@code HaFlinkDeployment} for a component */
    private static String shortType(String type) {
        String last = type.substring(type.lastIndexOf(':') + 1);
        return type.startsWith("pulumi:providers:") ? last + " provider" : last;
    }

    /** One diagnostic as {@code pulumi preview --json} prints it. */
    private static Map<String, Object> diagnostic(String severity, String message) {
        Map<String, Object> d = new LinkedHashMap<>();
        d.put("prefix", severity + ": ");
        d.put("message", message + "\n");
        d.put("color", "never");
        d.put("severity", severity);
        return d;
    }

    /**
     * @param plan the plan
     * @return the plan as a readable tree of resources by parent, then its warnings and notes
     */
    public static String tree(Plan plan) {
        StringBuilder out = new StringBuilder();
        out.append(String.format("Plan of stack '%s' (project %s), offline: %d resources to create%n%n",
                plan.stack(), plan.project(), plan.resources().size()));
        Map<String, List<PlannedResource>> children = new LinkedHashMap<>();
        for (PlannedResource r : plan.resources()) {
            children.computeIfAbsent(r.parent(), k -> new ArrayList<>()).add(r);
        }
        for (PlannedResource root : children.getOrDefault("", List.of())) {
            print(out, root, children, 0);
        }
        out.append(String.format("%nResources: %d to create. Values shown as %s are known only after deployment.%n",
                plan.resources().size(), Plan.UNKNOWN));
        if (!plan.warnings().isEmpty()) {
            out.append(String.format("%nWarnings (%d):%n", plan.warnings().size()));
            plan.warnings().forEach(w -> out.append("  warning: ").append(w).append('\n'));
        }
        if (!plan.notes().isEmpty()) {
            out.append(String.format("%nNotes (%d):%n", plan.notes().size()));
            plan.notes().forEach(n -> out.append("  info: ").append(n).append('\n'));
        }
        return out.toString();
    }

    private static void print(StringBuilder out, PlannedResource r, Map<String, List<PlannedResource>> children, int depth) {
        out.append("  ".repeat(depth)).append("+ ").append(r.type()).append("  ").append(r.name());
        String detail = detail(r);
        if (!detail.isEmpty()) {
            out.append("  (").append(detail).append(")");
        }
        out.append('\n');
        for (PlannedResource c : children.getOrDefault(r.urn(), List.of())) {
            print(out, c, children, depth + 1);
        }
    }

    /** A short line that says what matters of the resource, for the few types where it helps a reviewer. */
    @SuppressWarnings("unchecked")
    private static String detail(PlannedResource r) {
        Object spec = r.inputs().get("spec");
        if (r.type().endsWith(":FlinkDeployment") && spec instanceof Map<?, ?> s) {
            Map<String, Object> conf = s.get("flinkConfiguration") instanceof Map<?, ?> m ? (Map<String, Object>) m : Map.of();
            Map<String, Object> job = (Map<String, Object>) s.get("job");
            Map<String, Object> jm = (Map<String, Object>) s.get("jobManager");
            Map<String, Object> annotations = ((Map<String, Object>) r.inputs().get("metadata")).get("annotations") instanceof Map<?, ?> a
                    ? (Map<String, Object>) a : Map.of();
            Object objective = annotations.get("flink-ha.io/recovery-objective");
            return String.format("HA %s, storageDir %s, JobManagers %s, upgradeMode %s; recovery worst case %s%s",
                    conf.get("high-availability.type"), conf.get("high-availability.storageDir"),
                    jm.get("replicas"), job.get("upgradeMode"), annotations.get("flink-ha.io/recovery-worst-case"),
                    objective == null ? ", no objective" : ", objective " + objective);
        }
        if (r.type().equals("kubernetes:helm.sh/v3:Release")) {
            return "chart " + r.inputs().get("chart") + " " + r.inputs().get("version");
        }
        return "";
    }
}
