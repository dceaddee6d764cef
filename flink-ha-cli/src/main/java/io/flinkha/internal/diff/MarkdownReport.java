package io.flinkha.internal.diff;

import com.google.gson.GsonBuilder;

import java.util.List;

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
        StringBuilder md = new StringBuilder(MARKER).append("\n## Infrastructure plan diff\n\n");
        if (stacks.stream().allMatch(PlanDiff.StackDiff::isEmpty)) {
            md.append("No changes.\n");
            return md.toString();
        }
        md.append("| stack | create | update | delete | unchanged |\n|---|---:|---:|---:|---:|\n");
        for (PlanDiff.StackDiff s : stacks) {
            md.append(String.format("| %s | %d | %d | %d | %d |%n", s.stack(), s.count("create"), s.count("update"), s.count("delete"), s.unchanged()));
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
