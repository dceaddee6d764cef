package io.flinkha.flink;

import com.pulumi.core.Output;
import com.pulumi.kubernetes.Provider;
import com.pulumi.resources.Resource;
import io.flinkha.config.ContainerResources;
import io.flinkha.storage.HaStorage;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * Arguments of {@link HaFlinkDeployment}. Storage and service account come in as objects, so a
 * deployment can never point at storage or an identity that the platform did not declare. Build
 * them with {@link #builder()}, which documents each option's default and checks every argument
 * (the canonical constructor does not).
 *
 * @param namespace          namespace of the deployment
 * @param flinkVersion       exact Flink version of the image, e.g. {@code 1.20.1}
 * @param image              container image
 * @param jarUri             job jar URI
 * @param entryClass         main class, if the jar's manifest names none
 * @param args               program arguments
 * @param parallelism        job parallelism
 * @param upgradeMode        how the operator carries state across upgrades
 * @param jobManagerReplicas JobManagers; more than one keeps standbys (derived from the recovery objective when not set)
 * @param checkpointInterval checkpoint interval as a Flink duration
 * @param jobManager         JobManager resources
 * @param taskManager        TaskManager resources
 * @param flinkConfiguration extra Flink configuration, never a key of {@link FlinkConfigKeys#OWNED}
 * @param storage            durable HA storage
 * @param serviceAccountName service account with the HA rights
 * @param dependsOn          resources that must exist first (operator release, RBAC)
 * @param provider           the cluster's Kubernetes provider
 * @param recoveryObjective  how fast the job must recover from losing its JobManager, if declared
 * @param readyTimeout       how long {@code pulumi up} waits for the operator to report the job running and stable
 */
public record HaFlinkDeploymentArgs(
        Output<String> namespace,
        String flinkVersion,
        String image,
        String jarUri,
        Optional<String> entryClass,
        List<String> args,
        int parallelism,
        UpgradeMode upgradeMode,
        int jobManagerReplicas,
        String checkpointInterval,
        ContainerResources jobManager,
        ContainerResources taskManager,
        Map<String, String> flinkConfiguration,
        HaStorage storage,
        Output<String> serviceAccountName,
        List<Resource> dependsOn,
        Provider provider,
        Optional<RecoveryObjective> recoveryObjective,
        Duration readyTimeout) {

    /**
     * Flink's cluster-id rule, which the operator applies to deployment names: the name becomes
     * {@code kubernetes.cluster-id}, so at most 45 characters of {@code [a-z0-9-]}, starting with a letter.
     */
    public static final Pattern DEPLOYMENT_NAME = Pattern.compile("[a-z]([-a-z0-9]{0,43}[a-z0-9])?");
    /** How long {@code pulumi up} waits for a job by default: image pull, JobManager start, job submission. */
    public static final Duration DEFAULT_READY_TIMEOUT = Duration.ofMinutes(10);


    /** @return a builder with the documented defaults */
    public static Builder builder() {
        return new Builder();
    }

    /** @return the operator's {@code flinkVersion} value, e.g. {@code v1_20} for 1.20.1 */
    public String operatorFlinkVersion() {
        String[] parts = flinkVersion.split("\\.");
        return "v" + parts[0] + "_" + parts[1];
    }

    /** Builds {@link HaFlinkDeploymentArgs}; each setter names its default. */
    public static final class Builder {
        private Output<String> namespace;
        private String flinkVersion = "1.20.1";
        private String image;
        private String jarUri;
        private String entryClass;
        private List<String> args = List.of();
        private int parallelism = 1;
        private UpgradeMode upgradeMode = UpgradeMode.LAST_STATE;
        private Integer jobManagerReplicas;
        private String checkpointInterval = "60s";
        private ContainerResources jobManager = new ContainerResources(1, "2048m");
        private ContainerResources taskManager = new ContainerResources(1, "2048m");
        private Map<String, String> flinkConfiguration = Map.of();
        private HaStorage storage;
        private Output<String> serviceAccountName;
        private List<Resource> dependsOn = List.of();
        private Provider provider;
        private RecoveryObjective recoveryObjective;
        private Duration readyTimeout = DEFAULT_READY_TIMEOUT;

        private Builder() {
        }

        /**
         * @param namespace namespace of the deployment (required)
         * @return this builder
         */
        public Builder namespace(Output<String> namespace) { this.namespace = namespace; return this; }
        /**
         * @param v exact Flink version of the image; default {@code 1.20.1}
         * @return this builder
         */
        public Builder flinkVersion(String v) { this.flinkVersion = v; return this; }
        /**
         * @param image container image; default {@code flink:<flinkVersion>-java17}
         * @return this builder
         */
        public Builder image(String image) { this.image = image; return this; }
        /**
         * @param jarUri job jar URI (required)
         * @return this builder
         */
        public Builder jarUri(String jarUri) { this.jarUri = jarUri; return this; }
        /**
         * @param entryClass main class, if the jar's manifest names none; default none
         * @return this builder
         */
        public Builder entryClass(String entryClass) { this.entryClass = entryClass; return this; }
        /**
         * @param args program arguments; default none
         * @return this builder
         */
        public Builder args(List<String> args) { this.args = args; return this; }
        /**
         * @param parallelism job parallelism; default 1
         * @return this builder
         */
        public Builder parallelism(int parallelism) { this.parallelism = parallelism; return this; }
        /**
         * @param mode upgrade mode; default {@link UpgradeMode#LAST_STATE}, which resumes from HA metadata
         * @return this builder
         */
        public Builder upgradeMode(UpgradeMode mode) { this.upgradeMode = mode; return this; }
        /**
         * @param replicas JobManager replicas, more than one keeps standbys; default 1, or 2 when the recovery objective needs a standby
         * @return this builder
         */
        public Builder jobManagerReplicas(int replicas) { this.jobManagerReplicas = replicas; return this; }
        /**
         * @param interval checkpoint interval as a Flink duration; default {@code 60s}
         * @return this builder
         */
        public Builder checkpointInterval(String interval) { this.checkpointInterval = interval; return this; }
        /**
         * @param r JobManager resources; default 1 core, 2048m
         * @return this builder
         */
        public Builder jobManager(ContainerResources r) { this.jobManager = r; return this; }
        /**
         * @param r TaskManager resources; default 1 core, 2048m
         * @return this builder
         */
        public Builder taskManager(ContainerResources r) { this.taskManager = r; return this; }
        /**
         * @param conf extra Flink configuration; keys in {@link FlinkConfigKeys#OWNED} are refused; default none
         * @return this builder
         */
        public Builder flinkConfiguration(Map<String, String> conf) { this.flinkConfiguration = conf; return this; }
        /**
         * @param storage durable HA storage (required)
         * @return this builder
         */
        public Builder storage(HaStorage storage) { this.storage = storage; return this; }
        /**
         * @param name service account with the HA rights, e.g. {@code LeaderElectionRbac.serviceAccountName()} (required)
         * @return this builder
         */
        public Builder serviceAccountName(Output<String> name) { this.serviceAccountName = name; return this; }
        /**
         * @param resources resources that must exist first, such as the operator release and the RBAC; default none
         * @return this builder
         */
        public Builder dependsOn(List<Resource> resources) { this.dependsOn = resources; return this; }
        /**
         * @param provider the cluster's Kubernetes provider (required)
         * @return this builder
         */
        public Builder provider(Provider provider) { this.provider = provider; return this; }

        /**
         * @param objective how fast the job must recover; the recovery settings are derived from it; default none
         * @return this builder
         */
        public Builder recoveryObjective(RecoveryObjective objective) { this.recoveryObjective = objective; return this; }

        /**
         * @param timeout how long {@code pulumi up} waits for the operator to report the job {@code RUNNING} and
         *                the deployment {@code STABLE} before it fails; whole seconds, at least one minute; default 10 minutes
         * @return this builder
         */
        public Builder readyTimeout(Duration timeout) { this.readyTimeout = timeout; return this; }

        /** @return the checked arguments */
        public HaFlinkDeploymentArgs build() {
            Objects.requireNonNull(namespace, "HaFlinkDeploymentArgs.namespace is required");
            Objects.requireNonNull(jarUri, "HaFlinkDeploymentArgs.jarUri is required");
            Objects.requireNonNull(storage, "HaFlinkDeploymentArgs.storage is required");
            Objects.requireNonNull(serviceAccountName, "HaFlinkDeploymentArgs.serviceAccountName is required");
            Objects.requireNonNull(provider, "HaFlinkDeploymentArgs.provider is required");
            List<String> problems = new ArrayList<>();
            if (flinkVersion == null || !flinkVersion.matches("\\d+\\.\\d+\\.\\d+")) {
                problems.add("flinkVersion: got '" + flinkVersion + "'; expected an exact version such as 1.20.1");
            }
            if (jobManagerReplicas != null && jobManagerReplicas < 1) {
                problems.add("jobManagerReplicas: got " + jobManagerReplicas + "; expected at least 1");
            }
            int replicas = jobManagerReplicas != null ? jobManagerReplicas : 1;
            if (recoveryObjective != null && problems.isEmpty()) {
                try {
                    replicas = RecoveryModel.derive(recoveryObjective, Optional.ofNullable(jobManagerReplicas), flinkConfiguration).jobManagerReplicas();
                } catch (IllegalArgumentException e) {
                    problems.add("recoveryObjective: " + e.getMessage());
                }
            }
            if (parallelism < 1) {
                problems.add("parallelism: got " + parallelism + "; expected at least 1");
            }
            if (readyTimeout == null || readyTimeout.compareTo(Duration.ofMinutes(1)) < 0) {
                problems.add("readyTimeout: got " + readyTimeout + "; expected at least one minute: the operator needs that "
                        + "long to start a JobManager and submit the job");
            }
            flinkConfiguration.keySet().stream().filter(FlinkConfigKeys.OWNED::contains).sorted().forEach(k ->
                    problems.add("flinkConfiguration." + k + ": is set by the component (HA, storage paths, cluster ids, "
                            + "replicas, checkpoint interval); use the matching argument instead"));
            if (!problems.isEmpty()) {
                throw new IllegalArgumentException("HaFlinkDeploymentArgs: " + String.join("; ", problems));
            }
            String image = this.image != null ? this.image : "flink:" + flinkVersion + "-java17";
            return new HaFlinkDeploymentArgs(namespace, flinkVersion, image, jarUri, Optional.ofNullable(entryClass), List.copyOf(args),
                    parallelism, upgradeMode, replicas, checkpointInterval, jobManager, taskManager,
                    Map.copyOf(flinkConfiguration), storage, serviceAccountName, List.copyOf(dependsOn), provider,
                    Optional.ofNullable(recoveryObjective), readyTimeout);
        }
    }
}
