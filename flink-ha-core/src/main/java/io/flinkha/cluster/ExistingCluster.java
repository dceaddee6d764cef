package io.flinkha.cluster;

import com.pulumi.kubernetes.Provider;
import com.pulumi.kubernetes.ProviderArgs;
import com.pulumi.resources.ComponentResource;
import com.pulumi.resources.ComponentResourceOptions;
import com.pulumi.resources.CustomResourceOptions;

import java.util.Map;
import java.util.Optional;

/** An existing cluster (kind, minikube, any kubeconfig context), reached through an explicit provider. */
public class ExistingCluster extends ComponentResource implements KubernetesCluster {
    /** Pulumi type token of the component; part of every child's URN, so it never changes. */
    public static final String TYPE = "flink-ha:cluster:ExistingCluster";

    private final Provider provider;
    private final Optional<OidcIdentity> oidc;

    /**
     * Declares an existing cluster.
     *
     * @param name    logical name; children are named {@code <name>-<part>}
     * @param args    the arguments
     * @param options component options, e.g. a parent; may be null
     */
    public ExistingCluster(String name, ExistingClusterArgs args, ComponentResourceOptions options) {
        super(TYPE, name, options);
        this.oidc = args.oidc();
        var providerArgs = ProviderArgs.builder().context(args.context());
        args.kubeconfig().ifPresent(providerArgs::kubeconfig);
        this.provider = new Provider(name + "-provider", providerArgs.build(),
                CustomResourceOptions.builder().parent(this).version(PROVIDER_PLUGIN_VERSION).build());
        registerOutputs(Map.of());
    }

    @Override
    public Provider provider() {
        return provider;
    }

    @Override
    public Optional<OidcIdentity> oidc() {
        return oidc;
    }
}
