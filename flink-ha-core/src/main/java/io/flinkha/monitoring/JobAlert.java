package io.flinkha.monitoring;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * One alert on one job, as a Prometheus alerting rule. The thresholds come from the job itself: its checkpoint interval and
 * its recovery budget (the declared recovery objective, or else the worst case the recovery model computes from its
 * settings), so an alert fires when the job is outside what it was declared or built to do.
 *
 * @param name     the alert's name
 * @param expr     the PromQL expression; a result means the alert is pending
 * @param pending  how long the expression must hold before the alert fires
 * @param severity {@code critical} (the job is down or cannot recover) or {@code warning} (state is at risk)
 * @param summary  one line for the notification
 * @param action   what to do when it fires
 */
public record JobAlert(String name, String expr, Duration pending, String severity, String summary, String action) {
    /**
     * The smallest window a rate over Flink's counters is taken on: four scrapes at the PodMonitor's interval, so one
     * missed scrape never makes a counter look flat.
     */
    public static final Duration SCRAPE_FLOOR = JobMonitoring.SCRAPE_INTERVAL.multipliedBy(4);
    /**
     * How many recovery budgets the restart window spans: two restarts within ten budgets is a job that spends at least a
     * fifth of its time recovering.
     */
    public static final int RESTART_WINDOW_BUDGETS = 10;

    /**
     * @param namespace          the jobs' namespace
     * @param deployment         the FlinkDeployment's name (its pods' {@code app} label)
     * @param checkpointInterval the job's checkpoint interval
     * @param recoveryBudget     how long a recovery may take: the objective, or the worst case of the job's settings
     * @param missedCheckpoints  how many intervals without a completed checkpoint make checkpoints count as stalled
     * @return the job's four alerts: checkpoints stalled, restarts rising, job not running, no JobManager leader
     */
    public static List<JobAlert> of(String namespace, String deployment, Duration checkpointInterval, Duration recoveryBudget,
                                    int missedCheckpoints) {
        String job = "{namespace=\"" + namespace + "\",app=\"" + deployment + "\"}";
        String id = namespace + "/" + deployment;
        Duration stall = max(checkpointInterval.multipliedBy(missedCheckpoints), SCRAPE_FLOOR);
        Duration restarts = max(recoveryBudget.multipliedBy(RESTART_WINDOW_BUDGETS), SCRAPE_FLOOR);
        List<JobAlert> out = new ArrayList<>();
        // a job that has just (re)started has had no time to checkpoint: only a job up for the whole window counts
        out.add(new JobAlert("FlinkCheckpointsStalled",
                "increase(" + FlinkMetrics.job(FlinkMetrics.COMPLETED_CHECKPOINTS) + job + "[" + promDuration(stall) + "]) == 0 and "
                        + FlinkMetrics.job(FlinkMetrics.UPTIME) + job + " > " + stall.toMillis(),
                Duration.ZERO, "warning",
                id + ": no checkpoint completed in " + promDuration(stall) + " (" + missedCheckpoints + " intervals of "
                        + promDuration(checkpointInterval) + (stall.equals(SCRAPE_FLOOR) ? ", at least four scrapes" : "") + ")",
                "A failover now restores an old checkpoint and replays everything since. Look at the job's failed checkpoints "
                        + "(" + FlinkMetrics.job(FlinkMetrics.FAILED_CHECKPOINTS) + ") and the JobManager log for the cause: "
                        + "backpressure, a slow or unreachable state storage, or a checkpoint timeout."));
        out.add(new JobAlert("FlinkJobRestartsRising",
                "increase(" + FlinkMetrics.job(FlinkMetrics.NUM_RESTARTS) + job + "[" + promDuration(restarts) + "]) >= 2",
                Duration.ZERO, "warning",
                id + ": restarted at least twice in " + promDuration(restarts) + " (" + RESTART_WINDOW_BUDGETS
                        + " recovery budgets of " + promDuration(recoveryBudget) + ")",
                "The job spends a fifth of its time or more recovering. Read the exception of the last restart in the "
                        + "JobManager log or REST API (/jobs/<id>/exceptions); fix the cause before the restart strategy gives up."));
        out.add(new JobAlert("FlinkJobNotRunning",
                "max by (namespace, app) (" + FlinkMetrics.job(FlinkMetrics.UPTIME) + job + ") == 0",
                recoveryBudget, "critical",
                id + ": not RUNNING for longer than its recovery budget of " + promDuration(recoveryBudget),
                "Check the FlinkDeployment's status (kubectl get flinkdeployment " + deployment + " -n " + namespace
                        + " -o yaml: jobStatus, error) and the JobManager's events; a job that cannot restore its state "
                        + "needs its last checkpoint or savepoint checked."));
        // only the leading JobManager runs the resource manager, so its metric is absent exactly when no one leads
        out.add(new JobAlert("FlinkNoJobManagerLeader",
                "absent(" + FlinkMetrics.jobManager(FlinkMetrics.REGISTERED_TASK_MANAGERS) + job + ")",
                recoveryBudget, "critical",
                id + ": no leading JobManager reported for longer than its recovery budget of " + promDuration(recoveryBudget),
                "Check the JobManager pods (kubectl get pods -n " + namespace + " -l app=" + deployment + ",component=jobmanager), "
                        + "the leader ConfigMap (" + deployment + "-cluster-config-map) and the service account's rights on "
                        + "ConfigMaps; if the pods run but no metric arrives, check the PodMonitor's scrape."));
        return out;
    }

    /** @return this alert as a Prometheus rule */
    public Map<String, Object> rule() {
        return Map.of("alert", name, "expr", expr, "for", promDuration(pending), "labels", Map.of("severity", severity),
                "annotations", Map.of("summary", summary, "action", action));
    }

    /**
     * @param d a duration
     * @return it in Prometheus' notation: whole hours, minutes and seconds, e.g. {@code 1h30m}, {@code 45s}
     */
    public static String promDuration(Duration d) {
        long s = d.toSeconds();
        if (s == 0) {
            return "0s";
        }
        StringBuilder out = new StringBuilder();
        if (s >= 3600) {
            out.append(s / 3600).append('h');
            s %= 3600;
        }
        if (s >= 60) {
            out.append(s / 60).append('m');
            s %= 60;
        }
        if (s > 0) {
            out.append(s).append('s');
        }
        return out.toString();
    }

    private static Duration max(Duration a, Duration b) {
        return a.compareTo(b) >= 0 ? a : b;
    }
}
