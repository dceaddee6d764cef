package io.flinkha.internal.plan;

import io.flinkha.testing.Plan;
import io.flinkha.testing.PlanEngine;
import io.flinkha.testing.PlanException;
import io.flinkha.testing.PlanRenderer;
import io.flinkha.testing.PlannedResource;
import io.flinkha.config.SettingsException;
import com.pulumi.Context;

import java.io.PrintStream;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Consumer;

/**
 * {@code plan <stack> [--json]}: runs the real program for a stack on the mock engine, without
 * credentials or a cluster, and prints what {@code pulumi up} would create.
 */
public final class PlanCommand {
    private PlanCommand() {
    }

    /** What the command prints. */
    public enum Output {
        /** The resource tree and the warnings, for a person. */
        TREE,
        /** JSON in the shape of {@code pulumi preview --json}, for tools. */
        JSON,
        /** A Mermaid flowchart, for a pull-request comment or a README. */
        DIAGRAM
    }

    /** As {@link #run(String, Output, boolean, Path, Consumer, PrintStream, PrintStream)}, the tree or JSON, with progress. */
    public static int run(String stack, boolean json, Path start, Consumer<Context> program, PrintStream out, PrintStream err) {
        return run(stack, json ? Output.JSON : Output.TREE, false, start, program, out, err);
    }

    /**
     * @param stack   a stack of {@code stacks/Pulumi.<stack>.yaml}
     * @param output  the tree, JSON in the shape of {@code pulumi preview --json}, or a Mermaid diagram
     * @param quiet   no progress on a terminal ({@code --quiet})
     * @param start   the project folder, or a folder below it
     * @param program the stacks' program
     * @param out     where the plan goes
     * @param err     where problems and warnings go
     * @return the process exit code
     */
    public static int run(String stack, Output output, boolean quiet, Path start, Consumer<Context> program, PrintStream out,
                          PrintStream err) {
        try (Progress progress = Progress.start(err, quiet, "plan " + stack)) {
            Progress.stage("reading the stack");
            Path dir = StackConfig.findProjectDir(start);
            StackConfig config = StackConfig.read(dir, stack);
            Timing.phase("config read");
            if (!config.problems().isEmpty()) {
                // still run the settings behind the bad keys: the user fixes everything in one round
                List<String> all = new ArrayList<>(config.problems());
                try {
                    PlanEngine.run(config.project(), stack, config.values(), program);
                } catch (SettingsException e) {
                    all.addAll(e.problems());
                } catch (RuntimeException e) {
                    all.add(e.getMessage());
                }
                err.println("error: invalid config for stack '" + stack + "' (" + all.size() + (all.size() == 1 ? " problem" : " problems")
                        + "):\n  - " + String.join("\n  - ", all));
                return 1;
            }
            Progress.stage("running the program");
            Plan plan = PlanEngine.run(config.project(), stack, config.values(), program);
            Timing.phase("program done");
            Progress.stage("writing the plan");
            progress.close();
            if (output == Output.JSON) {
                // streamed: a plan of thousands of resources is tens of megabytes of JSON, never needed as one string
                var writer = new java.io.BufferedWriter(printingTo(out), 1 << 16);
                PlanRenderer.json(plan, writer);
                try {
                    writer.flush();
                } catch (java.io.IOException e) {
                    throw new java.io.UncheckedIOException(e);
                }
            } else {
                out.print(output == Output.DIAGRAM ? PlanRenderer.diagram(plan) : PlanRenderer.tree(plan));
            }
            out.flush();
            if (output != Output.TREE) {
                // the JSON carries them as diagnostics, the diagram none; a person at the terminal sees them either way
                plan.warnings().forEach(w -> err.println("warning: " + w));
            }
            Timing.resources(plan.resources().size());
            Timing.phase("plan written");
            return 0;
        } catch (BadArgumentException e) {
            err.println("error: " + e.getMessage());
            return BadArgumentException.EXIT;
        } catch (RuntimeException e) {
            err.println("error: " + e.getMessage());
            return 1;
        }
    }

    /** Characters into the stream, encoded by the stream itself (its charset is the one {@code print} would use). */
    private static java.io.Writer printingTo(PrintStream out) {
        return new java.io.Writer() {
            @Override
            public void write(char[] chars, int offset, int length) {
                out.append(java.nio.CharBuffer.wrap(chars, offset, length));
            }

            @Override
            public void flush() {
                out.flush();
            }

            @Override
            public void close() {
                out.flush();
            }
        };
    }
}
