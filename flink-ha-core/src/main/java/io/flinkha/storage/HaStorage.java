package io.flinkha.storage;

import io.flinkha.identity.FlinkServiceAccount;
import com.pulumi.core.Output;

/**
 * Durable storage for Flink HA metadata, checkpoints and savepoints. The deployment component
 * depends only on this interface, so NFS and S3 are interchangeable without changing its shape.
 */
public interface HaStorage {
    /** A path segment the storage paths are made of (environment, namespace): a DNS label. */
    java.util.regex.Pattern PATH_SEGMENT = java.util.regex.Pattern.compile("[a-z0-9]([-a-z0-9]{0,61}[a-z0-9])?");

    /**
     * What a production storage may not give up: it keeps its state when the stack is destroyed or the resource replaced
     * ({@code retainOnDelete}), and the engine refuses to delete or replace it at all ({@code protect}) until someone
     * unprotects it on purpose. Elsewhere both are on by default and may be turned off (dev turns {@code protect} off, so
     * a throwaway cluster's stack can be destroyed).
     *
     * @param retainOnDelete keep the state holder when Pulumi deletes it
     * @param protect        refuse to delete or replace it
     * @param production     whether the storage serves production
     * @return one problem per setting production refuses, as {@code field: ...}
     */
    static java.util.List<String> retentionProblems(boolean retainOnDelete, boolean protect, boolean production) {
        java.util.List<String> out = new java.util.ArrayList<>();
        if (production && !retainOnDelete) {
            out.add("retainOnDelete: got false; a production stack must retain its HA storage when the stack is destroyed; set it to "
                    + "true (or production: false)");
        }
        if (production && !protect) {
            out.add("protect: got false; a production stack protects its HA storage, so no replace or delete takes the jobs' state; "
                    + "set it to true (or production: false)");
        }
        return out;
    }

    /**
     * @param uri a URI from a deployment's Flink configuration
     * @return whether it is durable from every pod's point of view: never a pod-local {@code file://} path,
     *         which a rescheduled pod loses; a mounted volume's path is durable
     */
    default boolean isDurable(String uri) {
        return localPathProblem(uri).isEmpty();
    }

    /** @return where the storage is mounted in every Flink pod, when it is a volume (NFS); empty for object storage */
    default java.util.Optional<String> mountPath() {
        return java.util.Optional.empty();
    }

    /**
     * @param uri a URI from a deployment's Flink configuration
     * @return what is wrong, if it is a pod-local path: a rescheduled pod loses it
     */
    default java.util.Optional<String> localPathProblem(String uri) {
        return localPathProblem(uri, mountPath());
    }

    /**
     * The one rule on local paths, for the storage declared and for a stack's storage before it exists.
     *
     * @param uri       a URI from a deployment's Flink configuration
     * @param mountPath where the HA volume is mounted, if the storage is one
     * @return what is wrong, if the URI names the local filesystem outside the mounted volume
     */
    static java.util.Optional<String> localPathProblem(String uri, java.util.Optional<String> mountPath) {
        boolean local = uri.contains("file:/") || NfsStorageArgs.isFileUri(uri);
        if (!local || mountPath.filter(m -> NfsStorageArgs.onMount(m, uri)).isPresent()) {
            return java.util.Optional.empty();
        }
        return java.util.Optional.of("a file:// URI must lie on the mounted HA storage volume (" + mountPath.map(m -> "file://" + m + "/...")
                .orElse("none is mounted") + "); pod-local paths are lost when the pod is rescheduled");
    }

    /**
     * @param namespace  the deployment's namespace
     * @param deployment the deployment's name (Flink's cluster-id)
     * @return storage URIs unique to this environment, namespace and deployment, so no two deployments
     * (or environments) can ever read each other's HA data
     */
    FlinkStoragePaths pathsFor(Output<String> namespace, String deployment);

    /**
     * @param flinkVersion exact Flink version of the image, e.g. {@code 1.20.1}: filesystem plugin jars are named after it
     * @param credentials  how the pods' service account gets its cloud credentials, which a filesystem client must be told
     * @return what every JobManager and TaskManager pod needs to reach the storage
     * @throws IllegalArgumentException when the storage's client in that Flink release cannot use those credentials
     */
    PodStorage podStorage(String flinkVersion, io.flinkha.identity.CloudCredentials credentials);

    /**
     * Gives a Flink service account read and write access to this storage, under its namespace's prefix;
     * with object storage, a policy on the account's one cloud role, so several grants compose.
     *
     * @param account the account the jobs run as
     * @return this storage, for chaining
     */
    HaStorage grantReadWrite(FlinkServiceAccount account);
}
