package io.flinkha.config;

import com.google.gson.JsonParser;
import org.junit.jupiter.api.Test;

import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Every setting is read by its type: a value of another type is a problem naming the key, the value and the type. */
class NodeTest {
    private final Problems problems = new Problems();

    private Node node(String json) {
        return new Node("flink-ha.s", JsonParser.parseString(json).getAsJsonObject(), problems);
    }

    private List<String> reported() {
        return problems.isEmpty() ? List.of() : assertThrows(SettingsException.class, () -> problems.throwIfAny("test")).problems();
    }

    @Test
    void aStringGivenAnObjectIsAProblemAndReadsAsUnset() {
        assertEquals(Optional.empty(), node("{\"k\":{\"a\":1}}").optionalString("k"));
        assertEquals(List.of("flink-ha.s.k: got '{\"a\":1}'; expected a string"), reported());
    }

    @Test
    void aRequiredStringThatIsAbsentIsRequired() {
        assertEquals("", node("{}").requiredString("k", "expected a name"));
        assertEquals(List.of("flink-ha.s.k: is required; expected a name"), reported());
    }

    @Test
    void aRequiredStringThatIsBlankIsAProblemWithItsValue() {
        assertEquals("", node("{\"k\":\" \"}").requiredString("k", "expected a name"));
        assertEquals(List.of("flink-ha.s.k: got ' '; expected a name"), reported());
    }

    @Test
    void aWholeNumberIsAcceptedAtBothBounds() {
        Node n = node("{\"low\":1,\"high\":\"9\"}");
        assertEquals(Optional.of(1), n.optionalInteger("low", new io.flinkha.validation.IntRange(1, 9)));
        assertEquals(Optional.of(9), n.optionalInteger("high", new io.flinkha.validation.IntRange(1, 9)));
        assertEquals(List.of(), reported());
    }

    @Test
    void aWholeNumberOutsideItsBoundsIsAProblemAndReadsAsNone() {
        assertEquals(Optional.empty(), node("{\"k\":10}").optionalInteger("k", new io.flinkha.validation.IntRange(1, 9)));
        assertEquals(List.of("flink-ha.s.k: got '10'; expected a whole number from 1 to 9"), reported());
    }

    @Test
    void aBooleanTakesTrueOrFalseInAnyCase() {
        Node n = node("{\"yes\":\"TRUE\",\"no\":false}");
        assertTrue(n.bool("yes", false));
        assertEquals(false, n.bool("no", true));
        assertEquals(List.of(), reported());
    }

    @Test
    void aBooleanGivenAnythingElseIsAProblemAndReadsAsTheFallback() {
        assertEquals(false, node("{\"k\":\"yes\"}").bool("k", false));
        assertEquals(true, node("{\"k\":\"no\"}").bool("k", true));
        assertEquals(List.of("flink-ha.s.k: got 'yes'; expected true or false", "flink-ha.s.k: got 'no'; expected true or false"), reported());
    }

    @Test
    void aSectionGivenAScalarIsAProblemAndReadsAsUnset() {
        assertEquals(Optional.empty(), node("{\"k\":3}").child("k"));
        assertEquals(List.of("flink-ha.s.k: got '3'; expected an object"), reported());
    }

    @Test
    void aListOfStringsGivenAScalarIsAProblem() {
        assertEquals(List.of(), node("{\"k\":\"a\"}").strings("k"));
        assertEquals(List.of("flink-ha.s.k: got 'a'; expected a list of strings"), reported());
    }

    @Test
    void anItemOfAListOfStringsThatIsNotAStringIsAProblemNamedByItsIndex() {
        assertEquals(List.of("a", "c"), node("{\"k\":[\"a\",{},\"c\"]}").strings("k"));
        assertEquals(List.of("flink-ha.s.k[1]: got '{}'; expected a string"), reported());
    }

    @Test
    void aStringMapKeepsNumbersAndBooleansAsTheirText() {
        assertEquals(Map.of("a", "1", "b", "true", "c", "x"), node("{\"k\":{\"a\":1,\"b\":true,\"c\":\"x\"}}").stringMap("k"));
    }

    @Test
    void aNestedValueInAStringMapIsAProblem() {
        assertEquals(Map.of(), node("{\"k\":{\"a\":[1]}}").stringMap("k"));
        assertEquals(List.of("flink-ha.s.k.a: got '[1]'; expected a plain value (string, number or boolean)"), reported());
    }

    @Test
    void aListOfObjectsGivenAnObjectIsAProblem() {
        assertEquals(List.of(), node("{\"k\":{}}").objects("k"));
        assertEquals(List.of("flink-ha.s.k: got '{}'; expected a list of objects"), reported());
    }

    @Test
    void anItemOfAListOfObjectsThatIsNotAnObjectIsAProblemNamedByItsIndex() {
        assertEquals(1, node("{\"k\":[{},\"x\"]}").objects("k").size());
        assertEquals(List.of("flink-ha.s.k[1]: got 'x'; expected an object"), reported());
    }

    @Test
    void aPlainMapKeepsListsBooleansStringsWholeNumbersAndFractions() {
        Map<String, Object> expected = new HashMap<>();
        expected.put("list", Arrays.asList(1L, "two", null));
        expected.put("on", true);
        expected.put("text", "x");
        expected.put("fraction", 0.5);
        assertEquals(expected, node("{\"v\":{\"list\":[1,\"two\",null],\"on\":true,\"text\":\"x\",\"fraction\":0.5}}").plainMap("v"));
    }

    @Test
    void aPlainMapKeepsAWholeNumberBeyondALongAsADouble() {
        assertEquals(Map.of("n", 9.223372036854775807E18), node("{\"v\":{\"n\":9223372036854775807}}").plainMap("v"));
    }

    @Test
    void aProblemWithoutAValueSaysItGotNothing() {
        problems.add("flink-ha.s.k", null, "expected a name");
        assertEquals(List.of("flink-ha.s.k: got nothing; expected a name"), reported());
    }
}
