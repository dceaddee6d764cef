// Policy iam-kms-key-not-alias.
import { ResourceValidationPolicy } from "@pulumi/policy";
import * as common from "../common";

export const kmsKeyNotAliasPolicy: ResourceValidationPolicy = {
    name: "iam-kms-key-not-alias",
    description: "IAM statements grant KMS keys by key ARN: a statement whose Resource is a KMS alias applies to the alias only, "
        + "so every SSE-KMS write of HA metadata or a checkpoint would be denied.",
    enforcementLevel: "mandatory",
    validateResource: (args, report) => {
        for (const statement of common.iamStatements(args.type, args.props).flat()) {
            for (const resource of common.asList<string>(statement.Resource)) {
                if (typeof resource === "string" && resource.includes(":kms:") && resource.includes(":alias/")) {
                    report(`IAM policy of '${args.name}' names the KMS alias ${resource} in statement `
                        + `${statement.Sid ?? "(no Sid)"}; IAM applies it to the alias, not the key: grant the key's ARN.`);
                }
            }
        }
    },
};
