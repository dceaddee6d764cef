package io.flinkha.rbac;

import java.util.Objects;

/**
 * A Kubernetes API resource as RBAC names it: API group (empty for core) and plural resource,
 * with constants for those Flink needs and {@link #custom} as the one escape hatch.
 */
public record ApiResource(String apiGroup, String resource) {
    /** Leader election and HA pointers ({@code <cluster-id>-cluster-config-map} and per-job maps). */
    public static final ApiResource CONFIG_MAPS = new ApiResource("", "configmaps");
    /** TaskManager pods, which the JobManager creates and deletes in native mode. */
    public static final ApiResource PODS = new ApiResource("", "pods");
    /** The JobManager Deployment, read to make it the owner of TaskManager pods. */
    public static final ApiResource DEPLOYMENTS = new ApiResource("apps", "deployments");
    /** Needed to set an owner reference with blockOwnerDeletion on the JobManager Deployment. */
    public static final ApiResource DEPLOYMENT_FINALIZERS = new ApiResource("apps", "deployments/finalizers");

    /**
     * Refuses a wildcard, which would grant every resource of the group.
     *
     * @param apiGroup API group; empty for the core group
     * @param resource plural resource name, or {@code <resource>/<subresource>}
     */
    public ApiResource {
        Objects.requireNonNull(apiGroup, "apiGroup");
        if (resource == null || resource.isBlank() || resource.contains("*")) {
            throw new IllegalArgumentException("ApiResource.resource: got '" + resource + "'; expected a plural resource name, never a wildcard");
        }
    }

    /**
     * The escape hatch for a resource that has no constant here.
     *
     * @param apiGroup API group; empty for the core group
     * @param resource plural resource name
     * @return the resource
     */
    public static ApiResource custom(String apiGroup, String resource) {
        return new ApiResource(apiGroup, resource);
    }
}
