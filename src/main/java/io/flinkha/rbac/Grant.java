package io.flinkha.rbac;

import java.util.Set;

/**
 * Verbs allowed on one API resource: one rule of a Role.
 *
 * @param resource the API resource
 * @param verbs    the verbs allowed on it
 */
public record Grant(ApiResource resource, Set<Verb> verbs) {
    /**
     * @param resource the API resource
     * @param verbs    the verbs allowed on it; at least one
     */
    public Grant {
        verbs = Set.copyOf(verbs);
        if (verbs.isEmpty()) {
            throw new IllegalArgumentException("Grant on " + resource + " has no verbs");
        }
    }
}
