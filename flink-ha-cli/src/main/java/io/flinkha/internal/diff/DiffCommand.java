package io.flinkha.internal.diff;

import com.google.gson.GsonBuilder;

import java.io.PrintStream;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import io.flinkha.internal.plan.BadArgumentException;

/**
 * {@code diff [--json] [--fail-on-state-loss[=all|production]] <base> <head>}: prints what changes between
 * two plans, each Flink job's state outcome first. Each side is a plan file ({@code plan <stack> --json} or
 * {@code pulumi preview --json} output), a folder of them, or a git revision, whose committed golden plans
 * ({@code plans/}) are read. With {@code --fail-on-state-loss} the exit code is {@value #STATE_LOST} when a
 * job's state would be lost without the change saying so (in every stack, or in production stacks only).
 */
public final class DiffCommand {
    /** The exit code when {@code --fail-on-state-loss} finds a job whose state would be lost. */
    public static final int STATE_LOST = 3;

    private DiffCommand() {
    }

    /** Which stacks' state loss fails the diff. */
    public enum Gate {
        /** every stack */
        ALL,
        /** production stacks only */
        PRODUCTION
    }

    /**
     * @param baseSide a plan file, a folder of plans, or a git revision
     * @param headSide the same, after the change
     * @param json     JSON instead of Markdown
     * @param gate     fail with {@value #STATE_LOST} when a job's state would be lost there; empty: never
     * @param out      where the report goes
     * @param err      where problems go
     * @return the process exit code
     */
    public static int run(String baseSide, String headSide, boolean json, Optional<Gate> gate, PrintStream out, PrintStream err) {
        // a caller of the API gets no progress line (quiet): the command line passes its own
        try (var progress = io.flinkha.internal.plan.Progress.start(err, true, "diff")) {
            return run(baseSide, headSide, json, gate, out, err, progress);
        }
    }

    /**
     * As {@link #run(String, String, boolean, Optional, PrintStream, PrintStream)}, reporting its stages to {@code progress},
     * which it closes before it prints the report.
     *
     * @param baseSide the plans before the change
     * @param headSide the plans after the change
     * @param json     JSON instead of Markdown
     * @param gate     the state-loss gate, when asked for
     * @param out      where the report goes
     * @param err      where problems go
     * @param progress the progress line, if one shows
     * @return the process exit code
     */
    public static int run(String baseSide, String headSide, boolean json, Optional<Gate> gate, PrintStream out, PrintStream err,
                          io.flinkha.internal.plan.Progress progress) {
        try {
            Path repo = Path.of("").toAbsolutePath();
            io.flinkha.internal.plan.Progress.stage("reading " + baseSide);
            List<StackPlan> base = PlanReader.read(baseSide, repo);
            io.flinkha.internal.plan.Progress.stage("reading " + headSide);
            List<StackPlan> head = PlanReader.read(headSide, repo);
            io.flinkha.internal.plan.Progress.stage("comparing");
            if (base.size() == 1 && head.size() == 1 && !base.get(0).stack().equals(head.get(0).stack())) {
                // two plans of different stacks would read as every resource deleted and every job LOST
                throw new BadArgumentException(baseSide + " is a plan of stack '" + base.get(0).stack() + "' and " + headSide
                        + " of stack '" + head.get(0).stack() + "': a diff compares two plans of the same stack");
            }
            List<PlanDiff.StackDiff> diffs = PlanDiff.diff(base, head);
            List<StateSafety.JobState> jobs = StateSafety.analyse(base, head);
            progress.close();
            out.print(json ? json(diffs, jobs) : MarkdownReport.render(diffs, jobs));
            out.flush();
            if (gate.isPresent()) {
                boolean productionOnly = gate.get() == Gate.PRODUCTION;
                List<String> production = head.stream().filter(StackPlan::production).map(StackPlan::stack).toList();
                List<StateSafety.JobState> blocking = jobs.stream().filter(StateSafety.JobState::blocks)
                        .filter(j -> !productionOnly || production.contains(j.stack())).toList();
                if (!blocking.isEmpty()) {
                    blocking.forEach(j -> err.println("error: " + j.stack() + ": the state of " + j.job() + (j.outcome() == StateSafety.Outcome.LOST
                            ? " would be LOST: " : " is AT RISK: ") + j.reason()));
                    err.println("Say how state moves: set the job's initialSavepointPath to a savepoint of the old job, or acknowledge the "
                            + "loss with the job's acknowledgeStateLoss: <reason>.");
                    return STATE_LOST;
                }
            }
            return 0;
        } catch (BadArgumentException e) {
            err.println("error: " + e.getMessage());
            return BadArgumentException.EXIT;
        } catch (IllegalArgumentException e) {
            err.println("error: " + e.getMessage());
            return 1;
        }
    }

    private static String json(List<PlanDiff.StackDiff> diffs, List<StateSafety.JobState> jobs) {
        Map<String, Object> root = new LinkedHashMap<>();
        List<Object> jobList = new ArrayList<>();
        for (StateSafety.JobState j : jobs) {
            Map<String, Object> m = new LinkedHashMap<>();
            m.put("stack", j.stack());
            m.put("job", j.job());
            m.put("outcome", j.outcome().label());
            m.put("lost", j.outcome() == StateSafety.Outcome.LOST || j.outcome() == StateSafety.Outcome.LOST_ACKNOWLEDGED);
            m.put("atRisk", j.outcome() == StateSafety.Outcome.AT_RISK || j.outcome() == StateSafety.Outcome.AT_RISK_ACKNOWLEDGED);
            m.put("acknowledged", j.outcome() == StateSafety.Outcome.LOST_ACKNOWLEDGED || j.outcome() == StateSafety.Outcome.AT_RISK_ACKNOWLEDGED);
            m.put("reason", j.reason());
            jobList.add(m);
        }
        root.put("jobs", jobList);
        List<Object> stacks = new ArrayList<>();
        for (PlanDiff.StackDiff d : diffs) {
            Map<String, Object> m = new LinkedHashMap<>();
            m.put("stack", d.stack());
            m.put("create", d.count("create"));
            m.put("update", d.count("update"));
            m.put("replace", d.count("replace"));
            m.put("delete", d.count("delete"));
            m.put("unchanged", d.unchanged());
            stacks.add(m);
        }
        root.put("stacks", stacks);
        return new GsonBuilder().setPrettyPrinting().disableHtmlEscaping().create().toJson(root) + "\n";
    }
}
