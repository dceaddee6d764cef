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

    /**
     * @param grants the grants of one Role
     * @return the Role's rules, one per grant, verbs sorted so the same grants always render the same
     */
    public static java.util.List<com.pulumi.kubernetes.rbac.v1.inputs.PolicyRuleArgs> rules(java.util.List<Grant> grants) {
        return grants.stream()
                .map(g -> com.pulumi.kubernetes.rbac.v1.inputs.PolicyRuleArgs.builder()
                        .apiGroups(g.resource().apiGroup())
                        .resources(g.resource().resource())
                        .verbs(g.verbs().stream().sorted().map(Verb::value).toList())
                        .build())
                .toList();
    }
}
