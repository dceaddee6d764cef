package io.flinkha.operator;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
import java.util.stream.Collectors;

/**
 * A Flink Kubernetes Operator release the platform can deploy, as data: its chart, the Flink release it is built on
 * (its validator reads every FlinkDeployment's configuration with that release's option keys, whatever the jobs'
 * image), the {@code spec.flinkVersion} values it accepts, its CRDs, and the defects it has that can lose a job's state.
 * Every fact was read at the operator's release tag (apache/flink-kubernetes-operator {@code release-<version>}): the
 * parent pom's {@code flink.version}, the FlinkDeployment CRD's {@code flinkVersion} enum, which the API server enforces,
 * cut at {@code FlinkVersion.isSupported} (v1_15 and later), which the validator enforces, and the chart's {@code crds/}.
 *
 * @param version         the operator release, which is also its Helm chart's version
 * @param flinkVersion    the Flink release the operator is built and shaded with
 * @param flinkVersions   the {@code spec.flinkVersion} values both its CRD and its validator accept, oldest first
 * @param crds            its custom resource definitions, by name, as files in the chart's {@code crds/}
 * @param knownDefects    its defects that can lose or roll back a job's state, fixed in a later release
 */
public record OperatorRelease(String version, String flinkVersion, List<String> flinkVersions, List<String> crds,
                              List<KnownDefect> knownDefects) {

    /**
     * A defect of an operator release that can lose or roll back a job's state during an upgrade.
     *
     * @param id         the Apache JIRA id, e.g. {@code FLINK-39270}
     * @param fixedIn    the first operator release with the fix
     * @param modesAtRisk the upgrade modes whose jobs it can hit, as {@code job.upgradeMode} spells them
     *                    ({@code savepoint}, {@code last-state}), so the table needs nothing of the deployment's types
     * @param effect     what it does to a job, in one sentence
     */
    public record KnownDefect(String id, String fixedIn, Set<String> modesAtRisk, String effect) {
    }

    private static final List<String> CRDS_SINCE_1_10 = List.of("flinkdeployments", "flinksessionjobs", "flinkstatesnapshots");

    private static final KnownDefect FLINK_39270 = new KnownDefect("FLINK-39270", "1.15.0",
            Set.of("savepoint", "last-state"),
            "an upgrade can restore an older savepoint recorded in the status when the job was terminal, its HA metadata still "
                    + "existed and the JobManager was slow to answer, rolling the job's state back");
    private static final KnownDefect FLINK_38033 = new KnownDefect("FLINK-38033", "1.13.0", Set.of("savepoint"),
            "the savepoint taken for an upgrade is recorded twice and can be disposed at once, leaving the upgrade nothing to restore");

    /** Operator 1.10.0 (2024-10): the last on Flink 1.19; it cannot run Flink 2.x. */
    public static final OperatorRelease V1_10_0 = new OperatorRelease("1.10.0", "1.19.1",
            List.of("v1_15", "v1_16", "v1_17", "v1_18", "v1_19", "v1_20"), CRDS_SINCE_1_10, List.of(FLINK_39270, FLINK_38033));

    /**
     * Operator 1.15.0 (2026-05), the default: built on Flink 1.20.1. Its Java enum goes to v2_4, but its CRD only to v2_2,
     * so the API server refuses anything newer. It adds the blue/green CRD (since 1.14).
     */
    public static final OperatorRelease V1_15_0 = new OperatorRelease("1.15.0", "1.20.1",
            List.of("v1_15", "v1_16", "v1_17", "v1_18", "v1_19", "v1_20", "v2_0", "v2_1", "v2_2"),
            List.of("flinkdeployments", "flinksessionjobs", "flinkstatesnapshots", "flinkbluegreendeployments"), List.of());

    /** Every release the platform deploys, by version. */
    public static final Map<String, OperatorRelease> SUPPORTED = Map.of(V1_10_0.version, V1_10_0, V1_15_0.version, V1_15_0);

    /** The platform's default operator: the first release without a known state-loss defect. */
    public static final OperatorRelease DEFAULT = V1_15_0;

    /**
     * The release whose API classes and CRD check every FlinkDeployment's shape: the only operator API jar the build can
     * have. A FlinkDeployment spec valid for it is valid for 1.15.0 (compared field by field at both tags); 1.15.0 only
     * adds values to {@code flinkVersion}, which {@link #flinkVersions} checks per release, structured YAML in
     * {@code flinkConfiguration}, which the platform does not write, and {@code job.autoscalerResetNonce}.
     */
    public static final String API_CHECKED_WITH = V1_10_0.version;

    /**
     * @param version an operator version from settings or Args
     * @return the release, when the platform supports it
     */
    public static Optional<OperatorRelease> of(String version) {
        return Optional.ofNullable(SUPPORTED.get(version));
    }

    /**
     * @param version the refused version
     * @return why a version outside the table is refused, listing the supported releases
     */
    public static String unsupported(String version) {
        return "operator " + version + " is not a release this platform supports; supported: "
                + String.join(", ", new TreeMap<>(SUPPORTED).keySet()) + " (default " + DEFAULT.version + ")";
    }

    /** @return the Flink minor versions, e.g. {@code 1.20} and {@code 2.2}, that this release runs */
    public Set<String> supportedFlinkMinors() {
        return flinkVersions.stream().map(v -> v.substring(1).replace('_', '.')).collect(Collectors.toCollection(LinkedHashSet::new));
    }

    /** @return the range of Flink this release runs, e.g. {@code 1.15 to 2.2} */
    public String flinkRange() {
        List<String> minors = List.copyOf(supportedFlinkMinors());
        return minors.get(0) + " to " + minors.get(minors.size() - 1);
    }

    /**
     * @param mode a job's upgrade mode as {@code job.upgradeMode} spells it, e.g. {@code last-state}
     * @return this release's known defects that can hit a job in that mode
     */
    public List<KnownDefect> defectsAtRisk(String mode) {
        return knownDefects.stream().filter(d -> d.modesAtRisk().contains(mode)).toList();
    }

    /** @return the chart's repository on the Apache archive, where every release stays */
    public String chartRepository() {
        return FlinkOperatorArgs.archiveRepository(version);
    }

    /**
     * The chart's own {@code defaultConfiguration."flink-conf.yaml"} value: the metrics reporter, reconcile and
     * progress-check intervals it sets over the built-in configuration. The value is one string, so whoever sets it
     * replaces these lines; the component writes them back before its own, and every environment's operator runs on the
     * same base. The lines are the same in the chart's {@code values.yaml} at release-1.10.0 and release-1.15.0; they
     * are kept beside this class, since the chart itself is not on Maven Central.
     *
     * @return the chart's default overrides, ending with a newline
     */
    public String chartConfigOverrides() {
        String resource = "chart-flink-conf.yaml";
        try (InputStream in = OperatorRelease.class.getResourceAsStream(resource)) {
            if (in == null) {
                throw new IllegalStateException(resource + " is missing from the build");
            }
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new IllegalStateException(resource + " cannot be read", e);
        }
    }

    /**
     * Helm installs a chart's {@code crds/} on first install only and never upgrades them, so a new operator meets the old
     * schema and the API server drops every field it lacks. These are the steps to run against the cluster before the new
     * chart is applied, as the operator's upgrade guide has them: {@code kubectl replace} each CRD the cluster has, and
     * create each CRD new in this release. A new one is applied server-side, because the client-side apply would store
     * the whole CRD in an annotation, and the blue/green CRD (640 KB) is over the API server's 256 KB limit for it.
     *
     * @param from the operator release installed now, if known; without it every CRD is replaced
     * @return the shell commands that bring the cluster's CRDs to this release, from its release tag
     */
    public String crdUpgradeCommands(Optional<OperatorRelease> from) {
        StringBuilder out = new StringBuilder();
        for (String crd : crds) {
            boolean existing = from.map(f -> f.crds.contains(crd)).orElse(true);
            out.append(existing ? "kubectl replace -f " : "kubectl apply --server-side -f ")
                    .append("https://raw.githubusercontent.com/apache/flink-kubernetes-operator/release-").append(version)
                    .append("/helm/flink-kubernetes-operator/crds/").append(crd).append(".flink.apache.org-v1.yml\n");
        }
        return out.toString();
    }

    /**
     * @param version an operator release, in the table or not
     * @param from    the release installed now, if known
     * @return the CRD commands of a supported release, or of an unknown one as if it had 1.10.0's three CRDs
     */
    public static String crdUpgradeCommands(String version, Optional<String> from) {
        OperatorRelease to = of(version).orElseGet(() -> new OperatorRelease(version, "", List.of(), CRDS_SINCE_1_10, List.of()));
        return to.crdUpgradeCommands(from.flatMap(OperatorRelease::of));
    }
}
