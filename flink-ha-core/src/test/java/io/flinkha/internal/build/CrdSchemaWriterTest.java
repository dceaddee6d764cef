package io.flinkha.internal.build;

import com.google.gson.Gson;
import org.junit.jupiter.api.Test;

import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The CRD schema the library ships is the operator-api jar's, regenerated here and compared byte for byte. */
class CrdSchemaWriterTest {
    private static final String CRD = "/META-INF/fabric8/flinkdeployments.flink.apache.org-v1.yml";

    private static String shipped() throws Exception {
        try (InputStream in = CrdSchemaWriterTest.class.getResourceAsStream("/io/flinkha/flink/check/flinkdeployment-v1beta1.schema.json")) {
            assertTrue(in != null, "the build writes the schema");
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }
    }

    @Test
    void regeneratingTheSchemaFromTheOperatorsCrdGivesTheShippedOne() throws Exception {
        assertEquals(shipped(), CrdSchemaWriter.json(CRD, "v1beta1"));
    }

    @Test
    @SuppressWarnings("unchecked")
    void theShippedSchemaKeepsEveryFieldButLeavesTheDescriptionsOut() throws Exception {
        String json = shipped();
        assertFalse(json.contains("\"description\":\""), "a description keyword is left");
        Map<String, Object> root = new Gson().fromJson(json, Map.class);
        Map<String, Object> spec = (Map<String, Object>) ((Map<String, Object>) root.get("properties")).get("spec");
        Map<String, Object> fields = (Map<String, Object>) spec.get("properties");
        for (String field : new String[]{"flinkConfiguration", "flinkVersion", "image", "job", "jobManager", "podTemplate", "serviceAccount",
                "taskManager"}) {
            assertTrue(fields.containsKey(field), "spec." + field + " is in the schema");
        }
    }
}
