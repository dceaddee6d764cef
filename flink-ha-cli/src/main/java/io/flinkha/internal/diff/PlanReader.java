package io.flinkha.internal.diff;

import com.google.gson.Gson;
import com.google.gson.JsonParseException;
import com.google.gson.reflect.TypeToken;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

import io.flinkha.internal.plan.BadArgumentException;

/**
 * Reads plans in the shape of {@code pulumi preview --json} (the offline plan's, or the CLI's) from a
 * file, a folder of {@code <stack>.json} files, or the golden plans ({@code plans/}) of a git revision.
 */
public final class PlanReader {
    /** Where each stack's golden plan is committed. */
    public static final String GOLDEN_DIR = "plans";
    private static final Gson GSON = new Gson();

    private PlanReader() {
    }

    /** @param source a plan file, a folder of plans, or a git revision whose {@code plans/} is read */
    public static List<StackPlan> read(String source, Path repo) {
        Path path = repo.resolve(source);
        if (Files.isRegularFile(path)) {
            return List.of(parse(read(path), path.toString()));
        }
        if (Files.isDirectory(path)) {
            try (Stream<Path> files = Files.list(path)) {
                return files.filter(f -> f.toString().endsWith(".json")).sorted()
                        .map(f -> parse(read(f), f.toString())).toList();
            } catch (IOException e) {
                throw new IllegalArgumentException("cannot list " + path + ": " + e.getMessage());
            }
        }
        if (!isRevision(source, repo)) {
            // a name with a separator or a .json ending was meant as a file: say so, without git's revision syntax
            throw new BadArgumentException(source.endsWith(".json") || source.contains("/") || source.contains(java.io.File.separator)
                    ? source + " does not exist (" + path + ")"
                    : "'" + source + "' is neither a plan file, a folder of plans, nor a git revision with " + GOLDEN_DIR + "/");
        }
        return fromRevision(source, repo);
    }

    private static boolean isRevision(String revision, Path repo) {
        try {
            Process p = new ProcessBuilder("git", "-C", repo.toString(), "rev-parse", "--verify", "--quiet", revision + "^{commit}")
                    .redirectErrorStream(true).start();
            p.getInputStream().readAllBytes();
            return p.waitFor(60, TimeUnit.SECONDS) && p.exitValue() == 0;
        } catch (IOException e) {
            return false;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    private static List<StackPlan> fromRevision(String revision, Path repo) {
        // a revision from before golden plans existed plans nothing: everything in the other side is new
        String tree = git(repo, "ls-tree", "--name-only", revision);
        if (tree.lines().noneMatch(GOLDEN_DIR::equals)) {
            return List.of();
        }
        String listing = git(repo, "ls-tree", "--name-only", revision + ":" + GOLDEN_DIR);
        List<StackPlan> plans = new ArrayList<>();
        for (String file : listing.lines().filter(l -> l.endsWith(".json")).sorted().toList()) {
            plans.add(parse(git(repo, "show", revision + ":" + GOLDEN_DIR + "/" + file), revision + ":" + GOLDEN_DIR + "/" + file));
        }
        return plans;
    }

    private static String git(Path repo, String... args) {
        List<String> command = new ArrayList<>(List.of("git", "-C", repo.toString()));
        command.addAll(List.of(args));
        try {
            Process p = new ProcessBuilder(command).redirectErrorStream(true).start();
            String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
            if (!p.waitFor(60, TimeUnit.SECONDS) || p.exitValue() != 0) {
                throw new IllegalArgumentException("'" + args[args.length - 1] + "' is neither a plan file, a folder of plans, "
                        + "nor a git revision with " + GOLDEN_DIR + "/: " + out.trim());
            }
            return out;
        } catch (IOException e) {
            throw new IllegalArgumentException("cannot run git: " + e.getMessage());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    private static String read(Path file) {
        try {
            return Files.readString(file);
        } catch (IOException e) {
            throw new IllegalArgumentException("cannot read " + file + ": " + e.getMessage());
        }
    }

    /** Parses one plan; the stack is the one its URNs name ({@code urn:pulumi:<stack>::...}). */
    @SuppressWarnings("unchecked")
    public static StackPlan parse(String json, String origin) {
        Map<String, Object> plan;
        try {
            plan = GSON.fromJson(json, new TypeToken<Map<String, Object>>() { }.getType());
        } catch (JsonParseException e) {
            // Gson's message starts with the Java exception's class; the place in the file is what the reader needs
            java.util.regex.Matcher where = java.util.regex.Pattern.compile("line (\\d+) column (\\d+)").matcher(String.valueOf(e.getMessage()));
            throw new BadArgumentException(origin + " is not a plan: it is not JSON" + (where.find()
                    ? " (line " + where.group(1) + ", column " + where.group(2) + ")" : "") + "; expected `plan <stack> --json` or "
                    + "`pulumi preview --json` output");
        }
        if (plan == null || !(plan.get("steps") instanceof List<?> steps)) {
            throw new BadArgumentException(origin + " is not a plan: it has no steps[] (expected `pulumi preview --json` output)");
        }
        Map<String, Map<String, Object>> resources = new TreeMap<>();
        String stack = null;
        for (Object s : steps) {
            Map<String, Object> step = (Map<String, Object>) s;
            Object state = step.get("newState");
            if ("delete".equals(step.get("op")) || !(state instanceof Map)) {
                continue;
            }
            Map<String, Object> newState = (Map<String, Object>) state;
            String urn = String.valueOf(newState.getOrDefault("urn", step.get("urn")));
            if (stack == null && urn.startsWith("urn:pulumi:")) {
                stack = urn.substring("urn:pulumi:".length(), urn.indexOf("::"));
            }
            resources.put(urn, newState);
        }
        if (stack == null) {
            stack = Path.of(origin).getFileName().toString().replaceFirst("\\.json$", "");
        }
        Map<String, String> config = new TreeMap<>();
        if (plan.get("config") instanceof Map<?, ?> c) {
            c.forEach((k, v) -> config.put(String.valueOf(k), String.valueOf(v)));
        }
        return new StackPlan(stack, resources, config);
    }
}
