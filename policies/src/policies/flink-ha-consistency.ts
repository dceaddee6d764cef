// Policy flink-ha-consistency.
import { ResourceValidationPolicy } from "@pulumi/policy";
import * as common from "../common";

export const haConsistencyPolicy: ResourceValidationPolicy = {
    name: "flink-ha-consistency",
    description: "Standby JobManagers and last-state upgrades need HA; last-state and savepoint upgrades need checkpoint and savepoint directories.",
    enforcementLevel: "mandatory",
    validateResource: common.forFlinkDeployments((props, args, report) => {
        const conf = common.flinkConfiguration(props);
        const ha = common.haEnabled(conf);
        const operator = common.operatorOf(props);
        const dirs = common.operatorStateDirs(conf, operator);
        const reads = `operator ${operator} reads configuration with Flink ${common.OPERATOR_FLINK[operator] ?? "of its own"}`;
        const old = operator === "1.10.0";
        const name = common.nameOf(props, args.name);
        const replicas = (props.spec.jobManager && props.spec.jobManager.replicas) || 1;
        const mode = props.spec.job && props.spec.job.upgradeMode;
        if (replicas > 1 && !ha) {
            report(`FlinkDeployment '${name}' runs ${replicas} JobManagers without HA; standby JobManagers need `
                + "high-availability.type: kubernetes, or set jobManager.replicas to 1.");
        }
        if (mode === "last-state" && !ha) {
            report(`FlinkDeployment '${name}' uses upgradeMode last-state without HA; last-state resumes from HA metadata, `
                + "so turn HA on or use upgradeMode savepoint.");
        }
        if ((mode === "last-state" || mode === "savepoint") && !dirs.checkpoints) {
            report(`FlinkDeployment '${name}' uses upgradeMode ${mode} without a checkpoint directory the operator reads; `
                + (old ? `set state.checkpoints.dir (${reads} and refuses a deployment with only execution.checkpointing.dir; `
                    + "Flink 1.20 images read state.checkpoints.dir too)." : `set execution.checkpointing.dir (${reads}).`));
        }
        if (mode === "savepoint" && !dirs.savepoints) {
            report(`FlinkDeployment '${name}' uses upgradeMode savepoint without a savepoint directory the operator reads; `
                + (old ? `set state.savepoints.dir (${reads} and refuses a deployment with only execution.checkpointing.savepoint-dir; `
                    + "Flink 1.20 images read state.savepoints.dir too)." : `set execution.checkpointing.savepoint-dir (${reads}).`));
        }
    }),
};
