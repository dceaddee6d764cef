package io.flinkha.internal.build;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The options metadata the library ships is what the real Flink jars declare: regenerated from the jars the build
 * copied ({@code target/flink-jars}), each release's {@code options.tsv} is the one on the classpath, byte for byte.
 */
class FlinkOptionsMetadataWriterTest {
    /** Beside the test classes, whichever folder the tests run in (the mutation run starts them at the repository root). */
    private static Path jars() throws Exception {
        return Path.of(FlinkOptionsMetadataWriterTest.class.getProtectionDomain().getCodeSource().getLocation().toURI())
                .getParent().resolve("flink-jars");
    }

    @Test
    void regeneratingEachReleasesOptionsFromItsJarsGivesTheShippedMetadata(@TempDir Path out) throws Exception {
        Path jars = jars();
        List<String> releases;
        try (var dirs = Files.list(jars)) {
            releases = dirs.filter(Files::isDirectory).map(d -> d.getFileName().toString()).sorted().toList();
        }
        assertEquals(List.of("1.19.1", "1.20.1", "2.0.0", "2.2.0"), releases, "the releases whose jars the build copies");
        List<String> args = new ArrayList<>(List.of(jars.toString(), out.toString()));
        args.addAll(releases);
        FlinkOptionsMetadataWriter.main(args.toArray(String[]::new));
        for (String release : releases) {
            String regenerated = Files.readString(out.resolve(release).resolve("options.tsv"));
            try (InputStream shipped = getClass().getResourceAsStream("/io/flinkha/flink-release/" + release + "/options.tsv")) {
                assertTrue(shipped != null, "no options.tsv shipped for Flink " + release);
                assertEquals(new String(shipped.readAllBytes(), StandardCharsets.UTF_8), regenerated, "Flink " + release);
            }
            assertTrue(regenerated.lines().count() > 600, "Flink " + release + " declares hundreds of options");
        }
    }
}
