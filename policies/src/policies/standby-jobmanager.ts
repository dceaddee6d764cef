// Policy standby-jobmanager.
import { ResourceValidationPolicy } from "@pulumi/policy";
import * as common from "../common";

export const standbyJobManagerPolicy: ResourceValidationPolicy = {
    name: "standby-jobmanager",
    description: "Production jobs keep a standby JobManager (jobManager.replicas >= 2), so failover does not wait for a new pod.",
    enforcementLevel: "advisory",
    validateResource: common.forFlinkDeployments((props, args, report) => {
        const replicas = (props.spec.jobManager && props.spec.jobManager.replicas) || 1;
        if (replicas < 2) {
            report(`FlinkDeployment '${common.nameOf(props, args.name)}' runs ${replicas} JobManager; run 2 so a standby takes over at once.`);
        }
    }),
};
