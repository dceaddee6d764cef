package io.flinkha.platform;

import io.flinkha.cluster.ClusterArgs;
import io.flinkha.aws.eks.Ec2InstanceTypes;
import io.flinkha.aws.eks.EksClusterArgs;
import io.flinkha.aws.eks.EksNetworkArgs;
import io.flinkha.cluster.ExistingClusterArgs;
import io.flinkha.aws.eks.EksVersions;
import io.flinkha.aws.eks.NodeGroupSpec;
import io.flinkha.cluster.PodPlacement;
import io.flinkha.flink.JobPods;
import io.flinkha.monitoring.FlinkMetrics;
import io.flinkha.monitoring.JobMonitoringArgs;
import io.flinkha.network.JobIsolation;
import io.flinkha.network.JobNetworkPoliciesArgs;
import io.flinkha.operator.FlinkOperatorArgs;
import io.flinkha.operator.OperatorRelease;
import io.flinkha.storage.HaStorage;
import io.flinkha.storage.HaStorageArgs;
import io.flinkha.storage.NfsStorageArgs;
import io.flinkha.aws.s3.S3Storage;
import io.flinkha.aws.s3.S3StorageArgs;
import io.flinkha.validation.ArgsCheck;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;

/**
 * Arguments of {@link FlinkPlatform}: the environment and the Args of each component, checked alone by their own rules and
 * here by the rules that span components (the pods fit the nodes, S3 has an identity to grant, a job's paths lie on the
 * volume). Each problem and warning names its field by the path a stack spells it ({@code cluster.nodes},
 * {@code jobs[0].flinkConfiguration.x}), so a stack's binder only adds its project's prefix.
 *
 * @param environment the environment's own facts
 * @param cluster     where the platform runs: an existing cluster, or an EKS cluster's Args without its name, subnets and
 *                    provider (the platform binds them)
 * @param network     the new VPC of an EKS cluster, without its cluster's name and provider; empty for an existing cluster
 *                    or existing subnets
 * @param storage     the HA storage's Args, without the namespace, cluster or provider (the platform binds them)
 * @param operator    the operator's Args, without the cluster and namespaces (the platform binds them)
 * @param jobs        the jobs, one HA FlinkDeployment each, without storage, account and operator
 * @param isolation   the jobs' NetworkPolicies, without the namespaces and deployments (the platform binds them), or
 *                    none and why
 * @param monitoring  Prometheus scraping and alerts, without the namespace and jobs (the platform binds them); empty for none
 */
public record FlinkPlatformArgs(Environment environment, ClusterArgs cluster, Optional<EksNetworkArgs> network, HaStorageArgs storage,
                                FlinkOperatorArgs operator, List<Job> jobs, JobIsolation isolation, Optional<JobMonitoringArgs> monitoring) {
    /** Documentation address ranges (RFC 5737): nothing real is ever there. */
    private static final List<String> DOCUMENTATION_NETWORKS = List.of("192.0.2.", "198.51.100.", "203.0.113.");
    /** Account ids AWS uses in its documentation and examples. */
    private static final Set<String> EXAMPLE_ACCOUNTS = Set.of("111122223333", "123456789012", "444455556666", "777788889999",
            "999999999999", "111111111111", "222222222222", "210987654321");

    /**
     * Checks the rules that span components.
     *
     * @param environment the environment's own facts
     * @param cluster     where the platform runs
     * @param network     the new VPC of an EKS cluster, if it gets one
     * @param storage     the HA storage's Args
     * @param operator    the operator's Args
     * @param jobs        the jobs
     * @param isolation   the jobs' NetworkPolicies, or none and why
     * @param monitoring  Prometheus scraping and alerts, if any
     * @throws IllegalArgumentException naming every problem
     */
    public FlinkPlatformArgs {
        jobs = List.copyOf(jobs);
        monitoring = monitoring == null ? Optional.empty() : monitoring;
        var check = ArgsCheck.of("FlinkPlatformArgs")
                .required("isolation", isolation, "expected JobIsolation.byDefault(), or JobIsolation.off(reason)")
                .required("cluster", cluster, "expected {kind: existing, context: <kubeconfig context>}")
                .required("storage", storage, "expected {kind: nfs, storageClass: <RWX class>}")
                .required("operator", operator, "expected the operator's Args")
                .check(!jobs.isEmpty(), "jobs", "[]", "expected at least one job")
                .check(network.isEmpty() || cluster instanceof EksClusterArgs, "network", "a VPC", "expected only with an EKS cluster");
        problems(environment, cluster, network, storage, operator, jobs, isolation, monitoring, check);
        check.done();
    }

    /** @return the jobs' NetworkPolicies' Args, when they are on */
    public Optional<JobNetworkPoliciesArgs> networkPolicies() {
        return isolation.policies();
    }

    /**
     * The rules that span components, for whichever parts exist: a stack's binder runs them beside each part's own, so
     * that every problem of a stack is found in one round.
     *
     * @param environment the environment's own facts
     * @param cluster     where the platform runs, if that was readable
     * @param network     the new VPC of an EKS cluster, if it gets one
     * @param storage     the HA storage's Args, if they were valid
     * @param operator    the operator's Args, if they were valid
     * @param jobs        the valid jobs
     * @param isolation   the jobs' NetworkPolicies, or none and why, if that was readable
     * @param monitoring  Prometheus scraping and alerts, if any
     * @param check       where each problem goes, by the path a stack spells it
     */
    public static void problems(Environment environment, ClusterArgs cluster, Optional<EksNetworkArgs> network, HaStorageArgs storage,
                                FlinkOperatorArgs operator, List<Job> jobs, JobIsolation isolation, Optional<JobMonitoringArgs> monitoring,
                                ArgsCheck check) {
        if (monitoring.isPresent()) {
            for (int i = 0; i < jobs.size(); i++) {
                int index = i;
                jobs.get(i).args().flinkConfiguration().keySet().stream().filter(k -> k.startsWith("metrics.reporter." + FlinkMetrics.REPORTER + "."))
                        .sorted().forEach(k -> check.check(false, "jobs[" + index + "].flinkConfiguration." + k, jobs.get(index).args()
                                .flinkConfiguration().get(k), "the platform's monitoring renders the Prometheus reporter on port "
                                + FlinkMetrics.PORT + " for its PodMonitor; remove the key, or turn monitoring off"));
            }
        }
        if (environment.production() && isolation instanceof JobIsolation.Off off) {
            check.check(off.reason().isPresent(), "networkPolicies.enabled", false, "a production stack keeps the jobs' NetworkPolicies: "
                    + "without them any pod in the cluster reaches each JobManager's REST API, which cancels jobs and runs submitted "
                    + "code; keep them on, or say why with networkPolicies.reason");
        }
        Set<String> names = new HashSet<>();
        for (int i = 0; i < jobs.size(); i++) {
            Job job = jobs.get(i);
            if (!names.add(job.name())) {
                check.check(false, "jobs[" + i + "].name", job.name(), "job names must be unique: they name the deployment and its storage paths");
            }
            Optional<String> mount = storage instanceof NfsStorageArgs nfs ? Optional.of(nfs.mountPath()) : Optional.empty();
            int index = i;
            new java.util.TreeMap<>(job.args().flinkConfiguration()).forEach((k, v) ->
                    check.problem("jobs[" + index + "].flinkConfiguration." + k, v, HaStorage.localPathProblem(v, mount)));
        }
        Optional<OperatorRelease> release = Optional.ofNullable(operator).flatMap(o -> OperatorRelease.of(o.version()));
        if (release.isPresent() && environment.production()) {
            defectProblems(release.get(), operator, jobs, check);
        }
        if (network.isPresent() && environment.awsRegion().isPresent()) {
            EksNetworkArgs vpc = network.get();
            // the AWS provider works in aws.region: subnets in another region's zones are refused at deployment, and
            // the S3 endpoint is named after the zones' region
            String region = environment.awsRegion().get();
            List<String> elsewhere = vpc.availabilityZones().stream().filter(z -> EksNetworkArgs.ZONE.matcher(z).matches())
                    .filter(z -> !EksNetworkArgs.regionOf(z).equals(region)).toList();
            check.check(elsewhere.isEmpty(), "cluster.vpc.availabilityZones", elsewhere, "expected zones of aws.region " + region);
        }
        if (environment.production() && cluster instanceof EksClusterArgs eks) {
            check.check(eks.encryption().isPresent(), "cluster.encryption.enabled", false, "a production EKS cluster envelope-encrypts "
                    + "its secrets and its control plane's logs with a KMS key of its own (rotation, audit, revocation); drop "
                    + "enabled: false, or name a key with cluster.encryption.kmsKeyArn");
        }
        if (cluster instanceof EksClusterArgs eks && !jobs.isEmpty() && operator != null) {
            capacity(eks.nodeGroup(), operator, jobs, environment.production()).ifPresent(p -> check.raw("cluster.nodeGroup", p));
        }
        if (cluster instanceof ExistingClusterArgs existing && existing.nodes().isPresent()) {
            int nodes = existing.nodes().get();
            for (Job job : jobs) {
                int replicas = job.args().jobManagerReplicas();
                check.check(replicas <= nodes, "cluster.nodes", nodes, String.format("job %s runs %d JobManagers, which "
                        + "never share a node (required anti-affinity, so the standby survives the leader's node), but the cluster "
                        + "has %d node%s: %d would stay Pending; add nodes, or lower jobManagerReplicas", job.name(), replicas,
                        nodes, nodes == 1 ? "" : "s", replicas - nodes));
            }
        }
        boolean onAws = cluster instanceof EksClusterArgs || storage instanceof S3StorageArgs;
        if (onAws && environment.awsRegion().isEmpty()) {
            check.required("aws", null, "expected {region: <AWS region>} because the cluster or the storage is on AWS");
        }
        if (storage instanceof S3StorageArgs) {
            boolean hasOidc = cluster instanceof EksClusterArgs || cluster instanceof ExistingClusterArgs e && e.oidc().isPresent();
            check.check(cluster == null || hasOidc, "storage.kind", "s3", "S3 storage is granted to Flink through IRSA, which needs the "
                    + "cluster's OIDC provider: set cluster.oidc {providerArn, issuerUrl} or use cluster kind eks");
            if (cluster instanceof EksClusterArgs eks && eks.podIdentity()) {
                // every job's own Flink reads the credentials, so each release a job runs must know Pod Identity
                jobs.stream().map(j -> j.args().flinkVersion()).distinct().sorted().forEach(version -> S3Storage.podIdentityProblem(version)
                        .ifPresent(p -> check.check(false, "cluster.identity", "podIdentity", p)));
            }
        }
    }

    /**
     * What in valid Args will still hurt: an EKS version near the end of its support, values copied from examples
     * (documentation address ranges, AWS's example account ids) that cannot work for real, a known defect of the operator
     * that can hit a job, and each job's own warnings.
     *
     * @return one message per finding, each starting with the path a stack spells it; empty when none
     */
    public List<String> warnings() {
        List<String> out = new ArrayList<>();
        if (isolation instanceof JobIsolation.Off off) {
            out.add("networkPolicies.enabled: false: the jobs run unisolated; any pod in the cluster reaches each JobManager's REST "
                    + "API (cancel jobs, run code) and the jobs reach anything" + off.reason().map(r -> " (reason given: " + r + ")").orElse(""));
        }
        if (cluster instanceof EksClusterArgs eks) {
            EksVersions.warning(eks.kubernetesVersion(), eks.supportType(), environment.checkedOn())
                    .ifPresent(w -> out.add("cluster.kubernetesVersion: " + w));
            for (String cidr : eks.publicAccessCidrs()) {
                if (DOCUMENTATION_NETWORKS.stream().anyMatch(cidr::startsWith)) {
                    out.add("cluster.publicAccessCidrs: '" + cidr + "' is a documentation range (RFC 5737); no CI runner or "
                            + "office is there, so nobody can reach the API endpoint: replace it with your own ranges");
                }
            }
            eks.admins().forEach(a -> exampleAccount(a).ifPresent(acct -> out.add("cluster.admins: '" + a
                    + "' is in AWS's example account " + acct + "; replace it with your administrators' role")));
            exampleAccount(eks.deployer()).ifPresent(acct -> out.add("cluster.deployer: '" + eks.deployer()
                    + "' is in AWS's example account " + acct + "; name the role your pulumi up runs as"));
            eks.previewers().forEach(a -> exampleAccount(a).ifPresent(acct -> out.add("cluster.previewers: '" + a
                    + "' is in AWS's example account " + acct + "; name the role your pull-request previews run as")));
        }
        if (cluster instanceof ExistingClusterArgs existing && existing.nodes().isEmpty()) {
            for (Job job : jobs) {
                int replicas = job.args().jobManagerReplicas();
                if (replicas > 1) {
                    out.add("cluster.nodes: job " + job.name() + " runs " + replicas + " JobManagers, which never share a node "
                            + "(required anti-affinity): the cluster needs at least " + replicas + " nodes, which the plan cannot count "
                            + "offline; declare cluster.nodes to have it checked");
                }
            }
        }
        if (cluster instanceof ExistingClusterArgs existing) {
            existing.oidc().flatMap(o -> o.declaredProviderArn()).ifPresent(arn -> exampleAccount(arn).ifPresent(acct -> out.add(
                    "cluster.oidc.providerArn: '" + arn + "' is in AWS's example account " + acct + "; use your cluster's OIDC provider")));
        }
        for (int i = 0; i < jobs.size(); i++) {
            for (String w : jobs.get(i).args().warnings()) {
                out.add("jobs[" + i + "]." + w);
            }
        }
        OperatorRelease.of(operator.version()).ifPresent(release -> {
            for (OperatorRelease.KnownDefect d : release.knownDefects()) {
                List<String> atRisk = jobsAtRisk(d, jobs);
                if (!atRisk.isEmpty() && (!environment.production() || operator.acknowledgedDefects().contains(d.id()))) {
                    out.add("operator.version: " + defect(release, d, atRisk));
                }
            }
        });
        if (storage instanceof S3StorageArgs s3) {
            s3.kmsKeyArn().ifPresent(k -> exampleAccount(k).ifPresent(acct -> out.add("storage.kmsKeyArn: '" + k
                    + "' is in AWS's example account " + acct + "; use your own key, or every write to the bucket fails")));
        }
        if (monitoring.isPresent()) {
            // the plan cannot see the cluster: the warning says what a cluster without the CRDs does with these objects
            out.add("monitoring: the PodMonitor and PrometheusRule need the Prometheus Operator's CRDs (monitoring.coreos.com/v1) in "
                    + "the cluster; a cluster without them refuses both at `pulumi preview`, before anything changes: install the "
                    + "operator (kube-prometheus-stack) first, or set monitoring: {enabled: false}");
        }
        return out;
    }

    private static List<String> jobsAtRisk(OperatorRelease.KnownDefect d, List<Job> jobs) {
        return jobs.stream().filter(j -> d.modesAtRisk().contains(j.args().upgradeMode().value())).map(Job::name).toList();
    }

    private static String defect(OperatorRelease release, OperatorRelease.KnownDefect d, List<String> atRisk) {
        return "operator " + release.version() + " has " + d.id() + " (fixed in " + d.fixedIn() + "): " + d.effect()
                + "; jobs at risk: " + String.join(", ", atRisk) + " (" + String.join(", ", new TreeSet<>(d.modesAtRisk())) + ")";
    }

    /**
     * A production job whose upgrade mode a known defect of its operator can hit is refused: moving to a release with the
     * fix is the way out, and acknowledging the defect by id the deliberate exception. Elsewhere it is a warning.
     */
    private static void defectProblems(OperatorRelease release, FlinkOperatorArgs operator, List<Job> jobs, ArgsCheck check) {
        for (OperatorRelease.KnownDefect d : release.knownDefects()) {
            List<String> atRisk = jobsAtRisk(d, jobs);
            check.check(atRisk.isEmpty() || operator.acknowledgedDefects().contains(d.id()), "operator.version", release.version(),
                    defect(release, d, atRisk) + ". A production stack moves to operator " + OperatorRelease.DEFAULT.version()
                            + ", or acknowledges the defect with operator.acknowledgeDefects: [" + d.id() + "]");
        }
    }

    private static Optional<String> exampleAccount(String arn) {
        String[] parts = arn.split(":");
        return parts.length > 4 && EXAMPLE_ACCOUNTS.contains(parts[4]) ? Optional.of(parts[4]) : Optional.empty();
    }

    /**
     * The operator's and every job's pods must fit the node group's desired size, on its smallest instance type, or some stay
     * Pending for ever; a production stack must still fit after losing one node.
     */
    private static Optional<String> capacity(NodeGroupSpec nodeGroup, FlinkOperatorArgs operator, List<Job> jobs,
                                             boolean production) {
        List<PodPlacement.Pod> pods = new ArrayList<>(Ec2InstanceTypes.EKS_ADD_ONS);
        for (int i = 0; i < operator.replicas(); i++) {
            pods.add(new PodPlacement.Pod("Flink operator", operator.milliCpu(), operator.memoryMib()));
        }
        for (Job job : jobs) {
            var args = job.args();
            int replicas = args.jobManagerReplicas();
            pods.addAll(JobPods.of(job.name(), replicas, args.jobManager(), args.parallelism(), args.taskManager(), args.flinkConfiguration()));
            if (replicas > nodeGroup.desiredSize()) {
                return Optional.of(String.format("job %s runs %d JobManagers, which never share a node (the standby must "
                        + "survive the loss of the leader's node), but the node group has %d: %d would stay Pending; set "
                        + "desiredSize to at least %d", job.name(), replicas, nodeGroup.desiredSize(),
                        replicas - nodeGroup.desiredSize(), replicas));
            }
        }
        String typeName = nodeGroup.instanceTypes().stream().min(Comparator.comparingInt((String t) ->
                Ec2InstanceTypes.of(t).orElseThrow().allocatableMilliCpu())).orElseThrow();
        Ec2InstanceTypes.InstanceType node = Ec2InstanceTypes.of(typeName).orElseThrow();
        int nodes = nodeGroup.desiredSize();
        String each = String.format("%dm CPU and %d MiB allocatable each, after the kubelet's reserve and the EKS DaemonSets",
                node.allocatableMilliCpu(), node.allocatableMemoryMib());
        List<PodPlacement.Pod> pending = PodPlacement.unplaced(pods, node, nodes);
        String what;
        if (!pending.isEmpty()) {
            what = String.format("the jobs' pods do not fit %d node%s of %s (%s)", nodes, nodes == 1 ? "" : "s", typeName, each);
        } else if (production) {
            pending = PodPlacement.unplaced(pods, node, nodes - 1);
            if (pending.isEmpty()) {
                return Optional.empty();
            }
            what = String.format("the jobs' pods fit %d nodes of %s (%s) but not the %d left after losing one; a production stack "
                    + "keeps room to lose a node, or a node failure leaves jobs down until it is replaced", nodes, typeName, each, nodes - 1);
        } else {
            return Optional.empty();
        }
        int needed = PodPlacement.nodesNeeded(pods, node, 1000).orElse(1000) + (production ? 1 : 0);
        Map<String, Long> left = new LinkedHashMap<>();
        pending.forEach(pod -> left.merge(pod.description() + " (" + pod.milliCpu() + "m CPU, " + pod.memoryMib() + " MiB)", 1L, Long::sum));
        int cpu = pods.stream().mapToInt(PodPlacement.Pod::milliCpu).sum();
        int memory = pods.stream().mapToInt(PodPlacement.Pod::memoryMib).sum();
        return Optional.of(String.format("%s. Left Pending: %s. The pods request %dm CPU and %d MiB in all (with CoreDNS and the Flink operator); "
                        + "set desiredSize to at least %d%s, or use a larger instance type",
                what, String.join(", ", left.entrySet().stream().map(e -> e.getValue() + " x " + e.getKey()).toList()),
                cpu, memory, needed, production ? " (one node to spare)" : ""));
    }
}
