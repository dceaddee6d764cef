package io.flinkha.internal.drill;

import com.google.gson.JsonElement;
import com.google.gson.JsonObject;
import io.fabric8.kubernetes.api.model.ConfigMap;
import io.fabric8.kubernetes.api.model.GenericKubernetesResource;
import io.fabric8.kubernetes.api.model.Pod;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.fabric8.kubernetes.client.dsl.base.ResourceDefinitionContext;
import io.flinkha.internal.live.FlinkRest;
import io.flinkha.internal.live.HaLock;
import io.flinkha.flink.HaFlinkDeployment;
import io.flinkha.flink.RecoveryModel;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * Proves Flink HA on a live deployment: records the job id and the latest completed checkpoint
 * (Flink's REST API through the API server's service proxy), deletes the leading JobManager pod and
 * nothing else, and measures the time until the job is RUNNING again under the same id, restored
 * from a checkpoint at least as new. A job that comes back under a new id was restarted by
 * Kubernetes, not recovered by Flink HA.
 */
public final class FailoverDrill {
    /** Flink writes the leader's REST address into this key of {@code <cluster-id>-cluster-config-map}. */
    static final String LEADER_KEY = "org.apache.flink.k8s.leader.restserver";

    private final KubernetesClient client;
    private final Clock clock;
    private final Duration poll;
    private final Sleeper sleeper;

    /** Waits between polls; tests replace it. */
    @FunctionalInterface
    public interface Sleeper {
        /**
         * @param d how long to wait
         * @throws InterruptedException when interrupted
         */
        void sleep(Duration d) throws InterruptedException;
    }

    /**
     * @param client  a client for the cluster, already bound to the explicitly named context, with request retries off
     * @param clock   the clock the timings are read from
     * @param poll    how often to ask Flink whether the job is back
     * @param sleeper how to wait between polls
     */
    public FailoverDrill(KubernetesClient client, Clock clock, Duration poll, Sleeper sleeper) {
        this.client = client;
        this.clock = clock;
        this.poll = poll;
        this.sleeper = sleeper;
    }

    /**
     * @param namespace  the deployment's namespace
     * @param name       the FlinkDeployment's name
     * @param objective  the objective to judge against; empty to read the deployment's annotation
     * @param timeout    the longest the drill waits for recovery
     * @return the report; the drill never throws once it has deleted the pod
     */
    public DrillReport run(String namespace, String name, Optional<Duration> objective, Duration timeout) throws InterruptedException {
        String deployment = namespace + "/" + name;
        // the CRD's names are known, so no API discovery is needed (and none is sent)
        GenericKubernetesResource fd = client.genericKubernetesResources(new ResourceDefinitionContext.Builder()
                        .withGroup("flink.apache.org").withVersion("v1beta1").withKind("FlinkDeployment")
                        .withPlural("flinkdeployments").withNamespaced(true).build())
                .inNamespace(namespace).withName(name).get();
        if (fd == null) {
            throw new IllegalArgumentException("no FlinkDeployment " + deployment + " in this cluster");
        }
        Optional<Duration> target = objective.or(() -> Optional.ofNullable(fd.getMetadata().getAnnotations())
                .map(a -> a.get(HaFlinkDeployment.OBJECTIVE_ANNOTATION)).flatMap(RecoveryModel::parse));

        JobState before = job(namespace, name).orElseThrow(() ->
                new IllegalStateException("FlinkDeployment " + deployment + " runs no job that Flink's REST API reports; nothing to drill"));
        if (!before.state().equals("RUNNING")) {
            throw new IllegalStateException("job " + before.id() + " of " + deployment + " is " + before.state() + ", not RUNNING; drill a running job");
        }
        long checkpoint = latest(namespace, name, before.id(), "completed").orElseThrow(() ->
                new IllegalStateException("job " + before.id() + " has no completed checkpoint yet; wait for one, or the drill cannot tell a restore from a fresh start"));
        Pod leader = leader(namespace, name);

        List<String> findings = new ArrayList<>();
        Optional<String> holderBefore = lockHolder(namespace, name);
        Optional<Duration> elected = Optional.empty();
        Instant lost = clock.instant();
        client.pods().inNamespace(namespace).withName(leader.getMetadata().getName()).withGracePeriod(0).delete();
        findings.add("deleted pod " + leader.getMetadata().getName() + " at " + lost);

        Instant deadline = lost.plus(timeout);
        String lastSeen = "no answer from Flink's REST API";
        while (clock.instant().isBefore(deadline)) {
            sleeper.sleep(poll);
            if (elected.isEmpty()) {
                Optional<String> holder = lockHolder(namespace, name);
                if (holder.isPresent() && !holder.equals(holderBefore)) {
                    elected = Optional.of(Duration.between(lost, clock.instant()));
                }
            }
            Optional<JobState> now = job(namespace, name);
            if (now.isEmpty()) {
                continue;
            }
            JobState job = now.get();
            lastSeen = "job " + job.id() + " " + job.state();
            if (!job.id().equals(before.id())) {
                findings.add("the job came back under a new id " + job.id() + " (was " + before.id() + "): Kubernetes restarted it, Flink HA "
                        + "did not recover it. Check high-availability.type: kubernetes, a durable high-availability.storageDir, and that "
                        + "the service account may get/update/watch ConfigMaps in " + namespace);
                return new DrillReport(deployment, before.id(), checkpoint, leader.getMetadata().getName(), Optional.empty(), target, false, findings,
                        new DrillReport.Timeline(elected, Optional.empty(), Optional.empty()));
            }
            if (!job.state().equals("RUNNING")) {
                continue;
            }
            Optional<Long> restored = latest(namespace, name, job.id(), "restored");
            if (restored.isEmpty()) {
                continue;
            }
            Duration took = Duration.between(lost, clock.instant());
            if (restored.get() < checkpoint) {
                findings.add("restored from checkpoint " + restored.get() + ", older than " + checkpoint + ", the latest completed before the "
                        + "drill: the HA metadata pointed at stale state. Check that no other deployment shares this storage path and "
                        + "that the HA ConfigMaps were not left from an earlier deployment of the same name");
                return new DrillReport(deployment, before.id(), checkpoint, leader.getMetadata().getName(), Optional.of(took), target, false, findings,
                        new DrillReport.Timeline(elected, Optional.of(took), Optional.empty()));
            }
            findings.add("job " + job.id() + " RUNNING again, restored from checkpoint " + restored.get());
            // three checkpoint intervals, as the alert FlinkCheckpointsStalled counts them; the timeout when the interval is unknown
            Instant checkpointDeadline = interval(fd).map(i -> clock.instant().plus(i.multipliedBy(3))).filter(d -> d.isBefore(deadline))
                    .orElse(deadline);
            Optional<Duration> firstCheckpoint = firstCheckpointAfter(namespace, name, job.id(), restored.get(), lost, checkpointDeadline);
            if (firstCheckpoint.isEmpty()) {
                findings.add("no checkpoint completed after the restore within three checkpoint intervals (or the timeout): the job "
                        + "runs, but a second failure now would replay from checkpoint " + restored.get() + " again");
            }
            boolean inTime = target.map(t -> took.compareTo(t) <= 0).orElse(true);
            if (!inTime) {
                findings.add("recovery took longer than the objective: lower the leader-election lease and retry period, run a standby "
                        + "JobManager (jobManagerReplicas: 2), or raise the objective; the plan shows which setting dominates");
            }
            return new DrillReport(deployment, before.id(), checkpoint, leader.getMetadata().getName(), Optional.of(took), target, inTime, findings,
                    new DrillReport.Timeline(elected, Optional.of(took), firstCheckpoint));
        }
        findings.add("not RUNNING again within " + timeout.toSeconds() + "s (last seen: " + lastSeen + "); look at the JobManager's logs and "
                + "the events of " + deployment + "; a job that never comes back usually cannot read its HA storage");
        return new DrillReport(deployment, before.id(), checkpoint, leader.getMetadata().getName(), Optional.empty(), target, false, findings,
                new DrillReport.Timeline(elected, Optional.empty(), Optional.empty()));
    }

    /** The deployment's checkpoint interval, from its Flink configuration (flat keys, or the nested YAML of operator 1.15). */
    private static Optional<Duration> interval(GenericKubernetesResource fd) {
        Object spec = fd.getAdditionalProperties().get("spec");
        Object conf = spec instanceof java.util.Map<?, ?> m ? m.get("flinkConfiguration") : null;
        Object value = conf instanceof java.util.Map<?, ?> c ? c.get("execution.checkpointing.interval") : null;
        return value == null ? Optional.empty() : RecoveryModel.parse(String.valueOf(value)).filter(d -> !d.isZero());
    }

    /** Waits, until the deadline, for the first checkpoint newer than the restored one: the job's state is safe again. */
    private Optional<Duration> firstCheckpointAfter(String namespace, String name, String jobId, long restored, Instant lost, Instant deadline)
            throws InterruptedException {
        while (true) {
            if (latest(namespace, name, jobId, "completed").filter(c -> c > restored).isPresent()) {
                return Optional.of(Duration.between(lost, clock.instant()));
            }
            if (!clock.instant().isBefore(deadline)) {
                return Optional.empty();
            }
            sleeper.sleep(poll);
        }
    }

    /** The holder of the HA leader lock, read for the timeline only: the verdict does not depend on it. */
    private Optional<String> lockHolder(String namespace, String name) {
        try {
            return HaLock.record(client.configMaps().inNamespace(namespace).withName(HaLock.configMapName(name)).get())
                    .map(r -> r.get("holderIdentity").getAsString());
        } catch (RuntimeException e) {
            return Optional.empty();
        }
    }

    private record JobState(String id, String state) {
    }

    private Optional<JobState> job(String namespace, String name) {
        return rest(namespace, name, "jobs/overview").map(o -> o.getAsJsonArray("jobs")).filter(a -> a.size() > 0).map(a -> {
            JsonObject j = a.get(0).getAsJsonObject();
            return new JobState(j.get("jid").getAsString(), j.get("state").getAsString());
        });
    }

    private Optional<Long> latest(String namespace, String name, String jobId, String which) {
        return rest(namespace, name, "jobs/" + jobId + "/checkpoints").flatMap(o -> {
            JsonElement latest = o.get("latest");
            if (latest == null || !latest.isJsonObject()) {
                return Optional.empty();
            }
            JsonElement c = latest.getAsJsonObject().get(which);
            return c == null || !c.isJsonObject() ? Optional.empty() : Optional.of(c.getAsJsonObject().get("id").getAsLong());
        });
    }

    /** Flink's REST API; empty while the JobManager is down failing over, which is what the drill waits out. */
    private Optional<JsonObject> rest(String namespace, String name, String path) {
        return new FlinkRest(client).get(namespace, name, path);
    }

    /** The JobManager pod that holds leadership; with standbys, the one whose address Flink published as leader. */
    private Pod leader(String namespace, String name) {
        List<Pod> pods = client.pods().inNamespace(namespace).withLabel("app", name).withLabel("component", "jobmanager").list().getItems();
        List<Pod> running = pods.stream().filter(p -> p.getMetadata().getDeletionTimestamp() == null).toList();
        if (running.isEmpty()) {
            throw new IllegalStateException("no JobManager pod of " + namespace + "/" + name + " (labels app=" + name + ", component=jobmanager)");
        }
        if (running.size() == 1) {
            return running.get(0);
        }
        ConfigMap leaders = client.configMaps().inNamespace(namespace).withName(HaLock.configMapName(name)).get();
        String address = leaders == null || leaders.getData() == null ? null : leaders.getData().get(LEADER_KEY);
        return running.stream()
                .filter(p -> address != null && p.getStatus() != null && p.getStatus().getPodIP() != null
                        && address.contains("//" + p.getStatus().getPodIP() + ":"))
                .findFirst()
                .orElseThrow(() -> new IllegalStateException(running.size() + " JobManager pods and no leader address in "
                        + HaLock.configMapName(name) + "; refusing to guess which pod to delete"));
    }
}
