package io.flinkha.internal.status;

import com.google.gson.JsonElement;
import com.google.gson.JsonObject;
import io.fabric8.kubernetes.api.model.ConfigMap;
import io.fabric8.kubernetes.api.model.GenericKubernetesResource;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.fabric8.kubernetes.client.KubernetesClientException;
import io.fabric8.kubernetes.client.dsl.base.ResourceDefinitionContext;
import io.flinkha.internal.live.FlinkRest;
import io.flinkha.internal.live.HaLock;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Collectors;

/**
 * Reads each job's HA state from the cluster: the operator's status of its FlinkDeployment, the HA leader lock, the last
 * completed checkpoint and the restarts from Flink's REST API, the savepoints the operator records, and the HA ConfigMaps
 * whose deployment is gone.
 */
final class ClusterStatus {
    private static final ResourceDefinitionContext DEPLOYMENTS = crd("FlinkDeployment", "flinkdeployments");
    private static final ResourceDefinitionContext SNAPSHOTS = crd("FlinkStateSnapshot", "flinkstatesnapshots");

    private final KubernetesClient client;
    private final FlinkRest rest;
    private final Clock clock;

    ClusterStatus(KubernetesClient client, Clock clock) {
        this.client = client;
        this.rest = new FlinkRest(client);
        this.clock = clock;
    }

    private static ResourceDefinitionContext crd(String kind, String plural) {
        // the CRDs' names are known, so no API discovery is needed (and none is sent)
        return new ResourceDefinitionContext.Builder().withGroup("flink.apache.org").withVersion("v1beta1").withKind(kind)
                .withPlural(plural).withNamespaced(true).build();
    }

    /**
     * @param namespace the jobs' namespace
     * @param expected  each job the stack declares, and what it declares of it
     * @return the report
     */
    StatusReport read(String namespace, Map<String, JobHealth.Expected> expected) {
        List<GenericKubernetesResource> all = client.genericKubernetesResources(DEPLOYMENTS).inNamespace(namespace).list().getItems();
        Map<String, GenericKubernetesResource> byName = all.stream().collect(Collectors.toMap(d -> d.getMetadata().getName(), d -> d));
        List<JobHealth> jobs = new ArrayList<>();
        expected.forEach((name, e) -> jobs.add(job(namespace, name, e, Optional.ofNullable(byName.get(name)))));
        // Flink labels its HA ConfigMaps with the cluster id, which the operator makes the deployment's name
        Set<String> orphans = new TreeSet<>();
        for (ConfigMap cm : client.configMaps().inNamespace(namespace).withLabel("configmap-type", "high-availability").list().getItems()) {
            String app = cm.getMetadata().getLabels() == null ? null : cm.getMetadata().getLabels().get("app");
            if (app != null && !byName.containsKey(app)) {
                orphans.add(cm.getMetadata().getName());
            }
        }
        return new StatusReport(namespace, jobs, List.copyOf(orphans));
    }

    private JobHealth job(String namespace, String name, JobHealth.Expected expected, Optional<GenericKubernetesResource> deployment) {
        String id = namespace + "/" + name;
        if (deployment.isEmpty()) {
            return new JobHealth(id, expected, false, Optional.empty(), Optional.empty(), Optional.empty(), Optional.empty(),
                    Optional.empty(), List.of(), Optional.empty());
        }
        JsonObject status = tree(deployment.get().getAdditionalProperties().get("status"));
        JsonObject jobStatus = object(status, "jobStatus");
        Optional<String> jobId = string(jobStatus, "jobId");
        Optional<JsonObject> checkpoints = jobId.flatMap(j -> rest.get(namespace, name, "jobs/" + j + "/checkpoints"));
        Optional<JobHealth.Checkpoint> checkpoint = checkpoints.map(c -> object(object(c, "latest"), "completed"))
                .filter(c -> c.has("id") && c.has("latest_ack_timestamp"))
                .map(c -> new JobHealth.Checkpoint(c.get("id").getAsLong(), since(Instant.ofEpochMilli(c.get("latest_ack_timestamp").getAsLong())),
                        string(c, "external_path")));
        Optional<Long> restarts = jobId.flatMap(j -> rest.getElement(namespace, name, "jobs/" + j + "/metrics?get=numRestarts"))
                .filter(JsonElement::isJsonArray).map(JsonElement::getAsJsonArray).filter(a -> a.size() > 0)
                .flatMap(a -> string(a.get(0).getAsJsonObject(), "value")).map(Double::parseDouble).map(Double::longValue);
        return new JobHealth(id, expected, true, string(jobStatus, "state"), string(status, "lifecycleState"), string(status, "error"),
                leader(namespace, name), checkpoint, savepoints(namespace, name, jobStatus), restarts);
    }

    private Optional<JobHealth.Leader> leader(String namespace, String name) {
        return HaLock.record(client.configMaps().inNamespace(namespace).withName(HaLock.configMapName(name)).get()).map(r -> {
            Instant acquired = string(r, "acquireTime").map(Instant::parse).orElse(clock.instant());
            Instant renewed = string(r, "renewTime").map(Instant::parse).orElse(acquired);
            return new JobHealth.Leader(r.get("holderIdentity").getAsString(), since(acquired), since(renewed), lease(r));
        });
    }

    /**
     * The lock's lease: Flink's shaded fabric8 {@code LeaderElectionRecord} writes {@code leaseDuration} as a number of seconds
     * ({@code 15.000000000}, as {@code StatusTest} records it from that class).
     */
    static Duration lease(JsonObject record) {
        return Duration.ofMillis(Math.round(record.get("leaseDuration").getAsDouble() * 1000));
    }

    /**
     * The savepoints of the job: the operator's FlinkStateSnapshot resources (operator 1.10 and later, by default), and the
     * history it keeps in the deployment's status ({@code jobStatus.savepointInfo.savepointHistory}) when snapshots are off.
     */
    private List<JobHealth.Savepoint> savepoints(String namespace, String name, JsonObject jobStatus) {
        List<JobHealth.Savepoint> out = new ArrayList<>();
        try {
            for (GenericKubernetesResource s : client.genericKubernetesResources(SNAPSHOTS).inNamespace(namespace).list().getItems()) {
                JsonObject spec = tree(s.getAdditionalProperties().get("spec"));
                JsonObject status = tree(s.getAdditionalProperties().get("status"));
                if (spec.has("savepoint") && string(object(spec, "jobReference"), "name").equals(Optional.of(name))) {
                    out.add(new JobHealth.Savepoint(string(status, "path").orElse("(no path yet)"),
                            since(Instant.parse(s.getMetadata().getCreationTimestamp())), string(status, "state")));
                }
            }
        } catch (KubernetesClientException e) {
            // a cluster without the snapshot CRD keeps the history in the deployment's status only
        }
        JsonElement history = object(jobStatus, "savepointInfo").get("savepointHistory");
        if (history != null && history.isJsonArray()) {
            for (JsonElement h : history.getAsJsonArray()) {
                JsonObject sp = h.getAsJsonObject();
                out.add(new JobHealth.Savepoint(string(sp, "location").orElse("?"),
                        since(Instant.ofEpochMilli(sp.get("timeStamp").getAsLong())), Optional.empty()));
            }
        }
        out.sort(Comparator.comparing(JobHealth.Savepoint::age));
        return out;
    }

    private Duration since(Instant then) {
        Duration d = Duration.between(then, clock.instant());
        return d.isNegative() ? Duration.ZERO : d;
    }

    private static JsonObject tree(Object value) {
        JsonElement e = value == null ? null : new com.google.gson.Gson().toJsonTree(value);
        return e != null && e.isJsonObject() ? e.getAsJsonObject() : new JsonObject();
    }

    private static JsonObject object(JsonObject parent, String key) {
        JsonElement e = parent.get(key);
        return e != null && e.isJsonObject() ? e.getAsJsonObject() : new JsonObject();
    }

    private static Optional<String> string(JsonObject parent, String key) {
        JsonElement e = parent.get(key);
        return e == null || e.isJsonNull() || !e.isJsonPrimitive() ? Optional.empty() : Optional.of(e.getAsString());
    }
}
