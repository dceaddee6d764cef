// Policy recovery-objective.
import { ResourceValidationPolicy } from "@pulumi/policy";
import * as common from "../common";
import { jobManagerLossMs } from "../recovery";

/** The annotation with the recovery figures as JSON (HaFlinkDeployment.RECOVERY_ANNOTATION). */
export const RECOVERY_ANNOTATION = "flink-ha.io/recovery";

interface RecoveryFigures {
    objectiveMs?: number;
    podStartupMs: number;
    restoreTimeMs: number;
}

export const recoveryObjectivePolicy: ResourceValidationPolicy = {
    name: "recovery-objective",
    description: "A FlinkDeployment that declares a recovery objective (objectiveMs in annotation flink-ha.io/recovery) is configured so "
        + "that its worst case after losing its JobManager stays within it.",
    enforcementLevel: "mandatory",
    validateResource: common.forFlinkDeployments((props, args, report) => {
        const annotations: common.Props = (props.metadata && props.metadata.annotations) || {};
        const text = annotations[RECOVERY_ANNOTATION];
        if (text === undefined) {
            return;
        }
        let figures: RecoveryFigures;
        try {
            figures = JSON.parse(String(text));
        } catch {
            report(`FlinkDeployment '${common.nameOf(props, args.name)}' has an annotation ${RECOVERY_ANNOTATION} that is not JSON.`);
            return;
        }
        if (figures.objectiveMs === undefined) {
            return;
        }
        // recomputed from the rendered settings, so a hand-edited lease counts
        const worst = jobManagerLossMs(props, figures.podStartupMs, figures.restoreTimeMs);
        if (worst > figures.objectiveMs) {
            report(`FlinkDeployment '${common.nameOf(props, args.name)}' recovers in up to ${worst / 1000}s after losing its JobManager, above its `
                + `objective of ${figures.objectiveMs / 1000}s; lower the leader-election lease and retry period, run 2 JobManagers, or raise the objective.`);
        }
    }),
};
