package io.flinkha.internal.diff;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Resource identities are a public contract: a URN that disappears makes the engine delete the real
 * resource and create a new one. A resource of the baseline plan may only be missing from the new
 * plan when a resource of the new plan declares its URN as an alias.
 */
public final class ContractCheck {
    private ContractCheck() {
    }

    /** @return one message per baseline resource that is gone with no alias, naming it and the alias to add */
    @SuppressWarnings("unchecked")
    public static List<String> broken(StackPlan baseline, StackPlan current) {
        Set<String> known = new HashSet<>(current.resources().keySet());
        for (Map<String, Object> state : current.resources().values()) {
            if (state.get("aliases") instanceof List<?> aliases) {
                ((List<Object>) aliases).forEach(a -> known.add(String.valueOf(a)));
            }
        }
        List<String> out = new ArrayList<>();
        for (var e : baseline.resources().entrySet()) {
            String urn = e.getKey();
            if (known.contains(urn)) {
                continue;
            }
            String type = String.valueOf(e.getValue().get("type"));
            String parent = String.valueOf(e.getValue().getOrDefault("parent", ""));
            String name = urn.substring(urn.lastIndexOf("::") + 2);
            String hint = current.resources().entrySet().stream()
                    .filter(c -> !baseline.resources().containsKey(c.getKey()) && type.equals(c.getValue().get("type")))
                    .map(c -> {
                        String newName = c.getKey().substring(c.getKey().lastIndexOf("::") + 2);
                        String newParent = String.valueOf(c.getValue().getOrDefault("parent", ""));
                        if (newParent.equals(parent) && !newName.equals(name)) {
                            return "it looks renamed to '" + newName + "': give the new resource the option "
                                    + ".aliases(Alias.builder().name(\"" + name + "\").build())";
                        }
                        if (newName.equals(name)) {
                            return "it looks re-parented under " + newParent + ": give it the option "
                                    + ".aliases(Alias.withUrn(\"" + urn + "\"))";
                        }
                        return null;
                    })
                    .filter(h -> h != null).findFirst()
                    .orElse("if it was renamed or re-parented, alias the new resource with Alias.withUrn(\"" + urn + "\")");
            out.add("stack " + baseline.stack() + ": " + type + " '" + name + "' (" + urn + ") is gone without an alias, so "
                    + "`pulumi up` would delete and recreate it; " + hint + ". If removing it is intended, refresh the golden "
                    + "plans with -Dgolden.allowRemoval=" + urn + " and record the breaking change in CHANGELOG.md.");
        }
        return out;
    }
}
