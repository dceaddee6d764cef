package io.flinkha.internal.status;

import static io.flinkha.monitoring.JobAlert.promDuration;

import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * One job as the cluster reports it, judged against what the stack declares.
 *
 * @param job        {@code <namespace>/<deployment>}
 * @param expected   what the stack declares of it
 * @param deployed   whether the FlinkDeployment exists
 * @param state      the job's state as the operator reports it ({@code status.jobStatus.state}), if any
 * @param lifecycle  the operator's lifecycle verdict ({@code status.lifecycleState}), if any
 * @param error      the operator's error ({@code status.error}), if any
 * @param leader     the HA leader, if a live one holds the lock
 * @param checkpoint the last completed checkpoint, if Flink's REST API reports one
 * @param savepoints the savepoints the operator records, newest first
 * @param restarts   the job's restarts, if Flink's REST API reports them
 */
record JobHealth(String job, Expected expected, boolean deployed, Optional<String> state, Optional<String> lifecycle, Optional<String> error,
                 Optional<Leader> leader, Optional<Checkpoint> checkpoint, List<Savepoint> savepoints, Optional<Long> restarts) {

    /**
     * What the stack declares of a job.
     *
     * @param checkpointInterval how often it checkpoints
     * @param missedCheckpoints  how many intervals without a checkpoint put its state at risk
     * @param budget             how long a recovery may take
     * @param budgetSource       {@code objective} (declared) or {@code worst case} (computed from its settings)
     */
    record Expected(Duration checkpointInterval, int missedCheckpoints, Duration budget, String budgetSource) {
    }

    /**
     * The holder of the HA leader lock ({@code <deployment>-cluster-config-map}, annotation
     * {@code control-plane.alpha.kubernetes.io/leader}).
     *
     * @param holder  the leader's identity
     * @param leading how long it has led
     * @param renewed how long ago it renewed the lock
     * @param lease   how long a lock lives without renewal
     */
    record Leader(String holder, Duration leading, Duration renewed, Duration lease) {
        boolean live() {
            return renewed.compareTo(lease) <= 0;
        }
    }

    /**
     * @param id   the checkpoint's id
     * @param age  how long ago it completed
     * @param path where it is, if external
     */
    record Checkpoint(long id, Duration age, Optional<String> path) {
    }

    /**
     * @param path  where it is
     * @param age   how long ago it was taken
     * @param state its state, e.g. {@code COMPLETED}, when the operator records one
     */
    record Savepoint(String path, Duration age, Optional<String> state) {
    }

    /** @return why the job's state is at risk; empty when it is healthy */
    List<String> risks() {
        List<String> out = new ArrayList<>();
        if (!deployed) {
            out.add("no FlinkDeployment: the stack declares it, the cluster does not have it");
            return out;
        }
        if (!state.equals(Optional.of("RUNNING"))) {
            out.add("the job is " + state.orElse("not reported") + ", not RUNNING");
        }
        if (lifecycle.isPresent() && !List.of("STABLE", "DEPLOYED").contains(lifecycle.get())) {
            out.add("the operator's lifecycle is " + lifecycle.get());
        }
        if (leader.isEmpty()) {
            out.add("no HA leader holds the lock");
        } else if (!leader.get().live()) {
            out.add("the HA leader " + leader.get().holder() + " last renewed its lock " + promDuration(leader.get().renewed())
                    + " ago, longer than its lease of " + promDuration(leader.get().lease()));
        }
        Duration stale = expected.checkpointInterval().multipliedBy(expected.missedCheckpoints());
        if (checkpoint.isEmpty()) {
            out.add("no completed checkpoint: a failover would start from nothing, or from an older savepoint");
        } else if (checkpoint.get().age().compareTo(stale) > 0) {
            out.add("the last checkpoint is " + promDuration(checkpoint.get().age()) + " old, more than "
                    + expected.missedCheckpoints() + " intervals of " + promDuration(expected.checkpointInterval()));
        }
        return out;
    }

    /** @return the job as JSON-ready values */
    Map<String, Object> toMap() {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("job", job);
        m.put("healthy", risks().isEmpty());
        m.put("risks", risks());
        m.put("deployed", deployed);
        state.ifPresent(s -> m.put("state", s));
        lifecycle.ifPresent(l -> m.put("lifecycle", l));
        error.ifPresent(e -> m.put("error", e));
        leader.ifPresent(l -> m.put("leader", Map.of("holder", l.holder(), "leadingSeconds", l.leading().toSeconds(),
                "renewedSecondsAgo", l.renewed().toSeconds(), "leaseSeconds", l.lease().toSeconds())));
        checkpoint.ifPresent(c -> {
            Map<String, Object> cp = new LinkedHashMap<>();
            cp.put("id", c.id());
            cp.put("ageSeconds", c.age().toSeconds());
            cp.put("intervals", (double) c.age().toMillis() / expected.checkpointInterval().toMillis());
            c.path().ifPresent(p -> cp.put("path", p));
            m.put("lastCheckpoint", cp);
        });
        m.put("checkpointIntervalSeconds", expected.checkpointInterval().toSeconds());
        m.put("recoveryBudgetSeconds", expected.budget().toSeconds());
        m.put("recoveryBudgetSource", expected.budgetSource());
        m.put("savepoints", savepoints.stream().map(s -> {
            Map<String, Object> sp = new LinkedHashMap<>();
            sp.put("path", s.path());
            sp.put("ageSeconds", s.age().toSeconds());
            s.state().ifPresent(st -> sp.put("state", st));
            return sp;
        }).toList());
        restarts.ifPresent(r -> m.put("restarts", r));
        return m;
    }

    /** @return the job as a few lines of text */
    String render() {
        List<String> risks = risks();
        StringBuilder out = new StringBuilder(job).append(": ").append(risks.isEmpty() ? "healthy" : "AT RISK").append('\n');
        if (!deployed) {
            out.append("  ! ").append(risks.get(0)).append('\n');
            return out.toString();
        }
        out.append("  operator:    ").append(state.orElse("no job status")).append(lifecycle.map(l -> ", lifecycle " + l).orElse(""))
                .append(error.map(e -> "; error: " + e).orElse("")).append('\n');
        out.append("  HA leader:   ").append(leader.map(l -> l.holder() + ", leading for " + promDuration(l.leading())
                + ", renewed " + promDuration(l.renewed()) + " ago (lease " + promDuration(l.lease()) + ")").orElse("none"))
                .append('\n');
        out.append("  checkpoint:  ").append(checkpoint.map(c -> "#" + c.id() + ", " + promDuration(c.age()) + " ago = "
                + String.format("%.1f", (double) c.age().toMillis() / expected.checkpointInterval().toMillis()) + " intervals of "
                + promDuration(expected.checkpointInterval())).orElse("none completed"))
                .append("; recovery budget ").append(promDuration(expected.budget())).append(" (").append(expected.budgetSource())
                .append(")\n");
        out.append("  savepoints:  ").append(savepoints.isEmpty() ? "none recorded" : savepoints.size() + ", newest "
                + savepoints.get(0).path() + " (" + promDuration(savepoints.get(0).age()) + " ago)").append('\n');
        out.append("  restarts:    ").append(restarts.map(String::valueOf).orElse("not reported")).append('\n');
        risks.forEach(r -> out.append("  ! ").append(r).append('\n'));
        return out.toString();
    }
}
