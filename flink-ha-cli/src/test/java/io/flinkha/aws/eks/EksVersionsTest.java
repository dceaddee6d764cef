package io.flinkha.aws.eks;

import io.flinkha.Plans;
import org.junit.jupiter.api.Test;

import java.time.LocalDate;
import java.util.List;
import java.util.Optional;

import static io.flinkha.aws.eks.EksVersions.SupportType.EXTENDED;
import static io.flinkha.aws.eks.EksVersions.SupportType.STANDARD;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class EksVersionsTest {
    private static final LocalDate REVIEW_DAY = LocalDate.of(2026, 11, 29);

    @Test
    void refuses131AfterItsExtendedSupportEnded() {
        String p = EksVersions.problem("1.31", STANDARD, REVIEW_DAY).orElseThrow();
        assertTrue(p.startsWith("standard support of Kubernetes 1.31 on EKS ended on 2025-11-26"), p);
        assertTrue(EksVersions.problem("1.31", EXTENDED, REVIEW_DAY).orElseThrow().contains("ended on 2026-11-26"));
    }

    @Test
    void suggestsPayingForExtendedSupportWhileThereIsSome() {
        String p = EksVersions.problem("1.32", STANDARD, REVIEW_DAY).orElseThrow();
        assertTrue(p.contains("or set upgradePolicy: EXTENDED to pay for extended support until 2027-03-23"), p);
        assertEquals(Optional.empty(), EksVersions.problem("1.32", EXTENDED, REVIEW_DAY));
    }

    @Test
    void accepts135InStandardSupportWithoutAWarning() {
        assertEquals(Optional.empty(), EksVersions.problem("1.35", STANDARD, REVIEW_DAY));
        assertEquals(Optional.empty(), EksVersions.warning("1.35", STANDARD, REVIEW_DAY), "118 days left");
    }

    @Test
    void warnsWithinNinetyDaysOfTheEndOfSupport() {
        String w = EksVersions.warning("1.34", STANDARD, REVIEW_DAY).orElseThrow();
        assertTrue(w.startsWith("standard support of Kubernetes 1.34 on EKS ends on 2026-12-02 (in 3 days)"), w);
        assertTrue(EksVersions.warning("1.35", STANDARD, LocalDate.of(2026, 12, 27)).isPresent(), "90 days before 2027-03-27");
        assertEquals(Optional.empty(), EksVersions.warning("1.35", STANDARD, LocalDate.of(2026, 12, 26)));
    }

    @Test
    void refusesAVersionWhoseDatesAreUnknown() {
        assertTrue(EksVersions.problem("1.29", STANDARD, REVIEW_DAY).orElseThrow().contains("the support dates of 1.29 are unknown"));
    }

    @Test
    void theDefaultIsTheNewestVersionInTheTable() {
        assertEquals("1.35", EksVersions.DEFAULT);
        assertEquals(List.of("1.35", "1.34", "1.33", "1.32", "1.31", "1.30"), EksVersions.TABLE.stream().map(EksVersions.Version::version).toList());
    }

    private static EksClusterArgs.Builder args() {
        return EksClusterArgs.builder().clusterName("c").region("eu-west-1")
                .privateSubnetIds(List.of(com.pulumi.core.Output.of("a"), com.pulumi.core.Output.of("b")))
                .awsProvider(org.mockito.Mockito.mock(com.pulumi.aws.Provider.class))
                .deployer("arn:aws:iam::123456789012:role/deploy")
                .checkedOn(REVIEW_DAY);
    }

    @Test
    void clusterArgsRefuseAVersionPastItsSupport() {
        var e = assertThrows(IllegalArgumentException.class, () -> args().kubernetesVersion("1.31").build());
        assertTrue(e.getMessage().contains("kubernetesVersion: got '1.31'; standard support of Kubernetes 1.31 on EKS ended"), e.getMessage());
    }

    @Test
    void clusterArgsRefuseTheSameAdminTwiceAndStsSessions() {
        var e = assertThrows(IllegalArgumentException.class, () -> args().admins(List.of(
                "arn:aws:iam::123456789012:role/admins", "arn:aws:iam::123456789012:role/admins",
                "arn:aws:sts::123456789012:assumed-role/admins/alice")).build());
        assertTrue(e.getMessage().contains("got 'arn:aws:iam::123456789012:role/admins', which it names twice; an IAM principal can be "
                + "in only one EKS access entry"), e.getMessage());
        assertTrue(e.getMessage().contains("an access entry cannot name an STS session"), e.getMessage());
    }

    @Test
    void clusterArgsRefuseUnknownInstanceTypesAndMixedArchitectures() {
        var unknown = assertThrows(IllegalArgumentException.class, () -> args().nodeGroup(
                new io.flinkha.aws.eks.NodeGroupSpec(List.of("m9z.huge"), 2, 2, 4, 50)).build());
        assertTrue(unknown.getMessage().contains("instanceTypes: got 'm9z.huge'; expected one of"), unknown.getMessage());
        var mixed = assertThrows(IllegalArgumentException.class, () -> args().nodeGroup(
                new io.flinkha.aws.eks.NodeGroupSpec(List.of("m6i.large", "m7g.large"), 2, 2, 4, 50)).build());
        assertTrue(mixed.getMessage().contains("expected one CPU architecture"), mixed.getMessage());
    }

    @Test
    void theProdPlanPinsAVersionInSupport() {
        assertEquals("1.35", Plans.at(Plans.only(Plans.ofStack("prod"), "aws:eks/cluster:Cluster"), "version"));
    }
}
