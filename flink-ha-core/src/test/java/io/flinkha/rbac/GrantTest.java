package io.flinkha.rbac;

import org.junit.jupiter.api.Test;

import java.util.Set;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

/** A Role's grants name a resource and at least one verb, never a wildcard. */
class GrantTest {
    @Test
    void aCustomResourceIsNamedByGroupAndPluralName() {
        assertEquals(new ApiResource("batch", "jobs"), ApiResource.custom("batch", "jobs"));
    }

    @Test
    void aWildcardBlankOrMissingResourceIsRefused() {
        for (String bad : new String[]{"*", "pods/*", " ", null}) {
            var e = assertThrows(IllegalArgumentException.class, () -> ApiResource.custom("", bad));
            assertEquals("ApiResource.resource: got '" + bad + "'; expected a plural resource name, never a wildcard", e.getMessage());
        }
    }

    @Test
    void aGrantWithoutVerbsIsRefusedAndOneVerbIsEnough() {
        assertThrows(IllegalArgumentException.class, () -> new Grant(ApiResource.custom("", "pods"), Set.of()));
        assertEquals(Set.of(Verb.values()[0]), new Grant(ApiResource.custom("", "pods"), Set.of(Verb.values()[0])).verbs());
    }
}
