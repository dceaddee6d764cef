package io.flinkha.flink.check;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.cfg.MapperConfig;
import com.fasterxml.jackson.databind.introspect.Annotated;
import com.fasterxml.jackson.databind.introspect.JacksonAnnotationIntrospector;
import org.apache.flink.kubernetes.operator.api.FlinkDeployment;
import org.apache.flink.kubernetes.operator.api.spec.FlinkDeploymentSpec;
import org.apache.flink.kubernetes.operator.api.spec.UpgradeMode;
import io.flinkha.operator.OperatorRelease;

import java.io.IOException;
import java.io.InputStream;
import java.lang.reflect.Field;
import java.lang.reflect.Modifier;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Map;
import java.util.Properties;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * Checks a rendered FlinkDeployment against upstream code, not against our own re-statement of it:
 * <ul>
 *   <li>the object is read into the Flink Kubernetes Operator's own {@link FlinkDeployment} API class
 *       with unknown fields refused, so a misspelled spec field or enum value fails;</li>
 *   <li>{@code flinkConfiguration} is loaded into the image's Flink release's own {@code Configuration} and the HA,
 *       checkpoint and leader-election options are read back through that release's {@code ConfigOption}s
 *       ({@link FlinkRelease}, in a class loader of its own, so a program carries no Flink on its class path),
 *       so an unknown HA key, a bad duration or an HA type Flink does not know fails;</li>
 *   <li>the object is checked against the FlinkDeployment CRD's schema from the same operator release
 *       ({@link CrdSchema}): the API server silently drops a field the schema does not declare;</li>
 *   <li>the operator's HA-related validation rules (its {@code DefaultValidator}, whose jar is not
 *       served for this operator version) are applied to the configuration as the operator reads it:
 *       through the {@code ConfigOption}s of the Flink release the operator is built on
 *       ({@link FlinkRelease}), not the image's, whose fallback keys accept what the operator refuses.</li>
 * </ul>
 */
public final class UpstreamCheck {
    /** The Flink release of the image's {@code ConfigOption}s the checks read configuration with, filled in by the build. */
    public static final String FLINK_VERSION;
    /** The operator release whose API classes and CRD check every deployment's shape ({@link OperatorRelease#API_CHECKED_WITH}). */
    public static final String OPERATOR_API_VERSION = OperatorRelease.API_CHECKED_WITH;
    /** The Flink release the default operator is built on; its validator reads configuration with this release's keys. */
    public static final String OPERATOR_FLINK_VERSION = OperatorRelease.DEFAULT.flinkVersion();

    private static final Pattern NAME = Pattern.compile("[a-z]([-a-z\\d]{0,43}[a-z\\d])?");
    private static final String KUBERNETES_HA_FACTORY = "org.apache.flink.kubernetes.highavailability.KubernetesHaServicesFactory";
    /** The operator's forbidden keys of flink-kubernetes' {@code KubernetesConfigOptions}: NAMESPACE and CLUSTER_ID. */
    static final String KUBERNETES_NAMESPACE = "kubernetes.namespace";
    static final String KUBERNETES_CLUSTER_ID = "kubernetes.cluster-id";
    /** A {@code flinkVersion} the API classes and CRD of {@link #OPERATOR_API_VERSION} know, for checking the shape of a newer one. */
    private static final String SHAPE_FLINK_VERSION = "v1_20";

    static {
        Properties p = new Properties();
        try (InputStream in = UpstreamCheck.class.getResourceAsStream("/io/flinkha/upstream.properties")) {
            p.load(in);
        } catch (IOException | NullPointerException e) {
            throw new IllegalStateException("upstream.properties is missing from the build", e);
        }
        FLINK_VERSION = p.getProperty("flink.version");
    }

    private UpstreamCheck() {
    }

    /**
     * Starts loading and initialising what the checks use (Jackson's deserializers for the operator's
     * model, Flink's option classes) on a daemon thread. It takes about a second cold; the program
     * spends that long building resources on one thread, so on a second core it comes for free.
     *
     * @return the thread, a daemon, so that it never holds the program open
     */
    public static Thread warmUpInBackground() {
        Thread t = new Thread(() -> violations(Map.of(
                "apiVersion", "flink.apache.org/v1beta1", "kind", "FlinkDeployment",
                "metadata", Map.of("name", "warm-up"),
                "spec", Map.of("flinkVersion", "v1_20", "serviceAccount", "warm-up",
                        "podTemplate", Map.of("spec", Map.of("containers", List.of(Map.of("name", "flink-main-container")))),
                        "flinkConfiguration", Map.of("high-availability.type", "kubernetes"),
                        "job", Map.of("jarURI", "local:///warm-up.jar", "upgradeMode", "stateless")))), "upstream-check-warm-up");
        t.setDaemon(true);
        t.start();
        return t;
    }

    /**
     * @param operator   the operator release that reads the deployment
     * @param jobRelease the Flink release whose options check the job's configuration
     * @return what the checks run against, for messages
     */
    public static String against(OperatorRelease operator, String jobRelease) {
        return "Flink Kubernetes Operator " + OPERATOR_API_VERSION + " API and CRD, operator " + operator.version() + " rules on Flink "
                + operator.flinkVersion() + " keys; Flink " + jobRelease + " ConfigOptions";
    }

    /**
     * Checks a deployment as the platform's default operator ({@link OperatorRelease#DEFAULT}) would read it.
     *
     * @param resourceName the deployment's logical name, for the message
     * @param object       the FlinkDeployment as the engine receives it (apiVersion, kind, metadata, spec)
     * @throws FlinkDeploymentCheckException listing every violation
     */
    public static void verify(String resourceName, Map<String, Object> object) {
        verify(resourceName, object, OperatorRelease.DEFAULT);
    }

    /**
     * @param resourceName the deployment's logical name, for the message
     * @param object       the FlinkDeployment as the engine receives it (apiVersion, kind, metadata, spec)
     * @param operator     the operator release that will read it
     * @throws FlinkDeploymentCheckException listing every violation
     */
    public static void verify(String resourceName, Map<String, Object> object, OperatorRelease operator) {
        List<String> violations = violations(object, operator);
        if (!violations.isEmpty()) {
            throw new FlinkDeploymentCheckException(resourceName, against(operator, jobOptions(object).map(FlinkOptions::version)
                    .orElse(FLINK_VERSION)), violations);
        }
    }

    /**
     * @param object the FlinkDeployment as the engine receives it (apiVersion, kind, metadata, spec)
     * @return every violation under the default operator, each prefixed with its rule's name; empty when the deployment passes
     */
    public static List<String> violations(Map<String, Object> object) {
        return violations(object, OperatorRelease.DEFAULT);
    }

    /**
     * @param object   the FlinkDeployment as the engine receives it (apiVersion, kind, metadata, spec)
     * @param operator the operator release that will read it: its accepted {@code flinkVersion}s, and its validator's rules
     *                 on the configuration as its own Flink release reads it
     * @return every violation, each prefixed with its rule's name; empty when the deployment passes
     */
    public static List<String> violations(Map<String, Object> object, OperatorRelease operator) {
        return findings(object, operator).stream().map(Violation::toString).toList();
    }

    /**
     * The one check engine of the plan and of {@code check}: each rule the deployment breaks, with where.
     *
     * @param object   the FlinkDeployment (apiVersion, kind, metadata, spec)
     * @param operator the operator release that will read it
     * @return every violation; empty when the deployment passes
     */
    @SuppressWarnings("unchecked")
    public static List<Violation> findings(Map<String, Object> object, OperatorRelease operator) {
        List<Violation> out = new ArrayList<>();
        Object flinkVersion = object.get("spec") instanceof Map<?, ?> sp ? sp.get("flinkVersion") : null;
        Map<String, Object> shape = object;
        if (flinkVersion != null && operator.flinkVersions().contains(String.valueOf(flinkVersion))) {
            // the one field whose accepted values grew after the API jar's release: checked above, per operator release
            shape = new HashMap<>(object);
            Map<String, Object> spec = new HashMap<>((Map<String, Object>) object.get("spec"));
            spec.put("flinkVersion", SHAPE_FLINK_VERSION);
            shape.put("spec", spec);
        } else if (flinkVersion != null) {
            out.add(new Violation("flink-version", "spec.flinkVersion", "spec.flinkVersion " + flinkVersion + " is not one operator "
                    + operator.version() + " accepts (its CRD and validator take " + String.join(", ", operator.flinkVersions()) + ": Flink "
                    + operator.flinkRange() + ")"));
        }
        for (String v : CrdSchema.flinkDeployment().violations(shape)) {
            out.add(new Violation("crd-schema", v.contains(": ") ? v.substring(0, v.indexOf(": ")) : "", v + " (FlinkDeployment CRD of operator "
                    + OPERATOR_API_VERSION + "; the API server drops or refuses what its schema does not allow)"));
        }
        FlinkDeployment deployment;
        try {
            deployment = Strict.MAPPER.convertValue(shape, FlinkDeployment.class);
        } catch (IllegalArgumentException e) {
            out.add(new Violation("operator-api", "", "the object does not match the operator's FlinkDeployment class: "
                    + firstLine(e.getMessage())));
            return out;
        }
        String name = deployment.getMetadata() == null ? null : deployment.getMetadata().getName();
        if (name == null || !NAME.matcher(name).matches()) {
            out.add(new Violation("name", "metadata.name", "'" + name + "' is not a valid deployment name: it must match " + NAME.pattern()
                    + " and the length must be no more than 45 characters"));
        }
        // the operator's class starts with an empty spec, so a missing spec shows as the fields it needs
        FlinkDeploymentSpec spec = deployment.getSpec();
        if (spec.getServiceAccount() == null || spec.getServiceAccount().isBlank()) {
            out.add(new Violation("service-account", "spec.serviceAccount", "spec.serviceAccount must be defined; Flink's leader election runs as it"));
        }
        if (spec.getFlinkVersion() == null) {
            out.add(new Violation("flink-version", "spec.flinkVersion", "spec.flinkVersion must be defined"));
        }
        Map<String, String> raw = spec.getFlinkConfiguration() == null ? Map.of() : spec.getFlinkConfiguration();
        // as the image's Flink reads it, in that release's own class loader: the program carries no Flink runtime
        Map<String, String> asImage = FlinkRelease.bundled(FLINK_VERSION).readConfiguration(raw);

        // kubernetes.namespace and kubernetes.cluster-id are KubernetesConfigOptions' keys (flink-kubernetes, which the
        // library does not carry; a test compares them with that class)
        for (String owned : List.of(KUBERNETES_NAMESPACE, KUBERNETES_CLUSTER_ID, asImage.get("haClusterId.key"))) {
            if (raw.containsKey(owned)) {
                out.add(new Violation("forbidden-key", Violation.configPath(owned), "Forbidden Flink config key: " + owned + " (the operator sets it)"));
            }
        }

        Optional<FlinkOptions> job = jobOptions(object);
        if (flinkVersion != null && job.isEmpty()) {
            out.add(new Violation("flink-version", "spec.flinkVersion", "spec.flinkVersion " + flinkVersion + ": "
                    + FlinkOptions.unsupportedJobRelease(String.valueOf(flinkVersion).substring(1).replace('_', '.'))));
        }
        for (FlinkOptions.Finding f : job.orElse(FlinkOptions.bundled()).check(raw)) {
            if (f.error()) {
                out.add(new Violation("flink-option", Violation.configPath(f.key()), f.key() + ": " + f.message()));
            }
        }
        if (job.filter(FlinkOptions::isFlink2).isPresent()) {
            FlinkOptions.overlappingKeys(raw.keySet()).forEach(o -> out.add(new Violation("overlapping-keys", Violation.configPath(o.key()), o.message())));
        }

        boolean ha = false;
        String haType = asImage.get("haType");
        if (haType != null && !haType.equalsIgnoreCase("NONE")) {
            if (haType.equalsIgnoreCase("KUBERNETES") || haType.equals(KUBERNETES_HA_FACTORY)) {
                ha = true;
            } else if (haType.equalsIgnoreCase("ZOOKEEPER")) {
                out.add(new Violation("ha-type", haTypePath(raw, asImage), "high-availability.type is ZOOKEEPER; this platform runs Flink's Kubernetes HA"));
            } else {
                out.add(new Violation("ha-type", haTypePath(raw, asImage), "high-availability.type '" + haType + "' is not one Flink knows (NONE, ZOOKEEPER, "
                        + "KUBERNETES or a HighAvailabilityServicesFactory class); Flink would fail to start the JobManager"));
            }
        }
        if (ha && isBlank(asImage.get("haStorage"))) {
            out.add(new Violation("ha-storage", Violation.configPath(asImage.get("haStorage.key")),
                    asImage.get("haStorage.key") + " must be set when HA is on"));
        }

        // the operator's own rules, on the configuration as the operator's Flink release reads it
        Map<String, String> asOperator = FlinkRelease.bundled(operator.flinkVersion()).readConfiguration(raw);
        String operatorHaType = asOperator.get("haType");
        boolean operatorSeesHa = operatorHaType != null && !operatorHaType.equalsIgnoreCase("NONE");
        int replicas = spec.getJobManager() == null ? 1 : spec.getJobManager().getReplicas();
        if (replicas < 1) {
            out.add(new Violation("jobmanager-replicas", "spec.jobManager.replicas", "JobManager replicas should not be configured less than one."));
        } else if (replicas > 1 && !operatorSeesHa) {
            out.add(new Violation("standby-needs-ha", "spec.jobManager.replicas", "High availability should be enabled when starting standby JobManagers."));
        }
        UpgradeMode mode = spec.getJob() == null ? null : spec.getJob().getUpgradeMode();
        if (mode == UpgradeMode.LAST_STATE || mode == UpgradeMode.SAVEPOINT) {
            if (isBlank(asOperator.get("checkpoints"))) {
                out.add(new Violation("checkpoint-dir", Violation.configPath(asOperator.get("checkpoints.key")), "Checkpoint directory["
                        + asOperator.get("checkpoints.key") + "] must be defined for last-state and savepoint upgrade modes"
                        + operatorReads("checkpoints", raw, asImage, asOperator, operator)));
            }
        }
        if (mode == UpgradeMode.SAVEPOINT && isBlank(asOperator.get("savepoints"))) {
            out.add(new Violation("savepoint-dir", Violation.configPath(asOperator.get("savepoints.key")), "Job could not be upgraded with "
                    + "savepoint while config key[" + asOperator.get("savepoints.key") + "] is not set"
                    + operatorReads("savepoints", raw, asImage, asOperator, operator)));
        }
        if (mode == UpgradeMode.LAST_STATE && !ha) {
            // the operator dropped this rule in 1.10, but last-state still resumes from HA metadata
            out.add(new Violation("last-state-needs-ha", "spec.job.upgradeMode", "Job could not be upgraded with last-state while HA disabled"));
        }
        return out;
    }

    /** The key that set the HA type: the current name, or the 1.x one Flink still reads. */
    private static String haTypePath(Map<String, String> raw, Map<String, String> asImage) {
        String key = asImage.get("haType.key");
        return Violation.configPath(raw.containsKey(key) || !raw.containsKey("high-availability") ? key : "high-availability");
    }

    /** @return the options of the Flink release the deployment's {@code spec.flinkVersion} names, when the library has them */
    private static Optional<FlinkOptions> jobOptions(Map<String, Object> object) {
        Object v = object.get("spec") instanceof Map<?, ?> sp ? sp.get("flinkVersion") : null;
        return v == null ? Optional.of(FlinkOptions.bundled()) : FlinkOptions.forJob(String.valueOf(v).substring(1).replace('_', '.'));
    }

    /** Names the image-only key that a user (or an older version of this platform) set instead. */
    private static String operatorReads(String option, Map<String, String> raw, Map<String, String> asImage, Map<String, String> asOperator,
                                        OperatorRelease operator) {
        String imageKey = asImage.get(option + ".key");
        if (!isBlank(raw.get(imageKey)) && !imageKey.equals(asOperator.get(option + ".key"))) {
            return " (the operator " + operator.version() + " reads configuration with Flink " + operator.flinkVersion()
                    + ", which does not know '" + imageKey + "', the Flink " + FLINK_VERSION + " name; set '"
                    + asOperator.get(option + ".key") + "', which Flink " + FLINK_VERSION + " also reads)";
        }
        return "";
    }

    /**
     * The strict reader, made on first use: Jackson's classes take a few hundred milliseconds to load cold, which the
     * warm-up thread pays instead of the thread that starts it.
     */
    private static final class Strict {
        static final ObjectMapper MAPPER = strictMapper();
    }

    static ObjectMapper strictMapper() {
        ObjectMapper mapper = new ObjectMapper();
        mapper.configure(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES, true);
        // the API classes tolerate unknown fields for forward compatibility; a check must not
        mapper.setAnnotationIntrospector(new JacksonAnnotationIntrospector() {
            @Override
            public JsonIgnoreProperties.Value findPropertyIgnoralByName(MapperConfig<?> config, Annotated a) {
                return super.findPropertyIgnoralByName(config, a).withoutIgnoreUnknown();
            }
        });
        return mapper;
    }

    private static boolean isBlank(String s) {
        return s == null || s.isBlank();
    }

    /** @return the first line of an upstream library's message, without Jackson's reference chain */
    static String firstLine(String message) {
        if (message == null) {
            return "";
        }
        String line = message.lines().findFirst().orElse("");
        // Jackson appends the whole reference chain; the field name is what the reader needs
        return line.split(" at \\[Source", 2)[0];
    }

}
