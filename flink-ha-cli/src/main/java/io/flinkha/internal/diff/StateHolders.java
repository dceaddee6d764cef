package io.flinkha.internal.diff;

import io.fabric8.kubernetes.api.model.Quantity;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.TreeMap;

import static io.flinkha.internal.diff.StateSafety.inputs;
import static io.flinkha.internal.diff.StateSafety.section;

/**
 * Which resources that hold the jobs' state a change would replace. A claim's HA data lives on the volume bound to it: the
 * Kubernetes provider replaces a claim (delete, then create, since it has a fixed name) when one of
 * {@link #CLAIM_REPLACE_FIELDS} changes (its {@code forceNew} list for core/v1 PersistentVolumeClaim in
 * {@code provider/pkg/provider/diff.go} at v4.24.0, the plugin every cluster provider pins), and the new claim binds a
 * new, empty volume. The API server refuses to shrink a claim, so a smaller size can only go through as a new claim too.
 */
final class StateHolders {
    static final String CLAIM = "kubernetes:core/v1:PersistentVolumeClaim";
    /** The claim's fields whose change makes the provider replace it; the selector's fields count as the selector. */
    static final List<String> CLAIM_REPLACE_FIELDS = List.of("accessModes", "selector", "storageClassName", "volumeName");

    private StateHolders() {
    }

    /**
     * @param before the base plan's resources, by URN
     * @param after  the head plan's resources, by URN
     * @return for each claim the change replaces or cannot apply, by {@code <namespace>/<name>} of the base's claim, why
     */
    static Map<String, String> replacedClaims(Map<String, Map<String, Object>> before, Map<String, Map<String, Object>> after) {
        Map<String, String> out = new TreeMap<>();
        before.forEach((urn, state) -> {
            if (!CLAIM.equals(state.get("type")) || !after.containsKey(urn)) {
                return;
            }
            Map<String, Object> was = inputs(state);
            Map<String, Object> now = inputs(after.get(urn));
            List<String> why = new ArrayList<>();
            for (String field : CLAIM_REPLACE_FIELDS) {
                Object a = section(was, "spec").get(field);
                Object b = section(now, "spec").get(field);
                if (!Objects.equals(a, b)) {
                    why.add("spec." + field + " " + a + " -> " + b);
                }
            }
            for (String field : List.of("name", "namespace")) {
                if (!Objects.equals(section(was, "metadata").get(field), section(now, "metadata").get(field))) {
                    why.add("metadata." + field + " " + section(was, "metadata").get(field) + " -> " + section(now, "metadata").get(field));
                }
            }
            String oldSize = size(was);
            String newSize = size(now);
            if (bytes(oldSize) != null && bytes(newSize) != null && bytes(newSize).compareTo(bytes(oldSize)) < 0) {
                why.add("size " + oldSize + " -> " + newSize + " (the API server refuses to shrink a claim)");
            }
            if (!why.isEmpty()) {
                out.put(id(was), "its HA storage claim " + id(was) + " is replaced (" + String.join(", ", why) + "): the Kubernetes "
                        + "provider replaces a claim when its accessModes, selector, storageClassName or volumeName change, and the "
                        + "new claim binds a new, empty volume");
            }
        });
        return out;
    }

    static final String EKS_CLUSTER = "aws:eks/cluster:Cluster";
    /**
     * The EKS cluster's inputs whose change makes the AWS provider replace it: its {@code ForceNew} fields in
     * terraform-provider-aws {@code internal/service/eks/cluster.go} (v5, which pulumi-aws 6.83.0 bridges), and the
     * removal of {@code encryptionConfig} (a {@code ForceNewIfChange}: EKS cannot turn secrets encryption off). Subnets,
     * security groups, endpoint access, logging and a first encryption config are updated in place.
     */
    static final List<String> CLUSTER_REPLACE_FIELDS = List.of("name", "roleArn", "bootstrapSelfManagedAddons",
            "accessConfig.bootstrapClusterCreatorAdminPermissions", "kubernetesNetworkConfig.ipFamily",
            "kubernetesNetworkConfig.serviceIpv4Cidr", "remoteNetworkConfig", "outpostConfig.controlPlaneInstanceType");

    /**
     * @param was the cluster's inputs in the base plan
     * @param now its inputs in the head plan
     * @return why the AWS provider replaces the cluster (a new, empty control plane: every HA ConfigMap, and with it each
     *         job's pointer to its latest checkpoint, is gone), empty when it updates it in place
     */
    static List<String> clusterReplaced(Map<String, Object> was, Map<String, Object> now) {
        List<String> why = new ArrayList<>();
        for (String field : CLUSTER_REPLACE_FIELDS) {
            Object a = path(was, field);
            Object b = path(now, field);
            if (!Objects.equals(a, b)) {
                why.add(field + " " + a + " -> " + b);
            }
        }
        if (was.get("encryptionConfig") != null && now.get("encryptionConfig") == null) {
            why.add("encryptionConfig removed (EKS cannot turn secrets encryption off)");
        }
        return why;
    }

    private static Object path(Map<String, Object> inputs, String dotted) {
        String[] parts = dotted.split("\\.");
        Map<String, Object> at = inputs;
        for (int i = 0; i < parts.length - 1; i++) {
            at = section(at, parts[i]);
        }
        return at.get(parts[parts.length - 1]);
    }

    /** @return {@code <namespace>/<name>} of each claim a FlinkDeployment's pod template mounts */
    @SuppressWarnings("unchecked")
    static List<String> claimsOf(Map<String, Object> deployment) {
        List<String> out = new ArrayList<>();
        String namespace = String.valueOf(section(deployment, "metadata").get("namespace"));
        Map<String, Object> template = section(section(deployment, "spec"), "podTemplate");
        if (section(template, "spec").get("volumes") instanceof List<?> volumes) {
            for (Object v : volumes) {
                if (v instanceof Map<?, ?> volume && volume.get("persistentVolumeClaim") instanceof Map<?, ?> pvc) {
                    out.add(namespace + "/" + ((Map<String, Object>) pvc).get("claimName"));
                }
            }
        }
        return out;
    }

    /**
     * @return the quantity in whole bytes, or null when it is not one; read by fabric8's {@link Quantity}, the Kubernetes
     *         quantity grammar (binary and decimal suffixes, exponents), rounded up as the API server rounds a claim's size
     */
    static BigDecimal bytes(String quantity) {
        if (quantity == null) {
            return null;
        }
        try {
            return Quantity.getAmountInBytes(Quantity.parse(quantity)).setScale(0, RoundingMode.CEILING);
        } catch (IllegalArgumentException | ArithmeticException e) {
            return null;
        }
    }

    private static String size(Map<String, Object> claim) {
        Object requests = section(section(section(claim, "spec"), "resources"), "requests").get("storage");
        return requests == null ? null : String.valueOf(requests);
    }

    private static String id(Map<String, Object> inputs) {
        return section(inputs, "metadata").get("namespace") + "/" + section(inputs, "metadata").get("name");
    }
}
