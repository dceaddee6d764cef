package io.flinkha.internal.drill;

import java.time.Duration;
import java.util.List;
import java.util.Optional;

/**
 * What a failover drill found.
 *
 * @param deployment      namespace/name of the FlinkDeployment
 * @param jobId           the job id before the drill
 * @param checkpointId    the latest completed checkpoint before the drill
 * @param deletedPod      the one pod the drill deleted (the leading JobManager)
 * @param recoveredIn     loss of the JobManager to the job RUNNING again, restored; empty when it did not recover
 * @param objective       the recovery objective it is judged against, if any
 * @param passed          whether the job recovered under the same id, from a checkpoint at least as new, within the objective
 * @param findings        what happened, in order, and what to change on failure
 * @param timeline        when, after the kill, each step of the failover was seen
 */
public record DrillReport(String deployment, String jobId, long checkpointId, String deletedPod, Optional<Duration> recoveredIn,
                          Optional<Duration> objective, boolean passed, List<String> findings, Timeline timeline) {

    /**
     * The failover's steps, each as the time after the kill at which the drill first saw it.
     *
     * @param leaderElected   a new holder of the HA leader lock
     * @param running         the job RUNNING again, restored (= {@code recoveredIn})
     * @param firstCheckpoint the first checkpoint completed after the restore
     */
    public record Timeline(Optional<Duration> leaderElected, Optional<Duration> running, Optional<Duration> firstCheckpoint) {
        /** Nothing seen. */
        public static final Timeline NONE = new Timeline(Optional.empty(), Optional.empty(), Optional.empty());
    }

    /** @return a short report for a terminal or a pull request */
    public String render() {
        StringBuilder out = new StringBuilder();
        out.append("failover drill of FlinkDeployment ").append(deployment).append(": ").append(passed ? "PASSED" : "FAILED").append('\n');
        out.append("  job ").append(jobId).append(", latest completed checkpoint ").append(checkpointId).append('\n');
        out.append("  deleted the leading JobManager pod ").append(deletedPod).append('\n');
        out.append("  recovered in ").append(recoveredIn.map(d -> d.toMillis() / 1000.0 + "s").orElse("(not recovered)"));
        objective.ifPresent(o -> out.append(", objective ").append(o.toMillis() / 1000.0).append('s'));
        out.append('\n');
        timeline.leaderElected().ifPresent(d -> out.append("  new HA leader after ").append(d.toMillis() / 1000.0).append("s\n"));
        timeline.firstCheckpoint().ifPresent(d -> out.append("  first checkpoint after the restore at ").append(d.toMillis() / 1000.0).append("s\n"));
        findings.forEach(f -> out.append("  - ").append(f).append('\n'));
        return out.toString();
    }
}
