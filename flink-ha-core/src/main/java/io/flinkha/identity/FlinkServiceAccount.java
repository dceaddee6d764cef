package io.flinkha.identity;

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
import io.flinkha.cluster.KubernetesCluster;
import io.flinkha.rbac.Grant;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The identity Flink jobs run as, and everything it is allowed to do: a ServiceAccount; a Role with
 * exactly its {@link FlinkServiceAccountArgs#grants() grants} (no wildcard) and the RoleBinding, in the
 * jobs' namespace, so leader election never fails with "forbidden" on ConfigMaps; and, where its
 * {@link FlinkServiceAccountArgs#cloudRole() cloud role declaration} and its cluster allow, <em>one</em> cloud
 * role that only this account can assume (flink-ha-aws: an IAM role through IRSA or EKS Pod Identity). Storage
 * grants add their policies to that role ({@code storage.grantReadWrite(account)}), so several grants compose
 * and the account name is written once.
 *
 * @see <a href="https://nightlies.apache.org/flink/flink-docs-release-1.20/docs/deployment/ha/kubernetes_ha/">Kubernetes HA services</a>
 */
public class FlinkServiceAccount extends ComponentResource {
    /** Pulumi type token of the component; part of every child's URN, so it never changes. */
    public static final String TYPE = "flink-ha:identity:FlinkServiceAccount";
    private static final Map<String, String> LABELS = Map.of(
            "app.kubernetes.io/part-of", "flink-ha", "app.kubernetes.io/component", "flink-job-rbac");

    private final FlinkServiceAccountArgs args;
    private final ServiceAccount serviceAccount;
    private final Role role;
    private final RoleBinding roleBinding;
    private final Output<String> name;
    private final Optional<CloudRole> cloudRole;

    /**
     * Declares the account.
     *
     * @param name    logical name; children are named {@code <name>-<part>}
     * @param args    the arguments
     * @param options component options, e.g. a parent or aliases; may be null. Its {@code providers} are not
     *                consulted: the children use the cluster's provider (and the cloud role its declaration's)
     */
    public FlinkServiceAccount(String name, FlinkServiceAccountArgs args, ComponentResourceOptions options) {
        super(TYPE, name, options);
        this.args = args;
        var child = CustomResourceOptions.builder().parent(this).provider(args.cluster().provider()).build();

        // declared before the ServiceAccount, whose annotations may name it
        this.cloudRole = args.cloudRole().flatMap(declaration -> declaration.declare(name, args, this));
        Output<Map<String, String>> annotations = cloudRole.map(CloudRole::serviceAccountAnnotations).orElse(Output.of(Map.of()));

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
    public Resource addCloudPolicy(String name, Output<String> document, CustomResourceOptions options) {
        return cloudRole.orElseThrow(() -> new IllegalStateException("FlinkServiceAccount '" + args.name() + "' has no cloud "
                + "role: its cluster has no OIDC provider and no Pod Identity agent (give ExistingClusterArgs an OidcIdentity, or "
                + "use flink-ha-aws' EksCluster), so it cannot be granted cloud access")).addPolicy(name, document, options);
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

    /** @return the account's cloud role, where its cluster hands roles to pods */
    public Optional<CloudRole> cloudRole() {
        return cloudRole;
    }

    /**
     * @return what a job running as this account needs in place before it starts: the Role and binding, and
     *         the cloud role with every policy granted so far
     */
    public List<Resource> readiness() {
        List<Resource> out = new ArrayList<>(List.of(role, roleBinding));
        cloudRole.ifPresent(r -> out.addAll(r.readiness()));
        return List.copyOf(out);
    }

    /** @return how the account's pods get its cloud role's credentials */
    public CloudCredentials credentials() {
        return cloudRole.map(CloudRole::credentials).orElse(CloudCredentials.NONE);
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
