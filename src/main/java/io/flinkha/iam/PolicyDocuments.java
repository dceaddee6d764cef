package io.flinkha.iam;

import com.google.gson.GsonBuilder;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * IAM policy documents built as data and rendered to JSON, so no policy is ever assembled by
 * string concatenation.
 */
public final class PolicyDocuments {
    private PolicyDocuments() {
    }

    /** Renders statements as a policy document (version 2012-10-17). */
    public static String document(List<Map<String, Object>> statements) {
        Map<String, Object> doc = new LinkedHashMap<>();
        doc.put("Version", "2012-10-17");
        doc.put("Statement", statements);
        return new GsonBuilder().disableHtmlEscaping().create().toJson(doc);
    }

    /** A statement; {@code extra} holds Principal, Condition and the like. */
    public static Map<String, Object> statement(String sid, String effect, Object actions, Object resources, Map<String, Object> extra) {
        Map<String, Object> s = new LinkedHashMap<>();
        s.put("Sid", sid);
        s.put("Effect", effect);
        s.putAll(extra);
        s.put("Action", actions);
        if (resources != null) {
            s.put("Resource", resources);
        }
        return s;
    }

    /** Trust policy that lets an AWS service (e.g. {@code eks.amazonaws.com}) assume a role. */
    public static String serviceTrust(String service) {
        return document(List.of(statement("AllowServiceToAssume", "Allow", "sts:AssumeRole", null,
                Map.of("Principal", Map.of("Service", service)))));
    }

    /**
     * IRSA trust: only one Kubernetes service account, through the cluster's OIDC provider, for the STS audience.
     *
     * @param oidcProviderArn  the IAM OIDC provider's ARN
     * @param issuerHostPath   the issuer without {@code https://}
     * @param namespace        the service account's namespace
     * @param serviceAccount   the service account's name
     */
    public static String irsaTrust(String oidcProviderArn, String issuerHostPath, String namespace, String serviceAccount) {
        Map<String, Object> condition = new LinkedHashMap<>();
        condition.put(issuerHostPath + ":sub", "system:serviceaccount:" + namespace + ":" + serviceAccount);
        condition.put(issuerHostPath + ":aud", "sts.amazonaws.com");
        return document(List.of(statement("AllowOneServiceAccount", "Allow", "sts:AssumeRoleWithWebIdentity", null,
                Map.of("Principal", Map.of("Federated", oidcProviderArn),
                        "Condition", Map.of("StringEquals", condition)))));
    }
}
