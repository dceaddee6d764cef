package io.flinkha.rbac;

import java.util.Set;

/** Verbs allowed on one API resource: one line of a Role. */
public record Grant(ApiResource resource, Set<Verb> verbs) {
    public Grant {
        verbs = Set.copyOf(verbs);
        if (verbs.isEmpty()) {
            throw new IllegalArgumentException("Grant on " + resource + " has no verbs");
        }
    }
}
