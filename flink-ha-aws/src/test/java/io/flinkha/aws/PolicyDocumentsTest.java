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

    @Test
    void refusesADocumentWhoseOnlyListBucketIsPrefixConditioned() {
        var objects = PolicyDocuments.statement("Objects", "Allow", "s3:GetObject", "arn:aws:s3:::b/env/*", java.util.Map.of());
        var list = PolicyDocuments.statement("ListPrefix", "Allow", "s3:ListBucket", "arn:aws:s3:::b",
                java.util.Map.of("Condition", java.util.Map.of("StringLike", java.util.Map.of("s3:prefix", java.util.List.of("env/*")))));
        var e = org.junit.jupiter.api.Assertions.assertThrows(IllegalArgumentException.class,
                () -> PolicyDocuments.document(java.util.List.of(objects, list)));
        org.junit.jupiter.api.Assertions.assertTrue(e.getMessage().startsWith("IAM statement ListPrefix allows s3:ListBucket on "
                + "arn:aws:s3:::b only under an s3:prefix condition; a HEAD of a missing key carries no prefix, so S3 answers 403"), e.getMessage());
    }

    @Test
    void acceptsAPrefixConditionedListBesideAnUnconditionedOneOnTheSameBucket() {
        var all = PolicyDocuments.statement("List", "Allow", "s3:ListBucket", "arn:aws:s3:::b", java.util.Map.of());
        var prefix = PolicyDocuments.statement("ListPrefix", "Allow", "s3:ListBucket", "arn:aws:s3:::b",
                java.util.Map.of("Condition", java.util.Map.of("StringLike", java.util.Map.of("s3:prefix", java.util.List.of("env/*")))));
        org.junit.jupiter.api.Assertions.assertTrue(PolicyDocuments.document(java.util.List.of(all, prefix)).contains("ListPrefix"));
    }
}
