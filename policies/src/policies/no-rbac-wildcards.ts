// Policy no-rbac-wildcards.
import { ResourceValidationPolicy } from "@pulumi/policy";
import * as common from "../common";

export const noRbacWildcardsPolicy: ResourceValidationPolicy = {
    name: "no-rbac-wildcards",
    description: "No Role or ClusterRole grants '*' verbs, resources or API groups.",
    enforcementLevel: "mandatory",
    validateResource: (args, report) => {
        if (args.type !== common.ROLE && args.type !== common.CLUSTER_ROLE) {
            return;
        }
        const rules: common.Props[] = args.props.rules || [];
        rules.forEach((rule, i) => {
            for (const field of ["verbs", "resources", "apiGroups"]) {
                if ((rule[field] || []).includes("*")) {
                    report(`${args.type.split(":").pop()} '${common.nameOf(args.props, args.name)}' rule ${i} grants '*' ${field}; `
                        + `list the exact ${field} needed (Flink needs ${common.CONFIGMAP_VERBS.join(", ")} on configmaps).`);
                }
            }
        });
    },
};

