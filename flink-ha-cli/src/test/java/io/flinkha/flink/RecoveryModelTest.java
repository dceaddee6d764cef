package io.flinkha.flink;

import io.flinkha.Plans;
import io.flinkha.testing.PlannedResource;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.util.Map;
import java.util.Optional;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class RecoveryModelTest {
    private static RecoveryObjective objective(int seconds) {
        return new RecoveryObjective(Duration.ofSeconds(seconds), Duration.ofSeconds(30), Duration.ofSeconds(15));
    }

    /** The fixtures the policy pack's recovery arithmetic is tested against too: one source of truth for both. */
    static java.util.stream.Stream<java.nio.file.Path> recoveryFixtures() throws java.io.IOException {
        return java.nio.file.Files.list(java.nio.file.Path.of("policies/test/fixtures/recovery")).filter(p -> p.toString().endsWith(".json")).sorted();
    }

    @org.junit.jupiter.params.ParameterizedTest
    @org.junit.jupiter.params.provider.MethodSource("recoveryFixtures")
    @SuppressWarnings("unchecked")
    void theWorstCaseMatchesTheFixtureThePolicyPackIsTestedAgainst(java.nio.file.Path fixture) throws java.io.IOException {
        Map<String, Object> f = new com.google.gson.Gson().fromJson(java.nio.file.Files.readString(fixture), Map.class);
        var r = RecoveryModel.evaluate((Map<String, String>) f.get("flinkConfiguration"), ((Number) f.get("jobManagerReplicas")).intValue(),
                Duration.ofMillis(((Number) f.get("podStartupMs")).longValue()), Duration.ofMillis(((Number) f.get("restoreTimeMs")).longValue()));
        assertEquals(((Number) f.get("jobManagerLossMs")).longValue(), r.worst().total().toMillis(), (String) f.get("description"));
    }

    @Test
    void theRecoveryFiguresTravelAsJsonInMilliseconds() {
        var r = RecoveryModel.evaluate(Map.of(), 2, Duration.ofSeconds(30), Duration.ofSeconds(15));
        Map<?, ?> json = new com.google.gson.Gson().fromJson(r.toJson(Optional.of(Duration.ofSeconds(60)), Duration.ofSeconds(30),
                Duration.ofSeconds(15)), Map.class);
        assertEquals(60000.0, json.get("objectiveMs"));
        assertEquals(30000.0, json.get("podStartupMs"));
        assertEquals(15000.0, json.get("restoreTimeMs"));
        assertEquals(36100.0, ((Map<?, ?>) json.get("jobManagerLoss")).get("totalMs"));
        assertEquals(java.util.List.of(Map.of("term", "lease-duration", "ms", 15000.0), Map.of("term", "retry-period", "ms", 5000.0),
                Map.of("term", "restart backoff", "ms", 1100.0), Map.of("term", "restore (restoreTime)", "ms", 15000.0)),
                ((Map<?, ?>) json.get("jobManagerLoss")).get("terms"));
    }

    @Test
    void withFlinksDefaultsAndOneJobManagerTheNewPodDominates() {
        var r = RecoveryModel.evaluate(Map.of(), 1, Duration.ofSeconds(30), Duration.ofSeconds(10));
        assertEquals(Duration.ofMillis(15_000 + 5_000 + 30_000 + 1_100 + 10_000), r.worst().total());
        assertEquals("new JobManager pod (podStartup)", r.worst().dominant());
        assertEquals(Duration.ofMillis(50_000 + 30_000 + 1_100 + 10_000), r.taskManagerLoss().total(), "reported beside it");
    }

    @Test
    void aStandbyJobManagerTakesThePodStartOutOfTheJobManagerPath() {
        var one = RecoveryModel.evaluate(Map.of(), 1, Duration.ofSeconds(30), Duration.ofSeconds(10));
        var two = RecoveryModel.evaluate(Map.of(), 2, Duration.ofSeconds(30), Duration.ofSeconds(10));
        assertEquals(Duration.ofSeconds(30), one.jobManagerLoss().total().minus(two.jobManagerLoss().total()));
    }

    @Test
    void derivesSettingsThatMeetTheObjective() {
        var r = RecoveryModel.derive(objective(60), Optional.empty(), Map.of());
        assertTrue(r.worst().total().compareTo(Duration.ofSeconds(60)) <= 0, r.describe());
        assertEquals("exponential-delay", r.derived().get(RecoveryModel.RESTART_STRATEGY));
        assertEquals(1, r.jobManagerReplicas(), "60 s leaves room for a new JobManager pod");
    }

    @Test
    void theHeartbeatTimeoutNeverGoesBelowItsFloorAgainstGcPausesAndSaysWhatItCosts() {
        var r = RecoveryModel.derive(objective(60), Optional.empty(), Map.of());
        assertEquals("20 s", r.derived().get(RecoveryModel.HEARTBEAT_TIMEOUT), "60 s leaves 13.9 s after a new TaskManager pod");
        assertEquals(1, r.tradeoffs().size(), r.tradeoffs().toString());
        assertTrue(r.tradeoffs().get(0).startsWith("heartbeat.timeout is held at its 20s floor, where the objective would leave 13.9s "
                + "after a new TaskManager pod: a TaskManager loss takes 66.1s, beyond the 60s objective"), r.tradeoffs().get(0));
    }

    @Test
    void theHeartbeatIntervalKeepsFlinksRatioOfFiveBeatsPerTimeout() {
        var r = RecoveryModel.derive(objective(60), Optional.empty(), Map.of());
        assertEquals("4 s", r.derived().get(RecoveryModel.HEARTBEAT_INTERVAL));
    }

    @Test
    void aLooseObjectiveNeedsNoTradeoff() {
        var r = RecoveryModel.derive(objective(120), Optional.empty(), Map.of());
        assertEquals(java.util.List.of(), r.tradeoffs());
        assertEquals("50 s", r.derived().get(RecoveryModel.HEARTBEAT_TIMEOUT), "Flink's default, since the objective leaves more");
    }

    @Test
    void anExplicitRetryPeriodBelowItsFloorIsKeptAndItsRiskNamed() {
        var r = RecoveryModel.evaluate(Map.of(RecoveryModel.RETRY_PERIOD, "1 s"), 2, Duration.ofSeconds(30), Duration.ofSeconds(15));
        assertEquals(java.util.List.of("high-availability.kubernetes.leader-election.retry-period: 1s is below the 2s floor: contenders "
                + "poll the API server that often for every job"), r.tradeoffs());
    }

    @Test
    void anExplicitSettingBelowAFloorIsKeptAndItsRiskNamed() {
        var r = RecoveryModel.evaluate(Map.of(RecoveryModel.HEARTBEAT_TIMEOUT, "5 s", RecoveryModel.LEASE_DURATION, "6 s"), 2,
                Duration.ofSeconds(30), Duration.ofSeconds(15));
        assertEquals(Duration.ofSeconds(5), r.taskManagerLoss().terms().get("heartbeat.timeout"));
        assertEquals(2, r.tradeoffs().size(), r.tradeoffs().toString());
        assertTrue(r.tradeoffs().get(0).startsWith("high-availability.kubernetes.leader-election.lease-duration: 6s is below the 10s floor"),
                r.tradeoffs().get(0));
        assertTrue(r.tradeoffs().get(1).startsWith("heartbeat.timeout: 5s is below the 20s floor: a TaskManager in a long GC pause"),
                r.tradeoffs().get(1));
    }

    @Test
    void theTightestObjectiveGetsLeaderElectionAtItsFloorsAndNoLower() {
        // restore 5 s + backoff 1.1 s leave exactly 12 s to the election with a standby: lease 10 s + retry 2 s
        var r = RecoveryModel.derive(new RecoveryObjective(Duration.ofMillis(18_100), Duration.ofSeconds(25), Duration.ofSeconds(5)),
                Optional.of(2), Map.of());
        assertEquals("10 s", r.derived().get(RecoveryModel.LEASE_DURATION), r.derived().toString());
        assertEquals("2 s", r.derived().get(RecoveryModel.RETRY_PERIOD), r.derived().toString());
        var e = assertThrows(IllegalArgumentException.class, () -> RecoveryModel.derive(
                new RecoveryObjective(Duration.ofMillis(18_000), Duration.ofSeconds(25), Duration.ofSeconds(5)), Optional.of(2), Map.of()));
        assertTrue(e.getMessage().contains("lease-duration 10s + retry-period 2s"), e.getMessage());
    }

    @Test
    void leaderElectionStaysWithinFlinksOrderingOfLeaseRenewAndRetry() {
        var r = RecoveryModel.derive(objective(70), Optional.empty(), Map.of());
        long lease = RecoveryModel.parse(r.derived().get(RecoveryModel.LEASE_DURATION)).orElseThrow().toSeconds();
        long renew = RecoveryModel.parse(r.derived().get(RecoveryModel.RENEW_DEADLINE)).orElseThrow().toSeconds();
        long retry = RecoveryModel.parse(r.derived().get(RecoveryModel.RETRY_PERIOD)).orElseThrow().toSeconds();
        assertTrue(lease >= 10 && renew <= lease && retry < renew, lease + " " + renew + " " + retry);
    }

    @Test
    void derivesAStandbyWhenANewJobManagerPodWouldBeTooSlow() {
        var tight = new RecoveryObjective(Duration.ofSeconds(30), Duration.ofSeconds(25), Duration.ofSeconds(10));
        var r = RecoveryModel.derive(tight, Optional.empty(), Map.of());
        assertEquals(2, r.jobManagerReplicas());
        assertTrue(r.worst().total().compareTo(Duration.ofSeconds(30)) <= 0, r.describe());
    }

    @Test
    void rejectsOneExplicitJobManagerWhenOnlyAStandbyMeetsTheObjective() {
        var tight = new RecoveryObjective(Duration.ofSeconds(30), Duration.ofSeconds(25), Duration.ofSeconds(10));
        var e = assertThrows(IllegalArgumentException.class, () -> RecoveryModel.derive(tight, Optional.of(1), Map.of()));
        assertTrue(e.getMessage().contains("cannot be met with 1 JobManager") && e.getMessage().contains("jobManagerReplicas: 2"), e.getMessage());
    }

    @Test
    void rejectsAnObjectiveBelowWhatRestoreAndAPodNeedAndNamesTheBound() {
        var e = assertThrows(IllegalArgumentException.class, () -> RecoveryModel.derive(objective(20), Optional.empty(), Map.of()));
        assertTrue(e.getMessage().contains("checkpoint restore time is not bounded by configuration"), e.getMessage());
        assertTrue(e.getMessage().contains("must be at least 28.1s"), e.getMessage());
    }

    @Test
    void aMissedObjectiveNamesTheExplicitLeaderElectionSettingNotAHeartbeatOrAnUnrelatedKey() {
        var e = assertThrows(IllegalArgumentException.class, () -> RecoveryModel.derive(objective(60), Optional.of(1), Map.of(
                "env.java.opts.all", "-XX:+UseG1GC", RecoveryModel.HEARTBEAT_TIMEOUT, "30 s", RecoveryModel.LEASE_DURATION, "30 s")));
        assertTrue(e.getMessage().contains("; high-availability.kubernetes.leader-election.lease-duration is set explicitly"), e.getMessage());
    }

    @Test
    void explicitUserSettingsWinAndAreCheckedAgainstTheObjective() {
        var kept = RecoveryModel.derive(objective(90), Optional.empty(), Map.of(RecoveryModel.LEASE_DURATION, "20 s"));
        assertTrue(!kept.derived().containsKey(RecoveryModel.LEASE_DURATION), "the user's lease is kept, not overridden");
        assertEquals(Duration.ofSeconds(20), kept.jobManagerLoss().terms().get("lease-duration"));

        var e = assertThrows(IllegalArgumentException.class, () -> RecoveryModel.derive(objective(60), Optional.of(1),
                Map.of(RecoveryModel.LEASE_DURATION, "30 s")));
        assertTrue(e.getMessage().contains("high-availability.kubernetes.leader-election.lease-duration is set explicitly"), e.getMessage());
    }

    @Test
    void parsesFlinkDurations() {
        assertEquals(Optional.of(Duration.ofSeconds(15)), RecoveryModel.parse("15 s"));
        assertEquals(Optional.of(Duration.ofMillis(500)), RecoveryModel.parse("500ms"));
        assertEquals(Optional.of(Duration.ofMinutes(2)), RecoveryModel.parse("2min"));
        assertEquals(Optional.of(Duration.ofMillis(50000)), RecoveryModel.parse("50000"));
        assertEquals(Optional.of(Duration.ofDays(1)), RecoveryModel.parse("1 d"));
        assertEquals(Optional.empty(), RecoveryModel.parse("soon"));
    }

    @Test
    void everyProdDeploymentCarriesItsWorstCaseWithinItsObjective() {
        for (PlannedResource d : Plans.ofStack("prod").ofType("kubernetes:flink.apache.org/v1beta1:FlinkDeployment")) {
            Map<String, Object> annotations = Plans.at(d, "metadata.annotations");
            assertEquals("60s", annotations.get(HaFlinkDeployment.OBJECTIVE_ANNOTATION));
            String worst = (String) annotations.get(HaFlinkDeployment.WORST_CASE_ANNOTATION);
            double seconds = Double.parseDouble(worst.substring(0, worst.indexOf('s')));
            assertTrue(seconds <= 60, worst);
            assertTrue(worst.contains("dominated by"), worst);
            assertEquals("20 s", Plans.flinkConfiguration(d).get("heartbeat.timeout"));
            assertTrue(((String) annotations.get(HaFlinkDeployment.TRADEOFFS_ANNOTATION)).startsWith("heartbeat.timeout is held at its 20s floor"),
                    String.valueOf(annotations.get(HaFlinkDeployment.TRADEOFFS_ANNOTATION)));
        }
    }
}
