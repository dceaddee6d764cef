package io.flinkha.aws;

import java.util.Optional;
import java.util.regex.Pattern;

/**
 * What a KMS key ARN looks like, for every setting that names a key (the state bucket's, the EKS control plane's). An
 * alias ARN names the alias, not the key: IAM applies a statement that names it to the alias only, so each caller refuses
 * one and says why in its own terms.
 */
public final class KmsKeys {
    /** A KMS key ARN: {@code arn:aws:kms:<region>:<account>:key/<key id>}. */
    public static final Pattern ARN = Pattern.compile("arn:aws[a-z-]*:kms:[a-z0-9-]+:\\d{12}:key/[A-Za-z0-9-]+");

    private KmsKeys() {
    }

    /**
     * @param arn           a value that should name a key
     * @param whyNotAnAlias what goes wrong with an alias where this key is used
     * @return what is wrong with it, if anything
     */
    public static Optional<String> problem(String arn, String whyNotAnAlias) {
        if (ARN.matcher(arn).matches()) {
            return Optional.empty();
        }
        if (arn.contains(":alias/")) {
            return Optional.of("expected the key's ARN (arn:aws:kms:<region>:<account>:key/<key id>), not an alias: " + whyNotAnAlias
                    + "; find the key with `aws kms describe-key --key-id " + arn + " --query KeyMetadata.Arn`");
        }
        return Optional.of("expected a KMS key ARN such as arn:aws:kms:eu-west-1:111122223333:key/1234abcd-12ab-34cd-56ef-1234567890ab");
    }

    /**
     * @param arn a key's ARN ({@link #ARN})
     * @return the region it lives in
     */
    public static String region(String arn) {
        return arn.split(":")[3];
    }
}
