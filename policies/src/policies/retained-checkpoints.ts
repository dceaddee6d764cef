// Policy retained-checkpoints.
import { ResourceValidationPolicy } from "@pulumi/policy";
import * as common from "../common";

export const retainedCheckpointsPolicy: ResourceValidationPolicy = {
    name: "retained-checkpoints",
    description: "Every FlinkDeployment keeps at least two completed checkpoints, so a corrupt latest checkpoint has a fallback.",
    enforcementLevel: "mandatory",
    validateResource: common.forFlinkDeployments((props, args, report) => {
        const conf = common.flinkConfiguration(props);
        // Flink 1.20 reads the 1.19 name as a fallback; Flink keeps one when neither is set
        const value = conf["execution.checkpointing.num-retained"] ?? conf["state.checkpoints.num-retained"] ?? "1";
        const retained = Number.parseInt(value, 10);
        if (!(retained >= 2)) {
            report(`FlinkDeployment '${common.nameOf(props, args.name)}' keeps ${value} completed checkpoint(s); keep at least 2 `
                + "(state.checkpoints.num-retained, the job setting retainedCheckpoints) so a corrupt latest checkpoint leaves one to restore from.");
        }
    }),
};
