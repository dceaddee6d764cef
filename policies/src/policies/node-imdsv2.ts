// Policy node-imdsv2.
import { ResourceValidationPolicy } from "@pulumi/policy";

const LAUNCH_TEMPLATE = "aws:ec2/launchTemplate:LaunchTemplate";
const NODE_GROUP = "aws:eks/nodeGroup:NodeGroup";

export const nodeImdsV2Policy: ResourceValidationPolicy = {
    name: "node-imdsv2",
    description: "EKS nodes answer instance metadata with IMDSv2 only and a hop limit of 1, so pods cannot take the node role's credentials.",
    enforcementLevel: "mandatory",
    validateResource: (args, report) => {
        if (args.type === NODE_GROUP && !args.props.launchTemplate) {
            report(`node group '${args.name}' has no launch template, so its nodes answer IMDSv1 with a hop limit pods can reach; `
                + "give it a launch template with metadataOptions httpTokens 'required' and httpPutResponseHopLimit 1 "
                + "(adding one later replaces the node group).");
        }
        if (args.type === LAUNCH_TEMPLATE) {
            const m = args.props.metadataOptions || {};
            if (m.httpTokens !== "required" || m.httpPutResponseHopLimit !== 1) {
                report(`launch template '${args.name}' has metadataOptions httpTokens ${JSON.stringify(m.httpTokens)} and `
                    + `httpPutResponseHopLimit ${JSON.stringify(m.httpPutResponseHopLimit)}; set 'required' and 1 so a pod whose `
                    + "web identity is missing fails instead of writing as the node role.");
            }
        }
    },
};
