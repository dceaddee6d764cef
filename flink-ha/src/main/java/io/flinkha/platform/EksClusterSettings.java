package io.flinkha.platform;

import io.flinkha.cluster.NodeGroupSpec;
import java.util.List;

/**
 * An EKS cluster created by the platform ({@code kind: eks}).
 *
 * @param kubernetesVersion pinned Kubernetes minor version (default: the newest in {@link io.flinkha.cluster.EksVersions})
 * @param network           a new VPC ({@code vpc}) or existing subnets ({@code subnets}), at least two availability zones
 * @param nodeGroup         the managed node group
 * @param admins            IAM principal ARNs given cluster-admin through EKS access entries
 * @param deployer          the IAM role or user that runs pulumi up (cluster-admin through its own access entry)
 * @param previewers        IAM roles or users that run pulumi preview (read-only access entries)
 * @param publicAccessCidrs CIDRs that may reach the public API endpoint; empty keeps the endpoint private-only
 *                          (then {@code pulumi up} must run from inside the VPC)
 * @param supportType       which EKS support the cluster's upgrade policy pays for (default STANDARD)
 * @param logRetentionDays  how long CloudWatch keeps the control plane's logs
 * @param podIdentity       whether jobs get their AWS role through EKS Pod Identity ({@code identity: podIdentity}) instead of IRSA
 */
public record EksClusterSettings(
        String kubernetesVersion,
        NetworkSettings network,
        NodeGroupSpec nodeGroup,
        List<String> admins,
        List<String> publicAccessCidrs,
        io.flinkha.cluster.EksVersions.SupportType supportType,
        int logRetentionDays,
        boolean podIdentity,
        String deployer,
        List<String> previewers) implements ClusterSettings {
}
