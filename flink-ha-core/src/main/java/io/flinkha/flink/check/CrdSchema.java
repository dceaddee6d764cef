package io.flinkha.flink.check;

import com.google.gson.Gson;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The FlinkDeployment CRD's structural schema, as the operator release ships it (the operator-api jar
 * carries the same file as the chart's {@code crds/}), applied the way the API server applies it: a
 * field the schema does not declare is pruned without a word, so here it is an error; types and enum
 * values are checked. Only the schema keywords this CRD uses are implemented, and a keyword outside
 * them fails the check loudly instead of being skipped, so a newer CRD cannot pass unchecked.
 */
final class CrdSchema {
    static final String RESOURCE = "/META-INF/fabric8/flinkdeployments.flink.apache.org-v1.yml";
    /** The v1beta1 schema of {@link #RESOURCE}, without its descriptions, as the build writes it (CrdSchemaWriter). */
    static final String SHIPPED_V1BETA1 = "/io/flinkha/flink/check/flinkdeployment-v1beta1.schema.json";
    private static final Set<String> IMPLEMENTED = Set.of("type", "properties", "additionalProperties", "items", "enum",
            "anyOf", "description", "x-kubernetes-int-or-string");

    private static final Set<String> TYPE_META = Set.of("apiVersion", "kind", "metadata");

    private final String version;
    private final Map<String, Object> root;

    CrdSchema(String version, Map<String, Object> root) {
        this.version = version;
        this.root = root;
    }

    private static final class Holder {
        static final CrdSchema FLINK_DEPLOYMENT_V1BETA1 = shipped(SHIPPED_V1BETA1, "v1beta1");
    }

    /** @return the schema of {@code flink.apache.org/v1beta1} FlinkDeployment from the operator-api jar */
    static CrdSchema flinkDeployment() {
        return Holder.FLINK_DEPLOYMENT_V1BETA1;
    }

    /**
     * @param resource the schema as the build wrote it from the CRD: JSON, no descriptions
     * @param version  the CRD version it is, for messages
     * @return the schema
     */
    @SuppressWarnings("unchecked")
    static CrdSchema shipped(String resource, String version) {
        try (InputStream in = CrdSchema.class.getResourceAsStream(resource)) {
            if (in == null) {
                throw new IllegalStateException(resource + " is missing: the build writes it from the operator-api jar's CRD");
            }
            return fromJson(new String(in.readAllBytes(), StandardCharsets.UTF_8), version);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /**
     * @param json    an {@code openAPIV3Schema} as JSON, as the build writes it (CrdSchemaWriter)
     * @param version the CRD version it is, for messages
     * @return the schema
     */
    @SuppressWarnings("unchecked")
    static CrdSchema fromJson(String json, String version) {
        return new CrdSchema(version, new Gson().fromJson(json, Map.class));
    }

    /** @return every place where {@code object} breaks the schema, as {@code <path>: <problem>}; empty when none */
    List<String> violations(Map<String, Object> object) {
        List<String> out = new ArrayList<>();
        Map<String, Object> properties = properties(root);
        for (Map.Entry<String, Object> e : object.entrySet()) {
            // every object has these; the API server checks them itself, not through the CRD's schema
            if (TYPE_META.contains(e.getKey())) {
                continue;
            }
            Object field = properties.get(e.getKey());
            if (field == null) {
                out.add(e.getKey() + ": unknown field");
            } else {
                check(schema(field), e.getValue(), e.getKey(), out);
            }
        }
        return out;
    }

    @SuppressWarnings("unchecked")
    private void check(Map<String, Object> schema, Object value, String path, List<String> out) {
        for (String keyword : schema.keySet()) {
            if (!IMPLEMENTED.contains(keyword)) {
                throw new IllegalStateException("the FlinkDeployment CRD (" + version + ") uses the schema keyword '" + keyword
                        + "' at " + path + ", which this check does not implement");
            }
        }
        boolean intOrString = Boolean.TRUE.equals(schema.get("x-kubernetes-int-or-string"));
        // this CRD writes anyOf only as the [integer, string] pair that x-kubernetes-int-or-string stands for
        if (schema.containsKey("anyOf") && !intOrString) {
            throw new IllegalStateException("the FlinkDeployment CRD (" + version + ") uses anyOf without x-kubernetes-int-or-string at "
                    + path + ", which this check does not implement");
        }
        // the CRD marks nothing nullable, and the API server refuses a null where the schema declares a type
        if (value == null) {
            out.add(path + ": null is not allowed");
            return;
        }
        if (intOrString) {
            if (!(value instanceof String) && !isInteger(value)) {
                out.add(path + ": expected an integer or a string, got " + describe(value));
            }
            return;
        }
        Object type = schema.get("type");
        if (type == null) {
            return;
        }
        switch ((String) type) {
            case "object" -> checkObject(schema, value, path, out);
            case "array" -> {
                if (!(value instanceof List<?> list)) {
                    out.add(path + ": expected a list, got " + describe(value));
                    return;
                }
                Object items = schema.get("items");
                for (int i = 0; i < list.size(); i++) {
                    if (items != null) {
                        check(schema(items), list.get(i), path + "[" + i + "]", out);
                    }
                }
            }
            case "string" -> {
                if (!(value instanceof String s)) {
                    out.add(path + ": expected a string, got " + describe(value));
                } else if (schema.get("enum") instanceof List<?> allowed && !allowed.contains(s)) {
                    out.add(path + ": '" + s + "' is not one of " + allowed);
                }
            }
            case "integer" -> {
                if (!isInteger(value)) {
                    out.add(path + ": expected an integer, got " + describe(value));
                }
            }
            case "number" -> {
                if (!(value instanceof Number)) {
                    out.add(path + ": expected a number, got " + describe(value));
                }
            }
            case "boolean" -> {
                if (!(value instanceof Boolean)) {
                    out.add(path + ": expected true or false, got " + describe(value));
                }
            }
            default -> throw new IllegalStateException("the FlinkDeployment CRD uses the type '" + type + "' at " + path
                    + ", which this check does not implement");
        }
    }

    @SuppressWarnings("unchecked")
    private void checkObject(Map<String, Object> schema, Object value, String path, List<String> out) {
        if (!(value instanceof Map<?, ?> map)) {
            out.add(path + ": expected an object, got " + describe(value));
            return;
        }
        Map<String, Object> properties = properties(schema);
        Object additional = schema.get("additionalProperties");
        // this CRD gives additionalProperties only as the schema of a map's values, never as true or false
        if (additional != null && !(additional instanceof Map<?, ?>)) {
            throw new IllegalStateException("the FlinkDeployment CRD (" + version + ") sets additionalProperties: " + additional
                    + " at " + path + ", which this check does not implement");
        }
        for (Map.Entry<String, Object> e : ((Map<String, Object>) map).entrySet()) {
            String child = path + "." + e.getKey();
            Object field = properties.get(e.getKey());
            if (field != null) {
                check(schema(field), e.getValue(), child, out);
            } else if (additional != null) {
                check(schema(additional), e.getValue(), child, out);
            } else {
                out.add(child + ": unknown field");
            }
        }
    }

    @SuppressWarnings("unchecked")
    private static Map<String, Object> properties(Map<String, Object> schema) {
        Object p = schema.get("properties");
        return p instanceof Map<?, ?> m ? (Map<String, Object>) m : Map.of();
    }

    @SuppressWarnings("unchecked")
    private static Map<String, Object> schema(Object o) {
        return (Map<String, Object>) o;
    }

    private static boolean isInteger(Object v) {
        return v instanceof Integer || v instanceof Long || v instanceof Short
                || (v instanceof Number n && n.doubleValue() == Math.rint(n.doubleValue()) && !Double.isInfinite(n.doubleValue()));
    }

    private static String describe(Object v) {
        return v instanceof String s ? "'" + s + "'" : v instanceof Map ? "an object" : v instanceof List ? "a list" : String.valueOf(v);
    }
}
