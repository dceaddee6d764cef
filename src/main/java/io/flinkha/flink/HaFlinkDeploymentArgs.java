package io.flinkha.flink;

import com.pulumi.core.Output;
import com.pulumi.kubernetes.Provider;
import com.pulumi.resources.Resource;
import io.flinkha.config.ContainerResources;
import io.flinkha.storage.HaStorage;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * Arguments of {@link HaFlinkDeployment}. Storage and service account come in as objects, so a
 * deployment can never point at storage or an identity that the platform did not declare.
 */
public final class HaFlinkDeploymentArgs {
    /** Flink's cluster-id rule: the deployment name becomes {@code kubernetes.cluster-id}. */
    static final Pattern NAME = Pattern.compile("[a-z]([-a-z0-9]{0,43}[a-z0-9])?");

    private final Output<String> namespace;
    private final String flinkVersion;
    private final String image;
    private final String jarUri;
    private final Optional<String> entryClass;
    private final List<String> args;
    private final int parallelism;
    private final UpgradeMode upgradeMode;
    private final int jobManagerReplicas;
    private final String checkpointInterval;
    private final ContainerResources jobManager;
    private final ContainerResources taskManager;
    private final Map<String, String> flinkConfiguration;
    private final HaStorage storage;
    private final Output<String> serviceAccountName;
    private final List<Resource> dependsOn;
    private final Provider provider;

    private HaFlinkDeploymentArgs(Builder b) {
        this.namespace = b.namespace;
        this.flinkVersion = b.flinkVersion;
        this.image = b.image != null ? b.image : "flink:" + b.flinkVersion + "-java17";
        this.jarUri = b.jarUri;
        this.entryClass = Optional.ofNullable(b.entryClass);
        this.args = List.copyOf(b.args);
        this.parallelism = b.parallelism;
        this.upgradeMode = b.upgradeMode;
        this.jobManagerReplicas = b.jobManagerReplicas;
        this.checkpointInterval = b.checkpointInterval;
        this.jobManager = b.jobManager;
        this.taskManager = b.taskManager;
        this.flinkConfiguration = Map.copyOf(b.flinkConfiguration);
        this.storage = b.storage;
        this.serviceAccountName = b.serviceAccountName;
        this.dependsOn = List.copyOf(b.dependsOn);
        this.provider = b.provider;
    }

    public static Builder builder() {
        return new Builder();
    }

    public Output<String> namespace() { return namespace; }
    public String flinkVersion() { return flinkVersion; }
    public String image() { return image; }
    public String jarUri() { return jarUri; }
    public Optional<String> entryClass() { return entryClass; }
    public List<String> args() { return args; }
    public int parallelism() { return parallelism; }
    public UpgradeMode upgradeMode() { return upgradeMode; }
    public int jobManagerReplicas() { return jobManagerReplicas; }
    public String checkpointInterval() { return checkpointInterval; }
    public ContainerResources jobManager() { return jobManager; }
    public ContainerResources taskManager() { return taskManager; }
    public Map<String, String> flinkConfiguration() { return flinkConfiguration; }
    public HaStorage storage() { return storage; }
    public Output<String> serviceAccountName() { return serviceAccountName; }
    public List<Resource> dependsOn() { return dependsOn; }
    public Provider provider() { return provider; }

    /** @return the operator's {@code flinkVersion} value, e.g. {@code v1_20} for 1.20.1 */
    public String operatorFlinkVersion() {
        String[] parts = flinkVersion.split("\\.");
        return "v" + parts[0] + "_" + parts[1];
    }

    public static final class Builder {
        private Output<String> namespace;
        private String flinkVersion = "1.20.1";
        private String image;
        private String jarUri;
        private String entryClass;
        private List<String> args = List.of();
        private int parallelism = 1;
        private UpgradeMode upgradeMode = UpgradeMode.LAST_STATE;
        private int jobManagerReplicas = 1;
        private String checkpointInterval = "60s";
        private ContainerResources jobManager = new ContainerResources(1, "2048m");
        private ContainerResources taskManager = new ContainerResources(1, "2048m");
        private Map<String, String> flinkConfiguration = Map.of();
        private HaStorage storage;
        private Output<String> serviceAccountName;
        private List<Resource> dependsOn = new ArrayList<>();
        private Provider provider;

        /** Namespace of the deployment (required). */
        public Builder namespace(Output<String> namespace) { this.namespace = namespace; return this; }
        /** Exact Flink version of the image. Default {@code 1.20.1}. */
        public Builder flinkVersion(String v) { this.flinkVersion = v; return this; }
        /** Container image. Default {@code flink:<flinkVersion>-java17}. */
        public Builder image(String image) { this.image = image; return this; }
        /** Job jar URI (required). */
        public Builder jarUri(String jarUri) { this.jarUri = jarUri; return this; }
        /** Main class, if the jar's manifest names none. */
        public Builder entryClass(String entryClass) { this.entryClass = entryClass; return this; }
        /** Program arguments. Default none. */
        public Builder args(List<String> args) { this.args = args; return this; }
        /** Job parallelism. Default 1. */
        public Builder parallelism(int parallelism) { this.parallelism = parallelism; return this; }
        /** Upgrade mode. Default {@link UpgradeMode#LAST_STATE}, which resumes from HA metadata. */
        public Builder upgradeMode(UpgradeMode mode) { this.upgradeMode = mode; return this; }
        /** JobManager replicas; more than one keeps standbys. Default 1. */
        public Builder jobManagerReplicas(int replicas) { this.jobManagerReplicas = replicas; return this; }
        /** Checkpoint interval as a Flink duration. Default {@code 60s}. */
        public Builder checkpointInterval(String interval) { this.checkpointInterval = interval; return this; }
        /** JobManager resources. Default 1 core, 2048m. */
        public Builder jobManager(ContainerResources r) { this.jobManager = r; return this; }
        /** TaskManager resources. Default 1 core, 2048m. */
        public Builder taskManager(ContainerResources r) { this.taskManager = r; return this; }
        /** Extra Flink configuration; keys in {@link FlinkConfigKeys#OWNED} are refused. Default none. */
        public Builder flinkConfiguration(Map<String, String> conf) { this.flinkConfiguration = conf; return this; }
        /** Durable HA storage (required). */
        public Builder storage(HaStorage storage) { this.storage = storage; return this; }
        /** Service account with the HA rights, e.g. {@code LeaderElectionRbac.serviceAccountName()} (required). */
        public Builder serviceAccountName(Output<String> name) { this.serviceAccountName = name; return this; }
        /** Resources that must exist first, such as the operator release and the RBAC. */
        public Builder dependsOn(List<Resource> resources) { this.dependsOn = new ArrayList<>(resources); return this; }
        /** The cluster's Kubernetes provider (required). */
        public Builder provider(Provider provider) { this.provider = provider; return this; }

        public HaFlinkDeploymentArgs build() {
            Objects.requireNonNull(namespace, "HaFlinkDeploymentArgs.namespace is required");
            Objects.requireNonNull(jarUri, "HaFlinkDeploymentArgs.jarUri is required");
            Objects.requireNonNull(storage, "HaFlinkDeploymentArgs.storage is required");
            Objects.requireNonNull(serviceAccountName, "HaFlinkDeploymentArgs.serviceAccountName is required");
            Objects.requireNonNull(provider, "HaFlinkDeploymentArgs.provider is required");
            List<String> problems = new ArrayList<>();
            if (!flinkVersion.matches("\\d+\\.\\d+\\.\\d+")) {
                problems.add("flinkVersion: got '" + flinkVersion + "'; expected an exact version such as 1.20.1");
            }
            if (jobManagerReplicas < 1) {
                problems.add("jobManagerReplicas: got " + jobManagerReplicas + "; expected at least 1");
            }
            if (parallelism < 1) {
                problems.add("parallelism: got " + parallelism + "; expected at least 1");
            }
            flinkConfiguration.keySet().stream().filter(FlinkConfigKeys.OWNED::contains).sorted().forEach(k ->
                    problems.add("flinkConfiguration." + k + ": is set by the component (HA, storage paths, cluster ids, "
                            + "replicas, checkpoint interval); use the matching argument instead"));
            if (!problems.isEmpty()) {
                throw new IllegalArgumentException("HaFlinkDeploymentArgs: " + String.join("; ", problems));
            }
            return new HaFlinkDeploymentArgs(this);
        }
    }
}
