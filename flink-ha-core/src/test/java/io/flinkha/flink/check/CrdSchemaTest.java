package io.flinkha.flink.check;

import org.junit.jupiter.api.Test;

import java.util.HashMap;
import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The FlinkDeployment CRD of the operator release, applied as the API server applies it. Each test loads the
 * schema afresh rather than through {@link CrdSchema#flinkDeployment()}, which keeps the one it loaded first.
 */
class CrdSchemaTest {
    private static final String UNIMPLEMENTED = "/io/flinkha/flink/check/unimplemented-keywords.yml";

    /** The schema the checks use: the build's JSON of the operator-api jar's CRD. */
    private static CrdSchema shipped() {
        return CrdSchema.shipped(CrdSchema.SHIPPED_V1BETA1, "v1beta1");
    }

    private static List<String> violationsOfSpec(Map<String, Object> spec) {
        return shipped().violations(Map.of("apiVersion", "flink.apache.org/v1beta1",
                "kind", "FlinkDeployment", "metadata", Map.of("name", "orders"), "spec", spec));
    }

    /** A CRD's schema as the build would ship it. */
    private static CrdSchema fromCrd(String resource, String version) throws Exception {
        return CrdSchema.fromJson(io.flinkha.internal.build.CrdSchemaWriter.json(resource, version), version);
    }

    /** The operator's CRD as it is, descriptions and all. */
    @SuppressWarnings("unchecked")
    private static CrdSchema rawCrd() throws Exception {
        try (var in = CrdSchemaTest.class.getResourceAsStream(CrdSchema.RESOURCE)) {
            Map<String, Object> crd = new org.yaml.snakeyaml.Yaml().load(in);
            Map<String, Object> v1beta1 = ((List<Map<String, Object>>) ((Map<String, Object>) crd.get("spec")).get("versions")).stream()
                    .filter(v -> "v1beta1".equals(v.get("name"))).findFirst().orElseThrow();
            return new CrdSchema("v1beta1", (Map<String, Object>) ((Map<String, Object>) v1beta1.get("schema")).get("openAPIV3Schema"));
        }
    }

    @Test
    void theShippedSchemaJudgesAsTheOperatorsCrdDoes() throws Exception {
        Map<String, Object> object = Map.of("kind", "FlinkDeployment", "specs", Map.of(), "spec", Map.of(
                "job", Map.of("upgrade-mode", "savepoint", "parallelism", "two", "upgradeMode", "sometimes"),
                "flinkVersion", "v1_20", "podTemplate", probePort(List.of(8081)), "flinkConfiguration", Map.of("a", 1)));
        List<String> fromCrd = rawCrd().violations(object);
        assertEquals(fromCrd, shipped().violations(object));
        assertTrue(fromCrd.size() >= 4, fromCrd.toString());
    }

    private static Map<String, Object> container(Map<String, Object> fields) {
        Map<String, Object> c = new HashMap<>(fields);
        c.put("name", "flink-main-container");
        return Map.of("spec", Map.of("containers", List.of(c)));
    }

    private static Map<String, Object> probePort(Object port) {
        return Map.of("podTemplate", container(Map.of("livenessProbe", Map.of("httpGet", Map.of("port", port)))));
    }

    @Test
    void aSpecThatTheSchemaDeclaresPasses() {
        assertEquals(List.of(), violationsOfSpec(Map.of("serviceAccount", "flink", "flinkVersion", "v1_20",
                "job", Map.of("jarURI", "local:///job.jar", "parallelism", 2, "upgradeMode", "last-state", "args", List.of("--x")),
                "flinkConfiguration", Map.of("high-availability.type", "kubernetes"))));
    }

    @Test
    void aTopLevelFieldTheSchemaDoesNotDeclareIsUnknown() {
        List<String> v = shipped().violations(Map.of("kind", "FlinkDeployment", "specs", Map.of()));
        assertEquals(List.of("specs: unknown field"), v);
    }

    @Test
    void aNestedFieldTheSchemaDoesNotDeclareIsUnknown() {
        assertEquals(List.of("spec.job.upgrade-mode: unknown field"), violationsOfSpec(Map.of("job", Map.of("upgrade-mode", "savepoint"))));
    }

    @Test
    void anIntOrStringTakesAWholeNumberOrAStringAndNothingElse() {
        assertEquals(List.of(), violationsOfSpec(probePort(8081)));
        assertEquals(List.of(), violationsOfSpec(probePort("rest")));
        String path = "spec.podTemplate.spec.containers[0].livenessProbe.httpGet.port";
        assertEquals(List.of(path + ": expected an integer or a string, got true"), violationsOfSpec(probePort(true)));
        assertEquals(List.of(path + ": expected an integer or a string, got 80.5"), violationsOfSpec(probePort(80.5)));
    }

    @Test
    void aBooleanTakesOnlyTrueOrFalse() {
        assertEquals(List.of("spec.job.allowNonRestoredState: expected true or false, got 'yes'"),
                violationsOfSpec(Map.of("job", Map.of("allowNonRestoredState", "yes"))));
    }

    @Test
    void anIntegerTakesAWholeNumberEvenWhenJsonCarriesItAsADouble() {
        assertEquals(List.of(), violationsOfSpec(Map.of("job", Map.of("parallelism", 2.0))));
        assertEquals(List.of("spec.job.parallelism: expected an integer, got 'two'"), violationsOfSpec(Map.of("job", Map.of("parallelism", "two"))));
        assertEquals(List.of("spec.job.parallelism: expected an integer, got 2.5"), violationsOfSpec(Map.of("job", Map.of("parallelism", 2.5))));
    }

    @Test
    void aNumberTakesOnlyANumber() {
        assertEquals(List.of(), violationsOfSpec(Map.of("jobManager", Map.of("resource", Map.of("cpu", 0.5)))));
        assertEquals(List.of("spec.jobManager.resource.cpu: expected a number, got 'half'"),
                violationsOfSpec(Map.of("jobManager", Map.of("resource", Map.of("cpu", "half")))));
    }

    @Test
    void anEnumTakesOnlyItsValues() {
        assertEquals(List.of("spec.job.upgradeMode: 'fast' is not one of [last-state, savepoint, stateless]"),
                violationsOfSpec(Map.of("job", Map.of("upgradeMode", "fast"))));
    }

    @Test
    void everyValueOfAMapIsCheckedAgainstTheSchemaOfItsValues() {
        assertEquals(List.of("spec.flinkConfiguration.parallelism.default: expected a string, got 4"),
                violationsOfSpec(Map.of("flinkConfiguration", Map.of("parallelism.default", 4))));
    }

    @Test
    void everyItemOfAListIsCheckedAgainstTheSchemaOfItsItems() {
        assertEquals(List.of("spec.job.args[1]: expected a string, got an object"),
                violationsOfSpec(Map.of("job", Map.of("args", List.of("--a", Map.of("b", "c"))))));
    }

    @Test
    void aValueOfTheWrongShapeNamesTheShapeItGot() {
        assertEquals(List.of("spec.job: expected an object, got a list"), violationsOfSpec(Map.of("job", List.of())));
        assertEquals(List.of("spec.job.args: expected a list, got 'x'"), violationsOfSpec(Map.of("job", Map.of("args", "x"))));
    }

    @Test
    void nullIsRefusedSinceTheCrdMarksNothingNullable() {
        Map<String, Object> job = new HashMap<>();
        job.put("entryClass", null);
        assertEquals(List.of("spec.job.entryClass: null is not allowed"), violationsOfSpec(Map.of("job", job)));
    }

    @Test
    void aVersionTheCrdDoesNotServeIsRefusedByName() {
        IllegalStateException e = assertThrows(IllegalStateException.class, () -> fromCrd(CrdSchema.RESOURCE, "v2"));
        assertEquals(CrdSchema.RESOURCE + " has no version v2", e.getMessage());
    }

    @Test
    void aLibraryBuiltWithoutItsSchemaSaysWhoWritesIt() {
        IllegalStateException e = assertThrows(IllegalStateException.class, () -> CrdSchema.shipped("/no/such/schema.json", "v1beta1"));
        assertEquals("/no/such/schema.json is missing: the build writes it from the operator-api jar's CRD", e.getMessage());
    }

    @Test
    void aMissingCrdIsRefusedNamingWhereItComesFrom() {
        IllegalStateException e = assertThrows(IllegalStateException.class, () -> fromCrd("/no/such/crd.yml", "v1beta1"));
        assertTrue(e.getMessage().contains("flink-kubernetes-operator-api"), e.getMessage());
    }

    @Test
    void aSchemaKeywordTheCheckDoesNotImplementFailsTheCheckInsteadOfBeingSkipped() {
        IllegalStateException e = assertThrows(IllegalStateException.class, () -> fromCrd(UNIMPLEMENTED, "v1")
                .violations(Map.of("spec", Map.of("nullableField", "x"))));
        assertTrue(e.getMessage().contains("schema keyword 'nullable' at spec.nullableField"), e.getMessage());
    }

    @Test
    void anyOfOtherThanIntOrStringFailsTheCheckInsteadOfBeingSkipped() {
        IllegalStateException e = assertThrows(IllegalStateException.class, () -> fromCrd(UNIMPLEMENTED, "v1")
                .violations(Map.of("spec", Map.of("oneOfTwoShapes", 1))));
        assertTrue(e.getMessage().contains("anyOf without x-kubernetes-int-or-string at spec.oneOfTwoShapes"), e.getMessage());
    }

    @Test
    void additionalPropertiesOtherThanASchemaFailsTheCheckInsteadOfBeingSkipped() {
        IllegalStateException e = assertThrows(IllegalStateException.class, () -> fromCrd(UNIMPLEMENTED, "v1")
                .violations(Map.of("spec", Map.of("openMap", Map.of("k", "v")))));
        assertTrue(e.getMessage().contains("additionalProperties: true at spec.openMap"), e.getMessage());
    }
}
