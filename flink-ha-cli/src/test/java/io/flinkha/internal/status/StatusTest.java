package io.flinkha.internal.status;

import io.fabric8.kubernetes.api.model.ConfigMap;
import io.fabric8.kubernetes.api.model.ConfigMapBuilder;
import io.fabric8.kubernetes.api.model.ConfigMapListBuilder;
import io.fabric8.kubernetes.api.model.GenericKubernetesResource;
import io.fabric8.kubernetes.api.model.GenericKubernetesResourceBuilder;
import io.fabric8.kubernetes.api.model.GenericKubernetesResourceList;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.fabric8.kubernetes.client.server.mock.KubernetesMockServer;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** {@code status} against fabric8's mock API server, with recorded operator statuses and Flink's REST API behind the service proxy. */
class StatusTest {
    private static final String NS = "flink";
    private static final String JOB = "a1b2c3d4e5f60718293a4b5c6d7e8f90";
    private static final Instant NOW = Instant.parse("2026-12-06T12:00:00Z");
    private static final JobHealth.Expected ORDERS = new JobHealth.Expected(Duration.ofSeconds(30), 3, Duration.ofSeconds(60), "objective");

    private KubernetesMockServer server;
    private KubernetesClient client;

    @BeforeEach
    void start() {
        server = new KubernetesMockServer(false);
        server.init();
        client = server.createClient();
    }

    @AfterEach
    void stop() {
        client.close();
        server.destroy();
    }

    private static GenericKubernetesResource deployment(String name, String state, String lifecycle, String history) {
        return new GenericKubernetesResourceBuilder().withApiVersion("flink.apache.org/v1beta1").withKind("FlinkDeployment")
                .withNewMetadata().withName(name).withNamespace(NS).endMetadata()
                .withAdditionalProperties(Map.of("status", Map.of("lifecycleState", lifecycle, "jobStatus", Map.of("state", state,
                        "jobId", JOB, "savepointInfo", Map.of("savepointHistory", List.of(Map.of("location", history,
                                "timeStamp", NOW.minus(Duration.ofHours(13)).toEpochMilli(), "triggerType", "PERIODIC")))))))
                .build();
    }

    private static GenericKubernetesResource snapshot(String job, String path, Duration age) {
        return new GenericKubernetesResourceBuilder().withApiVersion("flink.apache.org/v1beta1").withKind("FlinkStateSnapshot")
                .withNewMetadata().withName(job + "-periodic-1").withNamespace(NS).withCreationTimestamp(NOW.minus(age).toString()).endMetadata()
                .withAdditionalProperties(Map.of("spec", Map.of("jobReference", Map.of("kind", "FlinkDeployment", "name", job),
                        "savepoint", Map.of("path", "s3://acme/savepoints")), "status", Map.of("state", "COMPLETED", "path", path)))
                .build();
    }

    private static GenericKubernetesResourceList list(List<GenericKubernetesResource> items) {
        var list = new GenericKubernetesResourceList();
        list.setItems(items);
        return list;
    }

    private static ConfigMap haConfigMap(String app, String leaderRecord) {
        return new ConfigMapBuilder().withNewMetadata().withName(app + "-cluster-config-map").withNamespace(NS)
                .withLabels(Map.of("app", app, "configmap-type", "high-availability", "type", "flink-native-kubernetes"))
                .withAnnotations(leaderRecord == null ? Map.of() : Map.of(io.flinkha.internal.live.HaLock.ANNOTATION, leaderRecord))
                .endMetadata().build();
    }

    /**
     * The lock record as Flink's leader election writes it: the shaded fabric8 {@code ConfigMapLock} in flink-kubernetes
     * 1.20.1 serialises a record into the ConfigMap it would write, and the annotation is taken from there.
     */
    private static String leader(Duration renewedAgo) throws Exception {
        String pkg = "org.apache.flink.kubernetes.shaded.io.fabric8.kubernetes.client.extended.leaderelection.resourcelock.";
        Class<?> recordType = Class.forName(pkg + "LeaderElectionRecord");
        Object record = recordType.getConstructor(String.class, Duration.class, java.time.ZonedDateTime.class, java.time.ZonedDateTime.class, int.class)
                .newInstance("b07f3c1e-orders-jm-0", Duration.ofSeconds(15), Instant.parse("2026-12-06T09:47:00Z").atZone(ZoneOffset.UTC),
                        NOW.minus(renewedAgo).atZone(ZoneOffset.UTC), 2);
        Class<?> lockType = Class.forName(pkg + "ConfigMapLock");
        Object lock = lockType.getConstructor(String.class, String.class, String.class).newInstance(NS, "orders-cluster-config-map", "b07f3c1e-orders-jm-0");
        Class<?> metaBuilder = Class.forName("org.apache.flink.kubernetes.shaded.io.fabric8.kubernetes.api.model.ObjectMetaBuilder");
        var toResource = lockType.getDeclaredMethod("toResource", recordType, metaBuilder);
        toResource.setAccessible(true);
        Object configMap = toResource.invoke(lock, record, metaBuilder.getConstructor().newInstance());
        Object meta = configMap.getClass().getMethod("getMetadata").invoke(configMap);
        @SuppressWarnings("unchecked")
        Map<String, String> annotations = (Map<String, String>) meta.getClass().getMethod("getAnnotations").invoke(meta);
        return annotations.get(io.flinkha.internal.live.HaLock.ANNOTATION);
    }

    private void cluster(List<GenericKubernetesResource> deployments, List<ConfigMap> haConfigMaps, Duration checkpointAge) {
        server.expect().get().withPath("/apis/flink.apache.org/v1beta1/namespaces/flink/flinkdeployments")
                .andReturn(200, list(deployments)).always();
        server.expect().get().withPath("/apis/flink.apache.org/v1beta1/namespaces/flink/flinkstatesnapshots")
                .andReturn(200, list(List.of(snapshot("orders",
                        "s3://acme/savepoints/savepoint-9", Duration.ofHours(1)), snapshot("reports", "s3://acme/savepoints/savepoint-3", Duration.ofMinutes(5))))).always();
        server.expect().get().withPath("/api/v1/namespaces/flink/configmaps?labelSelector=configmap-type%3Dhigh-availability")
                .andReturn(200, new ConfigMapListBuilder().withItems(haConfigMaps).build()).always();
        for (ConfigMap cm : haConfigMaps) {
            server.expect().get().withPath("/api/v1/namespaces/flink/configmaps/" + cm.getMetadata().getName()).andReturn(200, cm).always();
        }
        String proxy = "/api/v1/namespaces/flink/services/orders-rest:rest/proxy/jobs/" + JOB;
        server.expect().get().withPath(proxy + "/checkpoints").andReturn(200, "{\"latest\":{\"completed\":{\"id\":42,\"latest_ack_timestamp\":"
                + NOW.minus(checkpointAge).toEpochMilli() + ",\"external_path\":\"s3://acme/checkpoints/chk-42\"}}}").always();
        server.expect().get().withPath(proxy + "/metrics?get=numRestarts").andReturn(200, "[{\"id\":\"numRestarts\",\"value\":\"1\"}]").always();
    }

    private StatusReport read(Map<String, JobHealth.Expected> expected) {
        return new ClusterStatus(client, Clock.fixed(NOW, ZoneOffset.UTC)).read(NS, expected);
    }

    @Test
    void aRunningJobWithALiveLeaderAndAFreshCheckpointIsHealthy() throws Exception {
        cluster(List.of(deployment("orders", "RUNNING", "STABLE", "s3://acme/savepoints/savepoint-8")),
                List.of(haConfigMap("orders", leader(Duration.ofSeconds(2)))), Duration.ofSeconds(20));
        StatusReport report = read(Map.of("orders", ORDERS));
        System.out.println(report.render());

        assertTrue(report.healthy(), report.render());
        JobHealth orders = report.jobs().get(0);
        assertEquals("b07f3c1e-orders-jm-0", orders.leader().orElseThrow().holder());
        assertEquals(Duration.ofMinutes(133), orders.leader().orElseThrow().leading());
        assertEquals(42, orders.checkpoint().orElseThrow().id());
        assertEquals(Duration.ofSeconds(20), orders.checkpoint().orElseThrow().age());
        assertEquals(List.of("s3://acme/savepoints/savepoint-9", "s3://acme/savepoints/savepoint-8"),
                orders.savepoints().stream().map(JobHealth.Savepoint::path).toList(), "its own, newest first, from both records");
        assertEquals(1L, orders.restarts().orElseThrow());
        assertTrue(report.render().contains("#42, 20s ago = 0.7 intervals of 30s; recovery budget 1m (objective)"), report.render());
    }

    @Test
    void aJobWithAStaleLeaderAndOldCheckpointsIsAtRiskAndSaysWhy() throws Exception {
        cluster(List.of(deployment("orders", "RESTARTING", "DEPLOYED", "s3://acme/savepoints/savepoint-8")),
                List.of(haConfigMap("orders", leader(Duration.ofMinutes(2)))), Duration.ofMinutes(4));
        StatusReport report = read(Map.of("orders", ORDERS));
        System.out.println(report.render());

        assertFalse(report.healthy());
        assertEquals(List.of("the job is RESTARTING, not RUNNING",
                "the HA leader b07f3c1e-orders-jm-0 last renewed its lock 2m ago, longer than its lease of 15s",
                "the last checkpoint is 4m old, more than 3 intervals of 30s"), report.jobs().get(0).risks());
    }

    @Test
    void aDeclaredJobTheClusterLacksIsAtRiskAndHaConfigMapsOfNoDeploymentAreOrphans() throws Exception {
        cluster(List.of(deployment("orders", "RUNNING", "STABLE", "s3://acme/savepoints/savepoint-8")),
                List.of(haConfigMap("orders", leader(Duration.ofSeconds(2))), haConfigMap("old-report", null)), Duration.ofSeconds(20));
        Map<String, JobHealth.Expected> expected = new LinkedHashMap<>();
        expected.put("orders", ORDERS);
        expected.put("reports", ORDERS);
        StatusReport report = read(expected);
        System.out.println(report.render());

        assertFalse(report.healthy());
        assertEquals(List.of("no FlinkDeployment: the stack declares it, the cluster does not have it"), report.jobs().get(1).risks());
        assertEquals(List.of("old-report-cluster-config-map"), report.orphans());
        assertTrue(report.render().endsWith("2 jobs, 1 at risk\n"), report.render());
    }

    @Test
    void theJsonCarriesEachFindingForScripts() throws Exception {
        cluster(List.of(deployment("orders", "RUNNING", "STABLE", "s3://acme/savepoints/savepoint-8")),
                List.of(haConfigMap("orders", leader(Duration.ofSeconds(2)))), Duration.ofSeconds(20));
        Map<?, ?> json = new com.google.gson.Gson().fromJson(read(Map.of("orders", ORDERS)).json(), Map.class);
        assertEquals(true, json.get("healthy"));
        Map<?, ?> job = (Map<?, ?>) ((List<?>) json.get("jobs")).get(0);
        assertEquals("flink/orders", job.get("job"));
        assertEquals(20.0, ((Map<?, ?>) job.get("lastCheckpoint")).get("ageSeconds"));
        assertEquals("objective", job.get("recoveryBudgetSource"));
    }

    @Test
    void anUnknownStackIsRefusedWithoutAStackTrace() {
        var err = new ByteArrayOutputStream();
        assertEquals(2, StatusCommand.run("nosuch", "kind-flink", false, new PrintStream(new ByteArrayOutputStream()), new PrintStream(err)));
        assertTrue(err.toString().startsWith("error: unknown stack 'nosuch'"), err.toString());
        assertFalse(err.toString().contains("\tat "), err.toString());
    }

    /** Whatever kubeconfig the machine has, it has no such context, and the refusal names the context in one line. */
    @Test
    void aContextTheKubeconfigLacksIsRefusedInOneLineNamingIt() {
        var out = new ByteArrayOutputStream();
        var err = new ByteArrayOutputStream();
        assertEquals(2, StatusCommand.run("dev", "no-such-context-7f3a", false, new PrintStream(out), new PrintStream(err)));
        assertTrue(err.toString().startsWith("error: no ") && err.toString().contains("'no-such-context-7f3a'"), err.toString());
        assertEquals(1, err.toString().strip().lines().count(), err.toString());
        assertEquals("", out.toString(), "no report without a cluster");
    }

    @Test
    void theBudgetIsTheObjectiveOrElseTheWorstCaseOfTheJobsSettings() {
        var prod = StatusCommand.expected(io.flinkha.Settings.valid().with("recovery", "{\"objective\":\"90s\"}").load());
        assertEquals(new JobHealth.Expected(Duration.ofSeconds(60), 3, Duration.ofSeconds(90), "objective"), prod.get("orders"));
        var settings = io.flinkha.Settings.valid().load();
        var dev = StatusCommand.expected(settings);
        assertEquals("worst case", dev.get("orders").budgetSource());
        // the budget the alerts are measured against, which HaFlinkDeploymentTest pins to the deployment's worst case
        assertEquals(settings.jobs().get(0).args().recoveryBudget(), dev.get("orders").budget());
        assertTrue(dev.get("orders").budget().compareTo(Duration.ZERO) > 0);
    }
}
