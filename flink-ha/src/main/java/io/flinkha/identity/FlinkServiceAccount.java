package io.flinkha.identity;

import com.pulumi.aws.eks.PodIdentityAssociation;
import com.pulumi.aws.eks.PodIdentityAssociationArgs;

import com.pulumi.aws.iam.RolePolicy;
import com.pulumi.aws.iam.RolePolicyArgs;
import com.pulumi.core.Output;
import com.pulumi.kubernetes.core.v1.ServiceAccount;
import com.pulumi.kubernetes.core.v1.ServiceAccountArgs;
import com.pulumi.kubernetes.meta.v1.inputs.ObjectMetaArgs;
import com.pulumi.kubernetes.rbac.v1.Role;
import com.pulumi.kubernetes.rbac.v1.RoleArgs;
import com.pulumi.kubernetes.rbac.v1.RoleBinding;
import com.pulumi.kubernetes.rbac.v1.RoleBindingArgs;
import com.pulumi.kubernetes.rbac.v1.inputs.RoleRefArgs;
import com.pulumi.kubernetes.rbac.v1.inputs.SubjectArgs;
import com.pulumi.resources.ComponentResource;
import com.pulumi.resources.ComponentResourceOptions;
import com.pulumi.resources.CustomResourceOptions;
import com.pulumi.resources.Resource;
import io.flinkha.aws.PolicyDocuments;
import io.flinkha.cluster.KubernetesCluster;
import io.flinkha.rbac.Grant;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The identity Flink jobs run as, and everything it is allowed to do: a ServiceAccount; a Role with
 * exactly its {@link FlinkServiceAccountArgs#grants() grants} (no wildcard) and the RoleBinding, in the
 * jobs' namespace, so leader election never fails with "forbidden" on ConfigMaps; and, on a cluster
 * with an OIDC provider, <em>one</em> IAM role that only this account can assume (IRSA), with the
 * {@code eks.amazonaws.com/role-arn} annotation on the account. Storage grants add their policies to
 * that role ({@code storage.grantReadWrite(account)}), so several grants compose and the account name
 * is written once.
 *
 * @see <a href="https://nightlies.apache.org/flink/flink-docs-release-1.20/docs/deployment/ha/kubernetes_ha/">Kubernetes HA services</a>
 * @see <a href="https://docs.aws.amazon.com/eks/latest/userguide/iam-roles-for-service-accounts.html">IRSA</a>
 */
public class FlinkServiceAccount extends ComponentResource {
    /** Pulumi type token of the component; part of every child's URN, so it never changes. */
    public static final String TYPE = "flink-ha:identity:FlinkServiceAccount";
    /** The annotation that makes EKS inject web-identity credentials for a role into a service account's pods. */
    public static final String IRSA_ANNOTATION = "eks.amazonaws.com/role-arn";
    private static final Map<String, String> LABELS = Map.of(
            "app.kubernetes.io/part-of", "flink-ha", "app.kubernetes.io/component", "flink-job-rbac");

    private final FlinkServiceAccountArgs args;
    private final ServiceAccount serviceAccount;
    private final Role role;
    private final RoleBinding roleBinding;
    private final Output<String> name;
    private final Optional<com.pulumi.aws.iam.Role> cloudRole;
    private final CloudCredentials credentials;
    private final Optional<PodIdentityAssociation> podIdentityAssociation;
    private final List<Resource> cloudPolicies = new ArrayList<>();

    /**
     * Declares the account.
     *
     * @param name    logical name; children are named {@code <name>-<part>}
     * @param args    the arguments
     * @param options component options, e.g. a parent or aliases; may be null. Its {@code providers} are not
     *                consulted: the children use the cluster's provider (and the given AWS provider)
     */
    public FlinkServiceAccount(String name, FlinkServiceAccountArgs args, ComponentResourceOptions options) {
        super(TYPE, name, options);
        this.args = args;
        var child = CustomResourceOptions.builder().parent(this).provider(args.cluster().provider()).build();

        var podIdentity = args.cluster().podIdentity();
        this.credentials = podIdentity.isPresent() ? CloudCredentials.POD_IDENTITY
                : args.cluster().oidc().isPresent() ? CloudCredentials.IRSA : CloudCredentials.NONE;
        // Pod Identity wins where the cluster runs its agent; the role keeps its name (and URN) either way
        Optional<Output<String>> trust = podIdentity.<Output<String>>map(p -> Output.of(PolicyDocuments.podIdentityTrust()))
                .or(() -> args.cluster().oidc().map(oidc -> Output.tuple(oidc.providerArn(), oidc.issuerHostPath(), args.namespace())
                        .applyValue(t -> PolicyDocuments.irsaTrust(t.t1, t.t2, t.t3, args.name()))));
        this.cloudRole = trust.map(policy -> new com.pulumi.aws.iam.Role(name + "-irsa", com.pulumi.aws.iam.RoleArgs.builder()
                .assumeRolePolicy(policy)
                .description("Flink jobs' cloud identity, for service account " + args.name())
                .tags(Map.of("app.kubernetes.io/part-of", "flink-ha"))
                .build(), CustomResourceOptions.builder().parent(this).provider(args.awsProvider().orElseThrow())
                .aliases(args.cloudRoleAliases().stream().map(Output::of).toList()).build()));
        Output<Map<String, String>> annotations = credentials == CloudCredentials.IRSA
                ? cloudRole.orElseThrow().arn().applyValue(arn -> Map.of(IRSA_ANNOTATION, arn))
                : Output.of(Map.of());
        this.podIdentityAssociation = podIdentity.map(p -> new PodIdentityAssociation(name + "-pod-identity",
                PodIdentityAssociationArgs.builder()
                        .clusterName(p.clusterName())
                        .namespace(args.namespace())
                        .serviceAccount(args.name())
                        .roleArn(cloudRole.orElseThrow().arn())
                        .tags(Map.of("app.kubernetes.io/part-of", "flink-ha"))
                        .build(),
                // pods started before the agent runs get no credentials
                CustomResourceOptions.builder().parent(this).provider(args.awsProvider().orElseThrow()).dependsOn(p.agent()).build()));

        this.serviceAccount = new ServiceAccount(name + "-sa", ServiceAccountArgs.builder()
                .metadata(ObjectMetaArgs.builder()
                        .name(args.name())
                        .namespace(args.namespace())
                        .labels(LABELS)
                        .annotations(annotations)
                        .build())
                .build(), child);

        String roleName = args.name() + "-ha";
        this.role = new Role(name + "-role", RoleArgs.builder()
                .metadata(ObjectMetaArgs.builder().name(roleName).namespace(args.namespace()).labels(LABELS).build())
                .rules(Grant.rules(args.grants()))
                .build(), child);

        // from the URN, not the metadata: the name is fixed, and the metadata stays unknown until an
        // annotation such as the IRSA role ARN is known; the URN still orders dependents after the account
        this.name = serviceAccount.urn().applyValue(urn -> args.name());
        this.roleBinding = new RoleBinding(name + "-binding", RoleBindingArgs.builder()
                .metadata(ObjectMetaArgs.builder().name(roleName).namespace(args.namespace()).labels(LABELS).build())
                .roleRef(RoleRefArgs.builder()
                        .apiGroup("rbac.authorization.k8s.io")
                        .kind("Role")
                        .name(role.urn().applyValue(urn -> roleName))
                        .build())
                .subjects(SubjectArgs.builder()
                        .kind("ServiceAccount")
                        .name(this.name)
                        .namespace(args.namespace())
                        .build())
                .build(), child);

        registerOutputs(Map.of("name", this.name));
    }

    /**
     * Adds an inline policy to the account's cloud role; storage grants call it.
     *
     * @param name     logical name of the policy resource
     * @param document the IAM policy document (JSON)
     * @param options  options of the policy resource, e.g. the granting component as its parent; its provider is the account's AWS provider
     * @return the policy; deployments that use the account wait for it
     * @throws IllegalStateException when the account has no cloud role (its cluster has no OIDC provider)
     */
    public RolePolicy addCloudPolicy(String name, Output<String> document, CustomResourceOptions options) {
        var role = cloudRole.orElseThrow(() -> new IllegalStateException("FlinkServiceAccount '" + args.name() + "' has no cloud "
                + "role: its cluster has no OIDC provider and no Pod Identity agent (give ExistingClusterArgs an OidcIdentity, or "
                + "use EksCluster), so it cannot be granted cloud access"));
        var policy = new RolePolicy(name, RolePolicyArgs.builder().role(role.id()).policy(document).build(),
                CustomResourceOptions.merge(options, CustomResourceOptions.builder().provider(args.awsProvider().orElseThrow()).build(), null));
        cloudPolicies.add(policy);
        return policy;
    }

    /** @return the account's name once it exists; deployments that run as it wait for it */
    public Output<String> name() {
        return name;
    }

    /** @return the arguments the account was declared with */
    public FlinkServiceAccountArgs args() {
        return args;
    }

    /** @return the account's namespace, the Flink jobs' namespace */
    public Output<String> namespace() {
        return args.namespace();
    }

    /** @return the cluster the account lives in */
    public KubernetesCluster cluster() {
        return args.cluster();
    }

    /** @return the account's IAM role, on a cluster with an OIDC provider */
    public Optional<com.pulumi.aws.iam.Role> cloudRole() {
        return cloudRole;
    }

    /**
     * @return what a job running as this account needs in place before it starts: the Role and binding, and
     *         the cloud role with every policy granted so far
     */
    public List<Resource> readiness() {
        List<Resource> out = new ArrayList<>(List.of(role, roleBinding));
        cloudRole.ifPresent(out::add);
        podIdentityAssociation.ifPresent(out::add);
        out.addAll(cloudPolicies);
        return List.copyOf(out);
    }

    /** @return how the account's pods get its cloud role's credentials */
    public CloudCredentials credentials() {
        return credentials;
    }

    /** @return the association that hands the cloud role to the account's pods, on a cluster with EKS Pod Identity */
    public Optional<PodIdentityAssociation> podIdentityAssociation() {
        return podIdentityAssociation;
    }

    /** @return the ServiceAccount */
    public ServiceAccount serviceAccount() {
        return serviceAccount;
    }

    /** @return the Role with the grants */
    public Role role() {
        return role;
    }

    /** @return the RoleBinding of the account to the Role */
    public RoleBinding roleBinding() {
        return roleBinding;
    }
}
