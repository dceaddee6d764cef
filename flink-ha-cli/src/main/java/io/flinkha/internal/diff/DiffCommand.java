package io.flinkha.internal.diff;

import java.io.PrintStream;
import java.nio.file.Path;

/**
 * {@code diff <base> <head>}: prints the Markdown diff of two plans. Each side is a plan file
 * ({@code plan <stack> --json} or {@code pulumi preview --json} output), a folder of them, or a git
 * revision, whose committed golden plans ({@code plans/}) are read.
 */
public final class DiffCommand {
    private DiffCommand() {
    }

    /** @return the process exit code */
    public static int run(String[] args, PrintStream out, PrintStream err) {
        if (args.length != 3) {
            err.println("usage: java -jar target/flink-ha.jar diff <base> <head>");
            err.println("  <base>, <head>: a plan JSON file, a folder of <stack>.json plans, or a git revision (reads its plans/)");
            return 2;
        }
        try {
            Path repo = Path.of("").toAbsolutePath();
            out.print(MarkdownReport.render(PlanDiff.diff(PlanReader.read(args[1], repo), PlanReader.read(args[2], repo))));
            out.flush();
            return 0;
        } catch (IllegalArgumentException e) {
            err.println("error: " + e.getMessage());
            return 1;
        }
    }
}
