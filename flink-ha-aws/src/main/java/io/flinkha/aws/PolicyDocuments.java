package io.flinkha.aws;

import com.google.gson.GsonBuilder;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * IAM policy documents built as data and rendered to JSON, so no policy is ever assembled by
 * string concatenation.
 */
public final class PolicyDocuments {
    private PolicyDocuments() {
    }

    /**
     * Renders statements as a policy document (version 2012-10-17).
     *
     * @param statements the statements, from {@link #statement}
     * @return the document as JSON
     */
    public static String document(List<Map<String, Object>> statements) {
        refusePrefixOnlyListBucket(statements);
        Map<String, Object> doc = new LinkedHashMap<>();
        doc.put("Version", "2012-10-17");
        doc.put("Statement", statements);
        return new GsonBuilder().disableHtmlEscaping().create().toJson(doc);
    }

    /**
     * A statement with its keys in IAM's usual order; {@code extra} holds Principal and Condition.
     * Every nested map is sorted, so the same policy always renders to the same text (and a preview
     * never shows a diff that is only a reordering).
     *
     * @param sid       the statement id
     * @param effect    {@code Allow} or {@code Deny}
     * @param actions   one action or a list
     * @param resources one resource ARN or a list, or null; never a KMS alias
     * @param extra     {@code Principal}, {@code Condition} and any other keys
     * @return the statement
     * @throws IllegalArgumentException when a resource is a KMS alias
     */
    public static Map<String, Object> statement(String sid, String effect, Object actions, Object resources, Map<String, Object> extra) {
        Map<String, Object> s = new LinkedHashMap<>();
        s.put("Sid", sid);
        s.put("Effect", effect);
        if (extra.containsKey("Principal")) {
            s.put("Principal", sorted(extra.get("Principal")));
        }
        s.put("Action", actions);
        if (resources != null) {
            refuseKmsAliases(sid, resources);
            s.put("Resource", resources);
        }
        if (extra.containsKey("Condition")) {
            s.put("Condition", sorted(extra.get("Condition")));
        }
        extra.keySet().stream().filter(k -> !k.equals("Principal") && !k.equals("Condition")).sorted()
                .forEach(k -> s.put(k, sorted(extra.get(k))));
        return s;
    }

    /**
     * IAM applies a statement whose resource is a KMS alias to the alias, not to the key behind it, so a
     * grant written that way denies every encrypt and decrypt it was meant to allow.
     */
    static void refuseKmsAliases(String sid, Object resources) {
        List<?> all = resources instanceof List<?> l ? l : List.of(resources);
        for (Object r : all) {
            if (r instanceof String arn && arn.contains(":kms:") && arn.contains(":alias/")) {
                throw new IllegalArgumentException("IAM statement " + sid + " names the KMS alias " + arn + " as a resource; IAM "
                        + "applies it to the alias only, not to the key, so grant the key's ARN (arn:aws:kms:<region>:<account>:key/<id>)");
            }
        }
    }

    /**
     * A document that lets its role list a bucket only under an {@code s3:prefix} condition is refused: a HEAD of a missing
     * key carries no prefix, so S3 answers it with 403 instead of 404, and Flink's S3 filesystems (which check that a file
     * does not exist before they create it) fail on the first HA or checkpoint write.
     *
     * @param statements a document's statements
     * @throws IllegalArgumentException naming the statement and the bucket
     */
    static void refusePrefixOnlyListBucket(List<Map<String, Object>> statements) {
        java.util.Set<Object> listed = new java.util.HashSet<>();
        List<Map<String, Object>> conditioned = new java.util.ArrayList<>();
        for (Map<String, Object> s : statements) {
            List<?> actions = s.get("Action") instanceof List<?> l ? l : List.of(String.valueOf(s.get("Action")));
            if (!"Allow".equals(s.get("Effect")) || !actions.contains("s3:ListBucket")) {
                continue;
            }
            if (String.valueOf(s.get("Condition")).contains("s3:prefix")) {
                conditioned.add(s);
            } else {
                listed.addAll(s.get("Resource") instanceof List<?> r ? r : List.of(String.valueOf(s.get("Resource"))));
            }
        }
        for (Map<String, Object> s : conditioned) {
            if (!listed.contains(s.get("Resource"))) {
                throw new IllegalArgumentException("IAM statement " + s.get("Sid") + " allows s3:ListBucket on " + s.get("Resource")
                        + " only under an s3:prefix condition; a HEAD of a missing key carries no prefix, so S3 answers 403 instead "
                        + "of 404 and Flink's S3 filesystems fail their exists-check before every create: grant s3:ListBucket on "
                        + "the bucket without the condition");
            }
        }
    }

    /**
     * Deep copy with every map's keys sorted.
     *
     * @param value a map, a list or a plain value
     * @return the copy
     */
    @SuppressWarnings("unchecked")
    public static Object sorted(Object value) {
        if (value instanceof Map<?, ?> m) {
            Map<String, Object> out = new TreeMap<>();
            ((Map<String, Object>) m).forEach((k, v) -> out.put(k, sorted(v)));
            return out;
        }
        if (value instanceof List<?> l) {
            return l.stream().map(PolicyDocuments::sorted).toList();
        }
        return value;
    }

    /**
     * Trust policy that lets an AWS service assume a role.
     *
     * @param service the service principal, e.g. {@code eks.amazonaws.com}
     * @return the trust policy
     */
    public static String serviceTrust(String service) {
        return document(List.of(statement("AllowServiceToAssume", "Allow", "sts:AssumeRole", null,
                Map.of("Principal", Map.of("Service", service)))));
    }

    /**
     * EKS Pod Identity trust: the EKS Auth service assumes the role, and tags the session with the cluster, namespace
     * and service account; which account gets the role is decided by the cluster's pod identity association.
     *
     * @return the trust policy
     */
    public static String podIdentityTrust() {
        return document(List.of(statement("AllowEksPodIdentity", "Allow", List.of("sts:AssumeRole", "sts:TagSession"), null,
                Map.of("Principal", Map.of("Service", "pods.eks.amazonaws.com")))));
    }

    /**
     * IRSA trust: only one Kubernetes service account, through the cluster's OIDC provider, for the STS audience.
     *
     * @param oidcProviderArn  the IAM OIDC provider's ARN
     * @param issuerHostPath   the issuer without {@code https://}
     * @param namespace        the service account's namespace
     * @param serviceAccount   the service account's name
     * @return the trust policy
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
