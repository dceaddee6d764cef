package io.flinkha.flink;

import java.time.Duration;
import java.util.Objects;

/**
 * How fast a job must be running again, from its last checkpoint, after it loses its JobManager,
 * with the two times that configuration cannot bound and that must therefore be declared.
 *
 * @param target      the objective: loss of the leading JobManager to the job RUNNING again, restored
 * @param podStartup  time for Kubernetes to start a replacement Flink pod (scheduling, a cached image,
 *                    JVM and Flink start-up); measure it with the drill. Default 30 s
 * @param restoreTime time to restore the job's state from its latest checkpoint; it grows with state size
 *                    and is not bounded by any Flink option. Default 10 s
 * @see <a href="https://nightlies.apache.org/flink/flink-docs-release-1.20/docs/deployment/ha/kubernetes_ha/">Kubernetes HA services</a>
 */
public record RecoveryObjective(Duration target, Duration podStartup, Duration restoreTime) {
    /** Default of {@link #podStartup()}. */
    public static final Duration DEFAULT_POD_STARTUP = Duration.ofSeconds(30);
    /** Default of {@link #restoreTime()}. */
    public static final Duration DEFAULT_RESTORE_TIME = Duration.ofSeconds(10);

    /**
     * @param target the objective
     * @return an objective with the default assumptions
     */
    public static RecoveryObjective of(Duration target) {
        return new RecoveryObjective(target, DEFAULT_POD_STARTUP, DEFAULT_RESTORE_TIME);
    }

    /**
     * Refuses a missing or non-positive duration.
     *
     * @param target      the objective
     * @param podStartup  replacement pod start-up time
     * @param restoreTime restore time from the latest checkpoint
     */
    public RecoveryObjective {
        for (Duration d : new Duration[]{target, podStartup, restoreTime}) {
            if (Objects.requireNonNull(d, "RecoveryObjective durations are required").isNegative() || d.isZero()) {
                throw new IllegalArgumentException("RecoveryObjective: got " + d + "; expected a positive duration");
            }
        }
    }
}
