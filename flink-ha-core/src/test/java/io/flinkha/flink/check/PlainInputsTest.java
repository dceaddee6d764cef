package io.flinkha.flink.check;

import com.pulumi.core.Output;
import com.pulumi.core.internal.Internal;
import io.flinkha.flink.crd.JobSpecArgs;
import io.flinkha.flink.crd.UpgradeMode;
import org.junit.jupiter.api.Test;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;

/** Args are resolved into the object the engine receives, which is what the upstream checks judge. */
class PlainInputsTest {
    private static Object plain(Object value) {
        return Internal.of(PlainInputs.resolve(value)).getValueNullable().join();
    }

    @Test
    void aListKeepsEveryItemInOrder() {
        assertEquals(List.of("a", "b", "c"), plain(List.of("a", Output.of("b"), "c")));
    }

    @Test
    void aMapKeepsItsKeysAndResolvesItsValues() {
        Map<String, Object> in = new LinkedHashMap<>();
        in.put("one", Output.of(1));
        in.put("two", List.of(Output.of("x")));
        assertEquals(Map.of("one", 1, "two", List.of("x")), plain(in));
    }

    @Test
    void aValueThatResolvesToNullIsLeftOutAsTheEngineLeavesItOut() {
        assertEquals(Map.of("kept", "v"), plain(Map.of("kept", "v", "unset", Output.ofNullable(null))));
    }

    @Test
    void argsAreKeyedByTheirImportNamesAndUnsetFieldsAreLeftOut() {
        Object job = plain(new JobSpecArgs("local:///opt/job.jar", null, List.of(), 2, UpgradeMode.LAST_STATE));
        assertEquals(Map.of("jarURI", "local:///opt/job.jar", "parallelism", 2, "upgradeMode", "last-state", "state", "running"), job);
    }

    @Test
    void theInputsOfArgsAreTheirImportFieldsOwnFirstThenInheritedNeverStatic() throws Exception {
        List<PlainInputs.ImportedField> fields = PlainInputs.byClass().get(TwoLevelArgs.class);
        assertEquals(List.of("own", "inherited"), fields.stream().map(PlainInputs.ImportedField::name).toList());
        // private fields of another top-level class: readable here only because the resolver made them so
        TwoLevelArgs args = new TwoLevelArgs();
        assertEquals(List.of("o", "b"), List.of(fields.get(0).field().get(args), fields.get(1).field().get(args)));
        assertEquals(Map.of("own", "o", "inherited", "b"), plain(args));
    }
}
