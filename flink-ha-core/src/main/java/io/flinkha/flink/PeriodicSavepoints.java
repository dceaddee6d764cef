package io.flinkha.flink;

import io.flinkha.validation.ArgsCheck;
import io.flinkha.validation.IntRange;

import java.time.Duration;
import java.util.Map;

/**
 * Savepoints the operator takes on a schedule, and how many it keeps: a fallback older than the last checkpoint, for a
 * corrupt checkpoint, a bad deploy to roll back, or a job that must start again elsewhere ({@code initialSavepointPath}).
 * The operator (1.10 and 1.15) reads the three keys from the deployment's configuration and records each savepoint as a
 * {@code FlinkStateSnapshot}; it prunes the history lazily, so the newest may outlive {@code maxAge}.
 *
 * @param interval how often (the operator triggers it in its reconcile loop, so not more precisely than that)
 * @param maxCount how many savepoints the history keeps
 * @param maxAge   how old a kept savepoint may get
 */
public record PeriodicSavepoints(Duration interval, int maxCount, Duration maxAge) {
    /** {@code kubernetes.operator.periodic.savepoint.interval}: a duration (or a Quartz cron, which this platform does not write). */
    public static final String INTERVAL_KEY = "kubernetes.operator.periodic.savepoint.interval";
    /** {@code kubernetes.operator.savepoint.history.max.count} (operator default 10). */
    public static final String MAX_COUNT_KEY = "kubernetes.operator.savepoint.history.max.count";
    /** {@code kubernetes.operator.savepoint.history.max.age} (operator default 24 h). */
    public static final String MAX_AGE_KEY = "kubernetes.operator.savepoint.history.max.age";
    /** The {@code maxCount} allowed. */
    public static final IntRange MAX_COUNT = new IntRange(1, 1000);
    /**
     * What a production job that keeps state gets unless it says otherwise: twice a day, a week of them, so a bad deploy
     * found days later still has a savepoint from before it.
     */
    public static final PeriodicSavepoints PRODUCTION_DEFAULT = new PeriodicSavepoints(Duration.ofHours(12), 14, Duration.ofDays(7));

    /**
     * Checks the schedule.
     *
     * @param interval how often
     * @param maxCount how many are kept
     * @param maxAge   how old a kept one may get
     * @throws IllegalArgumentException naming every problem
     */
    public PeriodicSavepoints {
        ArgsCheck.of("PeriodicSavepoints")
                .check(interval != null && interval.compareTo(Duration.ofMinutes(1)) >= 0, "interval", interval == null ? null : format(interval),
                        "expected at least 1min: the operator triggers savepoints in its reconcile loop, once a minute by default")
                .check(MAX_COUNT.contains(maxCount), "maxCount", maxCount, MAX_COUNT.allowed())
                .check(maxAge != null && interval != null && maxAge.compareTo(interval) >= 0, "maxAge", maxAge == null ? null : format(maxAge),
                        "expected at least the interval" + (interval == null ? "" : " (" + format(interval) + ")")
                                + ": a shorter age keeps no savepoint but the newest")
                .done();
    }

    /** @return the operator's keys and values, as the deployment's configuration carries them */
    public Map<String, String> flinkConfiguration() {
        return Map.of(INTERVAL_KEY, format(interval), MAX_COUNT_KEY, Integer.toString(maxCount), MAX_AGE_KEY, format(maxAge));
    }

    /** A duration as a Flink duration in its largest whole unit ({@code 12h}, {@code 7d}, {@code 90min}), which Flink's parser reads. */
    static String format(Duration d) {
        long s = d.toSeconds();
        if (s % 86_400 == 0) {
            return s / 86_400 + "d";
        }
        if (s % 3_600 == 0) {
            return s / 3_600 + "h";
        }
        return s % 60 == 0 ? s / 60 + "min" : s + "s";
    }
}
