package io.flinkha.flink;

import io.flinkha.flink.crd.UpgradeMode;
import com.pulumi.core.Output;
import com.pulumi.kubernetes.Provider;
import com.pulumi.resources.Resource;
import io.flinkha.flink.ContainerResources;
import io.flinkha.identity.FlinkServiceAccount;
import io.flinkha.operator.FlinkOperator;
import io.flinkha.operator.OperatorRelease;
import io.flinkha.validation.ArgsCheck;
import io.flinkha.validation.IntRange;
import io.flinkha.storage.HaStorage;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * Arguments of {@link HaFlinkDeployment}. The service account, the storage and the operator come in as
 * objects, and the deployment derives from them what a caller would otherwise wire by hand: its
 * namespace and service account from the account, its provider from the account's cluster, and what it
 * must wait for (the operator's release, the account's RBAC and cloud policies). Build them with
 * {@link #builder()}, which documents each option's default; every argument is checked when the record
 * is made, all problems reported at once.
 *
 * @param flinkVersion       exact Flink version of the image, e.g. {@code 1.20.1}
 * @param image              container image
 * @param jarUri             job jar URI
 * @param entryClass         main class, if the jar's manifest names none
 * @param args               program arguments
 * @param parallelism        job parallelism
 * @param upgradeMode        how the operator carries state across upgrades
 * @param jobManagerReplicas JobManagers; more than one keeps standbys (derived from the recovery objective when not set)
 * @param checkpointInterval checkpoint interval as a Flink duration
 * @param retainedCheckpoints completed checkpoints kept, so a corrupt latest one has a fallback
 * @param jobManager         JobManager resources
 * @param taskManager        TaskManager resources
 * @param flinkConfiguration extra Flink configuration, never a key of {@link FlinkConfigKeys#OWNED}
 * @param storage            durable HA storage
 * @param serviceAccount     the account the jobs run as, with the HA rights and the storage granted
 * @param operator           the operator that reconciles the deployment, when this program declares it
 * @param operatorRelease    the operator release that reads the deployment: the operator's, or the one running outside the program
 * @param recoveryObjective  how fast the job must recover from losing its JobManager, if declared
 * @param readyTimeout       how long {@code pulumi up} waits for the operator to report the job running and stable
 * @param initialSavepointPath the savepoint a new deployment (a renamed or moved job, or new storage) starts from
 * @param savepointRedeployNonce a new value redeploys the running job from {@code initialSavepointPath} (e.g. to migrate Flink 1 to 2)
 * @param stateLossAcknowledged why a change may drop the job's state, when it says so; shown in every plan diff
 * @param production         whether the job serves production, which must keep its state through changes and keep a
 *                           checkpoint to fall back to
 * @param savepoints         the savepoints the operator takes on a schedule, if any
 */
public record HaFlinkDeploymentArgs(
        String flinkVersion,
        String image,
        String jarUri,
        Optional<String> entryClass,
        List<String> args,
        int parallelism,
        UpgradeMode upgradeMode,
        int jobManagerReplicas,
        String checkpointInterval,
        int retainedCheckpoints,
        ContainerResources jobManager,
        ContainerResources taskManager,
        Map<String, String> flinkConfiguration,
        HaStorage storage,
        FlinkServiceAccount serviceAccount,
        Optional<FlinkOperator> operator,
        OperatorRelease operatorRelease,
        Optional<RecoveryObjective> recoveryObjective,
        Duration readyTimeout,
        Optional<String> initialSavepointPath,
        Optional<Integer> savepointRedeployNonce,
        Optional<String> stateLossAcknowledged,
        boolean production,
        Optional<PeriodicSavepoints> savepoints) {

    /**
     * Flink's cluster-id rule, which the operator applies to deployment names: the name becomes
     * {@code kubernetes.cluster-id}, so at most 45 characters of {@code [a-z0-9-]}, starting with a letter.
     */
    public static final Pattern DEPLOYMENT_NAME = Pattern.compile("[a-z]([-a-z0-9]{0,43}[a-z0-9])?");
    /** How long {@code pulumi up} waits for a job by default: image pull, JobManager start, job submission. */
    public static final Duration DEFAULT_READY_TIMEOUT = Duration.ofMinutes(10);
    /** Default {@code flinkVersion}: 1.20, Flink's long-term line. */
    public static final String DEFAULT_FLINK_VERSION = "1.20.1";
    /** Default {@code checkpointInterval}. */
    public static final String DEFAULT_CHECKPOINT_INTERVAL = "60s";
    /** Checkpoints kept by default: the latest and one to fall back to when the latest cannot be restored. */
    public static final int DEFAULT_RETAINED_CHECKPOINTS = 2;
    /** The most checkpoints kept; each holds the job's full state on the HA storage. */
    public static final int MAX_RETAINED_CHECKPOINTS = 100;
    /** Most JobManagers: one leads, the rest stand by. */
    public static final int MAX_JOBMANAGER_REPLICAS = 5;
    /** Most parallelism the platform accepts. */
    public static final int MAX_PARALLELISM = 10_000;
    /** The {@code parallelism} allowed. */
    public static final IntRange PARALLELISM = new IntRange(1, MAX_PARALLELISM);
    /** The {@code jobManagerReplicas} allowed. */
    public static final IntRange JOBMANAGER_REPLICAS = new IntRange(1, MAX_JOBMANAGER_REPLICAS);
    /** The {@code retainedCheckpoints} allowed. */
    public static final IntRange RETAINED_CHECKPOINTS = new IntRange(1, MAX_RETAINED_CHECKPOINTS);
    /** The {@code savepointRedeployNonce} allowed. */
    public static final IntRange REDEPLOY_NONCE = new IntRange(1, Integer.MAX_VALUE);
    /** An exact Flink version. */
    public static final Pattern FLINK_VERSION = Pattern.compile("\\d+\\.\\d+\\.\\d+");
    /** An image reference with a tag or digest. */
    public static final Pattern PINNED_IMAGE = Pattern.compile("[^@\\s]+(:[A-Za-z0-9_][A-Za-z0-9_.-]*|@sha256:[a-f0-9]{64})");

    /**
     * @param flinkVersion an exact Flink version
     * @return the official image of that version on Java 17
     */
    public static String defaultImage(String flinkVersion) {
        return "flink:" + flinkVersion + "-java17";
    }

    /** A URI with a scheme, as Flink's application mode takes a job jar. */
    public static final Pattern JAR_URI = Pattern.compile("[a-zA-Z][a-zA-Z0-9+.-]*://\\S+");

    /**
     * @param jarUri a job jar's URI
     * @return what is wrong with it, if anything: application mode takes a URI with a scheme, and a bare path is neither a
     *         jar in the image nor one Flink can fetch
     */
    public static Optional<String> jarUriProblem(String jarUri) {
        return JAR_URI.matcher(jarUri).matches() ? Optional.empty() : Optional.of("expected a URI with a scheme: local:// for a jar in "
                + "the image (e.g. local:///opt/flink/usrlib/job.jar), or one Flink fetches, such as https://, s3://, s3p:// or gs://");
    }

    /**
     * @param image an image reference
     * @return what is wrong with it, if anything: it must carry a tag or a digest, and never {@code latest}
     */
    public static Optional<String> imageProblem(String image) {
        if (image == null || !PINNED_IMAGE.matcher(image).matches()) {
            return Optional.of("expected an image with an explicit tag or digest, e.g. flink:1.20.1-java17");
        }
        return image.endsWith(":latest") ? Optional.of("'latest' is not a pinned version; use an explicit tag") : Optional.empty();
    }

    /**
     * The operator picks Flink's behaviour (and this library the S3 plugin jar) from {@code flinkVersion}, while the
     * pods run the image's Flink: the two must be the same release.
     *
     * @param image        container image, with a tag or a digest
     * @param flinkVersion the stated Flink version
     * @return what is wrong, if the image's tag names another Flink version or none; a digest states nothing and is trusted
     */
    public static Optional<String> imageVersionProblem(String image, String flinkVersion) {
        if (image == null || flinkVersion == null || !FLINK_VERSION.matcher(flinkVersion).matches() || image.contains("@")) {
            return Optional.empty();
        }
        // the tag is what follows the first colon of the last path segment (a registry's port sits in an earlier one)
        String name = image.substring(image.lastIndexOf('/') + 1);
        String tag = name.contains(":") ? name.replaceFirst("^[^:]*:", "") : "";
        if (java.util.regex.Pattern.compile("(^|[^0-9.])" + java.util.regex.Pattern.quote(flinkVersion) + "($|[^0-9.])").matcher(tag).find()) {
            return Optional.empty();
        }
        java.util.regex.Matcher other = java.util.regex.Pattern.compile("(?<![0-9.])\\d\\.\\d+\\.\\d+(?![0-9.])").matcher(tag);
        String says = other.find() ? "its tag says Flink " + other.group() : "its tag names no Flink version";
        return Optional.of(says + ", but flinkVersion is " + flinkVersion + " (the operator and the S3 plugin path follow flinkVersion, "
                + "the pods run the image): use a tag that names " + flinkVersion + ", e.g. flink:" + flinkVersion
                + "-java17 or my-job:2.3-flink" + flinkVersion + ", or pin the image by digest (image@sha256:...)");
    }

    /**
     * @param flinkVersion an exact Flink version
     * @param operator     the operator release that will run it
     * @return what is wrong, if the operator does not know that Flink minor version
     */
    public static Optional<String> flinkVersionProblem(String flinkVersion, OperatorRelease operator) {
        if (flinkVersion == null || !FLINK_VERSION.matcher(flinkVersion).matches()) {
            return Optional.of("expected an exact Flink version such as " + DEFAULT_FLINK_VERSION);
        }
        String minor = flinkVersion.substring(0, flinkVersion.lastIndexOf('.'));
        if (!operator.supportedFlinkMinors().contains(minor)) {
            return Optional.of("operator " + operator.version() + " runs Flink " + operator.flinkRange() + " (its CRD and validator take "
                    + String.join(", ", operator.flinkVersions()) + ")" + (minor.startsWith("2.") ? "; Flink 2 needs operator "
                    + OperatorRelease.DEFAULT.version() : ""));
        }
        return io.flinkha.flink.check.FlinkOptions.forJob(flinkVersion).isPresent() ? Optional.empty()
                : Optional.of(io.flinkha.flink.check.FlinkOptions.unsupportedJobRelease(flinkVersion));
    }

    /**
     * Makes the arguments, checking every one: all problems are reported at once, so no way of making
     * these Args skips a rule.
     *
     * @param flinkVersion       exact Flink version of the image, e.g. {@code 1.20.1}
     * @param image              container image
     * @param jarUri             job jar URI
     * @param entryClass         main class, if the jar's manifest names none
     * @param args               program arguments
     * @param parallelism        job parallelism
     * @param upgradeMode        how the operator carries state across upgrades
     * @param jobManagerReplicas JobManagers; more than one keeps standbys (derived from the recovery objective when not set)
     * @param checkpointInterval checkpoint interval as a Flink duration
     * @param retainedCheckpoints completed checkpoints kept, 1 to 100
     * @param jobManager         JobManager resources
     * @param taskManager        TaskManager resources
     * @param flinkConfiguration extra Flink configuration, never a key of {@link FlinkConfigKeys#OWNED}
     * @param storage            durable HA storage
     * @param serviceAccount     the account the jobs run as, with the HA rights and the storage granted
     * @param operator           the operator that reconciles the deployment, when this program declares it
     * @param operatorRelease    the operator release that reads the deployment: the operator's, or the one running outside the program
     * @param recoveryObjective  how fast the job must recover from losing its JobManager, if declared
     * @param readyTimeout       how long {@code pulumi up} waits for the operator to report the job running and stable
     * @param initialSavepointPath the savepoint a new deployment (a renamed or moved job, or new storage) starts from
     * @param savepointRedeployNonce a new value redeploys the running job from {@code initialSavepointPath}
     * @param stateLossAcknowledged why a change may drop the job's state, when it says so; shown in every plan diff
     * @param production         whether the job serves production
     * @param savepoints         the savepoints the operator takes on a schedule, if any
     * @throws IllegalArgumentException naming the component, and each field, value and what is allowed; the storage,
     *         account and operator may be left out here and bound later ({@link #bind}), and a deployment refuses Args without them
     */
    public HaFlinkDeploymentArgs {
        flinkConfiguration = Map.copyOf(flinkConfiguration);
        var check = ArgsCheck.of("HaFlinkDeploymentArgs")
                .resource("storage", storage, "expected the durable HA storage")
                .resource("serviceAccount", serviceAccount, "expected the account the jobs run as")
                .required("operatorRelease", operatorRelease, "expected the operator release that reads the deployment")
                .problem("flinkVersion", flinkVersion, operatorRelease == null && flinkVersion != null && FLINK_VERSION.matcher(flinkVersion).matches()
                        ? Optional.empty() : flinkVersionProblem(flinkVersion, operatorRelease))
                .problem("image", image, imageProblem(image).or(() -> imageVersionProblem(image, flinkVersion)))
                .required("jarUri", jarUri, JAR_URI_EXPECTED)
                .check(jarUri == null || !jarUri.isBlank(), "jarUri", jarUri, JAR_URI_EXPECTED)
                .problem("jarUri", jarUri, jarUri == null || jarUri.isBlank() ? Optional.empty() : jarUriProblem(jarUri));
        flinkConfigurationProblems(flinkConfiguration, flinkVersion, check);
        check.check(PARALLELISM.contains(parallelism), "parallelism", parallelism, PARALLELISM.allowed())
                .check(JOBMANAGER_REPLICAS.contains(jobManagerReplicas), "jobManagerReplicas", jobManagerReplicas, JOBMANAGER_REPLICAS.allowed())
                .check(checkpointInterval != null && RecoveryModel.parse(checkpointInterval).filter(d -> !d.isZero()).isPresent(),
                        "checkpointInterval", checkpointInterval, "expected a positive Flink duration such as 30s, 500ms or 5min")
                .check(RETAINED_CHECKPOINTS.contains(retainedCheckpoints), "retainedCheckpoints", retainedCheckpoints, RETAINED_CHECKPOINTS.allowed())
                .check(!production || retainedCheckpoints >= 2, "retainedCheckpoints", retainedCheckpoints, "a production job keeps at least 2 "
                        + "checkpoints, so that a corrupt or half-deleted latest checkpoint leaves one to restore from (or production: false)")
                .check(readyTimeout != null && readyTimeout.compareTo(Duration.ofMinutes(1)) >= 0, "readyTimeout",
                        readyTimeout == null ? null : RecoveryModel.format(readyTimeout), "expected at least 1min: the operator needs that "
                                + "long to start a JobManager and submit the job")
                .check(!(production && upgradeMode == UpgradeMode.STATELESS && stateLossAcknowledged.isEmpty()), "upgradeMode",
                        upgradeMode.value(), "a production job restarts empty on every change with upgradeMode stateless; use last-state "
                                + "or savepoint, or say why with acknowledgeStateLoss (or production: false)");
        if (storage != null) {
            new java.util.TreeMap<>(flinkConfiguration).forEach((k, v) -> check.problem("flinkConfiguration." + k, v, storage.localPathProblem(v)));
            initialSavepointPath.ifPresent(p -> check.check(!p.isBlank() && storage.localPathProblem(p).isEmpty(), "initialSavepointPath", p,
                    "expected a savepoint on durable storage (s3://... or a path on the mounted volume)"));
        }
        // the operator redeploys from initialSavepointPath when the nonce changes, and refuses an empty path
        savepointRedeployNonce.ifPresent(n -> check.check(REDEPLOY_NONCE.contains(n), "savepointRedeployNonce", n, REDEPLOY_NONCE.allowed())
                .check(initialSavepointPath.isPresent(), "savepointRedeployNonce", n,
                        "expected initialSavepointPath beside it: a new value redeploys the job from that savepoint"));
        stateLossAcknowledged.ifPresent(r -> check.check(!r.isBlank(), "acknowledgeStateLoss", r,
                "expected the reason the job's state may be dropped; it is shown to every reviewer"));
        operator.filter(o -> operatorRelease != null && !o.operatorRelease().equals(operatorRelease)).ifPresent(o ->
                check.raw("operatorRelease", "got " + operatorRelease.version() + ", but the operator runs "
                        + o.operatorRelease().version() + "; leave it unset to take the operator's"));
        check.done();
    }

    private static final String JAR_URI_EXPECTED = "expected a jar URI such as local:///opt/flink/usrlib/job.jar";

    /**
     * The keys the platform owns are refused, and every other value is read with the ConfigOptions of the job's own Flink
     * release (its errors here; its doubts are {@link #warnings()}); a Flink 2 job also may not stack one key's prefix on another.
     */
    private static void flinkConfigurationProblems(Map<String, String> conf, String flinkVersion, ArgsCheck check) {
        Map<String, String> sorted = new java.util.TreeMap<>(conf);
        sorted.forEach((k, v) -> {
            if (FlinkConfigKeys.OWNED.contains(k)) {
                check.check(false, "flinkConfiguration." + k, v, "this key is set by the platform; " + FlinkConfigKeys.controlledBy(k));
            }
        });
        sorted.keySet().removeAll(FlinkConfigKeys.OWNED);
        io.flinkha.network.FlinkPorts.problems(sorted).forEach((k, p) -> check.check(false, "flinkConfiguration." + k, sorted.get(k), p));
        var options = optionsOf(flinkVersion);
        options.check(sorted).stream().filter(io.flinkha.flink.check.FlinkOptions.Finding::error)
                .forEach(f -> check.check(false, "flinkConfiguration." + f.key(), f.value(), f.message()));
        if (options.isFlink2()) {
            io.flinkha.flink.check.FlinkOptions.overlappingKeys(conf.keySet()).forEach(o ->
                    check.check(false, "flinkConfiguration." + o.key(), conf.get(o.key()), o.message()));
        }
    }

    /** The options that read a job's configuration: its own Flink release's, or (when that is refused elsewhere) the default's. */
    private static io.flinkha.flink.check.FlinkOptions optionsOf(String flinkVersion) {
        return flinkVersion == null ? io.flinkha.flink.check.FlinkOptions.bundled()
                : io.flinkha.flink.check.FlinkOptions.forJob(flinkVersion).orElse(io.flinkha.flink.check.FlinkOptions.bundled());
    }

    /**
     * What in valid Args will still hurt: a recovery setting below a floor against false failovers, and a configuration
     * key the job's Flink release does not define.
     *
     * @return one message per finding, each starting with the field ({@code flinkConfiguration.<key>: ...}); empty when none
     */
    public List<String> warnings() {
        List<String> out = new ArrayList<>();
        RecoveryModel.evaluate(flinkConfiguration, 1, RecoveryObjective.DEFAULT_POD_STARTUP, RecoveryObjective.DEFAULT_RESTORE_TIME)
                .tradeoffs().forEach(risk -> out.add("flinkConfiguration." + risk));
        optionsOf(flinkVersion).check(flinkConfiguration).stream().filter(f -> !f.error())
                .forEach(f -> out.add("flinkConfiguration." + f.key() + ": " + f.message()));
        return out;
    }

    /**
     * @param name a deployment's name
     * @return what is wrong with it, if anything: it becomes Flink's {@code kubernetes.cluster-id}
     */
    public static Optional<String> nameProblem(String name) {
        return DEPLOYMENT_NAME.matcher(name).matches() ? Optional.empty() : Optional.of(String.format("got '%s' (%d characters); "
                + "expected [a-z]([-a-z0-9]*[a-z0-9])? of at most 45 characters, because it becomes Flink's kubernetes.cluster-id",
                name, name.length()));
    }

    /**
     * @param storage the durable HA storage
     * @param account the account the jobs run as
     * @param operator the operator that reconciles the deployment, when this program declares it
     * @return these Args with the resources a deployment needs, checked again with them
     */
    public HaFlinkDeploymentArgs bind(HaStorage storage, FlinkServiceAccount account, Optional<FlinkOperator> operator) {
        return new HaFlinkDeploymentArgs(flinkVersion, image, jarUri, entryClass, args, parallelism, upgradeMode, jobManagerReplicas,
                checkpointInterval, retainedCheckpoints, jobManager, taskManager, flinkConfiguration, storage, account, operator,
                operatorRelease, recoveryObjective, readyTimeout, initialSavepointPath, savepointRedeployNonce, stateLossAcknowledged,
                production, savepoints);
    }


    /**
     * @return how long a recovery of this job may take: its declared objective, or else the worst case the recovery model
     *         computes from its settings (as the deployment's {@code flink-ha.io/worst-case} annotation says); the alerts
     *         and {@code status} measure the job against it
     */
    public Duration recoveryBudget() {
        return recoveryObjective.map(RecoveryObjective::target).orElseGet(() -> recovery().worst().total());
    }

    /**
     * @return the job's worst-case recovery: with an objective, the settings derived for it; without, the worst case of the
     *         configuration as it is (what the deployment annotates)
     */
    public RecoveryModel.Recovery recovery() {
        return recoveryObjective.map(o -> RecoveryModel.derive(o, Optional.of(jobManagerReplicas), flinkConfiguration))
                .orElseGet(() -> RecoveryModel.evaluate(flinkConfiguration, jobManagerReplicas,
                        RecoveryObjective.DEFAULT_POD_STARTUP, RecoveryObjective.DEFAULT_RESTORE_TIME));
    }

    /** @return the checkpoint interval as a duration (the Args refuse one that is not a positive Flink duration) */
    public Duration checkpointEvery() {
        return RecoveryModel.parse(checkpointInterval).orElseThrow();
    }

    /**
     * @param more Flink configuration a platform adds for every job, e.g. {@link io.flinkha.monitoring.FlinkMetrics#reporterConfiguration()};
     *             a key the job sets itself keeps the job's value
     * @return these Args with it, checked again
     */
    public HaFlinkDeploymentArgs withFlinkConfiguration(Map<String, String> more) {
        Map<String, String> conf = new java.util.TreeMap<>(more);
        conf.putAll(flinkConfiguration);
        // bound or not, as these Args are: bind checks the resources
        return io.flinkha.validation.ArgsCheck.unbound(() -> new HaFlinkDeploymentArgs(flinkVersion, image, jarUri, entryClass, args,
                parallelism, upgradeMode, jobManagerReplicas, checkpointInterval, retainedCheckpoints, jobManager, taskManager, conf,
                storage, serviceAccount, operator, operatorRelease, recoveryObjective, readyTimeout, initialSavepointPath,
                savepointRedeployNonce, stateLossAcknowledged, production, savepoints));
    }

    /** @return a builder with the documented defaults */
    public static Builder builder() {
        return new Builder();
    }

    /** @return the deployment's namespace: the service account's */
    public Output<String> namespace() {
        return serviceAccount.namespace();
    }

    /** @return the cluster's provider, through the service account's cluster */
    public Provider provider() {
        return serviceAccount.cluster().provider();
    }

    /**
     * @return what must exist before the deployment: the operator's release (it installs the CRD and reconciles
     *         the deployment), the account's RBAC and cloud policies
     */
    public List<Resource> dependsOn() {
        List<Resource> out = new ArrayList<>();
        operator.ifPresent(o -> out.add(o.release()));
        out.addAll(serviceAccount.readiness());
        return List.copyOf(out);
    }

    /** @return the operator's {@code flinkVersion} value, e.g. {@code v1_20} for 1.20.1 */
    public String operatorFlinkVersion() {
        String[] parts = flinkVersion.split("\\.");
        return "v" + parts[0] + "_" + parts[1];
    }

    /** Builds {@link HaFlinkDeploymentArgs}; each setter names its default. */
    public static final class Builder {
        private String flinkVersion = DEFAULT_FLINK_VERSION;
        private String image;
        private String jarUri;
        private String entryClass;
        private List<String> args = List.of();
        private int parallelism = 1;
        private UpgradeMode upgradeMode = UpgradeMode.LAST_STATE;
        private Integer jobManagerReplicas;
        private String checkpointInterval = DEFAULT_CHECKPOINT_INTERVAL;
        private int retainedCheckpoints = DEFAULT_RETAINED_CHECKPOINTS;
        private ContainerResources jobManager = ContainerResources.DEFAULT;
        private ContainerResources taskManager = ContainerResources.DEFAULT;
        private Map<String, String> flinkConfiguration = Map.of();
        private HaStorage storage;
        private FlinkServiceAccount serviceAccount;
        private FlinkOperator operator;
        private OperatorRelease operatorRelease;
        private RecoveryObjective recoveryObjective;
        private Duration readyTimeout = DEFAULT_READY_TIMEOUT;
        private String initialSavepointPath;
        private Integer savepointRedeployNonce;
        private String stateLossAcknowledged;
        private boolean production;
        private PeriodicSavepoints savepoints;
        private boolean savepointsSet;

        private Builder() {
        }

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
         * @param retained completed checkpoints kept; default 2, so a corrupt latest checkpoint has a fallback
         * @return this builder
         */
        public Builder retainedCheckpoints(int retained) { this.retainedCheckpoints = retained; return this; }
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
         * @param account the account the jobs run as (required): the deployment's namespace, service account and
         *                cluster come from it. Grant it the storage first ({@code storage.grantReadWrite(account)}),
         *                so the deployment also waits for the storage policy.
         * @return this builder
         */
        public Builder serviceAccount(FlinkServiceAccount account) { this.serviceAccount = account; return this; }
        /**
         * @param operator the operator that reconciles the deployment; the deployment waits for its release. Default
         *                 none, for an operator managed outside this program
         * @return this builder
         */
        public Builder operator(FlinkOperator operator) { this.operator = operator; return this; }

        /**
         * @param release the operator release that reads the deployment, when the operator runs outside this program:
         *                its validator's rules, its Flink release's key names and the Flink versions it runs are checked;
         *                default the {@link #operator(FlinkOperator) operator}'s release, else {@link OperatorRelease#DEFAULT}
         * @return this builder
         */
        public Builder operatorRelease(OperatorRelease release) { this.operatorRelease = release; return this; }

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

        /**
         * @param path a savepoint the deployment starts from when the operator deploys it new: how a renamed or moved
         *             job, or one on new storage, keeps its state (the operator's {@code job.initialSavepointPath});
         *             default none
         * @return this builder
         */
        public Builder initialSavepointPath(String path) { this.initialSavepointPath = path; return this; }

        /**
         * @param nonce a number that, when it changes, makes the operator redeploy the running job from
         *              {@link #initialSavepointPath(String)} (the operator's {@code job.savepointRedeployNonce}): how a job moves
         *              to Flink 2 from a savepoint taken for the migration; set it to 1, then raise it for each redeploy. Default none
         * @return this builder
         */
        public Builder savepointRedeployNonce(int nonce) { this.savepointRedeployNonce = nonce; return this; }

        /**
         * @param reason why this change may drop the job's state; the plan diff shows it, and the state-loss gate lets
         *               the change through. Remove it once the change is deployed. Default none
         * @return this builder
         */
        public Builder acknowledgeStateLoss(String reason) { this.stateLossAcknowledged = reason; return this; }

        /**
         * @param production whether the job serves production: it must then keep its state through changes (no
         *                   {@code stateless} upgrade without {@link #acknowledgeStateLoss}) and at least 2 checkpoints; default false
         * @return this builder
         */
        public Builder production(boolean production) { this.production = production; return this; }

        /**
         * @param schedule savepoints the operator takes on a schedule, and how many it keeps; default none, except for a
         *                 production job that keeps state ({@code savepoint} or {@code last-state}), which gets
         *                 {@link PeriodicSavepoints#PRODUCTION_DEFAULT}
         * @return this builder
         */
        public Builder savepoints(PeriodicSavepoints schedule) { this.savepoints = schedule; this.savepointsSet = true; return this; }

        /**
         * Takes no savepoints on a schedule, not even a production job's default.
         *
         * @return this builder
         */
        public Builder noPeriodicSavepoints() { this.savepoints = null; this.savepointsSet = true; return this; }

        /**
         * @return the checked arguments
         * @throws IllegalArgumentException naming every problem
         */
        public HaFlinkDeploymentArgs build() {
            int replicas = jobManagerReplicas != null ? jobManagerReplicas : 1;
            String recoveryProblem = null;
            if (recoveryObjective != null && (jobManagerReplicas == null || jobManagerReplicas >= 1)) {
                try {
                    replicas = RecoveryModel.derive(recoveryObjective, Optional.ofNullable(jobManagerReplicas), flinkConfiguration).jobManagerReplicas();
                } catch (IllegalArgumentException e) {
                    recoveryProblem = e.getMessage();
                }
            }
            String image = this.image != null ? this.image : defaultImage(flinkVersion);
            var check = ArgsCheck.of("HaFlinkDeploymentArgs");
            if (recoveryProblem != null) {
                check.raw("recoveryObjective", recoveryProblem);
            }
            HaFlinkDeploymentArgs built = null;
            try {
                built = new HaFlinkDeploymentArgs(flinkVersion, image, jarUri, Optional.ofNullable(entryClass), List.copyOf(args),
                        parallelism, upgradeMode, replicas, checkpointInterval, retainedCheckpoints, jobManager, taskManager,
                        flinkConfiguration, storage, serviceAccount, Optional.ofNullable(operator),
                        operatorRelease != null ? operatorRelease : operator != null ? operator.operatorRelease() : OperatorRelease.DEFAULT,
                        Optional.ofNullable(recoveryObjective), readyTimeout, Optional.ofNullable(initialSavepointPath),
                        Optional.ofNullable(savepointRedeployNonce), Optional.ofNullable(stateLossAcknowledged), production,
                        savepointsSet ? Optional.ofNullable(savepoints)
                                : production && upgradeMode != UpgradeMode.STATELESS ? Optional.of(PeriodicSavepoints.PRODUCTION_DEFAULT) : Optional.empty());
            } catch (ArgsCheck.ArgsException e) {
                e.problems().forEach(p -> check.raw(p.field(), p.text()));
            }
            check.done();
            return built;
        }
    }
}
