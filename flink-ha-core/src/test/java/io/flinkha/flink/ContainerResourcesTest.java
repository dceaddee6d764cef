package io.flinkha.flink;

import org.junit.jupiter.api.Test;

import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;

/** A pod's CPU and memory, as Flink's settings spell them and as the scheduler counts them. */
class ContainerResourcesTest {
    private static int mib(String memory) {
        return new ContainerResources(1, memory).memoryMib();
    }

    @Test
    void memoryIsReadInBinaryUnitsAndRoundedUpToAWholeMebibyte() {
        assertEquals(2048, mib("2048m"));
        assertEquals(2048, mib("2g"));
        assertEquals(2048, mib("2Gi"));
        assertEquals(1024 * 1024, mib("1t"));
        assertEquals(2, mib("1025k"));
        assertEquals(1, mib("1048576b"));
        assertEquals(2, mib("1048577b"));
    }

    @Test
    void cpuIsAcceptedFromATenthOfACoreTo64Cores() {
        assertEquals(List.of(), ContainerResources.problems(0.1, "1g"));
        assertEquals(List.of(), ContainerResources.problems(64, "1g"));
        assertEquals(List.of("cpu: got 0.09; expected cores from 0.1 to 64"), ContainerResources.problems(0.09, "1g"));
        assertEquals(List.of("cpu: got 64.5; expected cores from 0.1 to 64"), ContainerResources.problems(64.5, "1g"));
    }
}
