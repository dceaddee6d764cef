package com.example.flink;

import com.pulumi.test.Mocks;
import com.pulumi.test.PulumiTest;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The example's own test, on Pulumi's public mock engine only. */
class CustomPlatformTest {
    private static final List<Mocks.ResourceArgs> REGISTERED = Collections.synchronizedList(new ArrayList<>());

    @BeforeAll
    static void runTheProgram() {
        var result = PulumiTest.withMocks(new Mocks() {
            @Override
            public CompletableFuture<ResourceResult> newResourceAsync(ResourceArgs args) {
                REGISTERED.add(args);
                Map<String, Object> state = new java.util.HashMap<>(args.inputs);
                if (args.type.equals("aws:iam/role:Role")) {
                    state.put("arn", "arn:aws:iam::111122223333:role/" + args.name);
                }
                return CompletableFuture.completedFuture(ResourceResult.of(Optional.of(args.name + "-id"), state));
            }
        }).runTest(CustomPlatform::define);
        assertTrue(result.exceptions().isEmpty(), () -> String.valueOf(result.exceptions()));
    }

    @AfterAll
    static void cleanup() {
        PulumiTest.cleanup();
    }

    @SuppressWarnings("unchecked")
    private static Map<String, Object> spec(String deployment) {
        return REGISTERED.stream()
                .filter(r -> r.type.equals("kubernetes:flink.apache.org/v1beta1:FlinkDeployment") && r.name.equals(deployment))
                .map(r -> (Map<String, Object>) r.inputs.get("spec")).findFirst().orElseThrow();
    }

    @Test
    @SuppressWarnings("unchecked")
    void twoJobsWithDifferentUpgradeModes() {
        assertEquals("last-state", ((Map<String, Object>) spec("sessionizer").get("job")).get("upgradeMode"));
        assertEquals("savepoint", ((Map<String, Object>) spec("daily-reports").get("job")).get("upgradeMode"));
    }

    @Test
    @SuppressWarnings("unchecked")
    void bothJobsKeepHaStateInTheirOwnPrefixOfTheBucket() {
        for (String job : List.of("sessionizer", "daily-reports")) {
            Map<String, Object> conf = (Map<String, Object>) spec(job).get("flinkConfiguration");
            assertEquals("kubernetes", conf.get("high-availability.type"));
            assertEquals("s3://example-analytics-flink-state/analytics/analytics/" + job + "/ha", conf.get("high-availability.storageDir"));
        }
    }

    @Test
    @SuppressWarnings("unchecked")
    void theServiceAccountAssumesItsOwnRoleThroughIrsaAndTheBucketGrantExtendsIt() {
        Map<String, Object> sa = REGISTERED.stream().filter(r -> r.type.equals("kubernetes:core/v1:ServiceAccount"))
                .map(r -> (Map<String, Object>) r.inputs.get("metadata")).findFirst().orElseThrow();
        assertEquals(Map.of("eks.amazonaws.com/role-arn", "arn:aws:iam::111122223333:role/analytics-jobs-irsa"), sa.get("annotations"));
        assertEquals(1, REGISTERED.stream().filter(r -> r.type.equals("aws:iam/role:Role")).count());
        assertEquals("analytics-jobs-irsa-id", REGISTERED.stream().filter(r -> r.type.equals("aws:iam/rolePolicy:RolePolicy"))
                .map(r -> r.inputs.get("role")).findFirst().orElseThrow());
    }

    @Test
    @SuppressWarnings("unchecked")
    void bothJobsRunAsTheOneAccountWithoutItsNameWrittenTwice() {
        for (String job : List.of("sessionizer", "daily-reports")) {
            assertEquals("flink", spec(job).get("serviceAccount"));
        }
    }

    @Test
    void declaresTheWholePlatformWithoutThePlatformComponent() {
        long bucketParts = REGISTERED.stream().filter(r -> r.type.startsWith("aws:s3/")).count();
        assertEquals(7, bucketParts, "bucket, versioning, encryption, public-access block, ownership, TLS policy, lifecycle");
        assertEquals(2, REGISTERED.stream().filter(r -> r.type.endsWith(":FlinkDeployment")).count());
        assertTrue(REGISTERED.stream().noneMatch(r -> r.type.startsWith("flink-ha:platform")));
        System.out.println("custom platform: " + REGISTERED.size() + " custom resources");
    }
}
