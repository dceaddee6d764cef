package io.flinkha.flink.crd;

import java.util.Arrays;
import java.util.Optional;

/**
 * How the Flink operator carries a job's state across upgrades ({@code spec.job.upgradeMode}).
 *
 * @see <a href="https://nightlies.apache.org/flink/flink-kubernetes-operator-docs-release-1.10/docs/custom-resource/job-management/">Operator job management</a>
 */
public enum UpgradeMode {
    /** Starts from empty state on every upgrade. */
    STATELESS("stateless"),
    /** Takes a savepoint before the upgrade and resumes from it; needs a savepoint directory. */
    SAVEPOINT("savepoint"),
    /** Resumes from the latest checkpoint recorded in the HA metadata; needs HA and a checkpoint directory. */
    LAST_STATE("last-state");

    private final String value;

    UpgradeMode(String value) {
        this.value = value;
    }

    /** @return the value the FlinkDeployment CRD takes */
    public String value() {
        return value;
    }

    /** @return true when the operator must find checkpoints (and, for savepoint, a savepoint dir) to upgrade */
    public boolean keepsState() {
        return this != STATELESS;
    }

    /**
     * @param value the CRD's spelling, e.g. {@code last-state}
     * @return the mode, or empty when the CRD has no such value
     */
    public static Optional<UpgradeMode> fromValue(String value) {
        return Arrays.stream(values()).filter(m -> m.value.equals(value)).findFirst();
    }
}
