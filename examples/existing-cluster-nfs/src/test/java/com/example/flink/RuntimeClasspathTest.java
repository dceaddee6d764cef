package com.example.flink;

import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * What `pulumi up` loads for this program, as Maven resolves its runtime class path (target/runtime-classpath.txt and
 * target/runtime-tree.txt, written by the build): flink-ha-core and Pulumi, and nothing of AWS, the Flink runtime, a
 * Kubernetes client or an HTTP client that flink-ha brings. (flink-core is there, without its shaded libraries: the
 * operator's API classes, which check every FlinkDeployment, refer to its {@code JobStatus}.)
 */
class RuntimeClasspathTest {
    /** At most 60 MB (decimal) of jars. */
    private static final long LIMIT_BYTES = 60_000_000L;
    private static final Pattern LISTED = Pattern.compile("^\\s+([^:\\s]+):([^:\\s]+):jar:([^:\\s]+):(?:compile|runtime):(\\S+\\.jar)");
    private static final Pattern TREE_NODE = Pattern.compile("^([| ]*)[+\\\\]- ([^:]+):([^:]+):");

    private record Jar(String group, String artifact, Path file) {
        String coordinates() {
            return group + ":" + artifact;
        }
    }

    private static List<Jar> runtimeJars() throws IOException {
        List<Jar> jars = new ArrayList<>();
        for (String line : Files.readAllLines(Path.of("target/runtime-classpath.txt"))) {
            Matcher m = LISTED.matcher(line);
            if (m.find()) {
                jars.add(new Jar(m.group(1), m.group(2), Path.of(m.group(4))));
            }
        }
        assertTrue(jars.size() > 10, () -> "read only " + jars.size() + " jars from target/runtime-classpath.txt");
        return jars;
    }

    /** @return each path from this program to a dependency whose coordinates match, as "a:b <- c:d <- ..." from the top */
    private static List<String> pathsTo(Pattern coordinates) throws IOException {
        List<String> stack = new ArrayList<>();
        List<String> found = new ArrayList<>();
        for (String line : Files.readAllLines(Path.of("target/runtime-tree.txt"))) {
            Matcher m = TREE_NODE.matcher(line);
            if (!m.find()) {
                continue;
            }
            int depth = m.group(1).length() / 3;
            String node = m.group(2) + ":" + m.group(3);
            while (stack.size() > depth) {
                stack.remove(stack.size() - 1);
            }
            stack.add(node);
            if (coordinates.matcher(node).matches()) {
                found.add(String.join(" <- ", stack));
            }
        }
        return found;
    }

    @Test
    void noAwsFlinkRuntimeOrKubernetesClientIsOnTheClassPath() throws IOException {
        Pattern forbidden = Pattern.compile("com\\.pulumi:aws|org\\.apache\\.flink:flink-(runtime|kubernetes|clients|streaming-java|shaded-.*)"
                + "|io\\.fabric8:kubernetes-(client|httpclient-.*)|io\\.vertx:.*|org\\.apache\\.httpcomponents.*:.*|org\\.eclipse\\.jetty.*:.*");
        assertEquals(List.of(), runtimeJars().stream().map(Jar::coordinates).filter(c -> forbidden.matcher(c).matches()).toList());
    }

    @Test
    void theOnlyHttpClientIsPulumisOwn() throws IOException {
        assertEquals(List.of("io.flinkha:flink-ha-core <- com.pulumi:pulumi"), pathsTo(Pattern.compile("com\\.pulumi:pulumi")),
                "the dependency tree was read");
        // the Pulumi SDK's telemetry exporter (io.opentelemetry:opentelemetry-exporter-sender-okhttp) brings okhttp
        for (String path : pathsTo(Pattern.compile("com\\.squareup\\.okhttp3:.*"))) {
            assertTrue(path.startsWith("io.flinkha:flink-ha-core <- com.pulumi:pulumi <- "), path);
        }
    }

    @Test
    void theJarsTakeAtMostSixtyMegabytes() throws IOException {
        long bytes = 0;
        for (Jar jar : runtimeJars()) {
            bytes += Files.size(jar.file());
        }
        long total = bytes;
        assertTrue(total <= LIMIT_BYTES, () -> "the runtime class path takes " + total + " bytes, over " + LIMIT_BYTES);
    }
}
