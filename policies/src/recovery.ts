// The recovery arithmetic the recovery-objective policy applies, the same as RecoveryModel's in Java:
// both are tested against the fixtures in test/fixtures/recovery/.
import { flinkConfiguration, Props } from "./common";

export const DURATION = /^\s*(\d+(?:\.\d+)?)\s*(ms|milli|millis|s|sec|secs|second|seconds|m|min|mins|minute|minutes|h|hour|hours|d|day|days)?\s*$/;

/** Milliseconds of a Flink duration (a bare number is milliseconds), or undefined. */
export function durationMs(text: string | undefined): number | undefined {
    const m = text === undefined ? null : DURATION.exec(String(text));
    if (!m) {
        return undefined;
    }
    const n = parseFloat(m[1]);
    const unit = m[2] || "ms";
    if (["ms", "milli", "millis"].includes(unit)) return n;
    if (["s", "sec", "secs", "second", "seconds"].includes(unit)) return n * 1000;
    if (["m", "min", "mins", "minute", "minutes"].includes(unit)) return n * 60000;
    if (["h", "hour", "hours"].includes(unit)) return n * 3600000;
    return n * 86400000;
}

/**
 * Worst case after losing the leading JobManager, recomputed from the deployment as rendered (so a
 * hand-edited setting counts): lease + retry + (a new pod without a standby) + first restart backoff + restore.
 */
export function jobManagerLossMs(props: Props, podStartupMs: number, restoreMs: number): number {
    const conf = flinkConfiguration(props);
    const lease = durationMs(conf["high-availability.kubernetes.leader-election.lease-duration"]) ?? 15000;
    const retry = durationMs(conf["high-availability.kubernetes.leader-election.retry-period"]) ?? 5000;
    const replicas = (props.spec.jobManager && props.spec.jobManager.replicas) || 1;
    // Flink accepts each strategy's name with and without the hyphen
    const strategy = String(conf["restart-strategy.type"] ?? "exponential-delay").replace(/-/g, "").toLowerCase();
    const restart = strategy === "fixeddelay"
        ? durationMs(conf["restart-strategy.fixed-delay.delay"]) ?? 1000
        : strategy === "failurerate"
            ? durationMs(conf["restart-strategy.failure-rate.delay"]) ?? 1000
            : Math.round((durationMs(conf["restart-strategy.exponential-delay.initial-backoff"]) ?? 1000)
                * (1 + parseFloat(conf["restart-strategy.exponential-delay.jitter-factor"] ?? "0.1")));
    return lease + retry + (replicas < 2 ? podStartupMs : 0) + restart + restoreMs;
}
