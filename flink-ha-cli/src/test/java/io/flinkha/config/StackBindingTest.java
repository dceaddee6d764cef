package io.flinkha.config;

import io.flinkha.aws.eks.EksClusterArgs;
import io.flinkha.cluster.ExistingClusterArgs;
import io.flinkha.flink.HaFlinkDeploymentArgs;
import io.flinkha.operator.FlinkOperatorArgs;
import io.flinkha.storage.NfsStorageArgs;
import io.flinkha.aws.s3.S3StorageArgs;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Stream;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * One place per fact: each key of a stack section binds to one field of its component's Args, each Args field is set
 * from a stack or declared library-only, and each key is one Pulumi.yaml documents for its section.
 */
class StackBindingTest {

    /** Resources the platform binds in, and values the platform keeps at the Args' default. */
    private static Stream<Arguments> sections() {
        return Stream.of(
                Arguments.of("jobs", HaFlinkDeploymentArgs.class, StackSchema.JOB_KEYS, Set.of("storage", "serviceAccount", "operator")),
                Arguments.of("storage", NfsStorageArgs.class, StackSchema.NFS_KEYS, Set.of("namespace", "cluster", "claimName")),
                Arguments.of("storage", S3StorageArgs.class, StackSchema.S3_KEYS, Set.of("awsProvider")),
                Arguments.of("operator", FlinkOperatorArgs.class, StackSchema.OPERATOR_KEYS, Set.of("watchNamespaces", "cluster")),
                Arguments.of("cluster", ExistingClusterArgs.class, StackSchema.EXISTING_KEYS, Set.of()),
                Arguments.of("cluster", EksClusterArgs.class, StackSchema.EKS_KEYS, Set.of("awsProvider", "notices")));
    }

    private static List<String> fields(String bound) {
        return bound.startsWith("(") ? List.of() : Arrays.asList(bound.split(", "));
    }

    @ParameterizedTest(name = "{1}")
    @MethodSource("sections")
    void everyStackKeyBindsToItsOwnArgsField(String section, Class<? extends Record> args, Map<String, String> keys, Set<String> libraryOnly) {
        Set<String> components = new TreeSet<>(Arrays.stream(args.getRecordComponents()).map(c -> c.getName()).toList());
        Map<String, String> keyOfField = new HashMap<>();
        List<String> wrong = new ArrayList<>();
        keys.forEach((key, bound) -> fields(bound).forEach(field -> {
            if (!components.contains(field)) {
                wrong.add(key + " binds to " + field + ", which " + args.getSimpleName() + " does not have");
            }
            String other = keyOfField.put(field, key);
            if (other != null) {
                wrong.add(field + " is bound by both " + other + " and " + key);
            }
        }));
        assertEquals(List.of(), wrong);
    }

    @ParameterizedTest(name = "{1}")
    @MethodSource("sections")
    void everyArgsFieldIsSetFromAStackOrDeclaredLibraryOnly(String section, Class<? extends Record> args, Map<String, String> keys,
                                                          Set<String> libraryOnly) {
        Set<String> unbound = new TreeSet<>(Arrays.stream(args.getRecordComponents()).map(c -> c.getName()).toList());
        keys.values().forEach(bound -> fields(bound).forEach(unbound::remove));
        unbound.removeAll(StackSchema.ENVIRONMENT_FIELDS.keySet());
        unbound.removeAll(libraryOnly);
        assertEquals(Set.of(), unbound, args.getSimpleName() + " fields neither a stack sets nor declared library-only");
    }

    @ParameterizedTest(name = "{1}")
    @MethodSource("sections")
    void everyStackKeyIsOnePulumiYamlDocuments(String section, Class<? extends Record> args, Map<String, String> keys, Set<String> libraryOnly)
            throws IOException {
        String yaml = Files.readString(Path.of("Pulumi.yaml"));
        int at = yaml.indexOf("\n  " + section + ":\n");
        assertTrue(at >= 0, "Pulumi.yaml documents no " + section);
        int end = yaml.indexOf("\n  ", yaml.indexOf("description:", at) + 1);
        String documented = yaml.substring(at, end < 0 ? yaml.length() : end);
        // as a word of the description: "size" must not pass because "maxSize" is documented
        List<String> missing = keys.keySet().stream().map(k -> k.replaceFirst("^flink\\.", ""))
                .filter(k -> !java.util.regex.Pattern.compile("(?<![A-Za-z])" + java.util.regex.Pattern.quote(k) + "(?![A-Za-z])")
                        .matcher(documented).find()).toList();
        assertEquals(List.of(), missing, "keys of " + section + " that Pulumi.yaml does not document");
    }
}
