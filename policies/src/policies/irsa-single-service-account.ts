// Policy irsa-single-service-account.
import { ResourceValidationPolicy } from "@pulumi/policy";
import * as common from "../common";

export const irsaSingleServiceAccountPolicy: ResourceValidationPolicy = {
    name: "irsa-single-service-account",
    description: "An IAM role assumed with web identity (IRSA) is trusted by exactly one Kubernetes service account, for the STS audience.",
    enforcementLevel: "mandatory",
    validateResource: (args, report) => {
        if (args.type !== common.IAM_ROLE) {
            return;
        }
        const doc = common.policyDocument(args.props.assumeRolePolicy);
        if (!doc) {
            return;
        }
        common.asList<common.Props>(doc.Statement).filter(s => s.Effect === "Allow"
            && common.asList<string>(s.Action).includes("sts:AssumeRoleWithWebIdentity")).forEach(s => {
            const equals: common.Props = (s.Condition && s.Condition.StringEquals) || {};
            const like: common.Props = (s.Condition && s.Condition.StringLike) || {};
            const sub = Object.keys(equals).filter(k => k.endsWith(":sub"));
            const aud = Object.keys(equals).filter(k => k.endsWith(":aud"));
            const subValues = sub.flatMap(k => common.asList<string>(equals[k]));
            const role = args.name;
            if (Object.keys(like).some(k => k.endsWith(":sub"))) {
                report(`IAM role '${role}' matches its service account with StringLike; use StringEquals on ':sub' with `
                    + "exactly one 'system:serviceaccount:<namespace>:<name>'.");
            }
            if (subValues.length !== 1 || !/^system:serviceaccount:[a-z0-9-]+:[a-z0-9.-]+$/.test(subValues[0])) {
                report(`IAM role '${role}' trusts ${subValues.length === 0 ? "any service account" : `'${subValues.join("', '")}'`}; `
                    + "its trust policy must require StringEquals ':sub' = one 'system:serviceaccount:<namespace>:<name>'.");
            }
            if (aud.length !== 1 || common.asList<string>(equals[aud[0]]).join() !== "sts.amazonaws.com") {
                report(`IAM role '${role}' does not require the STS audience; add StringEquals ':aud' = 'sts.amazonaws.com'.`);
            }
        });
    },
};
