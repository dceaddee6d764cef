package io.flinkha.internal.check;

import com.google.gson.GsonBuilder;
import com.google.gson.JsonArray;
import com.google.gson.JsonObject;
import io.flinkha.internal.check.DeploymentCheck.Finding;
import io.flinkha.internal.check.DeploymentCheck.Severity;
import io.flinkha.internal.check.Manifests.Manifest;
import io.flinkha.operator.OperatorRelease;

import java.io.InputStream;
import java.io.PrintStream;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * {@code check <file|folder|->...}: the platform's checks on FlinkDeployments a team already has, written by hand, rendered
 * by Helm or Kustomize, or read with {@code kubectl get -o yaml}. Exit 0 when no deployment has an error, 1 when one has,
 * 2 when the input cannot be read.
 */
public final class CheckCommand {
    /** How the report is printed. */
    public enum Format {
        /** one block per deployment, for a person */
        TEXT,
        /** one JSON document, for a script */
        JSON,
        /** GitHub Actions annotations, with file and line */
        GITHUB
    }

    /** The exit code when a deployment breaks a rule. */
    public static final int PROBLEMS = 1;
    /** The exit code when the input cannot be read. */
    public static final int UNREADABLE = 2;

    private CheckCommand() {
    }

    /** One FlinkDeployment and what was found. */
    private record Checked(Manifest manifest, List<Finding> findings) {
        long count(Severity s) {
            return findings.stream().filter(f -> f.severity() == s).count();
        }
    }

    /**
     * @param inputs     files, folders or {@code -}
     * @param operator   the operator release that reads the deployments, e.g. {@code 1.15.0}
     * @param allowLocal accept pod-local state paths (local tests only)
     * @param format     how to print
     * @param stdin      standard input, for {@code -}
     * @param out        where the report goes
     * @param err        where problems go
     * @return the exit code
     */
    public static int run(List<String> inputs, String operator, boolean allowLocal, Format format, InputStream stdin, PrintStream out,
                          PrintStream err) {
        var release = OperatorRelease.of(operator);
        if (release.isEmpty()) {
            err.println("error: --operator " + operator + ": " + OperatorRelease.unsupported(operator));
            return UNREADABLE;
        }
        Manifests.Read read;
        try {
            read = Manifests.read(inputs.isEmpty() ? List.of("-") : inputs, stdin);
        } catch (Manifests.UnreadableException e) {
            err.println("error: " + e.getMessage());
            return UNREADABLE;
        }
        List<Map<String, Object>> all = read.objects().stream().map(Manifest::object).toList();
        List<Checked> checked = new ArrayList<>();
        List<Manifests.Skipped> skipped = new ArrayList<>(read.skipped());
        for (Manifest m : read.objects()) {
            if ("FlinkDeployment".equals(m.kind())) {
                checked.add(new Checked(m, DeploymentCheck.check(m.object(), all, release.get(), allowLocal)));
            } else if (!List.of("ServiceAccount", "Role", "ClusterRole", "RoleBinding", "ClusterRoleBinding").contains(m.kind())) {
                skipped.add(new Manifests.Skipped(m.source(), m.line(), m.kind() + " " + m.name() + ": not a FlinkDeployment"));
            }
        }
        switch (format) {
            case JSON -> out.println(json(checked, skipped, release.get()));
            case GITHUB -> github(checked, out);
            default -> text(checked, skipped, release.get(), out);
        }
        if (checked.isEmpty() && format != Format.JSON) {
            err.println("note: the input holds no FlinkDeployment");
        }
        return checked.stream().anyMatch(c -> c.count(Severity.ERROR) > 0) ? PROBLEMS : 0;
    }

    private static void text(List<Checked> checked, List<Manifests.Skipped> skipped, OperatorRelease operator, PrintStream out) {
        for (Checked c : checked) {
            Manifest m = c.manifest();
            out.printf("%s:%d FlinkDeployment %s/%s (operator %s): %s%n", m.source(), m.line(), m.namespace(), m.name(), operator.version(),
                    c.findings().stream().anyMatch(f -> f.severity() != Severity.NOTE) ? c.count(Severity.ERROR) + " error(s), "
                            + c.count(Severity.WARNING) + " warning(s)" : "clean");
            for (Finding f : c.findings()) {
                out.printf("  %-7s %s%s%n", f.severity().name().toLowerCase(), f.path().isEmpty() ? "(the object)" : f.path(),
                        f.value().map(v -> " = " + shown(v)).orElse(""));
                out.printf("          [%s] %s%n", f.rule(), f.message());
                if (f.severity() != Severity.NOTE) {
                    out.printf("          fix: %s%n", f.fix());
                }
            }
        }
        skipped.forEach(s -> out.printf("%s:%d skipped: %s%n", s.source(), s.line(), s.why()));
    }

    private static void github(List<Checked> checked, PrintStream out) {
        for (Checked c : checked) {
            for (Finding f : c.findings()) {
                String level = switch (f.severity()) {
                    case ERROR -> "error";
                    case WARNING -> "warning";
                    case NOTE -> "notice";
                };
                String file = c.manifest().source().equals("-") ? "" : "file=" + escape(c.manifest().source(), true) + ",";
                out.printf("::%s %sline=%d,title=%s::%s%n", level, file, c.manifest().lineOf(f.path()), escape("flink-ha " + f.rule(), true),
                        escape(c.manifest().name() + ": " + (f.path().isEmpty() ? "" : f.path() + ": ") + f.message() + " Fix: " + f.fix(), false));
            }
        }
    }

    /** GitHub's workflow-command escaping: a property value also escapes {@code :} and {@code ,}. */
    private static String escape(String s, boolean property) {
        String out = s.replace("%", "%25").replace("\r", "%0D").replace("\n", "%0A");
        return property ? out.replace(":", "%3A").replace(",", "%2C") : out;
    }

    private static String json(List<Checked> checked, List<Manifests.Skipped> skipped, OperatorRelease operator) {
        JsonObject root = new JsonObject();
        root.addProperty("operator", operator.version());
        JsonArray deployments = new JsonArray();
        for (Checked c : checked) {
            JsonObject d = new JsonObject();
            d.addProperty("source", c.manifest().source());
            d.addProperty("line", c.manifest().line());
            d.addProperty("namespace", c.manifest().namespace());
            d.addProperty("name", c.manifest().name());
            JsonArray findings = new JsonArray();
            for (Finding f : c.findings()) {
                JsonObject j = new JsonObject();
                j.addProperty("severity", f.severity().name().toLowerCase());
                j.addProperty("rule", f.rule());
                j.addProperty("path", f.path());
                j.addProperty("line", c.manifest().lineOf(f.path()));
                f.value().ifPresent(v -> j.addProperty("value", String.valueOf(v)));
                j.addProperty("message", f.message());
                j.addProperty("fix", f.fix());
                findings.add(j);
            }
            d.add("findings", findings);
            deployments.add(d);
        }
        root.add("deployments", deployments);
        JsonArray skips = new JsonArray();
        for (Manifests.Skipped s : skipped) {
            JsonObject j = new JsonObject();
            j.addProperty("source", s.source());
            j.addProperty("line", s.line());
            j.addProperty("why", s.why());
            skips.add(j);
        }
        root.add("skipped", skips);
        JsonObject summary = new JsonObject();
        summary.addProperty("deployments", checked.size());
        summary.addProperty("errors", checked.stream().mapToLong(c -> c.count(Severity.ERROR)).sum());
        summary.addProperty("warnings", checked.stream().mapToLong(c -> c.count(Severity.WARNING)).sum());
        root.add("summary", summary);
        return new GsonBuilder().setPrettyPrinting().disableHtmlEscaping().create().toJson(root);
    }

    private static String shown(Object v) {
        return v instanceof String s ? "'" + s + "'" : String.valueOf(v);
    }
}
