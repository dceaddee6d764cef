package io.flinkha.rbac;

import com.pulumi.core.Output;
import com.pulumi.kubernetes.core.v1.ServiceAccount;
import com.pulumi.kubernetes.core.v1.ServiceAccountArgs;
import com.pulumi.kubernetes.meta.v1.inputs.ObjectMetaArgs;
import com.pulumi.kubernetes.rbac.v1.Role;
import com.pulumi.kubernetes.rbac.v1.RoleArgs;
import com.pulumi.kubernetes.rbac.v1.RoleBinding;
import com.pulumi.kubernetes.rbac.v1.RoleBindingArgs;
import com.pulumi.kubernetes.rbac.v1.inputs.PolicyRuleArgs;
import com.pulumi.kubernetes.rbac.v1.inputs.RoleRefArgs;
import com.pulumi.kubernetes.rbac.v1.inputs.SubjectArgs;
import com.pulumi.resources.ComponentResource;
import com.pulumi.resources.ComponentResourceOptions;
import com.pulumi.resources.CustomResourceOptions;

import java.util.List;
import java.util.Map;

/**
 * The identity Flink jobs run as, and the namespaced rights Kubernetes HA needs: a ServiceAccount,
 * a Role with exactly the {@link LeaderElectionRbacArgs#grants() grants} (no wildcard), and a
 * RoleBinding between them, all in the jobs' namespace. Without it leader election fails with
 * "forbidden" on ConfigMaps, the first pitfall of Flink HA.
 *
 * @see <a href="https://nightlies.apache.org/flink/flink-docs-release-1.20/docs/deployment/ha/kubernetes_ha/">Kubernetes HA services</a>
 */
public class LeaderElectionRbac extends ComponentResource {
    /** Pulumi type token of the component; part of every child's URN, so it never changes. */
    public static final String TYPE = "flink-ha:rbac:LeaderElectionRbac";
    private static final Map<String, String> LABELS = Map.of(
            "app.kubernetes.io/part-of", "flink-ha", "app.kubernetes.io/component", "flink-job-rbac");

    private final ServiceAccount serviceAccount;
    private final Role role;
    private final RoleBinding roleBinding;
    private final Output<String> serviceAccountName;

    /**
     * Declares the leader-election RBAC.
     *
     * @param name    logical name; children are named {@code <name>-<part>}
     * @param args    the arguments
     * @param options component options, e.g. a parent; may be null
     */
    public LeaderElectionRbac(String name, LeaderElectionRbacArgs args, ComponentResourceOptions options) {
        super(TYPE, name, options);
        var child = CustomResourceOptions.builder().parent(this).provider(args.provider()).build();

        this.serviceAccount = new ServiceAccount(name + "-sa", ServiceAccountArgs.builder()
                .metadata(ObjectMetaArgs.builder()
                        .name(args.serviceAccountName())
                        .namespace(args.namespace())
                        .labels(LABELS)
                        .annotations(args.serviceAccountAnnotations())
                        .build())
                .build(), child);

        String roleName = args.serviceAccountName() + "-ha";
        this.role = new Role(name + "-role", RoleArgs.builder()
                .metadata(ObjectMetaArgs.builder().name(roleName).namespace(args.namespace()).labels(LABELS).build())
                .rules(rules(args.grants()))
                .build(), child);

        // from the URN, not the metadata: the name is fixed, and the metadata stays unknown until an
        // annotation such as the IRSA role ARN is known; the URN still orders dependents after the account
        this.serviceAccountName = serviceAccount.urn().applyValue(urn -> args.serviceAccountName());
        this.roleBinding = new RoleBinding(name + "-binding", RoleBindingArgs.builder()
                .metadata(ObjectMetaArgs.builder().name(roleName).namespace(args.namespace()).labels(LABELS).build())
                .roleRef(RoleRefArgs.builder()
                        .apiGroup("rbac.authorization.k8s.io")
                        .kind("Role")
                        .name(role.urn().applyValue(urn -> roleName))
                        .build())
                .subjects(SubjectArgs.builder()
                        .kind("ServiceAccount")
                        .name(serviceAccountName)
                        .namespace(args.namespace())
                        .build())
                .build(), child);

        registerOutputs(Map.of("serviceAccountName", serviceAccountName));
    }

    static List<PolicyRuleArgs> rules(List<Grant> grants) {
        return grants.stream()
                .map(g -> PolicyRuleArgs.builder()
                        .apiGroups(g.resource().apiGroup())
                        .resources(g.resource().resource())
                        .verbs(g.verbs().stream().sorted().map(Verb::value).toList())
                        .build())
                .toList();
    }

    /** @return the service account's name once it exists; FlinkDeployments that use it wait for it */
    public Output<String> serviceAccountName() {
        return serviceAccountName;
    }

    /** @return the service account the jobs run as */
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
