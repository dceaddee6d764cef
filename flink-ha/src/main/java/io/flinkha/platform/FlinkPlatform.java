package io.flinkha.platform;

import com.pulumi.core.Output;
import com.pulumi.kubernetes.core.v1.Namespace;
import com.pulumi.kubernetes.core.v1.NamespaceArgs;
import com.pulumi.kubernetes.meta.v1.inputs.ObjectMetaArgs;
import com.pulumi.resources.ComponentResource;
import com.pulumi.resources.ComponentResourceOptions;
import com.pulumi.resources.CustomResourceOptions;
import com.pulumi.aws.inputs.ProviderDefaultTagsArgs;
import io.flinkha.cluster.EksCluster;
import io.flinkha.cluster.EksClusterArgs;
import io.flinkha.cluster.EksNetwork;
import io.flinkha.cluster.EksNetworkArgs;
import io.flinkha.cluster.OidcIdentity;
import io.flinkha.config.EksClusterSettings;
import io.flinkha.config.NetworkSettings;
import io.flinkha.config.S3StorageSettings;
import io.flinkha.storage.S3Storage;
import io.flinkha.storage.S3StorageArgs;
import io.flinkha.cluster.ExistingCluster;
import io.flinkha.cluster.ExistingClusterArgs;
import io.flinkha.cluster.KubernetesCluster;
import io.flinkha.config.ExistingClusterSettings;
import io.flinkha.config.JobSettings;
import io.flinkha.config.NfsStorageSettings;
import io.flinkha.config.PlatformSettings;
import io.flinkha.flink.HaFlinkDeployment;
import io.flinkha.flink.HaFlinkDeploymentArgs;
import io.flinkha.operator.FlinkOperator;
import io.flinkha.operator.FlinkOperatorArgs;
import io.flinkha.identity.FlinkServiceAccount;
import io.flinkha.identity.FlinkServiceAccountArgs;
import com.pulumi.core.Alias;
import io.flinkha.storage.HaStorage;
import io.flinkha.storage.NfsStorage;
import io.flinkha.storage.NfsStorageArgs;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The whole HA Flink platform of one environment, composed from validated {@link PlatformSettings}:
 * cluster, jobs namespace, HA storage, leader-election RBAC, the Flink operator and one HA
 * FlinkDeployment per job. Which implementation of cluster and storage is used is decided by the
 * settings' types, never by the environment's name.
 */
public class FlinkPlatform extends ComponentResource {
    /** Pulumi type token of the component; part of every child's URN, so it never changes. */
    public static final String TYPE = "flink-ha:platform:FlinkPlatform";
    /** Service account every job runs as. */
    public static final String JOB_SERVICE_ACCOUNT = "flink";

    private final Optional<com.pulumi.aws.Provider> awsProvider;
    private final KubernetesCluster cluster;
    private final Namespace jobsNamespace;
    private final HaStorage storage;
    private final FlinkServiceAccount serviceAccount;
    private final FlinkOperator operator;
    private final Map<String, HaFlinkDeployment> deployments = new LinkedHashMap<>();

    /**
     * Declares the platform of one environment.
     *
     * @param name     logical name; children are named {@code <name>-<part>}
     * @param settings validated settings, from {@link io.flinkha.config.SettingsLoader}
     * @param options  component options; may be null
     */
    public FlinkPlatform(String name, PlatformSettings settings, ComponentResourceOptions options) {
        this(name, settings, notice -> { }, options);
    }

    /**
     * Declares the platform, reporting what it checked against where the program wants it (e.g. {@code ctx.log()::info}).
     *
     * @param name     logical name; children are named {@code <name>-<part>}
     * @param settings validated settings
     * @param notices  where components report, for information, what they checked against
     * @param options  component options; may be null
     */
    public FlinkPlatform(String name, PlatformSettings settings, java.util.function.Consumer<String> notices, ComponentResourceOptions options) {
        super(TYPE, name, options);
        var parent = ComponentResourceOptions.builder().parent(this).build();

        this.awsProvider = settings.aws().map(aws -> new com.pulumi.aws.Provider(name + "-aws", com.pulumi.aws.ProviderArgs.builder()
                .region(aws.region())
                .defaultTags(ProviderDefaultTagsArgs.builder().tags(Map.of(
                        "app.kubernetes.io/part-of", "flink-ha", "flink-ha/environment", settings.environment())).build())
                .build(), CustomResourceOptions.builder().parent(this).build()));
        this.cluster = cluster(name, settings, awsProvider, notices, parent);
        var provider = cluster.provider();

        this.jobsNamespace = new Namespace(name + "-jobs-ns", NamespaceArgs.builder()
                .metadata(ObjectMetaArgs.builder()
                        .name(settings.namespace())
                        .labels(Map.of("app.kubernetes.io/part-of", "flink-ha"))
                        .build())
                .build(), CustomResourceOptions.builder().parent(this).provider(provider).build());
        Output<String> namespace = jobsNamespace.urn().applyValue(urn -> settings.namespace());

        this.storage = storage(name, settings, namespace, cluster, awsProvider, parent);

        var account = FlinkServiceAccountArgs.builder()
                .cluster(cluster)
                .namespace(namespace)
                .name(JOB_SERVICE_ACCOUNT)
                // 0.1.0 declared the cloud role in the storage's grant
                .cloudRoleAliases(storage instanceof S3Storage s3
                        ? List.of(Alias.builder()
                                // parentUrn first: the SDK's Alias.Builder refuses it once a name is set (it checks the
                                // wrong field), though an alias with both is valid
                                .parentUrn(s3.urn()).name(name + "-storage-" + JOB_SERVICE_ACCOUNT + "-irsa").build())
                        : List.of());
        awsProvider.ifPresent(account::awsProvider);
        this.serviceAccount = new FlinkServiceAccount(name + "-account", account.build(), ComponentResourceOptions.builder()
                .parent(this)
                // 0.1.0 called it the leader-election RBAC; its children follow it
                .aliases(Alias.builder().name(name + "-rbac").type("flink-ha:rbac:LeaderElectionRbac").build())
                .build());
        storage.grantReadWrite(serviceAccount);

        var op = settings.operator();
        this.operator = new FlinkOperator(name + "-operator", FlinkOperatorArgs.builder()
                .version(op.version())
                .namespace(op.namespace())
                .chartRepository(op.chartRepository())
                .watchNamespaces(List.of(namespace))
                .webhook(op.certManager())
                .replicas(op.replicas())
                .milliCpu(op.resources().milliCpu())
                .memoryMib(op.resources().memoryMib())
                .extraValues(op.helmValues())
                .cluster(cluster)
                .build(), parent);

        for (JobSettings job : settings.jobs()) {
            var args = HaFlinkDeploymentArgs.builder();
            job.jobManagerReplicas().ifPresent(args::jobManagerReplicas);
            job.initialSavepointPath().ifPresent(args::initialSavepointPath);
            job.savepointRedeployNonce().ifPresent(args::savepointRedeployNonce);
            job.acknowledgeStateLoss().ifPresent(args::acknowledgeStateLoss);
            deployments.put(job.name(), new HaFlinkDeployment(job.name(), args
                    .flinkVersion(job.flink().orElse(settings.flink()).version())
                    .image(job.flink().orElse(settings.flink()).image())
                    .jarUri(job.jarUri())
                    .entryClass(job.entryClass().orElse(null))
                    .args(job.args())
                    .parallelism(job.parallelism())
                    .upgradeMode(job.upgradeMode())
                    .recoveryObjective(job.recovery().orElse(null))
                    .readyTimeout(job.readyTimeout())
                    .checkpointInterval(job.checkpointInterval())
                    .retainedCheckpoints(job.retainedCheckpoints())
                    .jobManager(job.jobManager())
                    .taskManager(job.taskManager())
                    .flinkConfiguration(job.flinkConfiguration())
                    .storage(storage)
                    .serviceAccount(serviceAccount)
                    .operator(operator)
                    .build(), parent));
        }

        registerOutputs(Map.of(
                "namespace", namespace,
                "serviceAccount", serviceAccount.name(),
                "haStorageDirs", haStorageDirs()));
    }

    private static KubernetesCluster cluster(String name, PlatformSettings settings, Optional<com.pulumi.aws.Provider> aws,
                                             java.util.function.Consumer<String> notices,
                                             ComponentResourceOptions parent) {
        if (settings.cluster() instanceof ExistingClusterSettings existing) {
            return new ExistingCluster(name + "-cluster", new ExistingClusterArgs(existing.context(), existing.kubeconfig(),
                    existing.oidc().map(o -> new OidcIdentity(Output.of(o.providerArn()), Output.of(o.issuerUrl())))), parent);
        }
        if (settings.cluster() instanceof EksClusterSettings eks) {
            var awsProvider = aws.orElseThrow();
            String clusterName = name + "-" + settings.environment();
            List<Output<String>> privateSubnets;
            List<Output<String>> publicSubnets;
            if (eks.network() instanceof NetworkSettings.NewVpc vpc) {
                var network = new EksNetwork(name + "-network", new EksNetworkArgs(clusterName, vpc.cidr(),
                        vpc.availabilityZones(), vpc.natGatewayPerZone(), awsProvider), parent);
                privateSubnets = network.privateSubnetIds();
                publicSubnets = network.publicSubnetIds();
            } else {
                var existing = (NetworkSettings.ExistingSubnets) eks.network();
                privateSubnets = existing.privateSubnetIds().stream().map(Output::of).toList();
                publicSubnets = existing.publicSubnetIds().stream().map(Output::of).toList();
            }
            return new EksCluster(name + "-cluster", EksClusterArgs.builder()
                    .clusterName(clusterName)
                    .kubernetesVersion(eks.kubernetesVersion())
                    .supportType(eks.supportType())
                    .region(settings.aws().orElseThrow().region())
                    .privateSubnetIds(privateSubnets)
                    .publicSubnetIds(publicSubnets)
                    .nodeGroup(eks.nodeGroup())
                    .admins(eks.admins())
                    .deployer(eks.deployer())
                    .previewers(eks.previewers())
                    .publicAccessCidrs(eks.publicAccessCidrs())
                    .logRetentionDays(eks.logRetentionDays())
                    .podIdentity(eks.podIdentity())
                    .checkedOn(settings.checkedOn())
                    .notices(notices)
                    .awsProvider(awsProvider)
                    .build(), parent);
        }
        throw new IllegalStateException("unsupported cluster settings: " + settings.cluster());
    }

    private static HaStorage storage(String name, PlatformSettings settings, Output<String> namespace, KubernetesCluster cluster,
                                     Optional<com.pulumi.aws.Provider> aws, ComponentResourceOptions parent) {
        if (settings.storage() instanceof NfsStorageSettings nfs) {
            return new NfsStorage(name + "-storage", NfsStorageArgs.builder()
                    .namespace(namespace)
                    .environment(settings.environment())
                    .storageClass(nfs.storageClass())
                    .size(nfs.size())
                    .mountPath(nfs.mountPath())
                    .retainOnDelete(nfs.retainOnDelete())
                    .protect(nfs.protect())
                    .production(settings.production())
                    .cluster(cluster)
                    .build(), parent);
        }
        if (settings.storage() instanceof S3StorageSettings s3) {
            var args = S3StorageArgs.builder()
                    .bucketName(s3.bucketName())
                    .environment(settings.environment())
                    .retainOnDelete(s3.retainOnDelete())
                    .protect(s3.protect())
                    .plugin(s3.plugin())
                    .noncurrentVersionDays(s3.noncurrentVersionDays())
                    .production(settings.production())
                    .awsProvider(aws.orElseThrow())
                    .region(settings.aws().orElseThrow().region());
            s3.kmsKeyArn().ifPresent(args::kmsKeyArn);
            return new S3Storage(name + "-storage", args.build(), parent);
        }
        throw new IllegalStateException("unsupported storage settings: " + settings.storage());
    }

    /** @return the HA storage directory of each deployment, by deployment name */
    public Output<Map<String, String>> haStorageDirs() {
        var names = List.copyOf(deployments.keySet());
        return Output.all(deployments.values().stream().map(d -> d.paths().haStorageDir()).toList())
                .applyValue(dirs -> {
                    Map<String, String> out = new LinkedHashMap<>();
                    for (int i = 0; i < names.size(); i++) {
                        out.put(names.get(i), dirs.get(i));
                    }
                    return out;
                });
    }

    /** @return the cluster everything is deployed to */
    public KubernetesCluster cluster() { return cluster; }
    /** @return the jobs' namespace */
    public Namespace jobsNamespace() { return jobsNamespace; }
    /** @return the HA storage */
    public HaStorage storage() { return storage; }
    /** @return the account the jobs run as, with its rights and cloud role */
    public FlinkServiceAccount serviceAccount() { return serviceAccount; }
    /** @return the Flink operator */
    public FlinkOperator operator() { return operator; }
    /** @return the HA deployments, by job name */
    public Map<String, HaFlinkDeployment> deployments() { return Map.copyOf(deployments); }
}
