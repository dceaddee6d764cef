// Policy iam-kms-key-not-alias.
import { ResourceValidationPolicy } from "@pulumi/policy";
import * as common from "../common";

const IAM_POLICY_DOCUMENTS: Record<string, (props: common.Props) => unknown[]> = {
    "aws:iam/rolePolicy:RolePolicy": props => [props.policy],
    "aws:iam/policy:Policy": props => [props.policy],
    [common.IAM_ROLE]: props => common.asList<common.Props>(props.inlinePolicies).map(p => p.policy),
};

export const kmsKeyNotAliasPolicy: ResourceValidationPolicy = {
    name: "iam-kms-key-not-alias",
    description: "IAM statements grant KMS keys by key ARN: a statement whose Resource is a KMS alias applies to the alias only, "
        + "so every SSE-KMS write of HA metadata or a checkpoint would be denied.",
    enforcementLevel: "mandatory",
    validateResource: (args, report) => {
        const documents = IAM_POLICY_DOCUMENTS[args.type];
        if (!documents) {
            return;
        }
        for (const text of documents(args.props)) {
            const doc = common.policyDocument(text);
            if (!doc) {
                continue;
            }
            for (const statement of common.asList<common.Props>(doc.Statement)) {
                for (const resource of common.asList<string>(statement.Resource)) {
                    if (typeof resource === "string" && resource.includes(":kms:") && resource.includes(":alias/")) {
                        report(`IAM policy of '${args.name}' names the KMS alias ${resource} in statement `
                            + `${statement.Sid ?? "(no Sid)"}; IAM applies it to the alias, not the key: grant the key's ARN.`);
                    }
                }
            }
        }
    },
};
