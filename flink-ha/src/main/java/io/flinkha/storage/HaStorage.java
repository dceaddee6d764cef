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
     * @param uri a URI from a deployment's Flink configuration
     * @return whether it is durable from every pod's point of view: never a pod-local {@code file://} path,
     *         which a rescheduled pod loses; a mounted volume's path is durable
     */
    boolean isDurable(String uri);

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
