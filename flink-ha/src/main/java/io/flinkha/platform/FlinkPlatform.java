package io.flinkha.platform;

import com.pulumi.core.Output;
import com.pulumi.kubernetes.core.v1.Namespace;
import com.pulumi.kubernetes.core.v1.NamespaceArgs;
import com.pulumi.kubernetes.meta.v1.inputs.ObjectMetaArgs;
import com.pulumi.resources.ComponentResource;
import com.pulumi.resources.ComponentResourceOptions;
import com.pulumi.resources.CustomResourceOptions;
import com.pulumi.aws.inputs.ProviderDefaultTagsArgs;
import io.flinkha.aws.eks.EksCluster;
import io.flinkha.aws.eks.EksClusterArgs;
import io.flinkha.aws.eks.EksNetwork;
import io.flinkha.aws.iam.IamCloudRole;
import io.flinkha.aws.s3.S3Storage;
import io.flinkha.cluster.ExistingCluster;
import io.flinkha.cluster.ExistingClusterArgs;
import io.flinkha.cluster.KubernetesCluster;
import io.flinkha.flink.HaFlinkDeployment;
import io.flinkha.operator.FlinkOperator;
import io.flinkha.operator.FlinkOperatorArgs;
import io.flinkha.identity.FlinkServiceAccount;
import io.flinkha.identity.FlinkServiceAccountArgs;
import com.pulumi.core.Alias;
import io.flinkha.storage.HaStorage;
import io.flinkha.storage.NfsStorage;
import io.flinkha.storage.NfsStorageArgs;
import io.flinkha.aws.s3.S3StorageArgs;

import io.flinkha.monitoring.FlinkMetrics;
import io.flinkha.monitoring.JobMonitoring;
import io.flinkha.monitoring.JobMonitoringArgs;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The whole HA Flink platform of one environment, composed from checked {@link FlinkPlatformArgs}:
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
    private final Optional<io.flinkha.network.JobNetworkPolicies> networkPolicies;
    private final Optional<JobMonitoring> monitoring;

    /**
     * Declares the platform of one environment.
     *
     * @param name     logical name; children are named {@code <name>-<part>}
     * @param settings checked Args, e.g. from a stack's settings
     * @param options  component options; may be null
     */
    public FlinkPlatform(String name, FlinkPlatformArgs settings, ComponentResourceOptions options) {
        this(name, settings, notice -> { }, options);
    }

    /**
     * Declares the platform, reporting what it checked against where the program wants it (e.g. {@code ctx.log()::info}).
     *
     * @param name     logical name; children are named {@code <name>-<part>}
     * @param settings checked Args
     * @param notices  where components report, for information, what they checked against
     * @param options  component options; may be null
     */
    public FlinkPlatform(String name, FlinkPlatformArgs settings, java.util.function.Consumer<String> notices, ComponentResourceOptions options) {
        super(TYPE, name, options);
        var parent = ComponentResourceOptions.builder().parent(this).build();

        var env = settings.environment();
        this.awsProvider = env.awsRegion().map(region -> new com.pulumi.aws.Provider(name + "-aws", com.pulumi.aws.ProviderArgs.builder()
                .region(region)
                .defaultTags(ProviderDefaultTagsArgs.builder().tags(Map.of(
                        "app.kubernetes.io/part-of", "flink-ha", "flink-ha/environment", env.name())).build())
                .build(), CustomResourceOptions.builder().parent(this).build()));
        this.cluster = cluster(name, settings, awsProvider, notices, parent);
        var provider = cluster.provider();

        this.jobsNamespace = new Namespace(name + "-jobs-ns", NamespaceArgs.builder()
                .metadata(ObjectMetaArgs.builder()
                        .name(env.namespace())
                        // the jobs' pods run as the restricted Pod Security Standard asks (HaFlinkDeployment's pod template)
                        .labels(Map.of("app.kubernetes.io/part-of", "flink-ha", "pod-security.kubernetes.io/enforce", "restricted"))
                        .build())
                .build(), CustomResourceOptions.builder().parent(this).provider(provider).build());
        Output<String> namespace = jobsNamespace.urn().applyValue(urn -> env.namespace());

        this.storage = storage(name, settings, namespace, cluster, awsProvider, parent);

        var account = FlinkServiceAccountArgs.builder()
                .cluster(cluster)
                .namespace(namespace)
                .name(JOB_SERVICE_ACCOUNT);
        // 0.1.0 declared the cloud role in the storage's grant
        List<Alias> roleWasAt = storage instanceof S3Storage s3
                ? List.of(Alias.builder()
                        // parentUrn first: the SDK's Alias.Builder refuses it once a name is set (it checks the
                        // wrong field), though an alias with both is valid
                        .parentUrn(s3.urn()).name(name + "-storage-" + JOB_SERVICE_ACCOUNT + "-irsa").build())
                : List.of();
        awsProvider.ifPresent(aws -> account.cloudRole(IamCloudRole.declaration(aws, roleWasAt)));
        this.serviceAccount = new FlinkServiceAccount(name + "-account", account.build(), ComponentResourceOptions.builder()
                .parent(this)
                // 0.1.0 called it the leader-election RBAC; its children follow it
                .aliases(Alias.builder().name(name + "-rbac").type("flink-ha:rbac:LeaderElectionRbac").build())
                .build());
        storage.grantReadWrite(serviceAccount);

        this.operator = new FlinkOperator(name + "-operator", settings.operator().bind(List.of(namespace), cluster), parent);

        for (Job job : settings.jobs()) {
            var args = settings.monitoring().isPresent() ? job.args().withFlinkConfiguration(FlinkMetrics.reporterConfiguration()) : job.args();
            deployments.put(job.name(), new HaFlinkDeployment(job.name(), args.bind(storage, serviceAccount, Optional.of(operator)), parent));
        }

        this.networkPolicies = settings.networkPolicies().map(policies -> {
            Map<String, io.flinkha.network.FlinkPorts> ports = new LinkedHashMap<>();
            deployments.forEach((job, d) -> ports.put(job, d.ports()));
            var bound = policies.bind(namespace, operator.namespace().metadata().applyValue(m -> m.name().orElseThrow()), ports, cluster);
            // with EKS Pod Identity the jobs' AWS credentials come from the node's agent, not from STS over HTTPS
            if (settings.cluster() instanceof io.flinkha.aws.eks.EksClusterArgs eks && eks.podIdentity()) {
                bound = bound.withEgress(io.flinkha.network.JobNetworkPoliciesArgs.POD_IDENTITY_AGENT);
            }
            if (settings.monitoring().isPresent()) {
                bound = bound.withScraper(settings.monitoring().get().prometheusNamespace());
            }
            return new io.flinkha.network.JobNetworkPolicies(name + "-network", bound, parent);
        });
        this.monitoring = settings.monitoring().map(m -> {
            Map<String, JobMonitoringArgs.MonitoredJob> jobs = new LinkedHashMap<>();
            settings.jobs().forEach(job -> jobs.put(job.name(),
                    new JobMonitoringArgs.MonitoredJob(job.args().checkpointEvery(), job.args().recoveryBudget())));
            return new JobMonitoring(name + "-monitoring", m.bind(namespace, jobs, cluster), parent);
        });

        registerOutputs(Map.of(
                "namespace", namespace,
                "serviceAccount", serviceAccount.name(),
                "haStorageDirs", haStorageDirs()));
    }

    private static KubernetesCluster cluster(String name, FlinkPlatformArgs settings, Optional<com.pulumi.aws.Provider> aws,
                                             java.util.function.Consumer<String> notices,
                                             ComponentResourceOptions parent) {
        if (settings.cluster() instanceof ExistingClusterArgs existing) {
            return new ExistingCluster(name + "-cluster", existing, parent);
        }
        var eks = (EksClusterArgs) settings.cluster();
        var awsProvider = aws.orElseThrow();
        String clusterName = name + "-" + settings.environment().name();
        List<Output<String>> privateSubnets = eks.privateSubnetIds();
        List<Output<String>> publicSubnets = eks.publicSubnetIds();
        if (settings.network().isPresent()) {
            var vpc = settings.network().get();
            if (settings.storage() instanceof S3StorageArgs s3) {
                vpc = vpc.withS3Bucket(s3.bucketName());
            }
            var network = new EksNetwork(name + "-network", vpc.bind(clusterName, awsProvider), parent);
            privateSubnets = network.privateSubnetIds();
            publicSubnets = network.publicSubnetIds();
        }
        return new EksCluster(name + "-cluster", eks.bind(clusterName, privateSubnets, publicSubnets, awsProvider, notices), parent);
    }

    private static HaStorage storage(String name, FlinkPlatformArgs settings, Output<String> namespace, KubernetesCluster cluster,
                                     Optional<com.pulumi.aws.Provider> aws, ComponentResourceOptions parent) {
        if (settings.storage() instanceof NfsStorageArgs nfs) {
            return new NfsStorage(name + "-storage", nfs.bind(namespace, cluster), parent);
        }
        var s3 = (S3StorageArgs) settings.storage();
        return new S3Storage(name + "-storage", s3.bind(aws.orElseThrow()), parent);
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
    /** @return the jobs' PodMonitor and alerts, when the platform declares them */
    public Optional<JobMonitoring> monitoring() { return monitoring; }

    /** @return the jobs' NetworkPolicies, when the platform declares them */
    public Optional<io.flinkha.network.JobNetworkPolicies> networkPolicies() { return networkPolicies; }
    /** @return the HA deployments, by job name */
    public Map<String, HaFlinkDeployment> deployments() { return Map.copyOf(deployments); }
}
