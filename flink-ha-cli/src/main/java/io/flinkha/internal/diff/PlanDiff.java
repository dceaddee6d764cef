package io.flinkha.internal.diff;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.regex.Pattern;

/** What changes between two plans of one stack: resources added, removed and changed, property by property. */
public final class PlanDiff {
    /** Pulumi's marker for a secret value in engine JSON. */
    private static final String SECRET_SIG_KEY = "4dabf18193072939515e22adb298388d";
    private static final String SECRET_SIG = "1b47061264138c4ac30d75fd1eb44270";
    private static final Pattern IDENTIFIER = Pattern.compile("[A-Za-z_][A-Za-z0-9_]*");
    static final String MASK = "[secret]";

    /** One changed property: its path and old and new values (null when absent). */
    public record Change(String path, Object before, Object after) {
    }

    /** One resource that is added, removed or changed. */
    public record ResourceChange(String op, String urn, String type, String name, List<Change> changes) {
    }

    /** The diff of one stack. */
    public record StackDiff(String stack, List<ResourceChange> resources, int unchanged) {
        public long count(String op) {
            return resources.stream().filter(r -> r.op().equals(op)).count();
        }

        public boolean isEmpty() {
            return resources.isEmpty();
        }
    }

    private PlanDiff() {
    }

    /** Diffs every stack that either side has; a stack on one side only is all creates or all deletes. */
    public static List<StackDiff> diff(List<StackPlan> base, List<StackPlan> head) {
        Map<String, StackPlan> before = byStack(base);
        Map<String, StackPlan> after = byStack(head);
        List<StackDiff> out = new ArrayList<>();
        for (String stack : new TreeSet<>(union(before.keySet(), after.keySet()))) {
            out.add(diff(stack, before.getOrDefault(stack, new StackPlan(stack, Map.of())).resources(),
                    after.getOrDefault(stack, new StackPlan(stack, Map.of())).resources()));
        }
        return out;
    }

    static StackDiff diff(String stack, Map<String, Map<String, Object>> before, Map<String, Map<String, Object>> after) {
        List<ResourceChange> changes = new ArrayList<>();
        int unchanged = 0;
        // a resource that carries the old URN as an alias is the same resource, moved or renamed: the engine
        // updates it in place, so the diff pairs them instead of showing a delete and a create
        Map<String, String> movedTo = new TreeMap<>();
        Map<String, String> movedFrom = new TreeMap<>();
        after.forEach((urn, state) -> {
            if (state.get("aliases") instanceof List<?> aliases) {
                for (Object alias : aliases) {
                    if (before.containsKey(String.valueOf(alias)) && !after.containsKey(String.valueOf(alias))) {
                        movedTo.put(String.valueOf(alias), urn);
                        movedFrom.put(urn, String.valueOf(alias));
                    }
                }
            }
        });
        for (String urn : new TreeSet<>(union(before.keySet(), after.keySet()))) {
            if (movedTo.containsKey(urn)) {
                continue;
            }
            Map<String, Object> b = before.get(movedFrom.getOrDefault(urn, urn));
            Map<String, Object> a = after.get(urn);
            Map<String, Object> state = a != null ? a : b;
            String type = String.valueOf(state.get("type"));
            String name = urn.substring(urn.lastIndexOf("::") + 2);
            if (b == null) {
                changes.add(new ResourceChange("create", urn, type, name, List.of()));
            } else if (a == null) {
                changes.add(new ResourceChange("delete", urn, type, name, List.of()));
            } else {
                List<Change> props = new ArrayList<>();
                if (movedFrom.containsKey(urn)) {
                    props.add(new Change("(urn)", movedFrom.get(urn), urn));
                }
                compare("", view(b), view(a), props);
                if (props.isEmpty()) {
                    unchanged++;
                } else {
                    // the replace rules modelled here (StateHolders): a claim, which holds HA data, and the EKS cluster, which
                    // holds the HA ConfigMaps and everything else
                    boolean replaced = StateHolders.CLAIM.equals(type) && !StateHolders.replacedClaims(Map.of(urn, b), Map.of(urn, a)).isEmpty()
                            || StateHolders.EKS_CLUSTER.equals(type) && !StateHolders.clusterReplaced(StateSafety.inputs(b), StateSafety.inputs(a)).isEmpty();
                    changes.add(new ResourceChange(replaced ? "replace" : "update", urn, type, name, props));
                }
            }
        }
        return new StackDiff(stack, changes, unchanged);
    }

    /** What a reviewer compares: the inputs, plus the options that change what the engine does. */
    @SuppressWarnings("unchecked")
    private static Map<String, Object> view(Map<String, Object> state) {
        Map<String, Object> v = new LinkedHashMap<>();
        Object inputs = state.get("inputs");
        if (inputs instanceof Map) {
            v.putAll((Map<String, Object>) inputs);
        }
        for (String option : List.of("parent", "provider", "protect", "retainOnDelete")) {
            if (state.containsKey(option)) {
                v.put("(" + option + ")", state.get(option));
            }
        }
        return v;
    }

    /** Compares two input trees property by property, as the report shows them. */
    static void compareInputs(Object before, Object after, List<Change> out) {
        compare("", before, after, out);
    }

    @SuppressWarnings("unchecked")
    private static void compare(String path, Object before, Object after, List<Change> out) {
        if (isSecret(before) || isSecret(after)) {
            if (!Objects.equals(before, after)) {
                out.add(new Change(path, before == null ? null : MASK, after == null ? null : MASK));
            }
            return;
        }
        if (before instanceof Map && after instanceof Map) {
            Map<String, Object> b = new TreeMap<>((Map<String, Object>) before);
            Map<String, Object> a = new TreeMap<>((Map<String, Object>) after);
            for (String key : new TreeSet<>(union(b.keySet(), a.keySet()))) {
                compare(child(path, key), b.get(key), a.get(key), out);
            }
            return;
        }
        if (before instanceof List && after instanceof List) {
            List<Object> b = (List<Object>) before;
            List<Object> a = (List<Object>) after;
            for (int i = 0; i < Math.max(b.size(), a.size()); i++) {
                compare(path + "[" + i + "]", i < b.size() ? b.get(i) : null, i < a.size() ? a.get(i) : null, out);
            }
            return;
        }
        if (!same(before, after)) {
            out.add(new Change(path, masked(before), masked(after)));
        }
    }

    /** JSON numbers may come back as 2 or 2.0; they are the same value. */
    private static boolean same(Object a, Object b) {
        if (a instanceof Number x && b instanceof Number y) {
            return Double.compare(x.doubleValue(), y.doubleValue()) == 0;
        }
        return Objects.equals(a, b);
    }

    @SuppressWarnings("unchecked")
    private static boolean isSecret(Object v) {
        return MASK.equals(v) || v instanceof Map && SECRET_SIG.equals(((Map<String, Object>) v).get(SECRET_SIG_KEY));
    }

    @SuppressWarnings("unchecked")
    private static Object masked(Object v) {
        if (isSecret(v)) {
            return MASK;
        }
        if (v instanceof Map) {
            Map<String, Object> out = new TreeMap<>();
            ((Map<String, Object>) v).forEach((k, x) -> out.put(k, masked(x)));
            return out;
        }
        if (v instanceof List) {
            return ((List<Object>) v).stream().map(PlanDiff::masked).toList();
        }
        return v;
    }

    private static String child(String path, String key) {
        if (IDENTIFIER.matcher(key).matches()) {
            return path.isEmpty() ? key : path + "." + key;
        }
        return path + "[\"" + key + "\"]";
    }

    private static <T> java.util.Set<T> union(java.util.Set<T> a, java.util.Set<T> b) {
        java.util.Set<T> out = new java.util.HashSet<>(a);
        out.addAll(b);
        return out;
    }

    private static Map<String, StackPlan> byStack(List<StackPlan> plans) {
        Map<String, StackPlan> out = new TreeMap<>();
        plans.forEach(p -> out.put(p.stack(), p));
        return out;
    }
}
