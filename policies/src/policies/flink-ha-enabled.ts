// Policy flink-ha-enabled.
import { ResourceValidationPolicy } from "@pulumi/policy";
import * as common from "../common";

export const haEnabledPolicy: ResourceValidationPolicy = {
    name: "flink-ha-enabled",
    description: "Every FlinkDeployment runs Flink's Kubernetes HA, so a new JobManager resumes the job from its last checkpoint.",
    enforcementLevel: "mandatory",
    validateResource: common.forFlinkDeployments((props, args, report) => {
        const conf = common.flinkConfiguration(props);
        if (!common.haEnabled(conf)) {
            const value = conf["high-availability.type"] ?? conf["high-availability"];
            report(`FlinkDeployment '${common.nameOf(props, args.name)}' has high-availability.type `
                + `${value === undefined ? "unset" : `'${value}'`}; set it to 'kubernetes' (and high-availability.storageDir) `
                + "so a restarted JobManager recovers the job instead of losing it.");
        }
    }),
};
