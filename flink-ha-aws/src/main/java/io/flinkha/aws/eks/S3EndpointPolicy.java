package io.flinkha.aws.eks;

import io.flinkha.aws.PolicyDocuments;
import io.flinkha.aws.BucketNames;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;

/**
 * What the VPC's S3 gateway endpoint lets the private subnets reach: the named buckets, and the buckets AWS serves the
 * nodes from, nothing else. Every S3 request of a node or pod in those subnets to the region's S3 goes through the
 * endpoint, so a bucket missing here is refused (403), not routed around it. AWS's own buckets:
 * <ul>
 *   <li>{@code prod-<region>-starport-layer-bucket}: ECR's image layers, for the EKS add-ons and any ECR image (Amazon ECR
 *       user guide, "Amazon ECR interface VPC endpoints (AWS PrivateLink)", section "Minimum Amazon S3 bucket permissions
 *       for Amazon ECR");</li>
 *   <li>{@code al2023-repos-<region>-de612dc2}: the Amazon Linux 2023 package repositories of the EKS-optimised AL2023
 *       nodes (the bucket AL2023's repository mirror list names; not read from an AWS page here, see README).</li>
 * </ul>
 * Images from Docker Hub or ghcr.io do not come from S3; {@code registry.k8s.io} redirects to S3 buckets of its own, which
 * a workload pulling from it would need here.
 *
 * @param buckets the buckets the jobs and nodes may use besides AWS's own, e.g. the state bucket
 */
public record S3EndpointPolicy(List<String> buckets) {
    /**
     * @param buckets the buckets besides AWS's own
     * @throws IllegalArgumentException naming a name S3 would refuse
     */
    public S3EndpointPolicy {
        buckets = List.copyOf(new LinkedHashSet<>(buckets == null ? List.of() : buckets));
        var check = io.flinkha.validation.ArgsCheck.of("S3EndpointPolicy");
        for (int i = 0; i < buckets.size(); i++) {
            check.problem("buckets[" + i + "]", buckets.get(i), BucketNames.problem(buckets.get(i)));
        }
        check.done();
    }

    /**
     * @param bucket one more bucket, e.g. the stack's state bucket
     * @return this policy with it
     */
    public S3EndpointPolicy with(String bucket) {
        List<String> all = new ArrayList<>(buckets);
        all.add(bucket);
        return new S3EndpointPolicy(all);
    }

    /**
     * @param region the VPC's region
     * @return the endpoint policy document
     */
    public String document(String region) {
        List<Map<String, Object>> statements = new ArrayList<>();
        if (!buckets.isEmpty()) {
            List<String> arns = new ArrayList<>();
            buckets.forEach(b -> arns.addAll(List.of("arn:aws:s3:::" + b, "arn:aws:s3:::" + b + "/*")));
            statements.add(PolicyDocuments.statement("NamedBuckets", "Allow", "s3:*", arns, Map.of("Principal", "*")));
        }
        statements.add(PolicyDocuments.statement("AwsOwnedBuckets", "Allow", "s3:GetObject", List.of(
                "arn:aws:s3:::prod-" + region + "-starport-layer-bucket/*",
                "arn:aws:s3:::al2023-repos-" + region + "-de612dc2/*"), Map.of("Principal", "*")));
        return PolicyDocuments.document(statements);
    }
}
