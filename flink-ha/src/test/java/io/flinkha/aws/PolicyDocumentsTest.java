package io.flinkha.aws;

import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;

/** A policy statement renders its keys in IAM's usual order, so the same policy is always the same text. */
class PolicyDocumentsTest {
    @Test
    void keysComeInIamsOrderWithAnyFurtherKeyAfterTheConditionSortedByName() {
        Map<String, Object> s = PolicyDocuments.statement("Sid1", "Deny", "s3:*", "arn:aws:s3:::b", Map.of(
                "NotPrincipal", Map.of("AWS", "arn:aws:iam::314159265358:root"), "Condition", Map.of("Bool", Map.of("aws:SecureTransport", "false")),
                "Principal", "*", "A-Extra", "x"));
        assertEquals(List.of("Sid", "Effect", "Principal", "Action", "Resource", "Condition", "A-Extra", "NotPrincipal"), List.copyOf(s.keySet()));
        assertEquals(Map.of("AWS", "arn:aws:iam::314159265358:root"), s.get("NotPrincipal"));
        assertEquals("x", s.get("A-Extra"));
    }
}
