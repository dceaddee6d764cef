package io.flinkha.identity;

import com.pulumi.core.Output;
import com.pulumi.resources.CustomResourceOptions;
import com.pulumi.resources.Resource;
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

    /** A cloud role as a cloud's artifact would declare it, recording what the account asks of it. */
    private static final class FakeCloudRole implements CloudRole {
        final List<String> policies = new java.util.ArrayList<>();
        Resource policyResource;

        @Override
        public CloudCredentials credentials() {
            return CloudCredentials.IRSA;
        }

        @Override
        public Output<Map<String, String>> serviceAccountAnnotations() {
            return Output.of(Map.of("example.com/role", "jobs-role"));
        }

        @Override
        public Resource addPolicy(String name, Output<String> document, CustomResourceOptions options) {
            policies.add(name);
            return policyResource;
        }

        @Override
        public List<Resource> readiness() {
            return policyResource == null ? List.of() : List.of(policyResource);
        }
    }

    /** The account on a cluster with an OIDC provider, with its cloud role declared by {@code role}. */
    private static Plan cloudRolePlan(FakeCloudRole role, List<String> declaredFor) {
        return ComponentPlans.ofComponent(cluster -> new FlinkServiceAccount("jobs", FlinkServiceAccountArgs.builder()
                .namespace("streaming")
                .cluster(new io.flinkha.cluster.ExistingCluster("eks", new io.flinkha.cluster.ExistingClusterArgs("eks", java.util.Optional.empty(),
                        java.util.Optional.of(new io.flinkha.cluster.OidcIdentity(
                                Output.of("arn:aws:iam::123456789012:oidc-provider/oidc.eks.eu-west-1.amazonaws.com/id/ABC"),
                                Output.of("https://oidc.eks.eu-west-1.amazonaws.com/id/ABC")))), null))
                .cloudRole((name, args, account) -> {
                    declaredFor.add(name + " " + args.name());
                    role.policyResource = account;
                    return java.util.Optional.of(role);
                })
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
    void theCloudRoleIsDeclaredOnceForTheAccountAndItsAnnotationsAndCredentialsReachIt() {
        var role = new FakeCloudRole();
        List<String> declaredFor = new java.util.ArrayList<>();
        Plan plan = cloudRolePlan(role, declaredFor);
        assertEquals(List.of("jobs flink"), declaredFor);
        assertEquals(Map.of("example.com/role", "jobs-role"), at(only(plan, SA), "metadata.annotations"));
        FlinkServiceAccount account = (FlinkServiceAccount) only(plan, FlinkServiceAccount.TYPE).resource();
        assertSame(role, account.cloudRole().orElseThrow());
        assertEquals(CloudCredentials.IRSA, account.credentials());
    }

    @Test
    void cloudPoliciesGoToTheCloudRoleAndTheJobsWaitForThem() {
        var role = new FakeCloudRole();
        Plan plan = cloudRolePlan(role, new java.util.ArrayList<>());
        FlinkServiceAccount account = (FlinkServiceAccount) only(plan, FlinkServiceAccount.TYPE).resource();
        assertSame(account, account.addCloudPolicy("ha-s3", Output.of("{}"), null));
        assertEquals(List.of("ha-s3"), role.policies);
        assertEquals(List.of(account.role(), account.roleBinding(), account), account.readiness());
    }

    @Test
    void anAccountWithoutACloudRoleRefusesACloudGrantNamingWhatItLacks() {
        FlinkServiceAccount account = (FlinkServiceAccount) only(plan(), FlinkServiceAccount.TYPE).resource();
        var e = assertThrows(IllegalStateException.class, () -> account.addCloudPolicy("ha-s3", Output.of("{}"), null));
        assertTrue(e.getMessage().startsWith("FlinkServiceAccount 'flink' has no cloud role: its cluster has no OIDC provider"),
                e.getMessage());
    }

    @Test
    void withoutACloudRoleTheAccountHasNoAnnotationAndNoCredentials() {
        Plan plan = plan();
        assertEquals(Map.of(), at(only(plan, SA), "metadata.annotations"));
        FlinkServiceAccount account = (FlinkServiceAccount) only(plan, FlinkServiceAccount.TYPE).resource();
        assertEquals(CloudCredentials.NONE, account.credentials());
    }

    @Test
    void rejectsAClusterWithOidcButNoCloudRoleAndABadNameAtOnce() {
        var e = assertThrows(IllegalArgumentException.class, () -> FlinkServiceAccountArgs.builder().namespace("streaming").name("Flink_Jobs")
                .cluster(new io.flinkha.cluster.KubernetesCluster() {
                    public com.pulumi.kubernetes.Provider provider() { return null; }
                    public java.util.Optional<io.flinkha.cluster.OidcIdentity> oidc() {
                        return java.util.Optional.of(new io.flinkha.cluster.OidcIdentity(Output.of("a"), Output.of("https://b")));
                    }
                }).build());
        assertTrue(e.getMessage().startsWith("FlinkServiceAccountArgs: name: got 'Flink_Jobs'; expected a DNS label"), e.getMessage());
        assertTrue(e.getMessage().contains("cloudRole: is required because the cluster has an OIDC provider"), e.getMessage());
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
    }
}
