// Policy s3-list-bucket.
import { ResourceValidationPolicy } from "@pulumi/policy";
import * as common from "../common";

/**
 * A role that may write objects of a bucket but list it only under an s3:prefix condition gets 403, not 404, for a HEAD
 * of a missing key (such a HEAD carries no prefix). Flink's S3 filesystems check that a file does not exist before they
 * create it, and Presto takes that 403 as fatal, so the first HA or checkpoint write fails.
 */
export const s3ListBucketPolicy: ResourceValidationPolicy = {
    name: "s3-list-bucket",
    description: "A role that writes Flink state to a bucket may list that bucket without an s3:prefix condition: S3 answers a "
        + "missing key with 404 only to a caller that may list, and a HEAD carries no prefix, so a prefix-only grant makes "
        + "Flink's exists-check before every create fail with 403.",
    enforcementLevel: "mandatory",
    validateResource: (args, report) => {
        // per document: the unconditioned list a role needs is in the same policy as its object grant
        for (const statements of common.iamStatements(args.type, args.props)) {
            const allows = statements.filter(s => s.Effect === "Allow");
            const actions = (s: common.Props) => common.asList<string>(s.Action);
            const listed = new Set(allows.filter(s => actions(s).includes("s3:ListBucket") && !JSON.stringify(s.Condition ?? {}).includes("s3:prefix"))
                .flatMap(s => common.asList<string>(s.Resource)));
            const written = allows.filter(s => actions(s).includes("s3:PutObject")).flatMap(s => common.asList<string>(s.Resource))
                .map(r => r.split("/")[0]);
            for (const s of allows.filter(x => actions(x).includes("s3:ListBucket") && JSON.stringify(x.Condition ?? {}).includes("s3:prefix"))) {
                for (const bucket of common.asList<string>(s.Resource).filter(b => written.includes(b) && !listed.has(b))) {
                    report(`IAM policy of '${args.name}' lets its role write ${bucket} but list it only under an s3:prefix condition `
                        + `(statement ${s.Sid ?? "(no Sid)"}): S3 answers a HEAD of a missing key with 403, and Flink's S3 filesystems `
                        + "fail their exists-check before every create. Grant s3:ListBucket on the bucket without the condition.");
                }
            }
        }
    },
};
