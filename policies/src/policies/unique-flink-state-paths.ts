// Policy unique-flink-state-paths.
import { PolicyResource, StackValidationPolicy } from "@pulumi/policy";
import * as common from "../common";

export const uniqueStatePathsPolicy: StackValidationPolicy = {
    name: "unique-flink-state-paths",
    description: "No two FlinkDeployments share an HA storage or checkpoint path prefix, so one job can never recover another's state.",
    enforcementLevel: "mandatory",
    validateStack: (args, report) => {
        const paths: { deployment: PolicyResource; kind: string; path: string }[] = [];
        for (const d of common.flinkDeployments(args)) {
            const dirs = common.stateDirs(common.flinkConfiguration(d.props));
            for (const kind of ["ha", "checkpoints"] as const) {
                const p = dirs[kind];
                if (p) {
                    paths.push({ deployment: d, kind, path: common.withSlash(p) });
                }
            }
        }
        for (let i = 0; i < paths.length; i++) {
            for (let j = i + 1; j < paths.length; j++) {
                const a = paths[i];
                const b = paths[j];
                if (a.deployment.urn !== b.deployment.urn && (a.path.startsWith(b.path) || b.path.startsWith(a.path))) {
                    report(`FlinkDeployments '${common.nameOf(a.deployment.props, a.deployment.name)}' (${a.kind} ${a.path}) and `
                        + `'${common.nameOf(b.deployment.props, b.deployment.name)}' (${b.kind} ${b.path}) share a state path prefix; `
                        + "give each deployment its own directory (<env>/<namespace>/<deployment>).", b.deployment.urn);
                }
            }
        }
    },
};

