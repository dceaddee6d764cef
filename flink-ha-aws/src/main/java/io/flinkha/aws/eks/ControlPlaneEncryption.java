package io.flinkha.aws.eks;

import io.flinkha.aws.KmsKeys;

import java.util.Optional;

/**
 * The KMS key an EKS control plane envelope-encrypts its Kubernetes secrets and its CloudWatch log group with: one the
 * stack creates (rotated yearly, protected), or one given by ARN.
 *
 * <p>EKS (1.28 and later) already encrypts all API data with a key AWS owns; a key of the stack's own adds what a security
 * review asks of it: rotation the account controls, every use in CloudTrail, and the power to revoke. Once a cluster
 * encrypts its secrets it cannot stop: removing the encryption makes the AWS provider replace the cluster, and a cluster
 * cannot move to another key (terraform-provider-aws {@code internal/service/eks/cluster.go}: a first
 * {@code encryption_config} is associated in place, its removal forces a new cluster, a changed key is not updated).
 *
 * @param kmsKeyArn the key to use; empty for one the stack creates
 */
public record ControlPlaneEncryption(Optional<String> kmsKeyArn) {
    /**
     * @param kmsKeyArn the key to use, or empty for one the stack creates
     * @throws IllegalArgumentException naming a value that is not a key's ARN
     */
    public ControlPlaneEncryption {
        kmsKeyArn = kmsKeyArn == null ? Optional.empty() : kmsKeyArn;
        io.flinkha.validation.ArgsCheck.of("ControlPlaneEncryption")
                .problem("kmsKeyArn", kmsKeyArn.orElse(null), kmsKeyArn.flatMap(arn -> KmsKeys.problem(arn,
                        "the cluster role's grant and the key policy name the key, and EKS keeps the ARN it is given")))
                .done();
    }

    /** @return encryption with a key the stack creates */
    public static ControlPlaneEncryption stackKey() {
        return new ControlPlaneEncryption(Optional.empty());
    }

    /**
     * @param kmsKeyArn a symmetric key in the cluster's region, whose policy lets the cluster's role and
     *                  {@code logs.<region>.amazonaws.com} use it
     * @return encryption with that key
     */
    public static ControlPlaneEncryption withKey(String kmsKeyArn) {
        return new ControlPlaneEncryption(Optional.ofNullable(kmsKeyArn));
    }

    /** @return the region of a given key, which must be the cluster's */
    public Optional<String> keyRegion() {
        return kmsKeyArn.map(KmsKeys::region);
    }
}
