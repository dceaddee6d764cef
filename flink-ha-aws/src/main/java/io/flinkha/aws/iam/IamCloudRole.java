package io.flinkha.aws.iam;

import com.pulumi.aws.eks.PodIdentityAssociation;
import com.pulumi.aws.eks.PodIdentityAssociationArgs;
import com.pulumi.aws.iam.Role;
import com.pulumi.aws.iam.RoleArgs;
import com.pulumi.aws.iam.RolePolicy;
import com.pulumi.aws.iam.RolePolicyArgs;
import com.pulumi.core.Alias;
import com.pulumi.core.Output;
import com.pulumi.resources.CustomResourceOptions;
import com.pulumi.resources.Resource;
import io.flinkha.aws.PolicyDocuments;
import io.flinkha.identity.CloudCredentials;
import io.flinkha.identity.CloudRole;
import io.flinkha.identity.FlinkServiceAccount;
import io.flinkha.identity.FlinkServiceAccountArgs;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * A Flink service account's IAM role, which only that account can assume: through EKS Pod Identity where the cluster
 * runs its agent (an association hands the role to the account's pods), else through IRSA (the role trusts the
 * cluster's OIDC provider for this one account, and the account carries the {@value #IRSA_ANNOTATION} annotation).
 * The role keeps its name, and so its URN, either way. Declare it with
 * {@code FlinkServiceAccountArgs.builder().cloudRole(IamCloudRole.declaration(awsProvider))}.
 *
 * @see <a href="https://docs.aws.amazon.com/eks/latest/userguide/iam-roles-for-service-accounts.html">IRSA</a>
 * @see <a href="https://docs.aws.amazon.com/eks/latest/userguide/pod-identities.html">EKS Pod Identity</a>
 */
public final class IamCloudRole implements CloudRole {
    /** The annotation that makes EKS inject web-identity credentials for a role into a service account's pods. */
    public static final String IRSA_ANNOTATION = "eks.amazonaws.com/role-arn";
    private static final Map<String, String> TAGS = Map.of("app.kubernetes.io/part-of", "flink-ha");

    private final com.pulumi.aws.Provider provider;
    private final CloudCredentials credentials;
    private final Role role;
    private final Optional<PodIdentityAssociation> podIdentityAssociation;
    private final List<Resource> policies = new ArrayList<>();

    /**
     * @param provider the AWS provider of the role, its association and its policies
     * @return a declaration of the role, for {@link FlinkServiceAccountArgs.Builder#cloudRole}
     */
    public static CloudRole.Declaration declaration(com.pulumi.aws.Provider provider) {
        return declaration(provider, List.of());
    }

    /**
     * @param provider the AWS provider of the role, its association and its policies
     * @param aliases  where the role was declared before (for stacks made with flink-ha 0.1.0, where
     *                 {@code S3Storage.grantReadWrite} declared it), so the engine moves the real role instead of
     *                 replacing it
     * @return a declaration of the role, for {@link FlinkServiceAccountArgs.Builder#cloudRole}
     */
    public static CloudRole.Declaration declaration(com.pulumi.aws.Provider provider, List<Alias> aliases) {
        Objects.requireNonNull(provider, "IamCloudRole: provider is required; the role is declared with it");
        List<Alias> copied = List.copyOf(aliases);
        return (name, args, account) -> {
            var podIdentity = args.cluster().podIdentity();
            // Pod Identity wins where the cluster runs its agent
            Optional<Output<String>> trust = podIdentity.<Output<String>>map(p -> Output.of(PolicyDocuments.podIdentityTrust()))
                    .or(() -> args.cluster().oidc().map(oidc -> Output.tuple(oidc.providerArn(), oidc.issuerHostPath(), args.namespace())
                            .applyValue(t -> PolicyDocuments.irsaTrust(t.t1, t.t2, t.t3, args.name()))));
            return trust.map(policy -> new IamCloudRole(name, args, account, provider, copied, policy));
        };
    }

    private IamCloudRole(String name, FlinkServiceAccountArgs args, FlinkServiceAccount account, com.pulumi.aws.Provider provider,
                         List<Alias> aliases, Output<String> trust) {
        this.provider = provider;
        var podIdentity = args.cluster().podIdentity();
        this.credentials = podIdentity.isPresent() ? CloudCredentials.POD_IDENTITY : CloudCredentials.IRSA;
        this.role = new Role(name + "-irsa", RoleArgs.builder()
                .assumeRolePolicy(trust)
                .description("Flink jobs' cloud identity, for service account " + args.name())
                .tags(TAGS)
                .build(), CustomResourceOptions.builder().parent(account).provider(provider)
                .aliases(aliases.stream().map(Output::of).toList()).build());
        this.podIdentityAssociation = podIdentity.map(p -> new PodIdentityAssociation(name + "-pod-identity",
                PodIdentityAssociationArgs.builder()
                        .clusterName(p.clusterName())
                        .namespace(args.namespace())
                        .serviceAccount(args.name())
                        .roleArn(role.arn())
                        .tags(TAGS)
                        .build(),
                // pods started before the agent runs get no credentials
                CustomResourceOptions.builder().parent(account).provider(provider).dependsOn(p.agent()).build()));
    }

    @Override
    public CloudCredentials credentials() {
        return credentials;
    }

    @Override
    public Output<Map<String, String>> serviceAccountAnnotations() {
        return credentials == CloudCredentials.IRSA ? role.arn().applyValue(arn -> Map.of(IRSA_ANNOTATION, arn)) : Output.of(Map.of());
    }

    /** Adds an inline policy to the role; its provider is the role's. */
    @Override
    public RolePolicy addPolicy(String name, Output<String> document, CustomResourceOptions options) {
        var policy = new RolePolicy(name, RolePolicyArgs.builder().role(role.id()).policy(document).build(),
                CustomResourceOptions.merge(options, CustomResourceOptions.builder().provider(provider).build(), null));
        policies.add(policy);
        return policy;
    }

    @Override
    public List<Resource> readiness() {
        List<Resource> out = new ArrayList<>(List.of(role));
        podIdentityAssociation.ifPresent(out::add);
        out.addAll(policies);
        return List.copyOf(out);
    }

    /** @return the IAM role */
    public Role role() {
        return role;
    }

    /** @return the association that hands the role to the account's pods, on a cluster with EKS Pod Identity */
    public Optional<PodIdentityAssociation> podIdentityAssociation() {
        return podIdentityAssociation;
    }
}
