package io.flinkha.aws;

import org.junit.jupiter.api.Test;

import java.util.Optional;

import static org.junit.jupiter.api.Assertions.assertEquals;

/** S3's bucket naming rules, so that a name S3 would refuse fails at preview. */
class BucketNamesTest {
    @Test
    void aNameHasThreeTo63Characters() {
        assertEquals(Optional.empty(), BucketNames.problem("abc"));
        assertEquals(Optional.empty(), BucketNames.problem("a".repeat(63)));
        assertEquals(Optional.of("S3 bucket names have 3 to 63 characters (this one has 2)"), BucketNames.problem("ab"));
        assertEquals(Optional.of("S3 bucket names have 3 to 63 characters (this one has 64)"), BucketNames.problem("a".repeat(64)));
    }

    @Test
    void aDottedNameIsRefusedForTheTlsOnlyPolicy() {
        assertEquals(Optional.of("use hyphens instead of dots: dotted names break TLS with virtual-hosted addressing"),
                BucketNames.problem("acme.flink"));
    }
}
