package io.flinkha.internal.plan;

import io.flinkha.testing.Plan;
import io.flinkha.testing.PlanEngine;
import io.flinkha.testing.PlanException;
import io.flinkha.testing.PlanRenderer;
import io.flinkha.testing.PlannedResource;
import com.google.gson.Gson;
import org.yaml.snakeyaml.LoaderOptions;
import org.yaml.snakeyaml.Yaml;
import org.yaml.snakeyaml.constructor.SafeConstructor;

import java.io.IOException;
import java.io.Reader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Stream;

/**
 * Reads a stack's config the way the Pulumi CLI hands it to a program: {@code Pulumi.yaml}'s
 * declared keys and defaults, overlaid with {@code <stackConfigDir>/Pulumi.<stack>.yaml}, flattened
 * to {@code <namespace>:<key>} = text, structured values as JSON. Like the CLI it refuses a project
 * key that {@code Pulumi.yaml} does not declare, and a declared key without default that the stack omits.
 */
public final class StackConfig {
    /** The largest stack file read: SnakeYAML's default limit (3 Mi code points), which it would report as malformed YAML. */
    static final long MAX_STACK_FILE_BYTES = new LoaderOptions().getCodePointLimit();

    /** A stack name as Pulumi allows it in a stack file's name: no separator, so never a path. */
    public static final java.util.regex.Pattern STACK_NAME = java.util.regex.Pattern.compile("[A-Za-z0-9][A-Za-z0-9_.-]*");

    private static final Gson GSON = new Gson();

    private final String project;
    private final Path stackFile;
    private final Map<String, String> values;
    private final List<String> problems;

    private StackConfig(String project, Path stackFile, Map<String, String> values, List<String> problems) {
        this.project = project;
        this.stackFile = stackFile;
        this.values = values;
        this.problems = List.copyOf(problems);
    }

    /** @return what is wrong with the stack file against Pulumi.yaml (unknown or missing keys); empty when nothing */
    public List<String> problems() {
        return problems;
    }

    public String project() {
        return project;
    }

    public Path stackFile() {
        return stackFile;
    }

    /** @return config as the engine passes it to the program */
    public Map<String, String> values() {
        return values;
    }

    /** Finds {@code Pulumi.yaml} in {@code start} or the nearest folder above it. */
    public static Path findProjectDir(Path start) {
        for (Path p = start.toAbsolutePath(); p != null; p = p.getParent()) {
            if (Files.isRegularFile(p.resolve("Pulumi.yaml"))) {
                return p;
            }
        }
        throw new PlanException("no Pulumi.yaml in " + start.toAbsolutePath() + " or any folder above it; "
                + "run the plan from the project folder");
    }

    /**
     * @return the stack's config, refused when it has problems
     * @throws PlanException naming every problem
     */
    public static StackConfig load(Path projectDir, String stack) {
        StackConfig config = read(projectDir, stack);
        if (!config.problems().isEmpty()) {
            throw new PlanException("invalid config for stack '" + stack + "':\n  - " + String.join("\n  - ", config.problems()));
        }
        return config;
    }

    /**
     * @return the stack's config without its unknown keys, and its problems, so that the settings behind them can
     *         still be checked and every mistake reported in one round
     * @throws BadArgumentException when the name is not a stack name, or there is no such stack
     */
    @SuppressWarnings("unchecked")
    public static StackConfig read(Path projectDir, String stack) {
        Map<String, Object> projectFile = yaml(projectDir.resolve("Pulumi.yaml"));
        String project = String.valueOf(projectFile.get("name"));
        Path stackDir = projectDir.resolve(String.valueOf(projectFile.getOrDefault("stackConfigDir", ".")));
        // checked before any path is built from it: a name is never a way to another folder
        if (!STACK_NAME.matcher(stack).matches() || stack.contains("..")) {
            throw new BadArgumentException("'" + stack + "' is not a stack name: a stack name holds letters, digits, '-', '_' and "
                    + "'.', with no '/' or '..'; stacks: " + String.join(", ", stacks(stackDir)));
        }
        Path stackFile = stackDir.resolve("Pulumi." + stack + ".yaml");
        if (!Files.isRegularFile(stackFile)) {
            throw new BadArgumentException("unknown stack '" + stack + "': no " + projectDir.relativize(stackFile)
                    + "; stacks: " + String.join(", ", stacks(stackDir)));
        }
        Map<String, Object> declared = projectFile.get("config") instanceof Map
                ? (Map<String, Object>) projectFile.get("config") : Map.of();
        Object stackSection = stackFile(projectDir.relativize(stackFile), stackFile).get("config");
        Map<String, Object> stackConfig = stackSection instanceof Map ? (Map<String, Object>) stackSection : Map.of();

        List<String> problems = new ArrayList<>();
        Map<String, String> values = new TreeMap<>();
        for (var e : declared.entrySet()) {
            String key = qualify(project, e.getKey());
            Object decl = e.getValue();
            if (decl instanceof Map<?, ?> m && (m.containsKey("type") || m.containsKey("description") || m.containsKey("default"))) {
                if (m.containsKey("default")) {
                    values.put(key, text(m.get("default")));
                }
            } else if (!key.startsWith(project + ":")) {
                values.put(key, text(decl));
            }
        }
        for (var e : stackConfig.entrySet()) {
            String key = qualify(project, e.getKey());
            String bare = key.substring(key.indexOf(':') + 1);
            if (key.startsWith(project + ":") && !declared.containsKey(bare) && !declared.containsKey(key)) {
                problems.add(key + ": unknown key in " + projectDir.relativize(stackFile) + "; Pulumi.yaml declares: "
                        + String.join(", ", new TreeMap<>(declared).keySet()));
                continue;
            }
            Object v = e.getValue();
            if (v instanceof Map<?, ?> m && m.size() == 1 && m.containsKey("secure")) {
                // secrets need the stack's passphrase or cloud key, which the offline plan never has
                values.put(key, "[secret]");
            } else {
                values.put(key, text(v));
            }
        }
        for (var e : declared.entrySet()) {
            String key = qualify(project, e.getKey());
            if (key.startsWith(project + ":") && !values.containsKey(key)) {
                problems.add(key + ": is required (Pulumi.yaml declares it without a default) but "
                        + projectDir.relativize(stackFile) + " does not set it");
            }
        }
        return new StackConfig(project, stackFile, values, problems);
    }

    /** @return the stack names that have a config file */
    public static List<String> stacks(Path stackDir) {
        if (!Files.isDirectory(stackDir)) {
            return List.of();
        }
        try (Stream<Path> files = Files.list(stackDir)) {
            return files.map(p -> p.getFileName().toString())
                    .filter(n -> n.startsWith("Pulumi.") && n.endsWith(".yaml"))
                    .map(n -> n.substring("Pulumi.".length(), n.length() - ".yaml".length()))
                    .sorted()
                    .toList();
        } catch (IOException e) {
            throw new PlanException("cannot list " + stackDir + ": " + e.getMessage());
        }
    }

    private static String qualify(String project, String key) {
        return key.contains(":") ? key : project + ":" + key;
    }

    private static String text(Object v) {
        if (v instanceof Map || v instanceof List) {
            return GSON.toJson(v);
        }
        return String.valueOf(v);
    }

    /**
     * A stack file's top level, refused whole when it cannot hold settings: an empty file or one whose top level is not a
     * map would otherwise read as every required key missing.
     */
    @SuppressWarnings("unchecked")
    private static Map<String, Object> stackFile(Path shown, Path file) {
        Object top;
        try {
            long size = Files.size(file);
            if (size > MAX_STACK_FILE_BYTES) {
                throw new PlanException(String.format("%s is too large (%.1f MB; limit %d MB): a stack file holds settings, not data",
                        shown, size / (1024.0 * 1024), MAX_STACK_FILE_BYTES / (1024 * 1024)));
            }
        } catch (java.io.IOException e) {
            throw new PlanException("cannot read " + file + ": " + e.getMessage());
        }
        try (Reader r = Files.newBufferedReader(file)) {
            top = new Yaml(new SafeConstructor(new LoaderOptions())).load(r);
        } catch (IOException e) {
            throw new PlanException("cannot read " + file + ": " + e.getMessage());
        } catch (RuntimeException e) {
            throw new PlanException("malformed YAML in " + file + ": " + e.getMessage());
        }
        if (top == null) {
            throw new PlanException(shown + " is empty: a stack file holds a map with `config:` and the stack's settings under it "
                    + "(see stacks/Pulumi.dev.yaml)");
        }
        if (!(top instanceof Map)) {
            throw new PlanException(shown + " must be a map with `config:` at its top level, but its top level is a "
                    + (top instanceof List ? "list" : "single value") + " (see stacks/Pulumi.dev.yaml)");
        }
        return new LinkedHashMap<>((Map<String, Object>) top);
    }

    @SuppressWarnings("unchecked")
    private static Map<String, Object> yaml(Path file) {
        try (Reader r = Files.newBufferedReader(file)) {
            Object o = new Yaml(new SafeConstructor(new LoaderOptions())).load(r);
            return o instanceof Map ? new LinkedHashMap<>((Map<String, Object>) o) : Map.of();
        } catch (IOException e) {
            throw new PlanException("cannot read " + file + ": " + e.getMessage());
        } catch (RuntimeException e) {
            throw new PlanException("malformed YAML in " + file + ": " + e.getMessage());
        }
    }
}
