// Policy flink-state-bucket-security.
import { StackValidationArgs, StackValidationPolicy } from "@pulumi/policy";
import * as common from "../common";

function bucketsOfFlinkState(args: StackValidationArgs): Set<string> {
    const names = new Set<string>();
    for (const d of common.flinkDeployments(args)) {
        for (const p of Object.values(common.stateDirs(common.flinkConfiguration(d.props)))) {
            const m = /^s3[ap]?:\/\/([^/]+)/.exec(p || "");
            if (m) {
                names.add(m[1]);
            }
        }
    }
    for (const b of args.resources.filter(r => common.BUCKETS.includes(r.type))) {
        if (b.props.tags && b.props.tags["app.kubernetes.io/part-of"] === "flink-ha" && b.props.bucket) {
            names.add(b.props.bucket);
        }
    }
    return names;
}

function deniesInsecureTransport(policy: any): boolean {
    const doc = common.policyDocument(policy);
    return !!doc && common.asList<common.Props>(doc.Statement).some(s => s.Effect === "Deny" && s.Condition && s.Condition.Bool
        && String(s.Condition.Bool["aws:SecureTransport"]) === "false");
}

export const stateBucketSecurityPolicy: StackValidationPolicy = {
    name: "flink-state-bucket-security",
    description: "Buckets that hold Flink state have versioning, server-side encryption, all four public-access blocks and a TLS-only policy.",
    enforcementLevel: "mandatory",
    validateStack: (args, report) => {
        const of = (type: string, bucket: string) => args.resources.filter(r => r.type === type && r.props.bucket === bucket);
        for (const bucket of bucketsOfFlinkState(args)) {
            const declared = args.resources.find(r => common.BUCKETS.includes(r.type) && r.props.bucket === bucket);
            if (!declared) {
                continue;
            }
            const missing: string[] = [];
            const inlineVersioning = declared.props.versioning && declared.props.versioning.enabled === true;
            if (!inlineVersioning && !of("aws:s3/bucketVersioningV2:BucketVersioningV2", bucket).some(v =>
                v.props.versioningConfiguration && v.props.versioningConfiguration.status === "Enabled")) {
                missing.push("versioning (BucketVersioningV2 with status Enabled)");
            }
            if (!declared.props.serverSideEncryptionConfiguration
                && of("aws:s3/bucketServerSideEncryptionConfigurationV2:BucketServerSideEncryptionConfigurationV2", bucket).length === 0) {
                missing.push("server-side encryption");
            }
            const blocks = of("aws:s3/bucketPublicAccessBlock:BucketPublicAccessBlock", bucket);
            if (!blocks.some(b => ["blockPublicAcls", "blockPublicPolicy", "ignorePublicAcls", "restrictPublicBuckets"]
                .every(f => b.props[f] === true))) {
                missing.push("all four public-access blocks");
            }
            if (!of("aws:s3/bucketPolicy:BucketPolicy", bucket).some(p => deniesInsecureTransport(p.props.policy))) {
                missing.push("a bucket policy denying requests without TLS (aws:SecureTransport false)");
            }
            if (missing.length > 0) {
                report(`Bucket '${bucket}' holds Flink state but lacks ${missing.join(", ")}.`, declared.urn);
            }
        }
    },
};
