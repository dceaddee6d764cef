package io.flinkha.flink;

import io.flinkha.ComponentPlans;
import io.flinkha.PublicApi.Registered;
import org.apache.flink.client.deployment.ClusterSpecification;
import org.apache.flink.configuration.BlobServerOptions;
import org.apache.flink.configuration.Configuration;
import org.apache.flink.configuration.MemorySize;
import org.apache.flink.configuration.TaskManagerOptions;
import org.apache.flink.kubernetes.configuration.KubernetesConfigOptions;
import org.apache.flink.kubernetes.kubeclient.Fabric8FlinkKubeClient;
import org.apache.flink.kubernetes.kubeclient.FlinkPod;
import org.apache.flink.kubernetes.kubeclient.factory.KubernetesJobManagerFactory;
import org.apache.flink.kubernetes.kubeclient.factory.KubernetesTaskManagerFactory;
import org.apache.flink.kubernetes.kubeclient.parameters.KubernetesJobManagerParameters;
import org.apache.flink.kubernetes.kubeclient.parameters.KubernetesTaskManagerParameters;
import org.apache.flink.kubernetes.shaded.io.fabric8.kubernetes.api.model.Container;
import org.apache.flink.kubernetes.shaded.io.fabric8.kubernetes.api.model.PodSpec;
import org.apache.flink.kubernetes.shaded.io.fabric8.kubernetes.client.KubernetesClientBuilder;
import org.apache.flink.kubernetes.shaded.io.fabric8.kubernetes.client.NamespacedKubernetesClient;
import org.apache.flink.kubernetes.utils.Constants;
import org.apache.flink.kubernetes.utils.KubernetesUtils;
import org.apache.flink.runtime.clusterframework.ContaineredTaskManagerParameters;
import org.apache.flink.runtime.clusterframework.TaskExecutorProcessUtils;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import com.google.gson.Gson;
import com.google.gson.JsonArray;
import com.google.gson.JsonElement;
import com.google.gson.JsonObject;
import org.junit.jupiter.api.io.TempDir;

import java.io.File;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;

import static io.flinkha.ComponentPlans.at;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The pod template's security contexts survive the merges between the FlinkDeployment and a running pod. Flink's part runs
 * here with Flink 1.20.1's own factories: the operator 1.15.0 builds the JobManager's Deployment with them (the Flink it
 * is built on), and a 1.20 job's JobManager builds its TaskManager pods with the same code.
 *
 * <p>The operator's part comes first, and its jar is not served here, so it is restated from
 * {@code FlinkConfigBuilder.applyPodTemplate} and {@code FlinkUtils.mergePodTemplates} at
 * apache/flink-kubernetes-operator release-1.15.0: each role's template is {@code spec.podTemplate} with the role's own
 * {@code podTemplate} merged into it (objects field by field, arrays by position, or by name when
 * {@code kubernetes.operator.pod-template.merge-arrays-by-name} is set; a role without one gets a clone), written to a
 * file that Flink loads. Ephemeral storage, which would also change it, is pinned absent.
 */
class PodTemplateMergeTest {
    private static final Gson GSON = new Gson();

    private static Registered deployment;
    private static NamespacedKubernetesClient client;
    private static ScheduledExecutorService executor;

    @BeforeAll
    static void render() {
        deployment = ComponentPlans.only(HaFlinkDeploymentTest.plan("orders", b -> b), HaFlinkDeploymentTest.TYPE);
        // never connects: Flink uses it here only to read the template file
        client = new KubernetesClientBuilder().build().adapt(NamespacedKubernetesClient.class);
        executor = Executors.newSingleThreadScheduledExecutor();
    }

    @AfterAll
    static void close() {
        client.close();
        executor.shutdownNow();
    }

    @Test
    void noRoleAsksForEphemeralStorageWhichTheOperatorWouldAlsoWriteIntoTheTemplate() {
        for (String role : List.of("jobManager", "taskManager")) {
            assertNull(at(deployment, "spec." + role + ".resource.ephemeralStorage"), role);
        }
    }

    @ParameterizedTest(name = "arrays merged by name: {0}")
    @ValueSource(booleans = {false, true})
    void theJobManagerPodFlinkBuildsKeepsTheRestrictedSecurityContexts(boolean byName, @TempDir Path dir) throws Exception {
        Configuration conf = flinkConfiguration();
        var spec = KubernetesJobManagerFactory.buildKubernetesJobManagerSpecification(template("jobManager", byName, dir),
                new KubernetesJobManagerParameters(conf, new ClusterSpecification.ClusterSpecificationBuilder().createClusterSpecification()));
        assertRestricted(spec.getDeployment().getSpec().getTemplate().getSpec());
    }

    @ParameterizedTest(name = "arrays merged by name: {0}")
    @ValueSource(booleans = {false, true})
    void theTaskManagerPodFlinkBuildsKeepsTheRestrictedSecurityContexts(boolean byName, @TempDir Path dir) throws Exception {
        Configuration conf = flinkConfiguration();
        conf.set(TaskManagerOptions.TOTAL_PROCESS_MEMORY, MemorySize.parse("2g"));
        var containered = ContaineredTaskManagerParameters.create(conf, TaskExecutorProcessUtils.processSpecFromConfig(conf));
        var pod = KubernetesTaskManagerFactory.buildTaskManagerKubernetesPod(template("taskManager", byName, dir),
                new KubernetesTaskManagerParameters(conf, "orders-taskmanager-1-1", "", "", containered, Map.of(), Set.of()));
        assertRestricted(pod.getInternalResource().getSpec());
    }

    @Test
    void theMetricsPortThePodMonitorScrapesSurvivesBesideFlinksOwnPorts(@TempDir Path dir) throws Exception {
        Registered monitored = ComponentPlans.only(HaFlinkDeploymentTest.plan("orders",
                b -> b.flinkConfiguration(io.flinkha.monitoring.FlinkMetrics.reporterConfiguration())), HaFlinkDeploymentTest.TYPE);
        var spec = KubernetesJobManagerFactory.buildKubernetesJobManagerSpecification(template(monitored, "jobManager", false, dir),
                new KubernetesJobManagerParameters(flinkConfiguration(), new ClusterSpecification.ClusterSpecificationBuilder().createClusterSpecification()));
        Container main = spec.getDeployment().getSpec().getTemplate().getSpec().getContainers().stream()
                .filter(c -> c.getName().equals(Constants.MAIN_CONTAINER_NAME)).findFirst().orElseThrow();
        assertEquals(List.of("metrics:9249", "rest:8081", "jobmanager-rpc:6123", "blobserver:6124"),
                main.getPorts().stream().map(p -> p.getName() + ":" + p.getContainerPort()).toList());
    }

    /** The deployment's rendered configuration, with what Flink's KubernetesClusterDescriptor adds before it builds pods. */
    private static Configuration flinkConfiguration() {
        Map<String, String> rendered = new LinkedHashMap<>();
        ComponentPlans.flinkConfiguration(deployment).forEach((k, v) -> rendered.put(k, String.valueOf(v)));
        Configuration conf = Configuration.fromMap(rendered);
        conf.set(KubernetesConfigOptions.CLUSTER_ID, "orders");
        conf.set(KubernetesConfigOptions.NAMESPACE, "streaming");
        conf.set(KubernetesConfigOptions.CONTAINER_IMAGE, "flink:1.20.1");
        // an application cluster, as the operator deploys a FlinkDeployment with a job
        conf.set(org.apache.flink.configuration.DeploymentOptions.TARGET, "kubernetes-application");
        conf.set(BlobServerOptions.PORT, String.valueOf(Constants.BLOB_SERVER_PORT));
        conf.set(TaskManagerOptions.RPC_PORT, String.valueOf(Constants.TASK_MANAGER_RPC_PORT));
        return conf;
    }

    /** The role's template as the operator merges it and writes it to a file, loaded by Flink. */
    private static FlinkPod template(String role, boolean byName, Path dir) throws Exception {
        return template(deployment, role, byName, dir);
    }

    private static FlinkPod template(Registered deployment, String role, boolean byName, Path dir) throws Exception {
        JsonElement common = GSON.toJsonTree((Object) at(deployment, "spec.podTemplate"));
        Object own = at(deployment, "spec." + role + ".podTemplate");
        JsonElement merged = common.deepCopy();
        if (own != null) {
            mergeInto(merged.getAsJsonObject(), GSON.toJsonTree(own).getAsJsonObject(), byName);
        }
        File file = dir.resolve(role + "-pod-template.json").toFile();
        Files.writeString(file.toPath(), GSON.toJson(merged));
        var kube = new Fabric8FlinkKubeClient(flinkConfiguration(), client, executor);
        return KubernetesUtils.loadPodFromTemplateFile(kube, file, Constants.MAIN_CONTAINER_NAME);
    }

    // FlinkUtils.mergeInto at release-1.15.0, restated
    private static void mergeInto(JsonObject to, JsonObject from, boolean byName) {
        for (String field : from.keySet()) {
            JsonElement toChild = to.get(field);
            JsonElement fromChild = from.get(field);
            if (toChild != null && toChild.isJsonArray() && fromChild.isJsonArray()) {
                mergeArray(toChild.getAsJsonArray(), fromChild.getAsJsonArray(), byName);
            } else if (toChild != null && toChild.isJsonObject()) {
                mergeInto(toChild.getAsJsonObject(), fromChild.getAsJsonObject(), byName);
            } else {
                to.add(field, fromChild);
            }
        }
    }

    // FlinkUtils.mergeArray at release-1.15.0, restated
    private static void mergeArray(JsonArray to, JsonArray from, boolean byName) {
        if (byName && named(to) && named(from)) {
            Map<String, JsonObject> merged = new LinkedHashMap<>();
            to.forEach(e -> merged.put(e.getAsJsonObject().get("name").getAsString(), e.getAsJsonObject()));
            from.forEach(e -> merged.merge(e.getAsJsonObject().get("name").getAsString(), e.getAsJsonObject(), (t, f) -> {
                mergeInto(t, f, true);
                return t;
            }));
            while (!to.isEmpty()) {
                to.remove(0);
            }
            merged.values().forEach(to::add);
        } else {
            for (int i = 0; i < from.size(); i++) {
                if (to.size() <= i) {
                    to.add(from.get(i));
                }
                if (to.get(i).isJsonObject() && from.get(i).isJsonObject()) {
                    mergeInto(to.get(i).getAsJsonObject(), from.get(i).getAsJsonObject(), false);
                }
            }
        }
    }

    private static boolean named(JsonArray array) {
        for (JsonElement e : array) {
            if (!e.isJsonObject() || !e.getAsJsonObject().has("name")) {
                return false;
            }
        }
        return true;
    }

    private static void assertRestricted(PodSpec pod) {
        var context = pod.getSecurityContext();
        assertEquals(Boolean.TRUE, context.getRunAsNonRoot());
        assertEquals(List.of(9999L, 9999L, 9999L), List.of(context.getRunAsUser(), context.getRunAsGroup(), context.getFsGroup()));
        assertEquals("RuntimeDefault", context.getSeccompProfile().getType());
        Container main = pod.getContainers().stream().filter(c -> c.getName().equals(Constants.MAIN_CONTAINER_NAME)).findFirst().orElseThrow();
        assertEquals(Boolean.FALSE, main.getSecurityContext().getAllowPrivilegeEscalation());
        assertEquals(List.of("ALL"), main.getSecurityContext().getCapabilities().getDrop());
        // the rest of what the template gave the main container, merged with Flink's own fields
        assertTrue(main.getVolumeMounts().stream().anyMatch(m -> m.getName().equals("flink-ha-storage")), main.getVolumeMounts().toString());
    }
}
