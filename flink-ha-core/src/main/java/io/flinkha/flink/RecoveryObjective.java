package io.flinkha.flink;

import java.time.Duration;
import java.util.Objects;
import java.util.Optional;

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
     * An objective that takes what it does not set from another, e.g. a job's from its environment's, and the defaults.
     *
     * @param target      the objective, if set here
     * @param podStartup  replacement pod start-up time, if set here
     * @param restoreTime restore time, if set here
     * @param inherited   the objective this one refines, if any
     * @return the objective
     * @throws IllegalArgumentException when neither this nor the inherited one sets the objective itself
     */
    public static RecoveryObjective inheriting(Optional<Duration> target, Optional<Duration> podStartup, Optional<Duration> restoreTime,
                                               Optional<RecoveryObjective> inherited) {
        Optional<Duration> objective = target.or(() -> inherited.map(RecoveryObjective::target));
        io.flinkha.validation.ArgsCheck.of("RecoveryObjective").required("target", objective.orElse(null),
                "expected the recovery objective as a Flink duration, e.g. 60s").done();
        return new RecoveryObjective(objective.get(),
                podStartup.orElse(inherited.map(RecoveryObjective::podStartup).orElse(DEFAULT_POD_STARTUP)),
                restoreTime.orElse(inherited.map(RecoveryObjective::restoreTime).orElse(DEFAULT_RESTORE_TIME)));
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
