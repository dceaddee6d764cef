package io.flinkha.identity;

import com.pulumi.core.Output;
import io.flinkha.cluster.KubernetesCluster;
import io.flinkha.rbac.ApiResource;
import io.flinkha.rbac.Grant;
import io.flinkha.rbac.Verb;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * Arguments of {@link FlinkServiceAccount}; build them with {@link #builder()}, which documents each default and
 * checks every argument, reporting all problems at once.
 *
 * @param cluster          the cluster the account lives in: its provider, and its OIDC provider for a cloud role
 * @param namespace        the Flink jobs' namespace; the account, its Role and binding live there
 * @param name             the account's name
 * @param grants           the Role's rules
 * @param cloudRole        declares the account's cloud role where its cluster hands roles to pods (flink-ha-aws:
 *                         {@code IamCloudRole.declaration(awsProvider)}); empty for an account without one
 */
public record FlinkServiceAccountArgs(
        KubernetesCluster cluster,
        Output<String> namespace,
        String name,
        List<Grant> grants,
        Optional<CloudRole.Declaration> cloudRole) {

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

    /** A service account name: a DNS label. */
    public static final Pattern NAME = Pattern.compile("[a-z0-9]([-a-z0-9]{0,61}[a-z0-9])?");

    /** @return a builder with the documented defaults */
    public static Builder builder() {
        return new Builder();
    }

    /** Builds {@link FlinkServiceAccountArgs}; each setter names its default. */
    public static final class Builder {
        private KubernetesCluster cluster;
        private Output<String> namespace;
        private String name = "flink";
        private List<Grant> grants = FLINK_JOB_GRANTS;
        private CloudRole.Declaration cloudRole;

        private Builder() {
        }

        /**
         * @param cluster the cluster the account lives in (required): every child uses its provider, and a
         *                cluster with an OIDC provider gives the account a cloud role
         * @return this builder
         */
        public Builder cluster(KubernetesCluster cluster) { this.cluster = cluster; return this; }
        /**
         * @param namespace the Flink jobs' namespace (required)
         * @return this builder
         */
        public Builder namespace(Output<String> namespace) { this.namespace = namespace; return this; }
        /**
         * @param namespace the Flink jobs' namespace (required)
         * @return this builder
         */
        public Builder namespace(String namespace) { return namespace(Output.of(namespace)); }
        /**
         * @param name the account's name, a DNS label; default {@code flink}
         * @return this builder
         */
        public Builder name(String name) { this.name = name; return this; }
        /**
         * @param grants the Role's rules, never a wildcard; default {@link #FLINK_JOB_GRANTS}
         * @return this builder
         */
        public Builder grants(List<Grant> grants) { this.grants = grants; return this; }
        /**
         * @param declaration declares the account's cloud role (flink-ha-aws: {@code IamCloudRole.declaration(awsProvider)});
         *                    required when the cluster has an OIDC provider or the EKS Pod Identity agent; default none
         * @return this builder
         */
        public Builder cloudRole(CloudRole.Declaration declaration) { this.cloudRole = declaration; return this; }

        /**
         * @return the checked arguments
         * @throws IllegalArgumentException naming every problem
         */
        public FlinkServiceAccountArgs build() {
            List<String> problems = new ArrayList<>();
            if (cluster == null) {
                problems.add("cluster: is required; the account's resources use its provider");
            }
            if (namespace == null) {
                problems.add("namespace: is required; expected the Flink jobs' namespace");
            }
            if (name == null || !NAME.matcher(name).matches()) {
                problems.add("name: got '" + name + "'; expected a DNS label ([a-z0-9-], at most 63 characters)");
            }
            if (grants == null || grants.isEmpty()) {
                problems.add("grants: got none; expected at least the ConfigMap grant Flink's leader election needs");
            }
            if (cluster != null && (cluster.oidc().isPresent() || cluster.podIdentity().isPresent()) && cloudRole == null) {
                problems.add("cloudRole: is required because the cluster has an OIDC provider or the Pod Identity agent, which "
                        + "gives the account a cloud role; expected its declaration, e.g. flink-ha-aws' IamCloudRole.declaration(awsProvider)");
            }
            if (!problems.isEmpty()) {
                throw new IllegalArgumentException("FlinkServiceAccountArgs: " + String.join("; ", problems));
            }
            return new FlinkServiceAccountArgs(cluster, namespace, name, List.copyOf(grants), Optional.ofNullable(cloudRole));
        }
    }
}
