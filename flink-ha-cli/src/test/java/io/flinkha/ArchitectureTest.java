package io.flinkha;

import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

import static org.junit.jupiter.api.Assertions.assertEquals;

/**
 * The layout is the architecture: public packages never reach into {@code io.flinkha.internal}, and no two
 * packages need each other, so a reader (and a library user) can take one concern without the rest.
 * Read from the sources, where every reference to another package is written.
 */
class ArchitectureTest {
    /** The core artifact's sources: what a program on any cluster takes alone. */
    private static final Path CORE_SOURCES = Path.of("flink-ha-core/src/main/java");
    /** The library's artifacts' sources; the tool's ({@code flink-ha-cli}) are all internal and another artifact. */
    private static final List<Path> SOURCES = List.of(CORE_SOURCES, Path.of("flink-ha-aws/src/main/java"), Path.of("flink-ha/src/main/java"));
    /** The offline plan's sources, an artifact consumers depend on. */
    private static final Path TESTING_SOURCES = Path.of("flink-ha-testing/src/main/java");
    private static final Pattern REFERENCE = Pattern.compile("io\\.flinkha\\.([a-z][a-z.]*)\\.[A-Z]");

    private static Map<String, Set<String>> packageDependencies() throws IOException {
        Map<String, Set<String>> deps = new TreeMap<>();
        for (Path sources : java.util.stream.Stream.concat(SOURCES.stream(), java.util.stream.Stream.of(TESTING_SOURCES)).toList()) {
            packageDependencies(sources).forEach((pkg, d) -> deps.merge(pkg, d, (a, b) -> {
                a.addAll(b);
                return a;
            }));
        }
        return deps;
    }

    private static Map<String, Set<String>> packageDependencies(Path sources) throws IOException {
        Map<String, Set<String>> deps = new TreeMap<>();
        try (Stream<Path> files = Files.walk(sources)) {
            for (Path f : files.filter(p -> p.toString().endsWith(".java")).toList()) {
                String pkg = sources.relativize(f.getParent()).toString().replace('/', '.');
                Matcher m = REFERENCE.matcher(Files.readString(f));
                Set<String> out = deps.computeIfAbsent(pkg, k -> new TreeSet<>());
                while (m.find()) {
                    String other = "io.flinkha." + m.group(1);
                    if (!other.equals(pkg)) {
                        out.add(other);
                    }
                }
            }
        }
        return deps;
    }

    private static boolean isPublic(String pkg) {
        return !pkg.startsWith("io.flinkha.internal");
    }

    @Test
    void publicPackagesNeverReferToInternalOnes() throws IOException {
        List<String> leaks = new ArrayList<>();
        packageDependencies().forEach((pkg, deps) -> deps.stream().filter(d -> isPublic(pkg) && !isPublic(d))
                .forEach(d -> leaks.add(pkg + " -> " + d)));
        assertEquals(List.of(), leaks);
    }

    @Test
    void theOfflinePlanDependsOnNothingOfTheLibraryOrTheTool() throws IOException {
        // a consumer's test takes the engine without the platform's components, and the tool's internals never leak into it
        assertEquals(Set.of(), packageDependencies(TESTING_SOURCES).getOrDefault("io.flinkha.testing", Set.of()));
    }

    @Test
    void theCoreArtifactNeverReachesForAws() throws IOException {
        // a program on an existing cluster with NFS takes flink-ha-core alone, without the AWS SDK
        List<String> reaching = new ArrayList<>();
        packageDependencies(CORE_SOURCES).forEach((pkg, deps) -> deps.stream().filter(d -> d.startsWith("io.flinkha.aws"))
                .forEach(d -> reaching.add(pkg + " -> " + d)));
        assertEquals(List.of(), reaching);
    }

    @Test
    void theComponentsNeverReadStackSettings() throws IOException {
        // settings bind into the components' Args, never the reverse: a component works the same from a stack or by hand
        List<String> reaching = new ArrayList<>();
        packageDependencies().forEach((pkg, deps) -> {
            boolean component = List.of("flink", "storage", "cluster", "identity", "aws").stream()
                    .anyMatch(c -> pkg.equals("io.flinkha." + c) || pkg.startsWith("io.flinkha." + c + "."));
            if (component && deps.contains("io.flinkha.config")) {
                reaching.add(pkg);
            }
        });
        assertEquals(List.of(), reaching);
    }

    @Test
    void noTwoPublicPackagesNeedEachOther() throws IOException {
        Map<String, Set<String>> deps = packageDependencies();
        List<String> cycles = new ArrayList<>();
        for (String a : deps.keySet()) {
            for (String b : deps.get(a)) {
                if (isPublic(a) && isPublic(b) && a.compareTo(b) < 0 && reaches(deps, b, a, new TreeSet<>())) {
                    cycles.add(a + " <-> " + b);
                }
            }
        }
        assertEquals(List.of(), cycles);
    }

    private static boolean reaches(Map<String, Set<String>> deps, String from, String to, Set<String> seen) {
        for (String next : deps.getOrDefault(from, Set.of())) {
            if (next.equals(to) || (seen.add(next) && reaches(deps, next, to, seen))) {
                return true;
            }
        }
        return false;
    }
}
