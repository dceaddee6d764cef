package io.flinkha.operator;

import java.io.IOException;
import java.io.InputStream;
import java.util.LinkedHashSet;
import java.util.Optional;
import java.util.Properties;
import java.util.Set;

/**
 * A Flink Kubernetes Operator release this build can check FlinkDeployments against, and the Flink
 * release it is built on. The operator's validator reads every deployment's configuration with that
 * Flink release's option keys (operator 1.10.0 runs on Flink 1.19.1, whatever the jobs' image), so the
 * pairing decides which key names a deployment must carry. It is kept in one place, {@code pom.xml}
 * ({@code flink-operator-api.version} and {@code flink-operator.flink.version}), which also decides
 * which operator API classes, CRD and Flink jars the checks load; an operator upgrade changes both.
 *
 * @param version             the operator release, which is also its Helm chart's version
 * @param flinkVersion        the Flink release the operator is built and shaded with
 * @param supportedFlinkMinors the Flink minor versions its {@code spec.flinkVersion} accepts
 */
public record OperatorRelease(String version, String flinkVersion, Set<String> supportedFlinkMinors) {

    /** The release the checks are built for, and the platform's default operator. */
    public static final OperatorRelease CHECKED = load();

    /**
     * @param version an operator version from settings or Args
     * @return the release, when this build can check deployments against it
     */
    public static Optional<OperatorRelease> of(String version) {
        return CHECKED.version.equals(version) ? Optional.of(CHECKED) : Optional.empty();
    }

    /**
     * @param version the refused version
     * @return why a version other than {@link #CHECKED} is refused, and what to do
     */
    public static String unsupported(String version) {
        return "this build checks FlinkDeployments against operator " + CHECKED.version + " only (its API classes, its CRD "
                + "and its validator's rules on Flink " + CHECKED.flinkVersion + " keys); with operator " + version
                + " those checks would pass deployments that operator refuses. Use " + CHECKED.version
                + ", or a flink-ha release built for " + version;
    }

    /**
     * The chart's own {@code defaultConfiguration."flink-conf.yaml"} value at this release: the metrics reporter,
     * reconcile and progress-check intervals it sets over the built-in configuration. The value is one string, so
     * whoever sets it replaces these lines; the component writes them back before its own, and every environment's
     * operator runs on the same base. Kept as {@code chart-<version>-flink-conf.yaml} beside this class, copied from the
     * chart's {@code values.yaml} at the release tag, since the chart itself is not on Maven Central.
     *
     * @return the chart's default overrides, ending with a newline
     */
    public String chartConfigOverrides() {
        String resource = "chart-" + version + "-flink-conf.yaml";
        try (InputStream in = OperatorRelease.class.getResourceAsStream(resource)) {
            if (in == null) {
                throw new IllegalStateException(resource + " is missing from the build: add the chart's default overrides of " + version);
            }
            return new String(in.readAllBytes(), java.nio.charset.StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new IllegalStateException(resource + " cannot be read", e);
        }
    }

    /** The operator's custom resource definitions, by file name in the chart's {@code crds/} (1.10.0 added snapshots). */
    public static final java.util.List<String> CRDS = java.util.List.of("flinkdeployments", "flinksessionjobs", "flinkstatesnapshots");

    /**
     * Helm installs a chart's {@code crds/} on first install only and never upgrades them, so a new operator meets the old
     * schema and the API server drops every field it lacks. This is the step to run against the cluster before the
     * operator's new chart is applied: server-side apply, because a CRD of this size exceeds the annotation client-side
     * apply keeps, and it creates a CRD the old release did not have where {@code kubectl replace} would fail.
     *
     * @param version the operator release being installed
     * @return the shell command that applies that release's CRDs, from its release tag
     */
    public static String crdUpgradeCommand(String version) {
        StringBuilder out = new StringBuilder();
        for (String crd : CRDS) {
            out.append("kubectl apply --server-side --force-conflicts -f https://raw.githubusercontent.com/apache/flink-kubernetes-operator/release-")
                    .append(version).append("/helm/flink-kubernetes-operator/crds/").append(crd).append(".flink.apache.org-v1.yml\n");
        }
        return out.toString();
    }

    private static OperatorRelease load() {
        Properties p = new Properties();
        try (InputStream in = OperatorRelease.class.getResourceAsStream("/io/flinkha/upstream.properties")) {
            p.load(in);
        } catch (IOException | NullPointerException e) {
            throw new IllegalStateException("upstream.properties is missing from the build", e);
        }
        String version = p.getProperty("flink-operator-api.version");
        return new OperatorRelease(version, p.getProperty("flink-operator.flink.version"), flinkMinors(version));
    }

    /** The operator's {@code FlinkVersion} enum: v1_13 up to v1_18 (1.7), v1_19 (1.8, 1.9), v1_20 (1.10), 2.0 from 1.11. */
    private static Set<String> flinkMinors(String operatorVersion) {
        int minor = Integer.parseInt(operatorVersion.split("\\.")[1]);
        Set<String> out = new LinkedHashSet<>();
        int last = minor <= 7 ? 18 : minor <= 9 ? 19 : 20;
        for (int i = 13; i <= last; i++) {
            out.add("1." + i);
        }
        if (minor >= 11) {
            out.add("2.0");
        }
        return Set.copyOf(out);
    }
}
