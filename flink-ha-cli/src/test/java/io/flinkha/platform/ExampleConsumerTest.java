package io.flinkha.platform;

import io.flinkha.flink.crd.UpgradeMode;
import org.junit.jupiter.api.Test;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The example consumer builds against this very version of the library, and the README shows its code. */
class ExampleConsumerTest {

    private static String first(Pattern p, String text) {
        Matcher m = p.matcher(text);
        assertTrue(m.find(), p.pattern());
        return m.group(1);
    }

    private static final Path NFS = Path.of("examples/existing-cluster-nfs");
    private static final Path EKS = Path.of("examples/eks-s3");

    @Test
    void eachExampleDependsOnTheVersionThisBuildMakes() throws Exception {
        String project = first(Pattern.compile("<artifactId>flink-ha-parent</artifactId>\\s*<version>([^<]+)</version>"), Files.readString(Path.of("pom.xml")));
        for (Path example : new Path[]{NFS, EKS}) {
            String version = first(Pattern.compile("<flink-ha.version>([^<]+)</flink-ha.version>"), Files.readString(example.resolve("pom.xml")));
            assertEquals(project, version, "bump " + example + "/pom.xml with the project version");
        }
    }

    private static java.util.List<String> libraryArtifacts(Path example) throws Exception {
        Matcher m = Pattern.compile("<groupId>io\\.flinkha</groupId>\\s*<artifactId>(flink-ha[a-z-]*)</artifactId>")
                .matcher(Files.readString(example.resolve("pom.xml")));
        java.util.List<String> found = new java.util.ArrayList<>();
        while (m.find()) {
            found.add(m.group(1));
        }
        return found;
    }

    @Test
    void theNfsExampleTakesTheCoreArtifactOnlyAndTheEksExampleTheAwsOne() throws Exception {
        assertEquals(java.util.List.of("flink-ha-core", "flink-ha-testing"), libraryArtifacts(NFS));
        assertEquals(java.util.List.of("flink-ha-aws", "flink-ha-testing"), libraryArtifacts(EKS));
    }

    /** The README shows both examples and their tests whole, as compiled and tested by the build. */
    @Test
    void theReadmeShowsEachExampleAndItsTestAsTheyAre() throws Exception {
        String readme = Files.readString(Path.of("README.md"));
        for (Path file : new Path[]{NFS.resolve("src/main/java/com/example/flink/NfsPlatform.java"),
                NFS.resolve("src/test/java/com/example/flink/NfsPlatformTest.java"), EKS.resolve("src/main/java/com/example/flink/CustomPlatform.java"),
                EKS.resolve("src/test/java/com/example/flink/CustomPlatformTest.java")}) {
            String source = Files.readString(file);
            assertTrue(readme.contains("```java\n" + source + "```"), "README's copy of " + file + " differs from the file");
        }
    }

    @Test
    void theReadmeExampleIsTakenFromTheCompiledExample() throws Exception {
        String example = Files.readString(EKS.resolve("src/main/java/com/example/flink/CustomPlatform.java"));
        String readme = Files.readString(Path.of("README.md"));
        for (String line : new String[]{"var account = new FlinkServiceAccount(\"analytics-jobs\", FlinkServiceAccountArgs.builder()",
                ".build(), null).grantReadWrite(account);", ".upgradeMode(UpgradeMode.LAST_STATE)", ".serviceAccount(account)",
                ".operator(operator)"}) {
            assertTrue(example.contains(line), "example lacks " + line);
            assertTrue(readme.contains(line), "README lacks " + line);
        }
        // the wiring the objects carry is never written by hand
        for (String manual : new String[]{".dependsOn(", ".serviceAccountName(", ".provider("}) {
            assertTrue(!example.contains(manual), "example wires " + manual + " by hand");
        }
    }
}
