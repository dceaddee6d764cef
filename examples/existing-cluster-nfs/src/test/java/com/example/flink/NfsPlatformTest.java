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

/** The NFS example's own test, on Pulumi's public mock engine only: no cluster, no AWS. */
class NfsPlatformTest {
    private static final List<Mocks.ResourceArgs> REGISTERED = Collections.synchronizedList(new ArrayList<>());

    @BeforeAll
    static void runTheProgram() {
        var result = PulumiTest.withMocks(new Mocks() {
            @Override
            public CompletableFuture<ResourceResult> newResourceAsync(ResourceArgs args) {
                REGISTERED.add(args);
                return CompletableFuture.completedFuture(ResourceResult.of(Optional.of(args.name + "-id"), args.inputs));
            }
        }).runTest(NfsPlatform::define);
        assertTrue(result.exceptions().isEmpty(), () -> String.valueOf(result.exceptions()));
    }

    @AfterAll
    static void cleanup() {
        PulumiTest.cleanup();
    }

    private static List<Mocks.ResourceArgs> ofType(String type) {
        return REGISTERED.stream().filter(r -> r.type.equals(type)).toList();
    }

    @Test
    void noAwsResourceIsDeclared() {
        assertEquals(List.of(), REGISTERED.stream().filter(r -> r.type.startsWith("aws:")).map(r -> r.type).toList());
    }

    @Test
    @SuppressWarnings("unchecked")
    void theClaimIsReadWriteManyAndTheHaDataLivesOnIt() {
        Map<String, Object> claim = (Map<String, Object>) ofType("kubernetes:core/v1:PersistentVolumeClaim").get(0).inputs.get("spec");
        assertEquals(List.of("ReadWriteMany"), claim.get("accessModes"));
        Map<String, Object> spec = (Map<String, Object>) ofType("kubernetes:flink.apache.org/v1beta1:FlinkDeployment").get(0).inputs.get("spec");
        Map<String, Object> conf = (Map<String, Object>) spec.get("flinkConfiguration");
        assertEquals("kubernetes", conf.get("high-availability.type"));
        assertEquals("file:///flink-data/lab/streaming/orders/ha", conf.get("high-availability.storageDir"));
    }

    @Test
    @SuppressWarnings("unchecked")
    void everythingGoesIntoTheNamespaceTheProgramDeclares() {
        assertEquals(1, ofType("kubernetes:core/v1:Namespace").stream()
                .filter(n -> "streaming".equals(((Map<String, Object>) n.inputs.get("metadata")).get("name"))).count());
        for (String type : List.of("kubernetes:core/v1:ServiceAccount", "kubernetes:core/v1:PersistentVolumeClaim",
                "kubernetes:flink.apache.org/v1beta1:FlinkDeployment")) {
            assertEquals("streaming", ((Map<String, Object>) ofType(type).get(0).inputs.get("metadata")).get("namespace"), type);
        }
    }

    @Test
    @SuppressWarnings("unchecked")
    void theJobsNamespaceDeniesAllByDefaultAndEnforcesTheRestrictedStandard() {
        var deny = ofType("kubernetes:networking.k8s.io/v1:NetworkPolicy").stream()
                .filter(p -> "default-deny".equals(((Map<String, Object>) p.inputs.get("metadata")).get("name"))).findFirst().orElseThrow();
        assertEquals("streaming", ((Map<String, Object>) deny.inputs.get("metadata")).get("namespace"));
        assertEquals(List.of("Ingress", "Egress"), ((Map<String, Object>) deny.inputs.get("spec")).get("policyTypes"));
        var namespace = (Map<String, Object>) ofType("kubernetes:core/v1:Namespace").get(0).inputs.get("metadata");
        assertEquals(Map.of("pod-security.kubernetes.io/enforce", "restricted"), namespace.get("labels"));
    }
}
