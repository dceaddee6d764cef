package io.flinkha.flink;

import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Worst-case recovery of a Flink job with Kubernetes HA, term by term, and the settings that bound it.
 *
 * <p>After the leading JobManager is lost, recovery is: the leader lease expires and a contender
 * retries ({@code lease-duration + retry-period}); a JobManager process must exist (a standby is
 * already running; otherwise Kubernetes starts a new pod, {@link RecoveryObjective#podStartup()});
 * the restart strategy waits its first backoff ({@code initial-backoff x (1 + jitter-factor)}); the job
 * restores its latest checkpoint ({@link RecoveryObjective#restoreTime()}). That path is what the
 * objective bounds and what the failover drill measures. A TaskManager lost with it (a node failure)
 * is noticed after {@code heartbeat.timeout} and always waits for a new pod; its heartbeat timeout is
 * derived to fit the objective where it can, and its path is reported beside the objective's.
 */
public final class RecoveryModel {
    /** Flink's leader lease (default 15 s). */
    public static final String LEASE_DURATION = "high-availability.kubernetes.leader-election.lease-duration";
    /** Flink's lease renewal deadline (default 15 s); must not exceed the lease. */
    public static final String RENEW_DEADLINE = "high-availability.kubernetes.leader-election.renew-deadline";
    /** How often a contender retries the lease (default 5 s). */
    public static final String RETRY_PERIOD = "high-availability.kubernetes.leader-election.retry-period";
    /** Heartbeat interval between JobManager and TaskManagers (default 10 s). */
    public static final String HEARTBEAT_INTERVAL = "heartbeat.interval";
    /** Time after which a silent TaskManager is declared lost (default 50 s). */
    public static final String HEARTBEAT_TIMEOUT = "heartbeat.timeout";
    /** The restart strategy. */
    public static final String RESTART_STRATEGY = "restart-strategy.type";
    /** First backoff of the exponential-delay strategy (default 1 s). */
    public static final String INITIAL_BACKOFF = "restart-strategy.exponential-delay.initial-backoff";
    /** Jitter on each backoff (default 0.1). */
    public static final String JITTER = "restart-strategy.exponential-delay.jitter-factor";

    /**
     * Floors no derived value goes below, because below them a healthy process is declared dead. Flink documents no
     * minimum, only its defaults (lease 15 s, retry 5 s, heartbeat timeout 50 s at one beat per 10 s) and the warning
     * that low values produce false positives. A leader that cannot renew its lease within the deadline (a JobManager
     * GC pause, a slow API server) gives up leadership and restarts the job; a TaskManager silent for the heartbeat
     * timeout (a full GC of a multi-GiB heap, a saturated node) is failed with all its tasks. Each false failover costs
     * a full restore, so the model trades a longer TaskManager-loss path for fewer false ones.
     */
    static final Duration MIN_LEASE = Duration.ofSeconds(10);
    static final Duration MIN_RETRY = Duration.ofSeconds(2);
    static final Duration MIN_HEARTBEAT_TIMEOUT = Duration.ofSeconds(20);
    /** Flink's own ratio of heartbeat timeout to interval (50 s / 10 s): several beats are missed before a loss is declared. */
    static final int HEARTBEATS_PER_TIMEOUT = 5;
    static final Duration DEFAULT_LEASE = Duration.ofSeconds(15);
    static final Duration DEFAULT_RETRY = Duration.ofSeconds(5);
    static final Duration DEFAULT_HEARTBEAT_TIMEOUT = Duration.ofSeconds(50);
    static final Duration DEFAULT_BACKOFF = Duration.ofSeconds(1);
    static final double DEFAULT_JITTER = 0.1;

    private static final Pattern DURATION = Pattern.compile("\\s*(\\d+(?:\\.\\d+)?)\\s*(ms|milli|millis|s|sec|secs|second|seconds|m|min|mins|minute|minutes|h|hour|hours|d|day|days)?\\s*");

    private RecoveryModel() {
    }

    /**
     * One recovery path, term by term.
     *
     * @param scenario what was lost
     * @param terms    each contribution, in the order it happens, by what it comes from
     */
    public record Path(String scenario, Map<String, Duration> terms) {
        /** @return the sum of the terms */
        public Duration total() {
            return terms.values().stream().reduce(Duration.ZERO, Duration::plus);
        }

        /** @return e.g. {@code 34.1s = lease-duration 15s + retry-period 3s + ... (JobManager loss; dominated by lease-duration)} */
        public String describe() {
            List<String> parts = new ArrayList<>();
            terms.forEach((k, v) -> parts.add(k + " " + format(v)));
            return format(total()) + " = " + String.join(" + ", parts) + " (" + scenario + "; dominated by " + dominant() + ")";
        }

        /** @return the term that contributes most */
        public String dominant() {
            return terms.entrySet().stream().max(Map.Entry.comparingByValue()).map(Map.Entry::getKey).orElse("");
        }

        Map<String, Object> toMap() {
            Map<String, Object> m = new LinkedHashMap<>();
            m.put("totalMs", total().toMillis());
            m.put("dominant", dominant());
            List<Object> list = new ArrayList<>();
            terms.forEach((k, v) -> {
                // ordered maps only: Map.of iterates in an order salted per JVM, and the plan must not change between runs
                Map<String, Object> term = new LinkedHashMap<>();
                term.put("term", k);
                term.put("ms", v.toMillis());
                list.add(term);
            });
            m.put("terms", list);
            return m;
        }
    }

    /**
     * What recovery looks like for one deployment.
     *
     * @param jobManagerReplicas JobManagers (more than one means a standby)
     * @param derived            Flink settings derived from the objective (none without one)
     * @param jobManagerLoss     the path after the leading JobManager is lost
     * @param taskManagerLoss    the path after a TaskManager is lost with it
     * @param tradeoffs          where a floor against false failovers won over the objective, or a setting is below one
     */
    public record Recovery(int jobManagerReplicas, Map<String, String> derived, Path jobManagerLoss, Path taskManagerLoss,
                           List<String> tradeoffs) {
        /**
         * @param jobManagerReplicas JobManagers (more than one means a standby)
         * @param derived            Flink settings derived from the objective (none without one)
         * @param jobManagerLoss     the path after the leading JobManager is lost
         * @param taskManagerLoss    the path after a TaskManager is lost with it
         * @param tradeoffs          where a floor against false failovers won over the objective, or a setting is below one
         */
        public Recovery {
            tradeoffs = List.copyOf(tradeoffs);
        }

        /** @return the path the objective bounds: losing the leading JobManager */
        public Path worst() {
            return jobManagerLoss;
        }

        /** @return the objective's path, e.g. {@code 34.1s = lease-duration 15s + ... (JobManager loss; dominated by lease-duration)} */
        public String describe() {
            return worst().describe();
        }

        /**
         * @param objective   the declared objective, if any
         * @param podStartup  the assumed replacement pod start-up
         * @param restoreTime the assumed restore time
         * @return the figures as JSON, in milliseconds, keys in a fixed order
         */
        public String toJson(Optional<Duration> objective, Duration podStartup, Duration restoreTime) {
            Map<String, Object> m = new LinkedHashMap<>();
            objective.ifPresent(o -> m.put("objectiveMs", o.toMillis()));
            m.put("podStartupMs", podStartup.toMillis());
            m.put("restoreTimeMs", restoreTime.toMillis());
            m.put("jobManagerReplicas", jobManagerReplicas);
            m.put("jobManagerLoss", jobManagerLoss.toMap());
            m.put("taskManagerLoss", taskManagerLoss.toMap());
            if (!tradeoffs.isEmpty()) {
                m.put("tradeoffs", tradeoffs);
            }
            return new com.google.gson.GsonBuilder().disableHtmlEscaping().create().toJson(m);
        }
    }

    /**
     * The worst case of a deployment as configured.
     *
     * @param conf        its Flink configuration (Flink's defaults for what it does not set)
     * @param replicas    its JobManagers
     * @param podStartup  replacement pod start-up time
     * @param restoreTime restore time from the latest checkpoint
     * @return both recovery paths
     */
    public static Recovery evaluate(Map<String, String> conf, int replicas, Duration podStartup, Duration restoreTime) {
        Duration lease = duration(conf, LEASE_DURATION).orElse(DEFAULT_LEASE);
        Duration retry = duration(conf, RETRY_PERIOD).orElse(DEFAULT_RETRY);
        Duration heartbeat = duration(conf, HEARTBEAT_TIMEOUT).orElse(DEFAULT_HEARTBEAT_TIMEOUT);
        Duration restart = restartDelay(conf);
        Map<String, Duration> jm = new LinkedHashMap<>();
        jm.put("lease-duration", lease);
        jm.put("retry-period", retry);
        if (replicas < 2) {
            jm.put("new JobManager pod (podStartup)", podStartup);
        }
        jm.put("restart backoff", restart);
        jm.put("restore (restoreTime)", restoreTime);
        Map<String, Duration> tm = new LinkedHashMap<>();
        tm.put("heartbeat.timeout", heartbeat);
        tm.put("new TaskManager pod (podStartup)", podStartup);
        tm.put("restart backoff", restart);
        tm.put("restore (restoreTime)", restoreTime);
        List<String> risks = new ArrayList<>();
        belowFloor(conf, LEASE_DURATION, lease, MIN_LEASE, "the leader gives up its lease during a JobManager GC pause or a slow "
                + "API server response and the job restarts").ifPresent(risks::add);
        belowFloor(conf, RETRY_PERIOD, retry, MIN_RETRY, "contenders poll the API server that often for every job").ifPresent(risks::add);
        belowFloor(conf, HEARTBEAT_TIMEOUT, heartbeat, MIN_HEARTBEAT_TIMEOUT, "a TaskManager in a long GC pause or on a saturated "
                + "node is declared lost and every task restarts from the last checkpoint").ifPresent(risks::add);
        return new Recovery(replicas, Map.of(), new Path("JobManager loss", jm), new Path("TaskManager loss", tm), risks);
    }

    /** An explicit setting below its floor is the user's call, and its risk is named where the worst case is. */
    private static Optional<String> belowFloor(Map<String, String> conf, String key, Duration value, Duration floor, String risk) {
        return conf.containsKey(key) && value.compareTo(floor) < 0
                ? Optional.of(String.format("%s: %s is below the %s floor: %s", key, format(value), format(floor), risk))
                : Optional.empty();
    }

    /**
     * Derives the settings that make the worst case meet the objective, keeping every setting the
     * user gave explicitly and checking it against the objective.
     *
     * @param objective the objective and its assumptions
     * @param replicas  JobManagers, or empty to derive them (a standby only when needed)
     * @param userConf  the deployment's own Flink configuration, which wins
     * @return the recovery with the derived settings
     * @throws IllegalArgumentException naming the bound when the objective cannot be met
     */
    public static Recovery derive(RecoveryObjective objective, Optional<Integer> replicas, Map<String, String> userConf) {
        Duration target = objective.target();
        Duration restart = restartDelay(userConf);
        Duration fixed = objective.restoreTime().plus(restart);
        Duration minElection = MIN_LEASE.plus(MIN_RETRY);
        if (target.minus(fixed).compareTo(minElection) < 0) {
            throw new IllegalArgumentException(String.format("objective %s cannot be met: checkpoint restore time is not bounded by "
                            + "configuration and is declared as %s (restoreTime), the restart backoff is %s and leader election needs at "
                            + "least %s (lease-duration %s + retry-period %s); the objective must be at least %s, or declare a smaller "
                            + "measured restoreTime", format(target), format(objective.restoreTime()), format(restart), format(minElection),
                    format(MIN_LEASE), format(MIN_RETRY), format(fixed.plus(minElection))));
        }
        boolean standby = replicas.map(r -> r > 1)
                .orElse(target.minus(fixed).minus(objective.podStartup()).compareTo(minElection) < 0);
        Duration jmBudget = target.minus(fixed).minus(standby ? Duration.ZERO : objective.podStartup());
        if (jmBudget.compareTo(minElection) < 0) {
            throw new IllegalArgumentException(String.format("objective %s cannot be met with 1 JobManager: a replacement JobManager pod "
                    + "takes %s (podStartup); set jobManagerReplicas: 2 so a standby takes over", format(target), format(objective.podStartup())));
        }
        // a lost TaskManager always waits for a new pod: the heartbeat gets what is left, within safe bounds
        Duration tmBudget = target.minus(fixed).minus(objective.podStartup());
        Map<String, String> derived = new LinkedHashMap<>();
        // the lease takes 5/6 of the election budget and the retry 1/6, never above Flink's defaults
        Duration lease = clamp(Duration.ofSeconds(jmBudget.toSeconds() * 5 / 6), MIN_LEASE, DEFAULT_LEASE);
        Duration retry = clamp(Duration.ofSeconds(lease.toSeconds() / 5), MIN_RETRY, DEFAULT_RETRY);
        Duration renew = Duration.ofSeconds(Math.max(retry.toSeconds() + 1, lease.toSeconds() * 2 / 3));
        Duration heartbeat = clamp(Duration.ofSeconds(Math.max(0, tmBudget.toSeconds())), MIN_HEARTBEAT_TIMEOUT, DEFAULT_HEARTBEAT_TIMEOUT);
        derived.put(LEASE_DURATION, lease.toSeconds() + " s");
        derived.put(RENEW_DEADLINE, renew.toSeconds() + " s");
        derived.put(RETRY_PERIOD, retry.toSeconds() + " s");
        derived.put(HEARTBEAT_TIMEOUT, heartbeat.toSeconds() + " s");
        derived.put(HEARTBEAT_INTERVAL, Math.max(1, heartbeat.toSeconds() / HEARTBEATS_PER_TIMEOUT) + " s");
        derived.put(RESTART_STRATEGY, "exponential-delay");
        derived.put(INITIAL_BACKOFF, DEFAULT_BACKOFF.toSeconds() + " s");
        derived.keySet().removeIf(userConf::containsKey);

        Map<String, String> effective = new LinkedHashMap<>(derived);
        effective.putAll(userConf);
        int jobManagers = replicas.orElse(standby ? 2 : 1);
        Recovery recovery = evaluate(effective, jobManagers, objective.podStartup(), objective.restoreTime());
        if (recovery.worst().total().compareTo(target) > 0) {
            // only the JobManager loss is held to the objective: heartbeats time a TaskManager loss, so one is never the culprit
            String culprit = userConf.keySet().stream().filter(k -> k.startsWith("high-availability.kubernetes.leader-election.")
                    || k.startsWith("restart-strategy.")).sorted().findFirst().orElse("the settings");
            throw new IllegalArgumentException(String.format("objective %s is not met: the worst case is %s; %s is set explicitly "
                    + "and wins over the derived value: lower it or raise the objective", format(target), recovery.describe(), culprit));
        }
        List<String> tradeoffs = new ArrayList<>(recovery.tradeoffs());
        if (derived.containsKey(HEARTBEAT_TIMEOUT) && heartbeat.compareTo(tmBudget) > 0) {
            tradeoffs.add(String.format("heartbeat.timeout is held at its %s floor, where the objective would leave %s after a new "
                    + "TaskManager pod: a TaskManager loss takes %s, beyond the %s objective, which bounds the JobManager loss; a "
                    + "lower timeout would fail over healthy TaskManagers in GC pauses", format(MIN_HEARTBEAT_TIMEOUT),
                    format(tmBudget.isNegative() ? Duration.ZERO : tmBudget), format(recovery.taskManagerLoss().total()), format(target)));
        }
        return new Recovery(jobManagers, Map.copyOf(derived), recovery.jobManagerLoss(), recovery.taskManagerLoss(), tradeoffs);
    }

    /**
     * The first restart waits the strategy's delay: exponential-delay (Flink's default with checkpointing)
     * its initial backoff plus jitter; fixed-delay and failure-rate their delay. Flink accepts each name
     * with and without the hyphen.
     */
    static Duration restartDelay(Map<String, String> conf) {
        String type = conf.getOrDefault(RESTART_STRATEGY, "exponential-delay").replace("-", "").toLowerCase(Locale.ROOT);
        if (type.equals("fixeddelay")) {
            return duration(conf, "restart-strategy.fixed-delay.delay").orElse(DEFAULT_BACKOFF);
        }
        if (type.equals("failurerate")) {
            return duration(conf, "restart-strategy.failure-rate.delay").orElse(DEFAULT_BACKOFF);
        }
        Duration backoff = duration(conf, INITIAL_BACKOFF).orElse(DEFAULT_BACKOFF);
        double jitter = conf.containsKey(JITTER) ? Double.parseDouble(conf.get(JITTER)) : DEFAULT_JITTER;
        return Duration.ofMillis(Math.round(backoff.toMillis() * (1 + jitter)));
    }

    /**
     * @param text a Flink duration such as {@code 15 s}, {@code 500ms}, {@code 1min} or {@code 1d}; a bare number is milliseconds
     *             (Flink's {@code TimeUtils} syntax; the one parser of durations in this project)
     * @return the duration, or empty when Flink's syntax is not matched
     */
    public static Optional<Duration> parse(String text) {
        Matcher m = DURATION.matcher(text);
        if (!m.matches()) {
            return Optional.empty();
        }
        double n = Double.parseDouble(m.group(1));
        String unit = m.group(2) == null ? "ms" : m.group(2);
        double ms = switch (unit) {
            case "ms", "milli", "millis" -> n;
            case "s", "sec", "secs", "second", "seconds" -> n * 1000;
            case "m", "min", "mins", "minute", "minutes" -> n * 60_000;
            case "h", "hour", "hours" -> n * 3_600_000;
            default -> n * 86_400_000;
        };
        return Optional.of(Duration.ofMillis(Math.round(ms)));
    }

    private static Optional<Duration> duration(Map<String, String> conf, String key) {
        return Optional.ofNullable(conf.get(key)).flatMap(RecoveryModel::parse);
    }

    private static Duration clamp(Duration d, Duration min, Duration max) {
        return d.compareTo(min) < 0 ? min : d.compareTo(max) > 0 ? max : d;
    }

    /**
     * @param d a duration
     * @return it in seconds, e.g. {@code 41.1s}
     */
    public static String format(Duration d) {
        double s = d.toMillis() / 1000.0;
        return (s == Math.rint(s) ? String.valueOf((long) s) : String.format(Locale.ROOT, "%.1f", s)) + "s";
    }
}
