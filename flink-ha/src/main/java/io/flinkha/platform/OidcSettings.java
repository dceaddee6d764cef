package io.flinkha.platform;

/**
 * An existing cluster's IAM OIDC identity provider, which IRSA trusts.
 *
 * @param providerArn ARN of the IAM OIDC provider, e.g. {@code arn:aws:iam::111122223333:oidc-provider/oidc.eks...}
 * @param issuerUrl   the cluster's issuer URL, e.g. {@code https://oidc.eks.eu-west-1.amazonaws.com/id/ABC}
 */
public record OidcSettings(String providerArn, String issuerUrl) {
}
