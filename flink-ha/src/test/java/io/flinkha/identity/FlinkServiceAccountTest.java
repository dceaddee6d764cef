package io.flinkha.identity;

import com.pulumi.core.Output;
import io.flinkha.ComponentPlans;
import io.flinkha.ComponentPlans.Plan;
import io.flinkha.PublicApi.Registered;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Map;

import static io.flinkha.ComponentPlans.at;
import static io.flinkha.ComponentPlans.only;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class FlinkServiceAccountTest {
    private static final String ROLE = "kubernetes:rbac.authorization.k8s.io/v1:Role";
    private static final String BINDING = "kubernetes:rbac.authorization.k8s.io/v1:RoleBinding";
    private static final String SA = "kubernetes:core/v1:ServiceAccount";

    /** The account on a cluster with an OIDC provider, as IRSA needs. */
    private static Plan oidcPlan() {
        return ComponentPlans.ofAwsComponent(aws -> new FlinkServiceAccount("jobs", FlinkServiceAccountArgs.builder()
                .namespace("streaming")
                .cluster(new io.flinkha.cluster.ExistingCluster("eks", new io.flinkha.cluster.ExistingClusterArgs("eks", java.util.Optional.empty(),
                        java.util.Optional.of(new io.flinkha.cluster.OidcIdentity(
                                Output.of("arn:aws:iam::123456789012:oidc-provider/oidc.eks.eu-west-1.amazonaws.com/id/ABC"),
                                Output.of("https://oidc.eks.eu-west-1.amazonaws.com/id/ABC")))), null))
                .awsProvider(aws)
                .build(), null));
    }

    private static Plan plan() {
        return ComponentPlans.ofComponent(cluster -> new FlinkServiceAccount("jobs", FlinkServiceAccountArgs.builder()
                .namespace("streaming")
                .cluster(cluster)
                .build(), null));
    }

    @Test
    void roleGrantsExactlyTheRightsFlinkHaNeeds() {
        Registered role = only(plan(), ROLE);
        List<String> all = List.of("get", "list", "watch", "create", "update", "patch", "delete");
        assertEquals(List.of(
                Map.of("apiGroups", List.of(""), "resources", List.of("configmaps"), "verbs", all),
                Map.of("apiGroups", List.of(""), "resources", List.of("pods"), "verbs", all),
                Map.of("apiGroups", List.of("apps"), "resources", List.of("deployments"), "verbs", List.of("get", "list", "watch")),
                Map.of("apiGroups", List.of("apps"), "resources", List.of("deployments/finalizers"), "verbs", List.of("update"))),
                at(role, "rules"));
    }

    @Test
    void roleHasNoWildcards() {
        Registered role = only(plan(), ROLE);
        List<Map<String, List<String>>> rules = at(role, "rules");
        rules.forEach(rule -> rule.values().forEach(values -> assertFalse(values.contains("*"), () -> "wildcard in " + rule)));
    }

    @Test
    void everythingLivesInTheJobNamespace() {
        Plan plan = plan();
        for (String type : List.of(ROLE, BINDING, SA)) {
            assertEquals("streaming", at(only(plan, type), "metadata.namespace"), type);
        }
    }

    @Test
    void bindingBindsTheServiceAccountToTheRole() {
        Plan plan = plan();
        Registered binding = only(plan, BINDING);
        assertEquals(Map.of("apiGroup", "rbac.authorization.k8s.io", "kind", "Role", "name", at(only(plan, ROLE), "metadata.name")),
                at(binding, "roleRef"));
        assertEquals(List.of(Map.of("kind", "ServiceAccount", "name", "flink", "namespace", "streaming")), at(binding, "subjects"));
    }

    @Test
    void onAClusterWithOidcTheAccountOwnsOneCloudRoleOnlyItCanAssumeAndCarriesItsArn() {
        Plan plan = oidcPlan();
        Registered role = only(plan, "aws:iam/role:Role");
        String trust = String.valueOf(ComponentPlans.json(at(role, "assumeRolePolicy")));
        assertTrue(trust.contains("oidc.eks.eu-west-1.amazonaws.com/id/ABC:sub=system:serviceaccount:streaming:flink"), trust);
        assertTrue(trust.contains("oidc.eks.eu-west-1.amazonaws.com/id/ABC:aud=sts.amazonaws.com"), trust);
        Map<String, Object> annotations = at(only(plan, SA), "metadata.annotations");
        assertEquals(Map.of("eks.amazonaws.com/role-arn", "arn:aws:iam::123456789012:role/jobs-irsa"), annotations);
    }

    @Test
    void withoutOidcThereIsNoCloudRoleAndNoAnnotation() {
        Plan plan = plan();
        assertEquals(List.of(), plan.ofType("aws:iam/role:Role"));
        assertEquals(Map.of(), at(only(plan, SA), "metadata.annotations"));
    }

    @Test
    void rejectsAClusterWithOidcButNoAwsProviderAndABadNameAtOnce() {
        var e = assertThrows(IllegalArgumentException.class, () -> FlinkServiceAccountArgs.builder().namespace("streaming").name("Flink_Jobs")
                .cluster(new io.flinkha.cluster.KubernetesCluster() {
                    public com.pulumi.kubernetes.Provider provider() { return null; }
                    public java.util.Optional<io.flinkha.cluster.OidcIdentity> oidc() {
                        return java.util.Optional.of(new io.flinkha.cluster.OidcIdentity(Output.of("a"), Output.of("https://b")));
                    }
                }).build());
        assertTrue(e.getMessage().startsWith("FlinkServiceAccountArgs: name: got 'Flink_Jobs'; expected a DNS label"), e.getMessage());
        assertTrue(e.getMessage().contains("awsProvider: is required because the cluster has an OIDC provider"), e.getMessage());
    }

    @Test
    void rejectsAnAccountWithoutGrants() {
        var e = assertThrows(IllegalArgumentException.class, () -> ComponentPlans.ofComponent(cluster -> FlinkServiceAccountArgs.builder()
                .namespace("streaming").cluster(cluster).grants(List.of()).build()));
        assertTrue(e.getMessage().contains("grants: got none"), e.getMessage());
    }

    @Test
    void rejectsWildcardApiResource() {
        assertThrows(IllegalArgumentException.class, () -> io.flinkha.rbac.ApiResource.custom("", "*"));
    }
    @Test
    void theComponentHandsOutTheResourcesItRegistered() {
        Plan plan = plan();
        FlinkServiceAccount account = (FlinkServiceAccount) only(plan, FlinkServiceAccount.TYPE).resource();
        assertSame(only(plan, SA).resource(), account.serviceAccount());
        assertSame(only(plan, ROLE).resource(), account.role());
        assertSame(only(plan, BINDING).resource(), account.roleBinding());
        assertEquals(java.util.Optional.empty(), account.cloudRole());
        assertEquals(java.util.Optional.empty(), account.podIdentityAssociation());
    }

    @Test
    void onAClusterWithOidcTheComponentHandsOutItsCloudRole() {
        Plan plan = oidcPlan();
        FlinkServiceAccount account = (FlinkServiceAccount) only(plan, FlinkServiceAccount.TYPE).resource();
        assertSame(only(plan, "aws:iam/role:Role").resource(), account.cloudRole().orElseThrow());
    }
}
