// Policy eks-secrets-encryption.
import { ResourceValidationPolicy } from "@pulumi/policy";

const EKS_CLUSTER = "aws:eks/cluster:Cluster";

export const eksSecretsEncryptionPolicy: ResourceValidationPolicy = {
    name: "eks-secrets-encryption",
    description: "A production EKS cluster envelope-encrypts its Kubernetes secrets with a KMS key the account controls (rotation, audit, revocation).",
    enforcementLevel: "mandatory",
    validateResource: (args, report) => {
        if (args.type !== EKS_CLUSTER) {
            return;
        }
        const configs: any[] = Array.isArray(args.props.encryptionConfig) ? args.props.encryptionConfig
            : args.props.encryptionConfig ? [args.props.encryptionConfig] : [];
        // `in`, not a read: a key the stack creates is unknown during preview, and reading an unknown value skips the policy
        const secrets = configs.find(c => Array.isArray(c?.resources) && c.resources.includes("secrets")
            && c.provider instanceof Object && "keyArn" in c.provider);
        if (!secrets) {
            report(`EKS cluster '${args.name}' does not encrypt its secrets with a KMS key of the account: set encryptionConfig `
                + "{provider: {keyArn}, resources: [secrets]} (the platform's cluster.encryption, on in production). Adding it later "
                + "is done in place; removing it replaces the cluster.");
        }
    },
};
