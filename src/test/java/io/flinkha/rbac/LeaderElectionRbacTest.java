package io.flinkha.rbac;

import com.pulumi.core.Output;
import io.flinkha.Plans;
import io.flinkha.internal.plan.Plan;
import io.flinkha.internal.plan.PlannedResource;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Map;

import static io.flinkha.Plans.at;
import static io.flinkha.Plans.only;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;

class LeaderElectionRbacTest {
    private static final String ROLE = "kubernetes:rbac.authorization.k8s.io/v1:Role";
    private static final String BINDING = "kubernetes:rbac.authorization.k8s.io/v1:RoleBinding";
    private static final String SA = "kubernetes:core/v1:ServiceAccount";

    private static Plan plan(Output<Map<String, String>> annotations) {
        return Plans.ofComponent(provider -> new LeaderElectionRbac("jobs", LeaderElectionRbacArgs.builder()
                .namespace("streaming")
                .serviceAccountAnnotations(annotations)
                .provider(provider)
                .build(), null));
    }

    @Test
    void roleGrantsExactlyTheRightsFlinkHaNeeds() {
        PlannedResource role = only(plan(Output.of(Map.of())), ROLE);
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
        PlannedResource role = only(plan(Output.of(Map.of())), ROLE);
        List<Map<String, List<String>>> rules = at(role, "rules");
        rules.forEach(rule -> rule.values().forEach(values -> assertFalse(values.contains("*"), () -> "wildcard in " + rule)));
    }

    @Test
    void everythingLivesInTheJobNamespace() {
        Plan plan = plan(Output.of(Map.of()));
        for (String type : List.of(ROLE, BINDING, SA)) {
            assertEquals("streaming", at(only(plan, type), "metadata.namespace"), type);
        }
    }

    @Test
    void bindingBindsTheServiceAccountToTheRole() {
        Plan plan = plan(Output.of(Map.of()));
        PlannedResource binding = only(plan, BINDING);
        assertEquals(Map.of("apiGroup", "rbac.authorization.k8s.io", "kind", "Role", "name", at(only(plan, ROLE), "metadata.name")),
                at(binding, "roleRef"));
        assertEquals(List.of(Map.of("kind", "ServiceAccount", "name", "flink", "namespace", "streaming")), at(binding, "subjects"));
    }

    @Test
    void serviceAccountCarriesTheStorageGrantAnnotations() {
        PlannedResource sa = only(plan(Output.of(Map.of("eks.amazonaws.com/role-arn", "arn:aws:iam::1:role/r"))), SA);
        Map<String, Object> annotations = at(sa, "metadata.annotations");
        assertEquals("arn:aws:iam::1:role/r", annotations.get("eks.amazonaws.com/role-arn"));
    }

    @Test
    void rejectsWildcardApiResource() {
        assertThrows(IllegalArgumentException.class, () -> ApiResource.custom("", "*"));
    }
}
