package io.flinkha.rbac;

import com.pulumi.core.Output;
import com.pulumi.kubernetes.Provider;

import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;

/** Arguments of {@link LeaderElectionRbac}. */
public final class LeaderElectionRbacArgs {
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


    private final Output<String> namespace;
    private final String serviceAccountName;
    private final Output<Map<String, String>> serviceAccountAnnotations;
    private final List<Grant> grants;
    private final Provider provider;

    private LeaderElectionRbacArgs(Builder b) {
        this.namespace = b.namespace;
        this.serviceAccountName = b.serviceAccountName;
        this.serviceAccountAnnotations = b.serviceAccountAnnotations;
        this.grants = List.copyOf(b.grants);
        this.provider = b.provider;
    }

    public static Builder builder() {
        return new Builder();
    }

    public Output<String> namespace() {
        return namespace;
    }

    public String serviceAccountName() {
        return serviceAccountName;
    }

    public Output<Map<String, String>> serviceAccountAnnotations() {
        return serviceAccountAnnotations;
    }

    public List<Grant> grants() {
        return grants;
    }

    public Provider provider() {
        return provider;
    }

    public static final class Builder {
        private Output<String> namespace;
        private String serviceAccountName = "flink";
        private Output<Map<String, String>> serviceAccountAnnotations = Output.of(Map.of());
        private List<Grant> grants = FLINK_JOB_GRANTS;
        private Provider provider;

        /** Namespace of the Flink jobs; the Role and its binding are namespaced there (required). */
        public Builder namespace(Output<String> namespace) {
            this.namespace = namespace;
            return this;
        }

        public Builder namespace(String namespace) {
            return namespace(Output.of(namespace));
        }

        /** Service account the FlinkDeployments run as. Default {@code flink}. */
        public Builder serviceAccountName(String name) {
            this.serviceAccountName = name;
            return this;
        }

        /** Annotations for the service account, e.g. from a storage grant. Default none. */
        public Builder serviceAccountAnnotations(Output<Map<String, String>> annotations) {
            this.serviceAccountAnnotations = annotations;
            return this;
        }

        /** The Role's rules. Default {@link #FLINK_JOB_GRANTS}. */
        public Builder grants(List<Grant> grants) {
            this.grants = grants;
            return this;
        }

        /** The cluster's Kubernetes provider (required). */
        public Builder provider(Provider provider) {
            this.provider = provider;
            return this;
        }

        public LeaderElectionRbacArgs build() {
            Objects.requireNonNull(namespace, "LeaderElectionRbacArgs.namespace is required");
            Objects.requireNonNull(provider, "LeaderElectionRbacArgs.provider is required");
            if (grants.isEmpty()) {
                throw new IllegalArgumentException("LeaderElectionRbacArgs.grants: got none; expected at least the ConfigMap grant");
            }
            return new LeaderElectionRbacArgs(this);
        }
    }
}
