package io.flinkha.aws.eks;

import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Optional;

/**
 * When EKS supports each Kubernetes version, in one dated table. EKS gives a version 14 months of
 * standard support, then 12 months of extended support (at extra cost), then upgrades the cluster
 * itself; a new cluster cannot be created on a version past its support. A stack pins its version, so
 * the plan refuses one past the end of the support its upgrade policy pays for, and warns within
 * {@link #WARN_DAYS} days of it, while there is still time to upgrade on the team's own schedule.
 *
 * <p>Source: the Amazon EKS Kubernetes release calendar, read on {@link #READ_ON}. Add a row when EKS
 * releases a version; a version not in the table is refused, since its dates are unknown.
 *
 * @see <a href="https://docs.aws.amazon.com/eks/latest/userguide/kubernetes-versions.html">EKS Kubernetes versions</a>
 */
public final class EksVersions {
    /** When the table was last checked against the EKS calendar. */
    public static final LocalDate READ_ON = LocalDate.of(2026, 11, 29);
    /** How long before the end of support the plan starts warning. */
    public static final int WARN_DAYS = 90;

    /**
     * One Kubernetes minor version on EKS.
     *
     * @param version        the minor version, e.g. {@code 1.35}
     * @param endOfStandard  last day of standard support
     * @param endOfExtended  last day of extended support
     */
    public record Version(String version, LocalDate endOfStandard, LocalDate endOfExtended) {
        /**
         * @param policy the cluster's support type
         * @return the last day of the support {@code policy} pays for
         */
        public LocalDate endOf(SupportType policy) {
            return policy == SupportType.STANDARD ? endOfStandard : endOfExtended;
        }
    }

    /**
     * The cluster's {@code upgradePolicy.supportType}. EKS defaults to EXTENDED, which silently bills a
     * cluster left on an old version; the platform defaults to STANDARD, so EKS upgrades it at the end
     * of standard support and the plan refuses to pin a version past it.
     */
    public enum SupportType {
        /** 14 months of support, then EKS upgrades the control plane. */
        STANDARD,
        /** 12 more months at extra cost per cluster hour. */
        EXTENDED
    }

    /** Newest first. */
    public static final List<Version> TABLE = List.of(
            new Version("1.35", LocalDate.of(2027, 3, 27), LocalDate.of(2028, 3, 27)),
            new Version("1.34", LocalDate.of(2026, 12, 2), LocalDate.of(2027, 12, 2)),
            new Version("1.33", LocalDate.of(2026, 7, 29), LocalDate.of(2027, 7, 29)),
            new Version("1.32", LocalDate.of(2026, 3, 23), LocalDate.of(2027, 3, 23)),
            new Version("1.31", LocalDate.of(2025, 11, 26), LocalDate.of(2026, 11, 26)),
            new Version("1.30", LocalDate.of(2025, 7, 23), LocalDate.of(2026, 7, 23)));

    /** The platform's default: the newest version in the table. */
    public static final String DEFAULT = TABLE.get(0).version();

    private EksVersions() {
    }

    /**
     * @param version a Kubernetes minor version
     * @return the row of {@code version}, if the table has it
     */
    public static Optional<Version> of(String version) {
        return TABLE.stream().filter(v -> v.version().equals(version)).findFirst();
    }

    /**
     * @param version the pinned version
     * @param policy  the cluster's support type
     * @param today   the day of the plan
     * @return why the version cannot be used, if it cannot
     */
    public static Optional<String> problem(String version, SupportType policy, LocalDate today) {
        Optional<Version> row = of(version);
        if (row.isEmpty()) {
            return Optional.of("EKS versions known to this release (calendar read on " + READ_ON + "): "
                    + TABLE.stream().map(Version::version).toList() + "; the support dates of " + version + " are unknown");
        }
        return problem(row.get(), policy, today);
    }

    /**
     * @param row    a version's support dates, from the table or from AWS
     * @param policy the cluster's support type
     * @param today  the day of the plan
     * @return why the version cannot be used, if it cannot
     */
    public static Optional<String> problem(Version row, SupportType policy, LocalDate today) {
        String version = row.version();
        LocalDate end = row.endOf(policy);
        if (today.isAfter(end)) {
            return Optional.of(policy.name().toLowerCase() + " support of Kubernetes " + version + " on EKS ended on " + end
                    + ": EKS no longer creates it and upgrades existing clusters away from it; pin " + newestSupported(policy, today)
                    + (policy == SupportType.STANDARD && !today.isAfter(row.endOfExtended())
                    ? " (or set upgradePolicy: EXTENDED to pay for extended support until " + row.endOfExtended() + ")" : ""));
        }
        return Optional.empty();
    }

    /**
     * Support dates as AWS reports them ({@code eks:DescribeClusterVersions}, through {@code aws.eks.getClusterVersions}):
     * what {@code pulumi preview} and {@code pulumi up} check against when they run with the account's credentials. The
     * table above is the fallback, and all the offline plan has.
     *
     * @param version the pinned version
     * @param rows    AWS's answer
     * @return the version's dates, when AWS names the version and both end dates
     */
    public static Optional<Version> fromAws(String version, List<com.pulumi.aws.eks.outputs.GetClusterVersionsClusterVersion> rows) {
        if (rows == null) {
            return Optional.empty();
        }
        return rows.stream().filter(r -> version.equals(r.clusterVersion()))
                .filter(r -> r.endOfStandardSupportDate() != null && r.endOfStandardSupportDate().length() >= 10
                        && r.endOfExtendedSupportDate() != null && r.endOfExtendedSupportDate().length() >= 10)
                .findFirst()
                // AWS writes timestamps (2027-03-27T00:00:00Z); the day is what support ends on
                .map(r -> new Version(version, LocalDate.parse(r.endOfStandardSupportDate().substring(0, 10)),
                        LocalDate.parse(r.endOfExtendedSupportDate().substring(0, 10))));
    }

    /**
     * @param version the pinned version
     * @param policy  the cluster's support type
     * @param today   the day of the plan
     * @return a warning when the end of the support {@code policy} pays for is within {@link #WARN_DAYS} days
     */
    public static Optional<String> warning(String version, SupportType policy, LocalDate today) {
        return of(version).flatMap(row -> {
            LocalDate end = row.endOf(policy);
            long days = ChronoUnit.DAYS.between(today, end);
            if (days < 0 || days > WARN_DAYS) {
                return Optional.empty();
            }
            return Optional.of(policy.name().toLowerCase() + " support of Kubernetes " + version + " on EKS ends on " + end
                    + " (in " + days + " days); after that EKS " + (policy == SupportType.STANDARD
                    ? "upgrades the cluster itself" : "upgrades the cluster itself, and meanwhile bills extended support")
                    + ". Plan the upgrade to " + newestSupported(policy, today) + " now");
        });
    }

    private static String newestSupported(SupportType policy, LocalDate today) {
        return TABLE.stream().filter(v -> !today.isAfter(v.endOf(policy))).map(Version::version).findFirst().orElse(DEFAULT);
    }
}
