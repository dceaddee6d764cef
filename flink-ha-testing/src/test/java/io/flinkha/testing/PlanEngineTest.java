package io.flinkha.testing;

import com.pulumi.core.Output;
import com.pulumi.core.annotations.Export;
import com.pulumi.resources.CustomResource;
import com.pulumi.resources.CustomResourceOptions;
import com.pulumi.resources.ResourceArgs;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The offline plan of any program: what a consumer's test gets, in the shape {@code pulumi preview --json} prints. */
class PlanEngineTest {

    /** A resource as a provider SDK declares one: inputs, and outputs the provider computes. */
    static final class Bucket extends CustomResource {
        @Export(name = "arn", refs = {String.class}, tree = "[0]")
        private Output<String> arn;

        Bucket(String name, BucketArgs args, CustomResourceOptions options) {
            super("test:storage:Bucket", name, args, options);
        }
    }

    static final class BucketArgs extends ResourceArgs {
        @com.pulumi.core.annotations.Import(name = "bucketName")
        private final Output<String> bucketName;

        BucketArgs(String name) {
            this.bucketName = Output.of(name);
        }
    }

    @Test
    void everyOutputAResourceClassDeclaresIsUnknownUntilDeployment() {
        Map<String, Object> outputs = PlanEngine.unknownOutputs(Bucket.class);
        assertTrue(outputs.containsKey("arn"), outputs.keySet().toString());
        assertTrue(!outputs.containsKey("id") && !outputs.containsKey("urn"));
        assertEquals(List.of(), outputs.values().stream().filter(v -> !v.equals("04da6b54-80e4-46f7-96ec-b56ff0331ba9")).toList());
    }

    @Test
    void aProgramsPlanHasItsResourcesWithTheirInputsAndPrintsAsPreviewJson() {
        Plan plan = PlanEngine.run("shop", "dev", Map.of("shop:region", "eu-west-1"), ctx -> {
            new Bucket("orders", new BucketArgs("acme-orders"), null);
            ctx.log().warn("a warning the program logs");
        });
        PlannedResource bucket = plan.resources().stream().filter(r -> r.type().equals("test:storage:Bucket")).findFirst().orElseThrow();
        assertEquals("acme-orders", bucket.inputs().get("bucketName"));
        String json = PlanRenderer.json(plan);
        assertTrue(json.contains("\"op\": \"create\"") && json.contains("urn:pulumi:dev::shop::pulumi:pulumi:Stack$test:storage:Bucket::orders"), json);
        assertTrue(json.contains("a warning the program logs"), json);
    }
}
