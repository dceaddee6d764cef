package io.flinkha.flink.check;

import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Flink values are read back through Flink's own ConfigOptions, for the Flink release of the image. */
class FlinkOptionsTest {
    private static List<FlinkOptions.Finding> check(String key, String value) {
        return FlinkOptions.bundled().check(Map.of(key, value));
    }

    @Test
    void knowsTheOptionsOfFlinkCoreKubernetesAndTheJobResultStore() {
        List<FlinkOptions.Finding> none = FlinkOptions.bundled().check(Map.of(
                "heartbeat.timeout", "50 s", "taskmanager.numberOfTaskSlots", "2", "kubernetes.container.image.pull-policy", "Always",
                "job-result-store.delete-on-commit", "false", "restart-strategy.exponential-delay.initial-backoff", "1 s"));
        assertEquals(List.of(), none);
        assertTrue(FlinkOptions.bundled().size() > 500, "options known: " + FlinkOptions.bundled().size());
    }

    @Test
    void aDurationThatDoesNotParseIsAnError() {
        FlinkOptions.Finding f = check("heartbeat.timeout", "soon").get(0);
        assertTrue(f.error());
        assertTrue(f.message().contains("cannot read 'soon' as a duration"), f.message());
    }

    @Test
    void aValueThatDoesNotParseCarriesFlinksOwnReason() {
        assertEquals("Flink " + UpstreamCheck.FLINK_VERSION + " cannot read 'soon' as a duration (e.g. 30 s, 5 min) for "
                + "'heartbeat.timeout': text does not start with a number", check("heartbeat.timeout", "soon").get(0).message());
    }

    @Test
    void anEnumValueThatDoesNotParseListsTheValuesFlinkTakes() {
        String e = check("kubernetes.rest-service.exposed.type", "Public").get(0).message();
        assertTrue(e.contains("as one of [ClusterIP, NodePort, LoadBalancer, Headless_ClusterIP]"), e);
    }

    @Test
    void editDistanceCountsInsertionsDeletionsAndReplacements() {
        assertEquals(3, FlinkOptions.distance("kitten", "sitting"));
        assertEquals(2, FlinkOptions.distance("flaw", "lawn"));
        assertEquals(4, FlinkOptions.distance("", "abcd"));
        assertEquals(4, FlinkOptions.distance("abcd", ""));
        assertEquals(0, FlinkOptions.distance("heartbeat.timeout", "heartbeat.timeout"));
    }

    @Test
    void aKeyIsNamedAsATypoOnlyWithinAFifthOfItsLengthAndAtLeastTwoEdits() {
        // 16 characters allow 3 edits, and this key is exactly 3 away
        assertEquals(java.util.Optional.of("heartbeat.timeout"), FlinkOptions.bundled().closest("heartbeat.tmeotX"));
        assertEquals(java.util.Optional.empty(), FlinkOptions.bundled().closest("zzzzzzzzzzzzzzzzzzzzzzzzzzzz"));
    }

    @Test
    void aRestartBackoffAndACheckpointTimeoutAreCheckedToo() {
        assertTrue(check("restart-strategy.exponential-delay.initial-backoff", "soon").get(0).error());
        assertTrue(check("execution.checkpointing.timeout", "soon").get(0).error());
    }

    @Test
    void aWholeNumberAMemorySizeAndAnEnumAreCheckedByTheirType() {
        assertTrue(check("taskmanager.numberOfTaskSlots", "two").get(0).message().contains("a whole number"));
        assertTrue(check("taskmanager.memory.process.size", "lots").get(0).message().contains("a memory size"));
        String e = check("kubernetes.rest-service.exposed.type", "Public").get(0).message();
        assertTrue(e.contains("ClusterIP"), e);
    }

    @Test
    void aDeprecatedKeyIsReadThroughTheOptionItFallsBackTo() {
        assertEquals(List.of(), check("state.checkpoints.dir", "s3://bucket/checkpoints"));
        assertTrue(check("state.checkpoints.num-retained", "two").get(0).error(), "parsed as execution.checkpointing.num-retained");
    }

    @Test
    void anUnknownKeyInAFamilyThePlatformReliesOnIsAnErrorNamingTheClosestKey() {
        FlinkOptions.Finding f = check("heartbeat.timout", "50 s").get(0);
        assertTrue(f.error());
        assertTrue(f.message().contains("did you mean 'heartbeat.timeout'?"), f.message());
    }

    @Test
    void anUnknownKeyElsewhereIsAWarning() {
        FlinkOptions.Finding f = check("parallelism.defualt", "4").get(0);
        assertFalse(f.error());
        assertTrue(f.message().contains("did you mean 'parallelism.default'?"), f.message());
    }

    @Test
    void keysThatPluginsAndReportersDefineAreNotJudged() {
        assertEquals(List.of(), check("s3.endpoint", "http://minio:9000"));
        assertEquals(List.of(), check("state.backend.rocksdb.memory.managed", "true"));
        assertEquals(List.of(), check("metrics.reporter.prom.factory.class", "x"));
    }

    @Test
    void ofTwoEquallyNearKeysTheFirstAlphabeticallyIsNamed() {
        assertEquals(java.util.Optional.of("jobmanager.adaptive-scheduler.scaling-interval.max"),
                FlinkOptions.bundled().closest("jobmanager.adaptive-scheduler.scaling-interval.m"));
    }

    @Test
    void eachJobMinorIsCheckedByItsOwnRelease() {
        assertEquals("2.2.0", FlinkOptions.forJob("2.2.0").orElseThrow().version());
        assertEquals("1.20.1", FlinkOptions.forJob("1.20.3").orElseThrow().version());
        assertEquals("1.19.1", FlinkOptions.forJob("1.19.2").orElseThrow().version());
        assertEquals(java.util.Optional.empty(), FlinkOptions.forJob("2.1.1"));
        assertEquals(java.util.Optional.empty(), FlinkOptions.forJob("2.3.0"));
    }

    @Test
    void aKeyTheReleaseRemovedIsNamedAsRemovedOnAFlink2Job() {
        assertEquals(List.of(), FlinkOptions.of("1.20.1").check(Map.of("state.backend.async", "true")));
        FlinkOptions.Finding f = FlinkOptions.of("2.2.0").check(Map.of("state.backend.async", "true")).get(0);
        assertTrue(f.error());
        assertEquals("Flink 2.2.0 removed 'state.backend.async' (a Flink 1.20 option): drop it", f.message());
    }

    @Test
    void aFlink1NameOnAFlink2JobIsAnErrorNamingTheCurrentKey() {
        FlinkOptions.Finding f = FlinkOptions.of("2.2.0").check(Map.of("state.checkpoints.dir", "s3://b/cp")).get(0);
        assertTrue(f.error());
        assertEquals("'state.checkpoints.dir' is a Flink 1.x name that Flink 2.2.0 reads only as a deprecated key of "
                + "'execution.checkpointing.dir': use 'execution.checkpointing.dir'", f.message());
    }

    @Test
    void aDeprecatedNameOnAFlink1JobStaysAllowedForTheOperatorsThatKnowNoOther() {
        assertEquals(List.of(), FlinkOptions.of("1.20.1").check(Map.of("state.savepoints.dir", "s3://b/sp")));
    }

    @Test
    void aValueIsParsedWithTheJobReleasesOwnTypes() {
        assertEquals(List.of(), FlinkOptions.of("1.20.1").check(Map.of("heartbeat.timeout", "50 s")));
        assertTrue(FlinkOptions.of("1.19.1").check(Map.of("heartbeat.timeout", "50 s")).get(0).message()
                .startsWith("Flink 1.19.1 cannot read '50 s' as a whole number for 'heartbeat.timeout'"));
    }

    @Test
    void anEnumValueIsRefusedInFlinksOwnWords() {
        assertEquals("Flink 2.2.0 cannot read 'Public' as one of [ClusterIP, NodePort, LoadBalancer, Headless_ClusterIP] for "
                + "'kubernetes.rest-service.exposed.type': Could not parse value for enum class org.apache.flink.kubernetes."
                + "configuration.KubernetesConfigOptions$ServiceExposedType. Expected one of: [[ClusterIP, NodePort, LoadBalancer, "
                + "Headless_ClusterIP]]", FlinkOptions.of("2.2.0").check(Map.of("kubernetes.rest-service.exposed.type", "Public")).get(0).message());
        assertEquals(List.of(), FlinkOptions.of("2.2.0").check(Map.of("kubernetes.rest-service.exposed.type", "nodeport")));
    }

    @Test
    void theSharedNameIsTheJobsCurrentOneWhenTheOperatorKnowsIt() {
        FlinkOptions op110 = FlinkOptions.of("1.19.1");
        FlinkOptions op115 = FlinkOptions.of("1.20.1");
        assertEquals("state.checkpoints.dir", FlinkOptions.nameBothRead("state.checkpoints.dir", op110, FlinkOptions.of("1.20.1")));
        assertEquals("execution.checkpointing.dir", FlinkOptions.nameBothRead("state.checkpoints.dir", op115, FlinkOptions.of("1.20.1")));
        assertEquals("execution.checkpointing.dir", FlinkOptions.nameBothRead("state.checkpoints.dir", op115, FlinkOptions.of("2.2.0")));
        assertEquals("state.checkpoints.dir", FlinkOptions.nameBothRead("state.checkpoints.dir", op115, FlinkOptions.of("1.19.1")));
        var e = org.junit.jupiter.api.Assertions.assertThrows(IllegalArgumentException.class,
                () -> FlinkOptions.nameBothRead("execution.checkpointing.dir", op110, FlinkOptions.of("1.19.1")));
        assertEquals("Flink 1.19.1 and Flink 1.19.1 share no name for 'execution.checkpointing.dir'", e.getMessage());
    }

    @Test
    void aReleaseTheLibraryDoesNotCarryIsRefusedByName() {
        var e = org.junit.jupiter.api.Assertions.assertThrows(IllegalArgumentException.class, () -> FlinkOptions.of("0.9.9"));
        assertEquals("Flink 0.9.9's options are not built into this library", e.getMessage());
    }

    @Test
    void anUnknownPipelineExecutionOrStateKeyIsAWarningNamingTheClosestKey() {
        for (var typo : Map.of("pipeline.max-parallelizm", "pipeline.max-parallelism", "execution.runtime-mod", "execution.runtime-mode",
                "state.backend.incrementl", "state.backend.incremental").entrySet()) {
            FlinkOptions.Finding f = check(typo.getKey(), "1").get(0);
            assertFalse(f.error(), typo.getKey());
            assertTrue(f.message().contains("did you mean '" + typo.getValue() + "'?"), f.message());
        }
    }

    @Test
    void fewerThanOneTaskSlotIsAnErrorOnEveryRelease() {
        for (String release : List.of("1.19.1", "1.20.1", "2.2.0")) {
            for (String slots : List.of("0", "-1")) {
                List<FlinkOptions.Finding> f = FlinkOptions.of(release).check(Map.of("taskmanager.numberOfTaskSlots", slots));
                assertEquals(1, f.size(), release + " " + slots);
                assertTrue(f.get(0).error());
                assertTrue(f.get(0).message().startsWith("expected at least 1: Flink refuses fewer"), f.get(0).message());
            }
            assertEquals(List.of(), FlinkOptions.of(release).check(Map.of("taskmanager.numberOfTaskSlots", "1")));
        }
    }

    @Test
    void aReleasesOptionsAreReadAfreshFromItsMetadata() {
        FlinkOptions fresh = FlinkOptions.load("2.2.0");
        assertEquals("2.2.0", fresh.version());
        assertTrue(fresh.size() > 600, "keys: " + fresh.size());
        assertEquals(java.util.Optional.of("execution.checkpointing.dir"), fresh.currentKey("state.checkpoints.dir"));
        assertTrue(!fresh.knows("# key"), "the header line is no key");
        assertEquals(List.of(), fresh.check(Map.of("kubernetes.rest-service.exposed.type", "NodePort")), "enum values are read");
        var e = org.junit.jupiter.api.Assertions.assertThrows(IllegalArgumentException.class, () -> FlinkOptions.load("0.0.1"));
        assertEquals("Flink 0.0.1's options are not built into this library", e.getMessage());
    }

    @Test
    void anEnumValueIsOneConstantNotASemicolonList() {
        assertTrue(check("kubernetes.rest-service.exposed.type", "ClusterIP;NodePort").get(0).error());
    }
}
