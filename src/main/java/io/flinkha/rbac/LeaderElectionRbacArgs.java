package io.flinkha.rbac;

import com.pulumi.core.Output;
import com.pulumi.kubernetes.Provider;

import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;

/**
 * Arguments of {@link LeaderElectionRbac}; build them with {@link #builder()}, which documents each default and checks every argument (the canonical constructor does not).
 *
 * @param namespace                 namespace of the Flink jobs; the Role and its binding live there
 * @param serviceAccountName        service account the FlinkDeployments run as
 * @param serviceAccountAnnotations annotations for the service account, e.g. from a storage grant
 * @param grants                    the Role's rules
 * @param provider                  the cluster's Kubernetes provider
 */
public record LeaderElectionRbacArgs(
        Output<String> namespace,
        String serviceAccountName,
        Output<Map<String, String>> serviceAccountAnnotations,
        List<Grant> grants,
        Provider provider) {
    /**
     * What a Flink job's service account needs in native Kubernetes mode with Kubernetes HA, and no more:
     * ConfigMaps for leader election and HA pointers, pods for TaskManagers, and the JobManager
     * Deployment as the owner of those pods.
     */
    public static final List<Grant> FLINK_JOB_GRANTS = List.of(
            new Grant(ApiResource.CONFIG_MAPS, Verb.READ_WRITE),
            new Grant(ApiResource.PODS, Verb.READ_WRITE),
            new Grant(ApiResource.DEPLOYMENTS, Verb.READ),
            new Grant(ApiResource.DEPLOYMENT_FINALIZERS, Set.of(Verb.UPDATE)));


    /** @return a builder with the documented defaults */
    public static Builder builder() {
        return new Builder();
    }

    /** Builds {@link LeaderElectionRbacArgs}; each setter names its default. */
    public static final class Builder {
        private Output<String> namespace;
        private String serviceAccountName = "flink";
        private Output<Map<String, String>> serviceAccountAnnotations = Output.of(Map.of());
        private List<Grant> grants = FLINK_JOB_GRANTS;
        private Provider provider;

        private Builder() {
        }

        /**
         * @param namespace namespace of the Flink jobs (required)
         * @return this builder
         */
        public Builder namespace(Output<String> namespace) { this.namespace = namespace; return this; }
        /**
         * @param namespace namespace of the Flink jobs (required)
         * @return this builder
         */
        public Builder namespace(String namespace) { return namespace(Output.of(namespace)); }
        /**
         * @param name service account the FlinkDeployments run as; default {@code flink}
         * @return this builder
         */
        public Builder serviceAccountName(String name) { this.serviceAccountName = name; return this; }
        /**
         * @param annotations annotations for the service account, e.g. from a storage grant; default none
         * @return this builder
         */
        public Builder serviceAccountAnnotations(Output<Map<String, String>> annotations) { this.serviceAccountAnnotations = annotations; return this; }
        /**
         * @param grants the Role's rules; default {@link #FLINK_JOB_GRANTS}
         * @return this builder
         */
        public Builder grants(List<Grant> grants) { this.grants = grants; return this; }
        /**
         * @param provider the cluster's Kubernetes provider (required)
         * @return this builder
         */
        public Builder provider(Provider provider) { this.provider = provider; return this; }

        /** @return the checked arguments */
        public LeaderElectionRbacArgs build() {
            Objects.requireNonNull(namespace, "LeaderElectionRbacArgs.namespace is required");
            Objects.requireNonNull(provider, "LeaderElectionRbacArgs.provider is required");
            if (grants.isEmpty()) {
                throw new IllegalArgumentException("LeaderElectionRbacArgs.grants: got none; expected at least the ConfigMap grant");
            }
            return new LeaderElectionRbacArgs(namespace, serviceAccountName, serviceAccountAnnotations, List.copyOf(grants), provider);
        }
    }
}
