package io.flinkha.internal.build;

import com.google.gson.Gson;
import org.yaml.snakeyaml.LoaderOptions;
import org.yaml.snakeyaml.Yaml;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * A build step, not API: writes the FlinkDeployment CRD's structural schema of one version, as the operator-api jar
 * ships it (its {@code META-INF/fabric8} CRD, the chart's {@code crds/}), to a compact JSON file without the schema's
 * descriptions, which the check never reads. The check then loads about 150 KB of JSON instead of parsing 521 KB of
 * YAML on every plan (a third of a second cold), and a test regenerates the file from the jar and compares.
 *
 * <p>Arguments: the CRD's resource path on the class path, the version, the output file.
 */
public final class CrdSchemaWriter {
    private CrdSchemaWriter() {
    }

    /**
     * @param args the CRD's resource path, the version (e.g. {@code v1beta1}), the output file
     * @throws IOException when the file cannot be written; the build fails
     */
    public static void main(String[] args) throws IOException {
        Path out = Path.of(args[2]);
        Files.createDirectories(out.getParent());
        Files.writeString(out, json(args[0], args[1]));
    }

    /**
     * @param resource the CRD's resource path on the class path
     * @param version  the CRD version whose {@code openAPIV3Schema} is written
     * @return that schema as JSON, every {@code description} keyword left out
     */
    @SuppressWarnings("unchecked")
    public static String json(String resource, String version) throws IOException {
        try (InputStream in = CrdSchemaWriter.class.getResourceAsStream(resource)) {
            if (in == null) {
                throw new IllegalStateException(resource + " is missing: it comes with flink-kubernetes-operator-api");
            }
            Map<String, Object> crd = new Yaml(new LoaderOptions()).load(in);
            for (Object v : (List<Object>) ((Map<String, Object>) crd.get("spec")).get("versions")) {
                Map<String, Object> entry = (Map<String, Object>) v;
                if (version.equals(entry.get("name"))) {
                    Object schema = ((Map<String, Object>) entry.get("schema")).get("openAPIV3Schema");
                    return new Gson().toJson(withoutDescriptions(schema)) + "\n";
                }
            }
            throw new IllegalStateException(resource + " has no version " + version);
        }
    }

    /** Drops the {@code description} keyword of every schema node; a property that happens to be named so stays. */
    @SuppressWarnings("unchecked")
    private static Object withoutDescriptions(Object node) {
        if (!(node instanceof Map<?, ?> map)) {
            return node;
        }
        Map<String, Object> out = new LinkedHashMap<>();
        ((Map<String, Object>) map).forEach((keyword, value) -> {
            switch (keyword) {
                case "description" -> { }
                case "properties" -> {
                    Map<String, Object> properties = new LinkedHashMap<>();
                    ((Map<String, Object>) value).forEach((name, schema) -> properties.put(name, withoutDescriptions(schema)));
                    out.put(keyword, properties);
                }
                case "items", "additionalProperties" -> out.put(keyword, withoutDescriptions(value));
                case "anyOf" -> {
                    List<Object> each = new ArrayList<>();
                    ((List<Object>) value).forEach(schema -> each.add(withoutDescriptions(schema)));
                    out.put(keyword, each);
                }
                default -> out.put(keyword, value);
            }
        });
        return out;
    }
}
