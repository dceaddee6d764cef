package io.flinkha.cluster;

import com.pulumi.core.Output;
import io.flinkha.validation.ArgsCheck;

import java.util.Optional;
import java.util.regex.Pattern;

/**
 * A cluster's IAM OIDC identity provider, which IAM roles for service accounts (IRSA) trust.
 *
 * @param providerArn         ARN of the IAM OIDC provider
 * @param issuerUrl           the cluster's issuer URL ({@code https://oidc.eks.<region>.amazonaws.com/id/<id>})
 * @param declaredProviderArn the ARN as written, when it is a plain value rather than another resource's output: the
 *                            checks and warnings that need its text read it
 */
public record OidcIdentity(Output<String> providerArn, Output<String> issuerUrl, Optional<String> declaredProviderArn) {
    /** An IAM OIDC provider's ARN. */
    public static final Pattern PROVIDER_ARN = Pattern.compile("arn:aws[a-z-]*:iam::\\d{12}:oidc-provider/[A-Za-z0-9./_-]+");

    /**
     * A provider known by outputs, e.g. those of the cluster that made it.
     *
     * @param providerArn ARN of the IAM OIDC provider
     * @param issuerUrl   the cluster's issuer URL
     */
    public OidcIdentity(Output<String> providerArn, Output<String> issuerUrl) {
        this(providerArn, issuerUrl, Optional.empty());
    }

    /**
     * A provider known by its ARN and issuer, e.g. an existing cluster's: both are checked.
     *
     * @param providerArn ARN of the IAM OIDC provider ({@code arn:aws:iam::<account>:oidc-provider/<issuer host and path>})
     * @param issuerUrl   the cluster's issuer URL ({@code https://...})
     * @return the identity
     * @throws IllegalArgumentException naming every problem
     */
    public static OidcIdentity declared(String providerArn, String issuerUrl) {
        ArgsCheck.of("OidcIdentity")
                .required("providerArn", providerArn, "expected the ARN of the cluster's IAM OIDC provider")
                .check(providerArn == null || PROVIDER_ARN.matcher(providerArn).matches(), "providerArn", providerArn,
                        "expected arn:aws:iam::<account>:oidc-provider/<issuer host and path>")
                .required("issuerUrl", issuerUrl, "expected the cluster's OIDC issuer URL (https://...)")
                .check(issuerUrl == null || issuerUrl.startsWith("https://"), "issuerUrl", issuerUrl, "expected an https:// issuer URL")
                .done();
        return new OidcIdentity(Output.of(providerArn), Output.of(issuerUrl), Optional.of(providerArn));
    }

    /** @return the issuer without its scheme, as IAM condition keys spell it ({@code <host>/id/<id>:sub}) */
    public Output<String> issuerHostPath() {
        return issuerUrl.applyValue(u -> u.replaceFirst("^https://", ""));
    }
}
