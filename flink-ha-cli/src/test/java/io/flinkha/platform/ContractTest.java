package io.flinkha.platform;

import com.pulumi.core.Alias;
import com.pulumi.core.Output;
import com.pulumi.kubernetes.core.v1.ConfigMap;
import com.pulumi.kubernetes.core.v1.ConfigMapArgs;
import com.pulumi.resources.CustomResourceOptions;
import io.flinkha.Plans;
import io.flinkha.internal.diff.ContractCheck;
import io.flinkha.internal.diff.PlanReader;
import io.flinkha.internal.diff.StackPlan;
import io.flinkha.testing.PlanEngine;
import io.flinkha.testing.PlanRenderer;
import io.flinkha.internal.plan.StackConfig;
import org.junit.jupiter.api.Test;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Resource names, types and parents are part of the public contract: renaming one replaces real
 * infrastructure. Every resource of the committed golden plans must still be planned, or be aliased.
 */
class ContractTest {

    @Test
    void everyCommittedResourceIdentityIsStillPlannedOrAliased() throws Exception {
        List<String> broken = new ArrayList<>();
        for (String stack : StackConfig.stacks(Path.of("stacks"))) {
            Path golden = GoldenPlansTest.GOLDEN.resolve(stack + ".json");
            if (Files.isRegularFile(golden)) {
                broken.addAll(ContractCheck.broken(PlanReader.parse(Files.readString(golden), golden.toString()),
                        PlanReader.parse(PlanRenderer.json(Plans.ofStack(stack)), stack)));
            }
        }
        assertEquals(List.of(), broken);
    }

    private static StackPlan plan(Consumer<com.pulumi.Context> program) {
        return PlanReader.parse(PlanRenderer.json(PlanEngine.run("flink-ha", "qa", Map.of(), program)), "qa");
    }

    @Test
    void aRenameWithoutAnAliasIsReportedWithTheAliasToAdd() {
        StackPlan before = plan(ctx -> new ConfigMap("ha-pointers", ConfigMapArgs.builder().build()));
        StackPlan after = plan(ctx -> new ConfigMap("ha-pointer-map", ConfigMapArgs.builder().build()));
        List<String> broken = ContractCheck.broken(before, after);
        assertEquals(1, broken.size(), broken::toString);
        assertTrue(broken.get(0).contains("'ha-pointers'"), broken.get(0));
        assertTrue(broken.get(0).contains("it looks renamed to 'ha-pointer-map'"), broken.get(0));
        assertTrue(broken.get(0).contains("Alias.builder().name(\"ha-pointers\")"), broken.get(0));
    }

    @Test
    void aRenameWithAnAliasKeepsTheContract() {
        StackPlan before = plan(ctx -> new ConfigMap("ha-pointers", ConfigMapArgs.builder().build()));
        StackPlan after = plan(ctx -> new ConfigMap("ha-pointer-map", ConfigMapArgs.builder().build(),
                CustomResourceOptions.builder().aliases(Alias.builder().name("ha-pointers").build()).build()));
        assertEquals(List.of(), ContractCheck.broken(before, after));
    }

    @Test
    void aReParentWithoutAnAliasIsReported() {
        StackPlan before = plan(ctx -> new ConfigMap("pointers", ConfigMapArgs.builder().build()));
        StackPlan after = plan(ctx -> {
            var parent = new ConfigMap("owner", ConfigMapArgs.builder().build());
            new ConfigMap("pointers", ConfigMapArgs.builder().build(), CustomResourceOptions.builder().parent(parent).build());
        });
        List<String> broken = ContractCheck.broken(before, after);
        assertEquals(1, broken.size(), broken::toString);
        assertTrue(broken.get(0).contains("it looks re-parented"), broken.get(0));
        assertTrue(broken.get(0).contains("Alias.withUrn(\"urn:pulumi:qa::flink-ha::pulumi:pulumi:Stack$kubernetes:core/v1:ConfigMap::pointers\")"), broken.get(0));
    }

    @Test
    void aReParentWithAnAliasKeepsTheContract() {
        StackPlan before = plan(ctx -> new ConfigMap("pointers", ConfigMapArgs.builder().build()));
        StackPlan after = plan(ctx -> {
            var parent = new ConfigMap("owner", ConfigMapArgs.builder().build());
            new ConfigMap("pointers", ConfigMapArgs.builder().build(), CustomResourceOptions.builder().parent(parent)
                    .aliases(Alias.withUrn("urn:pulumi:qa::flink-ha::pulumi:pulumi:Stack$kubernetes:core/v1:ConfigMap::pointers")).build());
        });
        assertEquals(List.of(), ContractCheck.broken(before, after));
    }

    @Test
    void addingResourcesNeverBreaksTheContract() {
        StackPlan before = plan(ctx -> new ConfigMap("a", ConfigMapArgs.builder().build()));
        StackPlan after = plan(ctx -> {
            new ConfigMap("a", ConfigMapArgs.builder().build());
            new ConfigMap("b", ConfigMapArgs.builder().build());
        });
        assertEquals(List.of(), ContractCheck.broken(before, after));
    }
}
