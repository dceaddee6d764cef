package io.flinkha.internal.drill;

import io.fabric8.kubernetes.api.model.ConfigMapBuilder;
import io.fabric8.kubernetes.api.model.GenericKubernetesResourceBuilder;
import io.fabric8.kubernetes.api.model.Pod;
import io.fabric8.kubernetes.api.model.PodBuilder;
import io.fabric8.kubernetes.api.model.PodListBuilder;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.fabric8.kubernetes.client.server.mock.KubernetesMockServer;
import okhttp3.mockwebserver.RecordedRequest;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.TimeUnit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The drill against fabric8's mock Kubernetes API server, with Flink's REST API stubbed behind the service proxy. */
class FailoverDrillTest {
    private static final String NS = "flink";
    private static final String PROXY = "/api/v1/namespaces/flink/services/orders-rest:rest/proxy/";
    private static final String JOB = "a1b2c3d4e5f60718293a4b5c6d7e8f90";

    private KubernetesMockServer server;
    private KubernetesClient client;
    private Instant now = Instant.parse("2026-11-28T12:00:00Z");

    private final Clock clock = new Clock() {
        @Override
        public ZoneOffset getZone() {
            return ZoneOffset.UTC;
        }

        @Override
        public Clock withZone(java.time.ZoneId zone) {
            return this;
        }

        @Override
        public Instant instant() {
            return now;
        }
    };

    @BeforeEach
    void start() {
        server = new KubernetesMockServer(false);
        server.init();
        // as DrillCommand makes it: no request retries, the drill polls itself
        client = new io.fabric8.kubernetes.client.KubernetesClientBuilder().withConfig(new io.fabric8.kubernetes.client.ConfigBuilder(
                server.createClient().getConfiguration()).withRequestRetryBackoffLimit(0).build()).build();
        server.expect().get().withPath("/apis/flink.apache.org/v1beta1/namespaces/flink/flinkdeployments/orders")
                .andReturn(200, new GenericKubernetesResourceBuilder().withApiVersion("flink.apache.org/v1beta1").withKind("FlinkDeployment")
                        .withNewMetadata().withName("orders").withNamespace(NS)
                        .withAnnotations(Map.of("flink-ha.io/recovery-objective", "60s")).endMetadata()
                        .withAdditionalProperties(Map.of("spec", Map.of("flinkConfiguration", Map.of("execution.checkpointing.interval", "5s"))))
                        .build()).always();
    }

    @AfterEach
    void stop() {
        client.close();
        server.destroy();
    }

    private static Pod jobManager(String name, String ip) {
        return new PodBuilder().withNewMetadata().withName(name).withNamespace(NS)
                .withLabels(Map.of("app", "orders", "component", "jobmanager")).endMetadata()
                .withNewStatus().withPodIP(ip).endStatus().build();
    }

    private void jobManagers(Pod... pods) {
        server.expect().get().withPath("/api/v1/namespaces/flink/pods?labelSelector=app%3Dorders%2Ccomponent%3Djobmanager")
                .andReturn(200, new PodListBuilder().withItems(pods).build()).always();
        for (Pod p : pods) {
            server.expect().delete().withPath("/api/v1/namespaces/flink/pods/" + p.getMetadata().getName()).andReturn(200, p).once();
        }
    }

    private static String overview(String jid, String state) {
        return "{\"jobs\":[{\"jid\":\"" + jid + "\",\"name\":\"orders\",\"state\":\"" + state + "\"}]}";
    }

    private static String checkpoints(long completed, Long restored) {
        return "{\"latest\":{\"completed\":{\"id\":" + completed + "},\"restored\":"
                + (restored == null ? "null" : "{\"id\":" + restored + ",\"is_savepoint\":false}") + "}}";
    }

    /** Before the drill: the job runs with checkpoint 7 completed; afterwards, {@code after} answers. */
    private void flinkBefore() {
        server.expect().get().withPath(PROXY + "jobs/overview").andReturn(200, overview(JOB, "RUNNING")).once();
        server.expect().get().withPath(PROXY + "jobs/" + JOB + "/checkpoints").andReturn(200, checkpoints(7, null)).once();
    }

    private FailoverDrill drill() {
        return new FailoverDrill(client, clock, Duration.ofSeconds(1), d -> now = now.plus(d));
    }

    private List<RecordedRequest> deletes() throws InterruptedException {
        List<RecordedRequest> out = new ArrayList<>();
        RecordedRequest r;
        while ((r = server.takeRequest(10, TimeUnit.MILLISECONDS)) != null) {
            if (r.getMethod().equals("DELETE")) {
                out.add(r);
            }
        }
        return out;
    }

    @Test
    void aJobThatComesBackUnderItsIdFromTheLatestCheckpointPasses() throws Exception {
        jobManagers(jobManager("orders-jm-0", "10.0.0.5"));
        flinkBefore();
        server.expect().get().withPath(PROXY + "jobs/overview").andReturn(503, "").times(11);
        server.expect().get().withPath(PROXY + "jobs/overview").andReturn(200, overview(JOB, "RESTARTING")).times(3);
        server.expect().get().withPath(PROXY + "jobs/overview").andReturn(200, overview(JOB, "RUNNING")).always();
        server.expect().get().withPath(PROXY + "jobs/" + JOB + "/checkpoints").andReturn(200, checkpoints(7, 7L)).always();

        DrillReport report = drill().run(NS, "orders", Optional.empty(), Duration.ofMinutes(5));
        System.out.println(report.render());

        assertTrue(report.passed(), report.render());
        assertEquals(Optional.of(Duration.ofSeconds(15)), report.recoveredIn());
        assertEquals(Optional.of(Duration.ofSeconds(60)), report.objective(), "read from the deployment's annotation");
        assertEquals("orders-jm-0", report.deletedPod());
        List<RecordedRequest> deletes = deletes();
        assertEquals(1, deletes.size(), "deletes one pod, nothing else");
        assertEquals("/api/v1/namespaces/flink/pods/orders-jm-0", deletes.get(0).getPath());
    }

    @Test
    void aJobThatComesBackUnderANewIdFailsBecauseHaDidNotRecoverIt() throws Exception {
        jobManagers(jobManager("orders-jm-0", "10.0.0.5"));
        flinkBefore();
        server.expect().get().withPath(PROXY + "jobs/overview").andReturn(200, overview("ffffffffffffffffffffffffffffffff", "RUNNING")).always();

        DrillReport report = drill().run(NS, "orders", Optional.empty(), Duration.ofMinutes(5));
        System.out.println(report.render());

        assertFalse(report.passed());
        assertTrue(report.render().contains("came back under a new id"), report.render());
        assertTrue(report.render().contains("Flink HA did not recover it"), report.render());
    }

    @Test
    void aRestoreFromAnOlderCheckpointFails() throws Exception {
        jobManagers(jobManager("orders-jm-0", "10.0.0.5"));
        flinkBefore();
        server.expect().get().withPath(PROXY + "jobs/overview").andReturn(200, overview(JOB, "RUNNING")).always();
        server.expect().get().withPath(PROXY + "jobs/" + JOB + "/checkpoints").andReturn(200, checkpoints(5, 5L)).always();

        DrillReport report = drill().run(NS, "orders", Optional.empty(), Duration.ofMinutes(5));
        System.out.println(report.render());

        assertFalse(report.passed());
        assertTrue(report.render().contains("restored from checkpoint 5, older than 7"), report.render());
    }

    @Test
    void aJobThatNeverComesBackTimesOut() throws Exception {
        jobManagers(jobManager("orders-jm-0", "10.0.0.5"));
        flinkBefore();
        server.expect().get().withPath(PROXY + "jobs/overview").andReturn(503, "").always();

        DrillReport report = drill().run(NS, "orders", Optional.empty(), Duration.ofSeconds(30));
        System.out.println(report.render());

        assertFalse(report.passed());
        assertEquals(Optional.empty(), report.recoveredIn());
        assertTrue(report.render().contains("not RUNNING again within 30s"), report.render());
    }

    @Test
    void recoverySlowerThanTheObjectiveFails() throws Exception {
        jobManagers(jobManager("orders-jm-0", "10.0.0.5"));
        flinkBefore();
        server.expect().get().withPath(PROXY + "jobs/overview").andReturn(503, "").times(40);
        server.expect().get().withPath(PROXY + "jobs/overview").andReturn(200, overview(JOB, "RUNNING")).always();
        server.expect().get().withPath(PROXY + "jobs/" + JOB + "/checkpoints").andReturn(200, checkpoints(7, 7L)).always();

        DrillReport report = drill().run(NS, "orders", Optional.of(Duration.ofSeconds(30)), Duration.ofMinutes(5));

        assertFalse(report.passed());
        assertEquals(Optional.of(Duration.ofSeconds(41)), report.recoveredIn());
        assertTrue(report.render().contains("longer than the objective"), report.render());
    }

    @Test
    void withAStandbyOnlyTheLeaderFlinkPublishedIsDeleted() throws Exception {
        jobManagers(jobManager("orders-jm-0", "10.0.0.5"), jobManager("orders-jm-1", "10.0.0.6"));
        server.expect().get().withPath("/api/v1/namespaces/flink/configmaps/orders-cluster-config-map")
                .andReturn(200, new ConfigMapBuilder().withNewMetadata().withName("orders-cluster-config-map").endMetadata()
                        .withData(Map.of(FailoverDrill.LEADER_KEY, "http://10.0.0.6:8081")).build()).always();
        flinkBefore();
        server.expect().get().withPath(PROXY + "jobs/overview").andReturn(200, overview(JOB, "RUNNING")).always();
        server.expect().get().withPath(PROXY + "jobs/" + JOB + "/checkpoints").andReturn(200, checkpoints(8, 8L)).always();

        DrillReport report = drill().run(NS, "orders", Optional.empty(), Duration.ofMinutes(5));

        assertTrue(report.passed(), report.render());
        List<RecordedRequest> deletes = deletes();
        assertEquals(List.of("/api/v1/namespaces/flink/pods/orders-jm-1"), deletes.stream().map(RecordedRequest::getPath).toList());
    }

    @Test
    void refusesToGuessTheLeaderAmongSeveralJobManagers() {
        jobManagers(jobManager("orders-jm-0", "10.0.0.5"), jobManager("orders-jm-1", "10.0.0.6"));
        flinkBefore();
        var e = assertThrows(IllegalStateException.class, () -> drill().run(NS, "orders", Optional.empty(), Duration.ofMinutes(5)));
        assertTrue(e.getMessage().contains("refusing to guess"), e.getMessage());
    }

    @Test
    void refusesAnObjectiveItCannotRead() {
        var err = new java.io.ByteArrayOutputStream();
        int code = new io.flinkha.internal.app.Main(new java.io.PrintStream(new java.io.ByteArrayOutputStream()), new java.io.PrintStream(err),
                java.nio.file.Path.of("")).commandLine().execute("drill", "--context", "kind-flink", "--namespace", "flink",
                "--deployment", "orders", "--objective", "soon");
        assertEquals(2, code);
        assertTrue(err.toString().contains("--objective: got 'soon'"), err.toString());
    }

    @Test
    void refusesToRunWithoutAnExplicitContext() {
        var err = new java.io.ByteArrayOutputStream();
        int code = new io.flinkha.internal.app.Main(new java.io.PrintStream(new java.io.ByteArrayOutputStream()), new java.io.PrintStream(err),
                java.nio.file.Path.of("")).commandLine().execute("drill", "--namespace", "flink", "--deployment", "orders");
        assertEquals(2, code);
        assertTrue(err.toString().contains("--context"), err.toString());
    }

    private void leaderLock(String before, int timesBefore, String after) {
        String path = "/api/v1/namespaces/flink/configmaps/orders-cluster-config-map";
        server.expect().get().withPath(path).andReturn(200, lock(before)).times(timesBefore);
        server.expect().get().withPath(path).andReturn(200, lock(after)).always();
    }

    private static io.fabric8.kubernetes.api.model.ConfigMap lock(String holder) {
        return new ConfigMapBuilder().withNewMetadata().withName("orders-cluster-config-map").withNamespace(NS)
                .withAnnotations(Map.of(io.flinkha.internal.live.HaLock.ANNOTATION, "{\"holderIdentity\":\"" + holder
                        + "\",\"leaseDuration\":15.000000000,\"acquireTime\":\"2026-11-28T11:00:00.000000Z\",\"renewTime\":"
                        + "\"2026-11-28T12:00:00.000000Z\",\"leaderTransitions\":1}")).endMetadata().build();
    }

    /** The picture README shows: this drill's own timeline, kept as docs/drill-timeline.svg. */
    private static final java.nio.file.Path PICTURE = java.nio.file.Path.of("docs/drill-timeline.svg");

    @Test
    void theTimelineShowsTheNewLeaderTheRestoreAndTheFirstCheckpointAgainstTheObjective() throws Exception {
        jobManagers(jobManager("orders-jm-0", "10.0.0.5"));
        leaderLock("orders-jm-0-7f1c", 3, "orders-jm-1-0a2b");
        flinkBefore();
        server.expect().get().withPath(PROXY + "jobs/overview").andReturn(503, "").times(8);
        server.expect().get().withPath(PROXY + "jobs/overview").andReturn(200, overview(JOB, "RUNNING")).always();
        server.expect().get().withPath(PROXY + "jobs/" + JOB + "/checkpoints").andReturn(200, checkpoints(7, 7L)).times(5);
        server.expect().get().withPath(PROXY + "jobs/" + JOB + "/checkpoints").andReturn(200, checkpoints(8, 7L)).always();

        DrillReport report = drill().run(NS, "orders", Optional.empty(), Duration.ofMinutes(5));
        System.out.println(report.render());

        assertTrue(report.passed(), report.render());
        assertEquals(new DrillReport.Timeline(Optional.of(Duration.ofSeconds(3)), Optional.of(Duration.ofSeconds(9)),
                Optional.of(Duration.ofSeconds(13))), report.timeline());
        String svg = DrillTimeline.svg(report);
        // a well-formed document, with each step and the objective on it
        javax.xml.parsers.DocumentBuilderFactory.newInstance().newDocumentBuilder().parse(new java.io.ByteArrayInputStream(svg.getBytes()));
        for (String step : List.of("0.0s: JobManager orders-jm-0 deleted", "3.0s: new leader elected", "9.0s: job RUNNING, restored",
                "13.0s: first checkpoint after restore", "objective 60.0s")) {
            assertTrue(svg.contains(step), step + " not in\n" + svg);
        }
        if (Boolean.getBoolean("drill.update")) {
            java.nio.file.Files.createDirectories(PICTURE.getParent());
            java.nio.file.Files.writeString(PICTURE, svg);
        }
        assertEquals(svg, java.nio.file.Files.readString(PICTURE), "docs/drill-timeline.svg is stale: rerun with -Ddrill.update=true");
    }

    @Test
    void aRestoreWithoutALaterCheckpointWithinTheTimeoutIsAFindingNotAFailure() throws Exception {
        jobManagers(jobManager("orders-jm-0", "10.0.0.5"));
        flinkBefore();
        server.expect().get().withPath(PROXY + "jobs/overview").andReturn(200, overview(JOB, "RUNNING")).always();
        server.expect().get().withPath(PROXY + "jobs/" + JOB + "/checkpoints").andReturn(200, checkpoints(7, 7L)).always();

        DrillReport report = drill().run(NS, "orders", Optional.empty(), Duration.ofMinutes(5));

        assertTrue(report.passed(), report.render());
        assertEquals(Optional.empty(), report.timeline().firstCheckpoint());
        assertEquals(Optional.empty(), report.timeline().leaderElected(), "no lock to read in this cluster");
        assertTrue(report.render().contains("no checkpoint completed after the restore within three checkpoint intervals"), report.render());
    }
}
