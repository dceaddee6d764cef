package io.flinkha.flink.check;

import org.junit.jupiter.api.Test;

import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotSame;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The operator's own Flink release reads the configuration in a class loader of its own. These tests load it
 * afresh: {@link FlinkRelease#bundled} keeps the first release it loads for the whole program.
 */
class FlinkReleaseTest {
    /** Operator 1.10.0's Flink: the release whose keys differ from the image's. */
    private static final String OPERATOR_FLINK = io.flinkha.operator.OperatorRelease.V1_10_0.flinkVersion();

    @Test
    void theOperatorsReleaseNamesTheCheckpointDirectoryByItsOwnKey() {
        Map<String, String> read = FlinkRelease.load(OPERATOR_FLINK).readConfiguration(Map.of("state.checkpoints.dir", "s3://b/cp"));
        assertEquals("state.checkpoints.dir", read.get("checkpoints.key"));
        assertEquals("s3://b/cp", read.get("checkpoints"));
    }

    @Test
    void theOperatorsReleaseDoesNotReadAKeyOnlyTheImagesReleaseKnows() {
        assertTrue(OPERATOR_FLINK.startsWith("1.19"), OPERATOR_FLINK);
        Map<String, String> read = FlinkRelease.load(OPERATOR_FLINK).readConfiguration(Map.of("execution.checkpointing.dir", "s3://b/cp"));
        assertEquals(null, read.get("checkpoints"), "Flink " + OPERATOR_FLINK + " has no execution.checkpointing.dir");
    }

    @Test
    void theReleaseReadsTheOptionsTheChecksUseUnderItsOwnKeys() {
        FlinkRelease release = FlinkRelease.load(OPERATOR_FLINK);
        Map<String, String> read = release.readConfiguration(Map.of("high-availability.type", "kubernetes", "state.savepoints.dir", "s3://b/sp"));
        assertEquals(Map.of("checkpoints.key", "state.checkpoints.dir", "savepoints.key", "state.savepoints.dir",
                "savepoints", "s3://b/sp", "haType.key", "high-availability.type", "haType", "kubernetes",
                "haStorage.key", "high-availability.storageDir", "haClusterId.key", "high-availability.cluster-id"), read);
    }

    @Test
    void operator1150sFlink1201ReadsTheCheckpointDirectoryUnderItsCurrentKey() {
        Map<String, String> read = FlinkRelease.load(io.flinkha.operator.OperatorRelease.V1_15_0.flinkVersion())
                .readConfiguration(Map.of("execution.checkpointing.dir", "s3://b/cp"));
        assertEquals("execution.checkpointing.dir", read.get("checkpoints.key"));
        assertEquals("s3://b/cp", read.get("checkpoints"));
    }

    /** A type that changed between releases: 1.19 reads heartbeat.timeout as milliseconds, 1.20 as a duration. */
    @Test
    void eachReleaseParsesAValueWithItsOwnTypes() {
        assertEquals(null, FlinkRelease.load("1.20.1").valueProblem("heartbeat.timeout", "Duration", false, "50 s"));
        assertTrue(FlinkRelease.load("1.19.1").valueProblem("heartbeat.timeout", "Long", false, "50 s") != null);
        assertEquals(null, FlinkRelease.load("2.2.0").valueProblem("taskmanager.numberOfTaskSlots", "Integer", false, "2"));
        assertTrue(FlinkRelease.load("2.2.0").valueProblem("taskmanager.numberOfTaskSlots", "Integer", false, "two") != null);
    }

    @Test
    void aReleaseTheBuildDoesNotBundleIsRefusedByName() {
        IllegalStateException e = assertThrows(IllegalStateException.class, () -> FlinkRelease.load("0.9.9"));
        assertEquals("Flink 0.9.9 is not bundled with this build", e.getMessage());
    }

    @Test
    void theBundledReleaseIsLoadedOnceAndALoadIsAFreshCopy() {
        FlinkRelease bundled = FlinkRelease.bundled(OPERATOR_FLINK);
        assertSame(bundled, FlinkRelease.bundled(OPERATOR_FLINK));
        assertNotSame(bundled, FlinkRelease.load(OPERATOR_FLINK));
    }
}
