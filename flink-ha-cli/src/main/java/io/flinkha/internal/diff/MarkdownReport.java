package io.flinkha.internal.diff;

import com.google.gson.GsonBuilder;

import java.util.List;
import java.util.Map;

/**
 * Renders plan diffs as the Markdown of one pull-request comment. Everything is sorted, so the
 * comment changes only when the plans do.
 */
public final class MarkdownReport {
    /** Marks the comment so a workflow can find and update it instead of adding another. */
    public static final String MARKER = "<!-- flink-ha plan diff -->";
    private static final int MAX_VALUE = 120;

    private MarkdownReport() {
    }

    public static String render(List<PlanDiff.StackDiff> stacks) {
        return render(stacks, List.of());
    }

    /** The operator chart's version change in each stack that has one. */
    static Map<String, PlanDiff.Change> operatorUpgrades(List<PlanDiff.StackDiff> stacks) {
        Map<String, PlanDiff.Change> out = new java.util.TreeMap<>();
        for (PlanDiff.StackDiff s : stacks) {
            for (PlanDiff.ResourceChange r : s.resources()) {
                if (r.op().equals("update") && r.urn().contains(io.flinkha.operator.FlinkOperator.TYPE + "$kubernetes:helm.sh/v3:Release::")) {
                    r.changes().stream().filter(c -> c.path().equals("version") && c.after() != null).findFirst()
                            .ifPresent(c -> out.put(s.stack(), c));
                }
            }
        }
        return out;
    }

    /**
     * @param stacks the resource diff of each stack
     * @param jobs   what the change does to each Flink job's state; shown first, since it is what a reviewer must not miss
     * @return the comment
     */
    public static String render(List<PlanDiff.StackDiff> stacks, List<StateSafety.JobState> jobs) {
        StringBuilder md = new StringBuilder(MARKER).append("\n## Infrastructure plan diff\n\n");
        List<StateSafety.JobState> affected = jobs.stream().filter(j -> j.outcome() != StateSafety.Outcome.KEPT).toList();
        if (!affected.isEmpty()) {
            md.append("### What happens to each job's state\n\n| stack | job | state | why |\n|---|---|---|---|\n");
            for (StateSafety.JobState j : affected) {
                String label = j.blocks() ? "**" + j.outcome().label() + "**" : j.outcome().label();
                md.append("| ").append(j.stack()).append(" | `").append(j.job()).append("` | ").append(label).append(" | ")
                        .append(j.reason().replace("|", "\\|")).append(" |\n");
            }
            long kept = jobs.size() - affected.size();
            if (kept > 0) {
                md.append("\n").append(kept).append(kept == 1 ? " other job keeps its state.\n" : " other jobs keep their state.\n");
            }
            md.append("\n");
        }
        operatorUpgrades(stacks).forEach((stack, versions) -> md.append("### ").append(stack).append(": operator ")
                .append(versions.before()).append(" -> ").append(versions.after())
                .append(", CRDs first\n\nHelm never upgrades the operator's CRDs, and the new operator would meet the old schema. "
                        + "Before `pulumi up` of ").append(stack).append(", with the kubeconfig of its cluster:\n\n```bash\n")
                .append(io.flinkha.operator.OperatorRelease.crdUpgradeCommands(String.valueOf(versions.after()),
                        java.util.Optional.ofNullable(versions.before()).map(String::valueOf)))
                .append("```\n\nthen set `operator-crds.installed` in `policies/config/").append(stack).append(".json` to ")
                .append(versions.after()).append(".\n\n"));
        if (stacks.stream().allMatch(PlanDiff.StackDiff::isEmpty)) {
            md.append("No changes.\n");
            return md.toString();
        }
        md.append("| stack | create | update | replace | delete | unchanged |\n|---|---:|---:|---:|---:|---:|\n");
        for (PlanDiff.StackDiff s : stacks) {
            md.append(String.format("| %s | %d | %d | %d | %d | %d |%n", s.stack(), s.count("create"), s.count("update"), s.count("replace"),
                    s.count("delete"), s.unchanged()));
        }
        for (PlanDiff.StackDiff s : stacks) {
            if (s.isEmpty()) {
                continue;
            }
            md.append("\n### ").append(s.stack()).append("\n");
            for (PlanDiff.ResourceChange r : s.resources()) {
                md.append("\n**").append(r.op()).append("** `").append(r.type()).append("` `").append(r.name()).append("`\n");
                if (!r.changes().isEmpty()) {
                    md.append("\n| property | old | new |\n|---|---|---|\n");
                    for (PlanDiff.Change c : r.changes()) {
                        md.append("| `").append(c.path()).append("` | ").append(cell(c.before())).append(" | ").append(cell(c.after())).append(" |\n");
                    }
                }
            }
        }
        return md.toString();
    }

    private static String cell(Object value) {
        if (value == null) {
            return "_(none)_";
        }
        String json = new GsonBuilder().disableHtmlEscaping().create().toJson(value instanceof Double d && d == Math.rint(d) ? (Object) d.longValue() : value);
        if (json.length() > MAX_VALUE) {
            json = json.substring(0, MAX_VALUE) + "…";
        }
        return "`" + json.replace("|", "\\|").replace("`", "'") + "`";
    }
}
