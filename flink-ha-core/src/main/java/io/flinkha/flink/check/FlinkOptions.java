package io.flinkha.flink.check;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.SortedMap;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Every {@code flinkConfiguration} value read back through the {@code ConfigOption} that one Flink release itself
 * parses it with, so that {@code heartbeat.timeout: soon} stops the plan instead of the JobManager. The keys, their
 * types and their deprecated names are the ones that release's own jars (flink-core, flink-kubernetes, flink-runtime)
 * declare, written at build time per release ({@code io/flinkha/flink-release/<version>/options.tsv}); values are
 * parsed by that release's own flink-core, loaded apart from every other release ({@link FlinkRelease}). So a 1.20 job
 * and a 2.2 job in one stack are each checked by their own release. Connectors, file systems, state backends and
 * metric reporters define their own keys, so keys under those prefixes are not judged.
 */
public final class FlinkOptions {
    /**
     * Key families whose meaning the platform relies on (HA, checkpoints, restarts, heartbeats): a key in them that
     * Flink does not define is an error, because the setting it meant is silently not applied.
     */
    public static final List<String> OWNED_FAMILIES = List.of("high-availability.", "execution.checkpointing.",
            "state.checkpoints.", "state.savepoints.", "restart-strategy.", "heartbeat.", "job-result-store.",
            "kubernetes.leader-election.", "jobmanager.", "taskmanager.");

    /**
     * Keys defined outside the jars checked here, or by prefix, that are passed on unjudged. {@code pipeline.},
     * {@code execution.} and {@code state.} keys are Flink's own (flink-core and the runtime), so an unknown one is named
     * with its closest known key; only the RocksDB backend's keys come from a jar of their own.
     */
    public static final List<String> DEFINED_ELSEWHERE = List.of("s3.", "fs.", "presto.", "state.backend.rocksdb.",
            "metrics.reporter.", "kubernetes.operator.", "containerized.master.env.", "containerized.taskmanager.env.",
            "kubernetes.jobmanager.annotations", "kubernetes.taskmanager.annotations", "env.java.opts.", "security.",
            "table.", "akka.", "pekko.", "python.");

    /**
     * The Flink release whose options check a job, per minor version the platform runs: one patch release each, built
     * into the library. 2.1 is missing because its flink-kubernetes jar is not available to the build.
     */
    public static final Map<String, String> JOB_RELEASES = Collections.unmodifiableMap(new TreeMap<>(Map.of(
            "1.19", "1.19.1", "1.20", "1.20.1", "2.0", "2.0.0", "2.2", "2.2.0")));

    /** Task slots per TaskManager: Flink starts no TaskManager with fewer than one (ConfigurationParserUtils.getSlot). */
    static final String TASK_SLOTS = "taskmanager.numberOfTaskSlots";

    /** The last 1.x release: what a 2.x job's removed keys are looked up in. */
    static final String LAST_1X = "1.20.1";

    private static final Map<String, FlinkOptions> LOADED = new ConcurrentHashMap<>();

    private final String version;
    private final SortedMap<String, Option> byKey;

    /** What one key is to a release: its option's current key, whether the key is a deprecated name, and the value type. */
    private record Option(String current, boolean deprecated, String type, boolean list, List<String> enumValues) {
    }

    private FlinkOptions(String version, SortedMap<String, Option> byKey) {
        this.version = version;
        this.byKey = Collections.unmodifiableSortedMap(byKey);
    }

    /** @return the options of the image's default Flink release ({@link UpstreamCheck#FLINK_VERSION}) */
    public static FlinkOptions bundled() {
        return of(UpstreamCheck.FLINK_VERSION);
    }

    /**
     * @param release a Flink release built into the library, e.g. {@code 2.2.0}
     * @return its options, loaded on first use
     * @throws IllegalArgumentException when the library has no metadata of that release
     */
    public static FlinkOptions of(String release) {
        return LOADED.computeIfAbsent(release, FlinkOptions::load);
    }

    /**
     * @param flinkVersion a job's exact Flink version, e.g. {@code 2.2.0}
     * @return the options that check a job on that version: those of {@link #JOB_RELEASES}' release for its minor
     */
    public static Optional<FlinkOptions> forJob(String flinkVersion) {
        return Optional.ofNullable(JOB_RELEASES.get(minor(flinkVersion))).map(FlinkOptions::of);
    }

    /**
     * @param flinkVersion the refused version
     * @return why a job on that version cannot be checked, naming the minors that can
     */
    public static String unsupportedJobRelease(String flinkVersion) {
        return "this build checks jobs on Flink " + String.join(", ", JOB_RELEASES.keySet()) + " (each with its own release's "
                + "options); Flink " + minor(flinkVersion) + " is not among them";
    }

    /** @return the release, e.g. {@code 2.2.0} */
    public String version() {
        return version;
    }

    /** @return whether the release is Flink 2 or later, which reads only the standard {@code config.yaml} */
    public boolean isFlink2() {
        return !version.startsWith("1.");
    }

    /** @return how many keys (names and their deprecated or fallback names) are known */
    public int size() {
        return byKey.size();
    }

    /**
     * @param key any key
     * @return whether this release declares it, as a current key or as a fallback or deprecated name
     */
    public boolean knows(String key) {
        return byKey.containsKey(key);
    }

    /**
     * @param key a key this release declares, under any of its names
     * @return the option's current key in this release, e.g. {@code execution.checkpointing.dir} for {@code state.checkpoints.dir} in 1.20
     */
    public Optional<String> currentKey(String key) {
        return Optional.ofNullable(byKey.get(key)).map(Option::current);
    }

    /**
     * The name to write a setting under, when two Flink releases read it: the operator's validator reads with the Flink
     * release it is built on, the job's pods with the image's. The job's current name wins when the operator knows it (so
     * a Flink 2 job carries no deprecated name); otherwise the operator's current name, which the job reads as a
     * fallback (operator 1.10.0 knows only {@code state.checkpoints.dir}, which Flink 1.20 still reads).
     *
     * @param key      any name of the setting
     * @param operator the options of the operator's Flink release
     * @param job      the options of the job's Flink release
     * @return the name both read, preferring the job's current one
     * @throws IllegalArgumentException when no name is read by both
     */
    public static String nameBothRead(String key, FlinkOptions operator, FlinkOptions job) {
        Optional<String> jobs = job.currentKey(key).filter(operator::knows);
        Optional<String> operators = operator.currentKey(key).filter(job::knows);
        return jobs.or(() -> operators).orElseThrow(() -> new IllegalArgumentException("Flink " + operator.version() + " and Flink "
                + job.version() + " share no name for '" + key + "'"));
    }

    /**
     * Two keys of which one is a prefix of the other, which Flink 2's standard {@code config.yaml} cannot hold.
     *
     * @param prefix the shorter key
     * @param key    the key under it
     */
    public record Overlap(String prefix, String key) {
        /** @return the operator's own words for it */
        public String message() {
            return "Overlapping key prefixes detected (" + prefix + " -> " + key + "), please replace with Flink v2 compatible, "
                    + "non-deprecated keys.";
        }
    }

    /**
     * Flink 2 reads only the standard {@code config.yaml}, where one key cannot be a prefix of another. The operator refuses
     * such a configuration at deploy, after its validator has passed it; restated from
     * {@code FlinkConfMountDecorator.validateConfigKeysForV2} at the operator's release-1.15.0 tag, with its wording. It names
     * the first pair it meets; this names every pair, in key order.
     *
     * @param keys a Flink 2 job's configuration keys
     * @return every pair of keys where the first is a prefix of the second
     */
    public static List<Overlap> overlappingKeys(java.util.Set<String> keys) {
        List<Overlap> out = new ArrayList<>();
        List<String> sorted = List.copyOf(new java.util.TreeSet<>(keys));
        for (String a : sorted) {
            for (String b : sorted) {
                if (b.startsWith(a + ".")) {
                    out.add(new Overlap(a, b));
                }
            }
        }
        return out;
    }

    /** One key that Flink would refuse, misread or ignore. */
    public record Finding(String key, String value, boolean error, String message) {
    }

    /**
     * @param configuration a deployment's Flink configuration, as rendered
     * @return one finding per value that does not parse with its option's type (an error), per key Flink does not
     *         define (an error inside {@link #OWNED_FAMILIES}, a warning elsewhere), each naming the closest known key,
     *         and, on Flink 2, per deprecated or removed 1.x name (an error naming the key to use); empty when every key is
     *         known, current and parses
     */
    public List<Finding> check(Map<String, String> configuration) {
        List<Finding> out = new ArrayList<>();
        new TreeMap<>(configuration).forEach((key, value) -> {
            Option option = byKey.get(key);
            if (option != null) {
                if (isFlink2() && option.deprecated()) {
                    out.add(new Finding(key, value, true, "'" + key + "' is a Flink 1.x name that Flink " + version
                            + " reads only as a deprecated key of '" + option.current() + "': use '" + option.current() + "'"));
                }
                Optional<String> unparsed = parseProblem(option, key, value);
                unparsed.ifPresent(p -> out.add(new Finding(key, value, true, p)));
                if (unparsed.isEmpty() && option.current().equals(TASK_SLOTS) && Integer.parseInt(value.trim()) < 1) {
                    out.add(new Finding(key, value, true, "expected at least 1: Flink refuses fewer (\"Number of task slots must be at "
                            + "least one.\"); -1, which its legacy parser reads as 1, is refused too, since TaskManagers are sized by it "
                            + "(parallelism / slots)"));
                }
            } else if (isFlink2() && of(LAST_1X).knows(key)) {
                // a 1.20 key 2.x dropped: every 1.20 option 2.0 and 2.2 kept keeps its deprecated names too (checked on the
                // bundled metadata), so there is no newer name to point to
                out.add(new Finding(key, value, true, "Flink " + version + " removed '" + key + "' (a Flink 1.20 option): drop it"));
            } else if (DEFINED_ELSEWHERE.stream().noneMatch(key::startsWith)) {
                boolean owned = OWNED_FAMILIES.stream().anyMatch(key::startsWith);
                String closest = closest(key).map(k -> " (did you mean '" + k + "'?)").orElse("");
                out.add(new Finding(key, value, owned, "Flink " + version + " defines no option '" + key + "'"
                        + closest + "; Flink ignores a key it does not know, so the setting it meant is not applied"));
            }
        });
        return out;
    }

    private Optional<String> parseProblem(Option option, String key, String value) {
        String why = option.type().startsWith("Enum:") ? enumProblem(option, value)
                : FlinkRelease.bundled(version).valueProblem(key, option.type(), option.list(), value);
        return why == null ? Optional.empty() : Optional.of("Flink " + version + " cannot read '" + value + "' as "
                + typeName(option) + " for '" + option.current() + "': " + UpstreamCheck.firstLine(why));
    }

    /**
     * Flink matches an enum value to a constant by name, ignoring case, and words its refusal as below
     * ({@code ConfigurationUtils.convertToEnum}; the same in 1.20.1 and 2.2.0, tried on both jars). The enum classes live
     * in flink-kubernetes and flink-runtime, which the library does not carry, so their constants come from the metadata.
     */
    private static String enumProblem(Option option, String value) {
        for (String item : option.list() ? value.split(";") : new String[]{value}) {
            if (option.enumValues().stream().noneMatch(c -> c.toUpperCase(Locale.ROOT).equals(item.trim().toUpperCase(Locale.ROOT)))) {
                return "Could not parse value for enum class " + option.type().substring("Enum:".length()) + ". Expected one of: ["
                        + option.enumValues() + "]";
            }
        }
        return null;
    }

    private static String typeName(Option option) {
        return switch (option.type()) {
            case "Duration" -> "a duration (e.g. 30 s, 5 min)";
            case "MemorySize" -> "a memory size (e.g. 512m, 2g)";
            case "Integer", "Long" -> "a whole number";
            case "Double", "Float" -> "a number";
            case "Boolean" -> "true or false";
            default -> option.type().startsWith("Enum:") ? "one of " + option.enumValues() : "a " + option.type();
        };
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

    private static String minor(String flinkVersion) {
        String[] parts = flinkVersion.split("\\.");
        return parts.length < 2 ? flinkVersion : parts[0] + "." + parts[1];
    }

    /** @return the release's options, read afresh ({@link #of} keeps the first it reads) */
    static FlinkOptions load(String release) {
        String resource = "/io/flinkha/flink-release/" + release + "/options.tsv";
        SortedMap<String, Option> byKey = new TreeMap<>();
        try (InputStream in = FlinkOptions.class.getResourceAsStream(resource)) {
            if (in == null) {
                throw new IllegalArgumentException("Flink " + release + "'s options are not built into this library");
            }
            for (String line : new String(in.readAllBytes(), StandardCharsets.UTF_8).split("\n")) {
                if (line.isEmpty() || line.startsWith("#")) {
                    continue;
                }
                String[] f = line.split("\t", -1);
                byKey.put(f[0], new Option(f[1], Boolean.parseBoolean(f[2]), f[3], Boolean.parseBoolean(f[4]),
                        f[5].isEmpty() ? List.of() : Arrays.asList(f[5].split(","))));
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read " + resource, e);
        }
        return new FlinkOptions(release, byKey);
    }
}
