package io.flinkha.rbac;

import java.util.EnumSet;
import java.util.List;
import java.util.Set;

/**
 * One rule of a Role or ClusterRole as a manifest states it, wildcards included: what a role someone else wrote allows.
 *
 * @param apiGroups API groups ({@code ""} is the core group, {@code *} any)
 * @param resources resources ({@code *} any)
 * @param verbs     verbs ({@code *} any)
 */
public record Rule(List<String> apiGroups, List<String> resources, List<String> verbs) {
    /**
     * @param apiGroups API groups
     * @param resources resources
     * @param verbs     verbs
     */
    public Rule {
        apiGroups = List.copyOf(apiGroups);
        resources = List.copyOf(resources);
        verbs = List.copyOf(verbs);
    }

    /**
     * @param resource an API resource
     * @param verb     a verb on it
     * @return whether this rule allows it
     */
    public boolean allows(ApiResource resource, Verb verb) {
        return (apiGroups.contains("*") || apiGroups.contains(resource.apiGroup()))
                && (resources.contains("*") || resources.contains(resource.resource()))
                && (verbs.contains("*") || verbs.contains(verb.value()));
    }

    /**
     * @param needed the grants a role must give, e.g. what Flink's Kubernetes HA needs
     * @param rules  the rules of every role bound to the account
     * @return one line per grant the rules fall short of, naming the resource and the verbs missing; empty when they cover all
     */
    public static List<String> uncovered(List<Grant> needed, List<Rule> rules) {
        return needed.stream().map(g -> {
            Set<Verb> missing = EnumSet.noneOf(Verb.class);
            g.verbs().stream().filter(v -> rules.stream().noneMatch(r -> r.allows(g.resource(), v))).forEach(missing::add);
            String resource = (g.resource().apiGroup().isEmpty() ? "" : g.resource().apiGroup() + "/") + g.resource().resource();
            return missing.isEmpty() ? null : resource + ": " + String.join(", ", missing.stream().map(Verb::value).toList());
        }).filter(java.util.Objects::nonNull).toList();
    }
}
