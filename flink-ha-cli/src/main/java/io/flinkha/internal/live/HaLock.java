package io.flinkha.internal.live;

import com.google.gson.JsonObject;
import com.google.gson.JsonParser;
import io.fabric8.kubernetes.api.model.ConfigMap;

import java.util.Optional;

/**
 * The HA leader lock of a Flink deployment: Flink's leader election (fabric8's {@code ConfigMapLock}, shaded in
 * flink-kubernetes) keeps it on {@code <cluster-id>-cluster-config-map}, as a JSON record in one annotation.
 */
public final class HaLock {
    /** The annotation the lock record is kept in ({@code ResourceLock} in flink-kubernetes' shaded fabric8). */
    public static final String ANNOTATION = "control-plane.alpha.kubernetes.io/leader";

    private HaLock() {
    }

    /**
     * @param deployment the FlinkDeployment, whose name the operator makes Flink's cluster id
     * @return the name of the ConfigMap that holds its lock
     */
    public static String configMapName(String deployment) {
        return deployment + "-cluster-config-map";
    }

    /**
     * @param lock the lock's ConfigMap, or null when there is none
     * @return the lock record ({@code holderIdentity}, {@code acquireTime}, {@code renewTime}, the lease), when a holder has it
     */
    public static Optional<JsonObject> record(ConfigMap lock) {
        String text = lock == null || lock.getMetadata().getAnnotations() == null ? null : lock.getMetadata().getAnnotations().get(ANNOTATION);
        if (text == null) {
            return Optional.empty();
        }
        JsonObject r = JsonParser.parseString(text).getAsJsonObject();
        var holder = r.get("holderIdentity");
        return holder == null || holder.isJsonNull() || holder.getAsString().isBlank() ? Optional.empty() : Optional.of(r);
    }
}
