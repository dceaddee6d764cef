package io.flinkha.platform;

import io.flinkha.Plans;
import io.flinkha.testing.Plan;
import io.flinkha.testing.PlannedResource;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import java.util.List;
import java.util.Map;

import static io.flinkha.Plans.at;
import static io.flinkha.Plans.flinkConfiguration;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Every committed stack, planned exactly as {@code plan <stack>} plans it. */
class StacksTest {
    private static final String DEPLOYMENT = "kubernetes:flink.apache.org/v1beta1:FlinkDeployment";

    @ParameterizedTest
    @ValueSource(strings = {"staging", "prod"})
    void awsStacksKeepEveryStateDirectoryInS3(String stack) {
        Plan plan = Plans.ofStack(stack);
        assertFalse(plan.ofType(DEPLOYMENT).isEmpty());
        for (PlannedResource d : plan.ofType(DEPLOYMENT)) {
            Map<String, Object> conf = flinkConfiguration(d);
            for (String key : List.of("high-availability.storageDir", "execution.checkpointing.dir", "execution.checkpointing.savepoint-dir")) {
                assertTrue(String.valueOf(conf.get(key)).startsWith("s3://acme-flink-ha-" + stack + "-"), () -> key + " = " + conf.get(key));
            }
            assertFalse(conf.values().stream().anyMatch(v -> String.valueOf(v).contains("file:")), "no file:// path on AWS");
        }
    }

    @ParameterizedTest
    @ValueSource(strings = {"dev", "staging", "prod"})
    void everyStackTurnsOnKubernetesHaForEveryJob(String stack) {
        for (PlannedResource d : Plans.ofStack(stack).ofType(DEPLOYMENT)) {
            assertEquals("kubernetes", flinkConfiguration(d).get("high-availability.type"), d.name());
        }
    }

    @ParameterizedTest
    @ValueSource(strings = {"staging", "prod"})
    void awsStacksCarryNoStaticCredentials(String stack) {
        String everything = Plans.ofStack(stack).resources().toString().toLowerCase();
        for (String forbidden : List.of("aws_access_key_id", "aws_secret_access_key", "s3.access-key", "s3.secret-key", "accesskey")) {
            assertFalse(everything.contains(forbidden), forbidden);
        }
    }

    @ParameterizedTest
    @ValueSource(strings = {"dev", "staging", "prod"})
    void everyStackRendersTheWholeGraphUnderOneProviderPerCloud(String stack) {
        Plan plan = Plans.ofStack(stack);
        assertEquals(1, plan.ofType("pulumi:providers:kubernetes").size());
        assertEquals(stack.equals("dev") ? 0 : 1, plan.ofType("pulumi:providers:aws").size());
        plan.resources().stream().filter(r -> r.type().startsWith("aws:")).forEach(r ->
                assertTrue(r.provider().endsWith("::flink-ha-aws"), r.urn()));
    }

    @org.junit.jupiter.api.Test
    void prodRunsTwoJobManagersPerJobAndRetainsItsBucket() {
        Plan prod = Plans.ofStack("prod");
        prod.ofType(DEPLOYMENT).forEach(d -> assertEquals(2L, (Long) at(d, "spec.jobManager.replicas"), d.name()));
        assertTrue(prod.ofType("aws:s3/bucketV2:BucketV2").get(0).retainOnDelete());
    }
}
