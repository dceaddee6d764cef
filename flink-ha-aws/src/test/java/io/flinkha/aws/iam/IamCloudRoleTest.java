package io.flinkha.aws.iam;

import com.pulumi.core.Output;
import io.flinkha.ComponentPlans;
import io.flinkha.ComponentPlans.Plan;
import io.flinkha.PublicApi.Registered;
import io.flinkha.aws.AwsPlans;
import io.flinkha.cluster.ExistingCluster;
import io.flinkha.cluster.ExistingClusterArgs;
import io.flinkha.cluster.OidcIdentity;
import io.flinkha.identity.CloudCredentials;
import io.flinkha.identity.FlinkServiceAccount;
import io.flinkha.identity.FlinkServiceAccountArgs;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Map;
import java.util.Optional;

import static io.flinkha.ComponentPlans.at;
import static io.flinkha.ComponentPlans.only;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class IamCloudRoleTest {
    private static final String SA = "kubernetes:core/v1:ServiceAccount";
    private static final String IAM_ROLE = "aws:iam/role:Role";

    /** The account on a cluster with an OIDC provider, as IRSA needs, with its IAM role. */
    private static Plan oidcPlan() {
        return AwsPlans.ofAwsComponent(aws -> new FlinkServiceAccount("jobs", FlinkServiceAccountArgs.builder()
                .namespace("streaming")
                .cluster(new ExistingCluster("eks", new ExistingClusterArgs("eks", Optional.empty(),
                        Optional.of(new OidcIdentity(
                                Output.of("arn:aws:iam::123456789012:oidc-provider/oidc.eks.eu-west-1.amazonaws.com/id/ABC"),
                                Output.of("https://oidc.eks.eu-west-1.amazonaws.com/id/ABC")))), null))
                .cloudRole(IamCloudRole.declaration(aws))
                .build(), null));
    }

    @Test
    void onAClusterWithOidcTheAccountOwnsOneRoleOnlyItCanAssumeAndCarriesItsArn() {
        Plan plan = oidcPlan();
        Registered role = only(plan, IAM_ROLE);
        String trust = String.valueOf(ComponentPlans.json(at(role, "assumeRolePolicy")));
        assertTrue(trust.contains("oidc.eks.eu-west-1.amazonaws.com/id/ABC:sub=system:serviceaccount:streaming:flink"), trust);
        assertTrue(trust.contains("oidc.eks.eu-west-1.amazonaws.com/id/ABC:aud=sts.amazonaws.com"), trust);
        Map<String, Object> annotations = at(only(plan, SA), "metadata.annotations");
        assertEquals(Map.of(IamCloudRole.IRSA_ANNOTATION, "arn:aws:iam::123456789012:role/jobs-irsa"), annotations);
    }

    @Test
    void theRoleIsAChildOfTheAccountSoItKeepsTheUrnStacksAlreadyHave() {
        Plan plan = oidcPlan();
        Registered role = only(plan, IAM_ROLE);
        assertSame(only(plan, FlinkServiceAccount.TYPE).resource(), role.parent().orElseThrow());
        assertTrue(role.urn().endsWith("flink-ha:identity:FlinkServiceAccount$aws:iam/role:Role::jobs-irsa"), role.urn());
    }

    @Test
    void onAClusterWithOidcTheAccountHandsOutItsIamRole() {
        Plan plan = oidcPlan();
        FlinkServiceAccount account = (FlinkServiceAccount) only(plan, FlinkServiceAccount.TYPE).resource();
        var role = (IamCloudRole) account.cloudRole().orElseThrow();
        assertSame(only(plan, IAM_ROLE).resource(), role.role());
        assertEquals(CloudCredentials.IRSA, account.credentials());
        assertEquals(Optional.empty(), role.podIdentityAssociation());
    }

    @Test
    void onAClusterWithoutOidcOrPodIdentityTheDeclarationDeclaresNothing() {
        Plan plan = AwsPlans.ofAwsComponent(aws -> new FlinkServiceAccount("jobs", FlinkServiceAccountArgs.builder()
                .namespace("streaming")
                .cluster(new ExistingCluster("test", new ExistingClusterArgs("test", Optional.empty()), null))
                .cloudRole(IamCloudRole.declaration(aws))
                .build(), null));
        assertEquals(List.of(), plan.ofType(IAM_ROLE));
        FlinkServiceAccount account = (FlinkServiceAccount) only(plan, FlinkServiceAccount.TYPE).resource();
        assertEquals(CloudCredentials.NONE, account.credentials());
    }

    @Test
    void refusesADeclarationWithoutAProvider() {
        var e = assertThrows(NullPointerException.class, () -> IamCloudRole.declaration(null));
        assertTrue(e.getMessage().startsWith("IamCloudRole: provider is required"), e.getMessage());
    }
}
