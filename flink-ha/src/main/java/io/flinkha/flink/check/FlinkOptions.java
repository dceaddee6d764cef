package io.flinkha.flink.check;

import org.apache.flink.configuration.ConfigOption;
import org.apache.flink.configuration.Configuration;
import org.apache.flink.configuration.CoreOptions;
import org.apache.flink.configuration.FallbackKey;
import org.apache.flink.kubernetes.configuration.KubernetesConfigOptions;
import org.apache.flink.runtime.highavailability.JobResultStoreOptions;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.lang.reflect.Field;
import java.lang.reflect.Modifier;
import java.net.URISyntaxException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.SortedMap;
import java.util.TreeMap;
import java.util.jar.JarEntry;
import java.util.jar.JarFile;

/**
 * Every {@code flinkConfiguration} value read back through the {@link ConfigOption} that Flink itself parses it with,
 * so that {@code heartbeat.timeout: soon} stops the plan instead of the JobManager. The options are the ones Flink's
 * own jars (flink-core, flink-kubernetes, flink-runtime of the image's release) declare; connectors, file systems,
 * state backends and metric reporters define their own keys, so keys under those prefixes are not judged.
 */
public final class FlinkOptions {
    /**
     * Key families whose meaning the platform relies on (HA, checkpoints, restarts, heartbeats): a key in them that
     * Flink does not define is an error, because the setting it meant is silently not applied.
     */
    public static final List<String> OWNED_FAMILIES = List.of("high-availability.", "execution.checkpointing.",
            "state.checkpoints.", "state.savepoints.", "restart-strategy.", "heartbeat.", "job-result-store.",
            "kubernetes.leader-election.", "jobmanager.", "taskmanager.");

    /** Keys defined outside the jars checked here, or by prefix, that are passed on unjudged. */
    public static final List<String> DEFINED_ELSEWHERE = List.of("s3.", "fs.", "presto.", "state.backend.rocksdb.",
            "metrics.reporter.", "kubernetes.operator.", "containerized.master.env.", "containerized.taskmanager.env.",
            "kubernetes.jobmanager.annotations", "kubernetes.taskmanager.annotations", "env.java.opts.", "security.",
            "table.", "pipeline.", "akka.", "pekko.", "python.");

    private static final FlinkOptions BUNDLED = new FlinkOptions(load());

    private final SortedMap<String, ConfigOption<?>> byKey;

    private FlinkOptions(SortedMap<String, ConfigOption<?>> byKey) {
        this.byKey = Collections.unmodifiableSortedMap(byKey);
    }

    /** @return the options of the Flink release this library is built with ({@link UpstreamCheck#FLINK_VERSION}) */
    public static FlinkOptions bundled() {
        return BUNDLED;
    }

    /** @return how many keys (names and their deprecated or fallback names) are known */
    public int size() {
        return byKey.size();
    }

    /** One key that Flink would refuse, misread or ignore. */
    public record Finding(String key, String value, boolean error, String message) {
    }

    /**
     * @param configuration a deployment's Flink configuration, as rendered
     * @return one finding per value that does not parse with its option's type (an error) and per key Flink does
     *         not define (an error inside {@link #OWNED_FAMILIES}, a warning elsewhere), each naming the closest
     *         known key; empty when every key is known and parses
     */
    public List<Finding> check(Map<String, String> configuration) {
        List<Finding> out = new ArrayList<>();
        new TreeMap<>(configuration).forEach((key, value) -> {
            ConfigOption<?> option = byKey.get(key);
            if (option != null) {
                parseProblem(option, key, value).ifPresent(p -> out.add(new Finding(key, value, true, p)));
            } else if (DEFINED_ELSEWHERE.stream().noneMatch(key::startsWith)) {
                boolean owned = OWNED_FAMILIES.stream().anyMatch(key::startsWith);
                String closest = closest(key).map(k -> " (did you mean '" + k + "'?)").orElse("");
                out.add(new Finding(key, value, owned, "Flink " + UpstreamCheck.FLINK_VERSION + " defines no option '" + key + "'"
                        + closest + "; Flink ignores a key it does not know, so the setting it meant is not applied"));
            }
        });
        return out;
    }

    private static Optional<String> parseProblem(ConfigOption<?> option, String key, String value) {
        try {
            Configuration.fromMap(Map.of(key, value)).get(option);
            return Optional.empty();
        } catch (RuntimeException e) {
            Throwable cause = e.getCause() == null ? e : e.getCause();
            String why = cause.getMessage() == null ? cause.getClass().getSimpleName() : UpstreamCheck.firstLine(cause.getMessage());
            return Optional.of("Flink " + UpstreamCheck.FLINK_VERSION + " cannot read '" + value + "' as " + typeName(option)
                    + " for '" + option.key() + "': " + why);
        }
    }

    private static String typeName(ConfigOption<?> option) {
        String simple = readClass(option).getSimpleName();
        return switch (simple) {
            case "Duration" -> "a duration (e.g. 30 s, 5 min)";
            case "MemorySize" -> "a memory size (e.g. 512m, 2g)";
            case "Integer", "Long" -> "a whole number";
            case "Double", "Float" -> "a number";
            case "Boolean" -> "true or false";
            default -> readClass(option).isEnum() ? "one of " + java.util.Arrays.toString(readClass(option).getEnumConstants())
                    : "a " + simple;
        };
    }

    private static Class<?> readClass(ConfigOption<?> option) {
        try {
            java.lang.reflect.Method m = ConfigOption.class.getDeclaredMethod("getClazz");
            m.setAccessible(true);
            return (Class<?>) m.invoke(option);
        } catch (ReflectiveOperationException e) {
            return String.class;
        }
    }

    /** @return the known key nearest to {@code key} by edit distance, if it is near enough to be a typo of it */
    Optional<String> closest(String key) {
        String best = null;
        int bestDistance = Integer.MAX_VALUE;
        // the keys come in order, so of two equally near keys the first alphabetically is named
        for (String known : byKey.keySet()) {
            int d = distance(key, known);
            if (d < bestDistance) {
                best = known;
                bestDistance = d;
            }
        }
        return best != null && bestDistance <= Math.max(2, key.length() / 5) ? Optional.of(best) : Optional.empty();
    }

    /** @return the Levenshtein distance: how many characters to insert, delete or replace to turn {@code a} into {@code b} */
    static int distance(String a, String b) {
        int[] previous = new int[b.length() + 1];
        int[] current = new int[b.length() + 1];
        for (int j = 0; j <= b.length(); j++) {
            previous[j] = j;
        }
        for (int i = 1; i <= a.length(); i++) {
            current[0] = i;
            for (int j = 1; j <= b.length(); j++) {
                int substitution = previous[j - 1] + (a.charAt(i - 1) == b.charAt(j - 1) ? 0 : 1);
                current[j] = Math.min(substitution, Math.min(previous[j], current[j - 1]) + 1);
            }
            int[] t = previous;
            previous = current;
            current = t;
        }
        return previous[b.length()];
    }

    private static SortedMap<String, ConfigOption<?>> load() {
        SortedMap<String, ConfigOption<?>> byKey = new TreeMap<>();
        java.util.Set<Object> jars = new java.util.HashSet<>();
        for (Class<?> anchor : List.of(CoreOptions.class, KubernetesConfigOptions.class, JobResultStoreOptions.class)) {
            // in the fat jar the three share one location
            if (!jars.add(anchor.getProtectionDomain().getCodeSource().getLocation().toString())) {
                continue;
            }
            for (Class<?> c : optionClasses(anchor)) {
                for (Field f : c.getFields()) {
                    if (Modifier.isStatic(f.getModifiers()) && ConfigOption.class.isAssignableFrom(f.getType())) {
                        try {
                            ConfigOption<?> o = (ConfigOption<?>) f.get(null);
                            byKey.putIfAbsent(o.key(), o);
                            for (FallbackKey k : o.fallbackKeys()) {
                                byKey.putIfAbsent(k.getKey(), o);
                            }
                        } catch (IllegalAccessException | LinkageError e) {
                            // an option class whose static initialiser needs a dependency the library leaves out
                        }
                    }
                }
            }
        }
        return byKey;
    }

    /** The public {@code *Options} classes in the jar that holds {@code anchor}. */
    private static List<Class<?>> optionClasses(Class<?> anchor) {
        List<Class<?>> out = new ArrayList<>();
        try (JarFile jar = new JarFile(Path.of(anchor.getProtectionDomain().getCodeSource().getLocation().toURI()).toFile())) {
            for (JarEntry e : Collections.list(jar.entries())) {
                String name = e.getName();
                if (name.startsWith("org/apache/flink/") && name.endsWith("Options.class") && !name.contains("$")) {
                    try {
                        Class<?> c = Class.forName(name.substring(0, name.length() - 6).replace('/', '.'), true, anchor.getClassLoader());
                        if (Modifier.isPublic(c.getModifiers())) {
                            out.add(c);
                        }
                    } catch (ClassNotFoundException | LinkageError skipped) {
                        // needs a class the library does not ship (flink-runtime comes without its dependencies)
                    }
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (URISyntaxException | IllegalArgumentException e) {
            throw new IllegalStateException("cannot open the jar of " + anchor.getName() + " to list Flink's options", e);
        }
        return out;
    }
}
