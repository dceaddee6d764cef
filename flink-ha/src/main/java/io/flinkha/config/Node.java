package io.flinkha.config;

import com.google.gson.JsonArray;
import com.google.gson.JsonElement;
import com.google.gson.JsonObject;
import com.google.gson.JsonParseException;
import com.google.gson.JsonParser;
import com.google.gson.JsonPrimitive;

import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Pattern;

/**
 * A read-only view of one structured stack setting that knows its own key path, so every problem
 * it reports names the exact key (e.g. {@code flink-ha:jobs[1].parallelism}). Reads never throw:
 * a bad value is recorded in {@link Problems} and a harmless fallback is returned so that every
 * problem is collected in one pass.
 */
final class Node {
    private final String path;
    private final JsonObject object;
    private final Problems problems;

    Node(String path, JsonObject object, Problems problems) {
        this.path = path;
        this.object = object;
        this.problems = problems;
    }

    /**
     * The root of a stack's settings, as the engine passes them: a value per key, structured ones as JSON text.
     *
     * @param project the project, the prefix of every key path
     * @param keys    the top-level keys
     * @param config  raw config value by key
     * @param problems where problems go
     * @return the root node
     */
    static Node root(String project, java.util.Set<String> keys, java.util.function.Function<String, Optional<String>> config, Problems problems) {
        JsonObject root = new JsonObject();
        for (String key : keys) {
            // an empty value is how Pulumi.yaml declares an optional structured key without a default
            config.apply(key).filter(raw -> !raw.isBlank()).ifPresent(raw -> root.add(key, parse(project, key, raw, problems)));
        }
        return new Node(project, root, problems);
    }

    private static JsonElement parse(String project, String key, String raw, Problems problems) {
        String trimmed = raw.trim();
        if (trimmed.startsWith("{") || trimmed.startsWith("[")) {
            try {
                return JsonParser.parseString(trimmed);
            } catch (JsonParseException e) {
                problems.add(project + ":" + key, raw, "expected a YAML/JSON object or list");
                return new JsonObject();
            }
        }
        return new com.google.gson.JsonPrimitive(raw);
    }

    /** @return where this node's problems go */
    Problems problems() {
        return problems;
    }

    String key(String name) {
        return path + "." + name;
    }

    /** Records every key that is not one of {@code allowed}: a misspelled key must not be silently ignored. */
    void allowOnly(Collection<String> allowed) {
        for (String k : object.keySet()) {
            if (!allowed.contains(k)) {
                problems.add(key(k), k, "unknown key; allowed keys: " + String.join(", ", new TreeSet<>(allowed)));
            }
        }
    }

    /** Records a problem whose message is not of the usual got/allowed form. */
    void problemsAdd(String key, String message) {
        problems.raw(key + ": " + message);
    }

    boolean has(String name) {
        return object.has(name) && !object.get(name).isJsonNull();
    }

    Optional<String> optionalString(String name) {
        if (!has(name)) {
            return Optional.empty();
        }
        JsonElement e = object.get(name);
        if (e.isJsonPrimitive()) {
            return Optional.of(e.getAsString());
        }
        problems.add(key(name), shown(e), "expected a string");
        return Optional.empty();
    }

    String string(String name, String fallback) {
        return optionalString(name).orElse(fallback);
    }

    String requiredString(String name, String allowed) {
        Optional<String> s = optionalString(name);
        if (s.isEmpty() || s.get().isBlank()) {
            if (!has(name)) {
                problems.missing(key(name), allowed);
            } else if (s.isPresent()) {
                problems.add(key(name), s.get(), allowed);
            }
            return "";
        }
        return s.get();
    }



    /** A whole number in the range its Args allow, or empty (and a problem) when it is none. */
    Optional<Integer> optionalInteger(String name, io.flinkha.validation.IntRange range) {
        if (!has(name)) {
            return Optional.empty();
        }
        JsonElement e = object.get(name);
        try {
            if (e.isJsonPrimitive()) {
                double d = Double.parseDouble(e.getAsString().trim());
                if (d == Math.rint(d) && range.contains((long) d)) {
                    return Optional.of((int) d);
                }
            }
        } catch (NumberFormatException ignored) {
            // reported below
        }
        problems.add(key(name), shown(e), range.allowed());
        return Optional.empty();
    }

    /** A positive Flink duration ({@code 60s}, {@code 500ms}, {@code 2min}), or empty (and a problem) when it is none. */
    Optional<java.time.Duration> duration(String name) {
        return optionalString(name).flatMap(text -> {
            Optional<java.time.Duration> d = io.flinkha.flink.RecoveryModel.parse(text).filter(x -> !x.isZero());
            if (d.isEmpty()) {
                problems.add(key(name), text, "expected a positive Flink duration such as 60s, 500ms or 2min");
            }
            return d;
        });
    }

    /** One of the named values, or empty (and a problem listing them in their order) when it is none. */
    <T> Optional<T> choice(String name, Map<String, T> values) {
        return optionalString(name).flatMap(text -> {
            if (!values.containsKey(text)) {
                problems.add(key(name), text, "allowed: " + String.join(", ", values.keySet()));
            }
            return Optional.ofNullable(values.get(text));
        });
    }

    /** A flag, when it is set: a section's Args keep their own default otherwise. */
    Optional<Boolean> optionalBool(String name) {
        return has(name) ? Optional.of(bool(name, false)) : Optional.empty();
    }

    boolean bool(String name, boolean fallback) {
        if (!has(name)) {
            return fallback;
        }
        JsonElement e = object.get(name);
        if (e.isJsonPrimitive()) {
            String s = e.getAsString();
            if (s.equalsIgnoreCase("true") || s.equalsIgnoreCase("false")) {
                return Boolean.parseBoolean(s);
            }
        }
        problems.add(key(name), shown(e), "expected true or false");
        return fallback;
    }

    Optional<Node> child(String name) {
        if (!has(name)) {
            return Optional.empty();
        }
        JsonElement e = object.get(name);
        if (!e.isJsonObject()) {
            problems.add(key(name), shown(e), "expected an object");
            return Optional.empty();
        }
        return Optional.of(new Node(key(name), e.getAsJsonObject(), problems));
    }

    Node childOrEmpty(String name) {
        return child(name).orElseGet(() -> new Node(key(name), new JsonObject(), problems));
    }

    List<String> strings(String name) {
        List<String> out = new ArrayList<>();
        if (!has(name)) {
            return out;
        }
        JsonElement e = object.get(name);
        if (!e.isJsonArray()) {
            problems.add(key(name), shown(e), "expected a list of strings");
            return out;
        }
        JsonArray a = e.getAsJsonArray();
        for (int i = 0; i < a.size(); i++) {
            if (a.get(i).isJsonPrimitive()) {
                out.add(a.get(i).getAsString());
            } else {
                problems.add(key(name) + "[" + i + "]", shown(a.get(i)), "expected a string");
            }
        }
        return out;
    }

    /** A map of plain string values, as Flink configuration is: numbers and booleans are kept as their text. */
    Map<String, String> stringMap(String name) {
        Map<String, String> out = new LinkedHashMap<>();
        Optional<Node> c = child(name);
        if (c.isEmpty()) {
            return out;
        }
        for (Map.Entry<String, JsonElement> en : c.get().object.entrySet()) {
            JsonElement v = en.getValue();
            if (v.isJsonPrimitive()) {
                out.put(en.getKey(), v.getAsString());
            } else {
                problems.add(c.get().key(en.getKey()), shown(v), "expected a plain value (string, number or boolean)");
            }
        }
        return out;
    }

    /** An opaque JSON value converted to plain Java maps, lists, strings, numbers and booleans. */
    Map<String, Object> plainMap(String name) {
        Optional<Node> c = child(name);
        if (c.isEmpty()) {
            return Map.of();
        }
        @SuppressWarnings("unchecked")
        Map<String, Object> m = (Map<String, Object>) toPlain(c.get().object);
        return m;
    }

    List<Node> objects(String name) {
        List<Node> out = new ArrayList<>();
        if (!has(name)) {
            return out;
        }
        JsonElement e = object.get(name);
        if (!e.isJsonArray()) {
            problems.add(key(name), shown(e), "expected a list of objects");
            return out;
        }
        JsonArray a = e.getAsJsonArray();
        for (int i = 0; i < a.size(); i++) {
            String p = key(name) + "[" + i + "]";
            if (a.get(i).isJsonObject()) {
                out.add(new Node(p, a.get(i).getAsJsonObject(), problems));
            } else {
                problems.add(p, shown(a.get(i)), "expected an object");
            }
        }
        return out;
    }

    /** A value as the stack file spells it: a string without JSON's quotes, anything else as JSON. */
    private static String shown(JsonElement e) {
        return e.isJsonPrimitive() ? e.getAsString() : e.toString();
    }

    static Object toPlain(JsonElement e) {
        if (e == null || e.isJsonNull()) {
            return null;
        }
        if (e.isJsonObject()) {
            Map<String, Object> m = new LinkedHashMap<>();
            e.getAsJsonObject().entrySet().forEach(en -> m.put(en.getKey(), toPlain(en.getValue())));
            return m;
        }
        if (e.isJsonArray()) {
            List<Object> l = new ArrayList<>();
            e.getAsJsonArray().forEach(x -> l.add(toPlain(x)));
            return l;
        }
        JsonPrimitive p = e.getAsJsonPrimitive();
        if (p.isBoolean()) {
            return p.getAsBoolean();
        }
        if (p.isNumber()) {
            double d = p.getAsDouble();
            return d == Math.rint(d) && Math.abs(d) < Long.MAX_VALUE ? (Object) p.getAsLong() : (Object) d;
        }
        return p.getAsString();
    }
}
