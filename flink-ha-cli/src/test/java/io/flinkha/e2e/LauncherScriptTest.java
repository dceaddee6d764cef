package io.flinkha.e2e;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** {@code bin/flink-ha}, the README's launcher: the jar with C1 only, and the build's class-data archive while it is current. */
class LauncherScriptTest {
    private static final Path LAUNCHER = Path.of("bin/flink-ha");

    @Test
    void theLauncherIsValidBashAndShellcheckFindsNothing() throws Exception {
        assertEquals(0, E2eScriptTest.run(List.of("bash", "-n", LAUNCHER.toString()), Map.of()).exit());
        E2eScriptTest.ensureShellcheck();
        var r = E2eScriptTest.run(List.of("shellcheck", LAUNCHER.toString()), Map.of());
        assertEquals(0, r.exit(), r.output());
    }

    /** A copy of the project's layout whose {@code java} prints the arguments it gets. */
    private static String launch(Path root, boolean archiveCurrent, String... args) throws Exception {
        Files.createDirectories(root.resolve("bin"));
        Files.createDirectories(root.resolve("target"));
        Files.createDirectories(root.resolve("fake"));
        Files.copy(LAUNCHER, root.resolve("bin/flink-ha"));
        Path jar = Files.writeString(root.resolve("target/flink-ha.jar"), "jar");
        Path archive = Files.writeString(root.resolve("target/flink-ha.jsa"), "archive");
        long now = System.currentTimeMillis();
        jar.toFile().setLastModified(now - 60_000);
        archive.toFile().setLastModified(archiveCurrent ? now : now - 120_000);
        Path java = Files.writeString(root.resolve("fake/java"), "#!/bin/sh\necho \"$@\"\n");
        java.toFile().setExecutable(true);
        List<String> command = new java.util.ArrayList<>(List.of("bash", root.resolve("bin/flink-ha").toString()));
        command.addAll(List.of(args));
        var r = E2eScriptTest.run(command, Map.of("PATH", root.resolve("fake") + ":" + System.getenv("PATH")));
        assertEquals(0, r.exit(), r.output());
        return r.output().trim();
    }

    @Test
    void runsTheJarWithC1OnlyAndTheCurrentArchivePassingEveryArgumentOn(@TempDir Path root) throws Exception {
        String line = launch(root, true, "plan", "dev", "--json");
        assertTrue(line.startsWith("-XX:TieredStopAtLevel=1 -Dflink-ha.jit=jvm -XX:SharedArchiveFile=" + root.toRealPath().resolve("target/flink-ha.jsa")), line);
        assertTrue(line.endsWith("-jar " + root.toRealPath().resolve("target/flink-ha.jar") + " plan dev --json"), line);
    }

    @Test
    void leavesOutAnArchiveOlderThanTheJarWhichTheJvmWouldRefuse(@TempDir Path root) throws Exception {
        String line = launch(root, false, "--version");
        assertFalse(line.contains("SharedArchiveFile"), line);
        assertTrue(line.startsWith("-XX:TieredStopAtLevel=1 -Dflink-ha.jit=jvm -jar "), line);
    }

    @Test
    void beforeABuildTheLauncherSaysWhichCommandBuildsTheJar(@TempDir Path root) throws Exception {
        Files.createDirectories(root.resolve("bin"));
        Files.copy(LAUNCHER, root.resolve("bin/flink-ha"));
        var r = E2eScriptTest.run(List.of("bash", root.resolve("bin/flink-ha").toString(), "plan", "dev"), Map.of());
        assertEquals(2, r.exit(), r.output());
        assertEquals("error: target/flink-ha.jar is not built yet; build it with: ./mvnw -B -q package -DskipTests", r.output().trim());
    }
}
