package io.flinkha.operator;

import org.apache.flink.kubernetes.operator.api.spec.FlinkVersion;
import org.junit.jupiter.api.Test;

import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import java.util.Set;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The operator releases the platform deploys, as data read at each release tag. */
class OperatorReleaseTest {
    @Test
    void theDefaultIsOperator1150OnFlink1201() {
        assertEquals("1.15.0", OperatorRelease.DEFAULT.version());
        assertEquals("1.20.1", OperatorRelease.DEFAULT.flinkVersion());
        assertEquals(List.of(), OperatorRelease.DEFAULT.knownDefects());
    }

    @Test
    void operator1100StaysSelectableOnItsOwnFlink1191() {
        assertEquals(Optional.of(OperatorRelease.V1_10_0), OperatorRelease.of("1.10.0"));
        assertEquals("1.19.1", OperatorRelease.V1_10_0.flinkVersion());
    }

    @Test
    void aReleaseOutsideTheTableIsRefusedListingTheSupportedOnes() {
        assertEquals(Optional.empty(), OperatorRelease.of("1.11.0"));
        assertEquals("operator 1.11.0 is not a release this platform supports; supported: 1.10.0, 1.15.0 (default 1.15.0)",
                OperatorRelease.unsupported("1.11.0"));
    }

    /** The served 1.10.0 API jar is the upstream code: its enum, cut at the validator's isSupported, is the table's list. */
    @Test
    void operator1100AcceptsWhatItsOwnFlinkVersionEnumSupports() {
        List<String> supported = Arrays.stream(FlinkVersion.values()).filter(FlinkVersion::isSupported).map(Enum::name).toList();
        assertEquals(supported, OperatorRelease.V1_10_0.flinkVersions());
    }

    @Test
    void operator1150RunsFlink115To22BecauseItsCrdStopsAtV2_2() {
        assertEquals("1.15 to 2.2", OperatorRelease.V1_15_0.flinkRange());
        assertTrue(OperatorRelease.V1_15_0.supportedFlinkMinors().contains("2.2"));
        assertTrue(!OperatorRelease.V1_15_0.supportedFlinkMinors().contains("2.3"), "the CRD's enum refuses v2_3");
        assertTrue(!OperatorRelease.V1_10_0.supportedFlinkMinors().contains("2.0"));
    }

    @Test
    void operator1150AddsTheBlueGreenCrd() {
        assertEquals(List.of("flinkdeployments", "flinksessionjobs", "flinkstatesnapshots"), OperatorRelease.V1_10_0.crds());
        assertEquals(List.of("flinkdeployments", "flinksessionjobs", "flinkstatesnapshots", "flinkbluegreendeployments"),
                OperatorRelease.V1_15_0.crds());
    }

    @Test
    void operator1100CarriesTheTwoUpgradeDefectsFixedLater() {
        var defects = OperatorRelease.V1_10_0.knownDefects();
        assertEquals(List.of("FLINK-39270", "FLINK-38033"), defects.stream().map(OperatorRelease.KnownDefect::id).toList());
        assertEquals(Set.of("savepoint", "last-state"), defects.get(0).modesAtRisk());
        assertEquals("1.15.0", defects.get(0).fixedIn());
        assertEquals("1.13.0", defects.get(1).fixedIn());
    }

    @Test
    void aDefectIsAtRiskOnlyForTheUpgradeModesItHits() {
        assertEquals(List.of("FLINK-39270"), OperatorRelease.V1_10_0.defectsAtRisk("last-state").stream()
                .map(OperatorRelease.KnownDefect::id).toList());
        assertEquals(2, OperatorRelease.V1_10_0.defectsAtRisk("savepoint").size());
        assertEquals(List.of(), OperatorRelease.V1_10_0.defectsAtRisk("stateless"));
    }

    @Test
    void theChartComesFromTheApacheArchive() {
        assertEquals("https://archive.apache.org/dist/flink/flink-kubernetes-operator-1.15.0/", OperatorRelease.V1_15_0.chartRepository());
    }

    @Test
    void aCrdUpgradeReplacesTheCrdsTheClusterHasAndAppliesNewOnesServerSide() {
        String steps = OperatorRelease.V1_15_0.crdUpgradeCommands(Optional.of(OperatorRelease.V1_10_0));
        String base = "https://raw.githubusercontent.com/apache/flink-kubernetes-operator/release-1.15.0/helm/flink-kubernetes-operator/crds/";
        assertEquals("kubectl replace -f " + base + "flinkdeployments.flink.apache.org-v1.yml\n"
                + "kubectl replace -f " + base + "flinksessionjobs.flink.apache.org-v1.yml\n"
                + "kubectl replace -f " + base + "flinkstatesnapshots.flink.apache.org-v1.yml\n"
                + "kubectl apply --server-side -f " + base + "flinkbluegreendeployments.flink.apache.org-v1.yml\n", steps);
    }

    @Test
    void withoutAKnownInstalledReleaseEveryCrdIsReplaced() {
        assertTrue(OperatorRelease.crdUpgradeCommands("1.15.0", Optional.empty()).lines().allMatch(l -> l.startsWith("kubectl replace -f ")));
    }

    @Test
    void theChartsDefaultOverridesAreTheSameForBothReleases() {
        assertEquals(OperatorRelease.V1_10_0.chartConfigOverrides(), OperatorRelease.V1_15_0.chartConfigOverrides());
        assertTrue(OperatorRelease.V1_15_0.chartConfigOverrides().contains("kubernetes.operator.reconcile.interval: 15 s"));
    }
}
