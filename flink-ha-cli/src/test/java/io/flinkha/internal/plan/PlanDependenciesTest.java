package io.flinkha.internal.plan;

import io.flinkha.testing.Plan;
import io.flinkha.testing.PlanEngine;
import io.flinkha.testing.PlanException;
import io.flinkha.testing.PlanRenderer;
import io.flinkha.testing.PlannedResource;
import io.flinkha.Plans;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The offline plan keeps every dependency the engine records: an output unknown before deployment (an ARN, an issuer)
 * still belongs to its resource, so whatever is built from it is created after it.
 */
class PlanDependenciesTest {
    private static final Plan PROD = Plans.ofStack("prod");

    private static PlannedResource named(String name, String type) {
        return PROD.resources().stream().filter(r -> r.name().equals(name) && r.type().equals(type)).findFirst()
                .orElseThrow(() -> new AssertionError(name + " " + type));
    }

    private static void assertEdge(PlannedResource from, PlannedResource to) {
        assertTrue(from.dependencies().contains(to.urn()), from.name() + " should depend on " + to.name() + ": " + from.dependencies());
    }

    @Test
    void anAccessPolicyAssociationComesAfterItsAccessEntry() {
        assertEdge(named("flink-ha-cluster-deployer", "aws:eks/accessPolicyAssociation:AccessPolicyAssociation"),
                named("flink-ha-cluster-deployer", "aws:eks/accessEntry:AccessEntry"));
    }

    @Test
    void aRolePolicyAttachmentComesAfterItsRole() {
        assertEdge(named("flink-ha-cluster-node-worker-policy", "aws:iam/rolePolicyAttachment:RolePolicyAttachment"),
                named("flink-ha-cluster-node-role", "aws:iam/role:Role"));
    }

    @Test
    void theOidcProviderComesAfterTheCluster() {
        assertEdge(named("flink-ha-cluster-oidc", "aws:iam/openIdConnectProvider:OpenIdConnectProvider"),
                named("flink-ha-cluster-eks", "aws:eks/cluster:Cluster"));
    }

    @Test
    void theIrsaRoleComesAfterTheOidcProvider() {
        assertEdge(named("flink-ha-account-irsa", "aws:iam/role:Role"),
                named("flink-ha-cluster-oidc", "aws:iam/openIdConnectProvider:OpenIdConnectProvider"));
    }

    @Test
    void theEdgesAddNoKnownValue() {
        assertEquals(Plan.UNKNOWN, Plans.at(named("flink-ha-cluster-eks", "aws:eks/cluster:Cluster"), "roleArn"));
    }
}
