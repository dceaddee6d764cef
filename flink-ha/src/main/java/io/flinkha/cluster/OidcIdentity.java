package io.flinkha.cluster;

import com.pulumi.core.Output;

/**
 * A cluster's IAM OIDC identity provider, which IAM roles for service accounts (IRSA) trust.
 *
 * @param providerArn ARN of the IAM OIDC provider
 * @param issuerUrl   the cluster's issuer URL ({@code https://oidc.eks.<region>.amazonaws.com/id/<id>})
 */
public record OidcIdentity(Output<String> providerArn, Output<String> issuerUrl) {

    /** @return the issuer without its scheme, as IAM condition keys spell it ({@code <host>/id/<id>:sub}) */
    public Output<String> issuerHostPath() {
        return issuerUrl.applyValue(u -> u.replaceFirst("^https://", ""));
    }
}
