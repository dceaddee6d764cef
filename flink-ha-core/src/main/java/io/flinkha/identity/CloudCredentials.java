package io.flinkha.identity;

/** How a Flink service account's pods get the credentials of its cloud role, which decides how a filesystem client finds them. */
public enum CloudCredentials {
    /** No cloud role: the cluster has neither an OIDC provider nor the Pod Identity agent. */
    NONE,
    /** IRSA: a projected web-identity token and the role's ARN in the environment ({@code AWS_WEB_IDENTITY_TOKEN_FILE}). */
    IRSA,
    /** EKS Pod Identity: the agent's endpoint and a token file ({@code AWS_CONTAINER_CREDENTIALS_FULL_URI}). */
    POD_IDENTITY
}
