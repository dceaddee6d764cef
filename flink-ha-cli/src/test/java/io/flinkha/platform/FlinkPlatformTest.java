package io.flinkha.platform;

import io.flinkha.Plans;
import io.flinkha.Settings;
import io.flinkha.testing.Plan;
import io.flinkha.testing.PlannedResource;
import org.junit.jupiter.api.Test;

import java.util.HashSet;
import java.util.List;
import java.util.Set;

import static io.flinkha.Plans.at;
import static io.flinkha.Plans.flinkConfiguration;
import static io.flinkha.Plans.only;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

class FlinkPlatformTest {
    private static final String DEPLOYMENT = "kubernetes:flink.apache.org/v1beta1:FlinkDeployment";

    private static Plan twoJobs() {
        return Plans.ofPlatform(Settings.valid().with("jobs", "[{\"name\":\"orders\",\"jarUri\":\"local:///a.jar\"},"
                + "{\"name\":\"payments\",\"jarUri\":\"local:///b.jar\",\"upgradeMode\":\"savepoint\"}]").load());
    }

    @Test
    void twoJobsNeverShareAStorageDir() {
        Set<Object> dirs = new HashSet<>();
        for (PlannedResource d : twoJobs().ofType(DEPLOYMENT)) {
            var conf = flinkConfiguration(d);
            for (String key : List.of("high-availability.storageDir", "execution.checkpointing.dir", "execution.checkpointing.savepoint-dir")) {
                assertTrue(dirs.add(conf.get(key)), () -> "shared " + key + ": " + conf.get(key));
            }
        }
        assertEquals(6, dirs.size());
    }

    @Test
    void everyKubernetesResourceUsesTheClusterProvider() {
        Plan plan = twoJobs();
        PlannedResource provider = only(plan, "pulumi:providers:kubernetes");
        plan.resources().stream().filter(r -> r.type().startsWith("kubernetes:")).forEach(r ->
                assertEquals(provider.urn(), r.provider(), () -> r.urn() + " does not use the cluster provider"));
    }

    @Test
    void deploymentsWaitForTheOperatorAndTheirRbac() {
        Plan plan = twoJobs();
        String release = only(plan, "kubernetes:helm.sh/v3:Release").urn();
        String role = only(plan, "kubernetes:rbac.authorization.k8s.io/v1:Role").urn();
        String binding = only(plan, "kubernetes:rbac.authorization.k8s.io/v1:RoleBinding").urn();
        String serviceAccount = only(plan, "kubernetes:core/v1:ServiceAccount").urn();
        for (PlannedResource d : plan.ofType(DEPLOYMENT)) {
            assertTrue(d.dependencies().containsAll(List.of(release, role, binding, serviceAccount)), () -> d.dependencies().toString());
        }
    }

    @Test
    void jobsRunAsTheServiceAccountBoundToTheHaRole() {
        Plan plan = twoJobs();
        PlannedResource binding = only(plan, "kubernetes:rbac.authorization.k8s.io/v1:RoleBinding");
        for (PlannedResource d : plan.ofType(DEPLOYMENT)) {
            assertEquals((Object) at(binding, "subjects.0.name"), at(d, "spec.serviceAccount"));
            assertEquals((Object) at(binding, "subjects.0.namespace"), at(d, "metadata.namespace"));
        }
    }

    @Test
    void operatorWatchesTheJobsNamespace() {
        Plan plan = twoJobs();
        assertEquals(List.of((Object) at(only(plan, "kubernetes:core/v1:PersistentVolumeClaim"), "metadata.namespace")),
                at(only(plan, "kubernetes:helm.sh/v3:Release"), "values.watchNamespaces"));
    }

    @Test
    void everyComponentIsParentedUnderThePlatform() {
        Plan plan = twoJobs();
        String platform = only(plan, FlinkPlatform.TYPE).urn();
        plan.resources().stream().filter(r -> r.type().startsWith("flink-ha:") && !r.type().equals(FlinkPlatform.TYPE))
                .forEach(r -> assertEquals(platform, r.parent(), r.urn()));
    }
}
