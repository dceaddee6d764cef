package io.flinkha.flink.crd;

import com.pulumi.core.Output;
import com.pulumi.core.annotations.Import;
import com.pulumi.kubernetes.core.v1.inputs.PodTemplateSpecArgs;
import com.pulumi.resources.ResourceArgs;

import javax.annotation.Nullable;
import java.util.Map;
import java.util.Objects;

/**
 * {@code spec} of a FlinkDeployment in application mode: field names are the CRD's. Only the fields
 * the platform sets are modelled; the upstream check (the operator's own API classes) guards the names.
 */
public final class FlinkDeploymentSpecArgs extends ResourceArgs {
    @Import(name = "image", required = true)
    private String image;
    @Import(name = "imagePullPolicy")
    private @Nullable String imagePullPolicy;
    @Import(name = "flinkVersion", required = true)
    private String flinkVersion;
    @Import(name = "serviceAccount", required = true)
    private Output<String> serviceAccount;
    /** Flat string keys: nested YAML is only read from operator 1.13. */
    @Import(name = "flinkConfiguration", required = true)
    private Output<Map<String, String>> flinkConfiguration;
    @Import(name = "podTemplate")
    private @Nullable PodTemplateSpecArgs podTemplate;
    @Import(name = "jobManager", required = true)
    private JobManagerSpecArgs jobManager;
    @Import(name = "taskManager", required = true)
    private TaskManagerSpecArgs taskManager;
    @Import(name = "job", required = true)
    private JobSpecArgs job;

    private FlinkDeploymentSpecArgs() {
    }

    /** @return an empty builder */
    public static Builder builder() {
        return new Builder();
    }

    /**
     * @param conf the Flink configuration of the copy
     * @return a copy whose Flink configuration is {@code conf}
     */
    public FlinkDeploymentSpecArgs withFlinkConfiguration(Output<Map<String, String>> conf) {
        FlinkDeploymentSpecArgs copy = new FlinkDeploymentSpecArgs();
        copy.image = image;
        copy.imagePullPolicy = imagePullPolicy;
        copy.flinkVersion = flinkVersion;
        copy.serviceAccount = serviceAccount;
        copy.flinkConfiguration = conf;
        copy.podTemplate = podTemplate;
        copy.jobManager = jobManager;
        copy.taskManager = taskManager;
        copy.job = job;
        return copy;
    }

    /** @return {@code spec.image} */
    public String image() {
        return image;
    }

    /** @return {@code spec.flinkVersion}, e.g. {@code v1_20} */
    public String flinkVersion() {
        return flinkVersion;
    }

    /** @return {@code spec.serviceAccount} */
    public Output<String> serviceAccount() {
        return serviceAccount;
    }

    /** @return {@code spec.flinkConfiguration} */
    public Output<Map<String, String>> flinkConfiguration() {
        return flinkConfiguration;
    }

    /** @return {@code spec.podTemplate} */
    public @Nullable PodTemplateSpecArgs podTemplate() {
        return podTemplate;
    }

    /** @return {@code spec.jobManager} */
    public JobManagerSpecArgs jobManager() {
        return jobManager;
    }

    /** @return {@code spec.taskManager} */
    public TaskManagerSpecArgs taskManager() {
        return taskManager;
    }

    /** @return {@code spec.job} */
    public JobSpecArgs job() {
        return job;
    }

    /** Builds a spec; image, flinkVersion, serviceAccount, flinkConfiguration, jobManager, taskManager and job are required. */
    public static final class Builder {
        private final FlinkDeploymentSpecArgs a = new FlinkDeploymentSpecArgs();

        /**
         * @param image container image, with a pinned tag
         * @return this builder
         */
        public Builder image(String image) {
            a.image = image;
            return this;
        }

        /**
         * @param policy Kubernetes image pull policy
         * @return this builder
         */
        public Builder imagePullPolicy(String policy) {
            a.imagePullPolicy = policy;
            return this;
        }

        /**
         * @param flinkVersion the operator's {@code FlinkVersion}, e.g. {@code v1_20}
         * @return this builder
         */
        public Builder flinkVersion(String flinkVersion) {
            a.flinkVersion = flinkVersion;
            return this;
        }

        /**
         * @param serviceAccount service account of the JobManager and TaskManagers
         * @return this builder
         */
        public Builder serviceAccount(Output<String> serviceAccount) {
            a.serviceAccount = serviceAccount;
            return this;
        }

        /**
         * @param flinkConfiguration Flink configuration, flat string keys
         * @return this builder
         */
        public Builder flinkConfiguration(Output<Map<String, String>> flinkConfiguration) {
            a.flinkConfiguration = flinkConfiguration;
            return this;
        }

        /**
         * @param podTemplate pod template merged into every Flink pod
         * @return this builder
         */
        public Builder podTemplate(PodTemplateSpecArgs podTemplate) {
            a.podTemplate = podTemplate;
            return this;
        }

        /**
         * @param jobManager JobManager replicas and resources
         * @return this builder
         */
        public Builder jobManager(JobManagerSpecArgs jobManager) {
            a.jobManager = jobManager;
            return this;
        }

        /**
         * @param taskManager TaskManager resources
         * @return this builder
         */
        public Builder taskManager(TaskManagerSpecArgs taskManager) {
            a.taskManager = taskManager;
            return this;
        }

        /**
         * @param job the application job
         * @return this builder
         */
        public Builder job(JobSpecArgs job) {
            a.job = job;
            return this;
        }

        /** @return the spec, once every required field is set */
        public FlinkDeploymentSpecArgs build() {
            Objects.requireNonNull(a.image, "image");
            Objects.requireNonNull(a.flinkVersion, "flinkVersion");
            Objects.requireNonNull(a.serviceAccount, "serviceAccount");
            Objects.requireNonNull(a.flinkConfiguration, "flinkConfiguration");
            Objects.requireNonNull(a.jobManager, "jobManager");
            Objects.requireNonNull(a.taskManager, "taskManager");
            Objects.requireNonNull(a.job, "job");
            return a;
        }
    }
}
