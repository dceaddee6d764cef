package io.flinkha.flink;

import java.util.Set;

/**
 * Flink configuration keys the platform sets itself. They may not be given as extra Flink
 * configuration: a user value would silently turn HA off or point two jobs at the same storage.
 *
 * @see <a href="https://nightlies.apache.org/flink/flink-docs-release-1.20/docs/deployment/ha/kubernetes_ha/">Kubernetes HA services</a>
 */
public final class FlinkConfigKeys {
    /** Selects the HA services; {@link #HA_TYPE_KUBERNETES} for Kubernetes HA. */
    public static final String HA_TYPE = "high-availability.type";
    /** Pre-1.17 spelling of {@link #HA_TYPE}; Flink still reads it. */
    public static final String HA_TYPE_LEGACY = "high-availability";
    /** Durable directory of JobGraphs and checkpoint pointers. */
    public static final String HA_STORAGE_DIR = "high-availability.storageDir";
    /** HA namespace within the storage dir; the operator sets it. */
    public static final String HA_CLUSTER_ID = "high-availability.cluster-id";
    /** Flink cluster id; the operator sets it to the deployment name. */
    public static final String KUBERNETES_CLUSTER_ID = "kubernetes.cluster-id";
    /** Namespace Flink runs in; the operator sets it. */
    public static final String KUBERNETES_NAMESPACE = "kubernetes.namespace";
    /** JobManager replicas; the operator sets it from {@code spec.jobManager.replicas}. */
    public static final String JOBMANAGER_REPLICAS = "kubernetes.jobmanager.replicas";
    /**
     * Checkpoint directory, under the name the operator 1.10 (built on Flink 1.19.1) reads; Flink 1.20
     * reads it as a fallback of {@link #CHECKPOINTS_DIR_120}. The platform writes this name.
     */
    public static final String CHECKPOINTS_DIR = "state.checkpoints.dir";
    /** Flink 1.20 name of {@link #CHECKPOINTS_DIR}; the operator 1.10 does not know it. */
    public static final String CHECKPOINTS_DIR_120 = "execution.checkpointing.dir";
    /** Savepoint directory, under the name the operator 1.10 reads; written by the platform (see {@link #CHECKPOINTS_DIR}). */
    public static final String SAVEPOINTS_DIR = "state.savepoints.dir";
    /** Flink 1.20 name of {@link #SAVEPOINTS_DIR}; the operator 1.10 does not know it. */
    public static final String SAVEPOINTS_DIR_120 = "execution.checkpointing.savepoint-dir";
    /**
     * Completed checkpoints kept, under the name Flink 1.19 reads; Flink 1.20 reads it as the fallback of
     * {@code execution.checkpointing.num-retained}, so one name serves every image the operator supports.
     */
    public static final String CHECKPOINTS_RETAINED = "state.checkpoints.num-retained";
    /** Flink 1.20 name of {@link #CHECKPOINTS_RETAINED}. */
    public static final String CHECKPOINTS_RETAINED_120 = "execution.checkpointing.num-retained";
    /** Interval between checkpoints. */
    public static final String CHECKPOINT_INTERVAL = "execution.checkpointing.interval";

    /** The value of {@link #HA_TYPE} that selects Flink's Kubernetes HA services. */
    public static final String HA_TYPE_KUBERNETES = "kubernetes";

    /** Keys set by the platform (or by the operator, which refuses them in a spec). */
    public static final Set<String> OWNED = Set.of(
            HA_TYPE, HA_TYPE_LEGACY, HA_STORAGE_DIR, HA_CLUSTER_ID, KUBERNETES_CLUSTER_ID, KUBERNETES_NAMESPACE,
            JOBMANAGER_REPLICAS, CHECKPOINTS_DIR, CHECKPOINTS_DIR_120, SAVEPOINTS_DIR, SAVEPOINTS_DIR_120,
            CHECKPOINT_INTERVAL, CHECKPOINTS_RETAINED, CHECKPOINTS_RETAINED_120,
            PeriodicSavepoints.INTERVAL_KEY, PeriodicSavepoints.MAX_COUNT_KEY, PeriodicSavepoints.MAX_AGE_KEY);

    /**
     * What controls a key the platform sets, in words for a message that refuses the key: the setting to use instead, or
     * why none does. One place for the stack's settings and the component's Args alike (they share the field names).
     *
     * @param key a key of {@link #OWNED}
     * @return the sentence
     */
    public static String controlledBy(String key) {
        return switch (key) {
            case HA_TYPE, HA_TYPE_LEGACY -> "no setting changes it: the platform always runs Flink's Kubernetes HA, which it exists for";
            case HA_STORAGE_DIR, CHECKPOINTS_DIR, CHECKPOINTS_DIR_120, SAVEPOINTS_DIR, SAVEPOINTS_DIR_120 ->
                    "the storage sets it: each job's directory is derived from the storage, the environment, the namespace and the job's "
                            + "name, so no two jobs share one";
            case HA_CLUSTER_ID, KUBERNETES_CLUSTER_ID, KUBERNETES_NAMESPACE ->
                    "no setting changes it: the operator sets it from the deployment's name and namespace, and refuses it in a spec";
            case JOBMANAGER_REPLICAS -> "set the job's jobManagerReplicas instead (the operator reads it from spec.jobManager.replicas)";
            case CHECKPOINT_INTERVAL -> "set the job's checkpointInterval instead";
            case CHECKPOINTS_RETAINED, CHECKPOINTS_RETAINED_120 -> "set the job's retainedCheckpoints instead";
            case PeriodicSavepoints.INTERVAL_KEY, PeriodicSavepoints.MAX_COUNT_KEY, PeriodicSavepoints.MAX_AGE_KEY -> "set the job's savepoints instead";
            default -> "it is set by the platform";
        };
    }

    private FlinkConfigKeys() {
    }
}
