package io.flinkha.flink;

import io.flinkha.network.FlinkPorts;

import com.pulumi.core.Output;
import com.pulumi.kubernetes.core.v1.inputs.ContainerArgs;
import com.pulumi.kubernetes.core.v1.inputs.PodSpecArgs;
import com.pulumi.kubernetes.core.v1.inputs.PodTemplateSpecArgs;
import com.pulumi.core.Either;
import com.pulumi.kubernetes.meta.v1.inputs.LabelSelectorArgs;
import com.pulumi.kubernetes.policy.v1.PodDisruptionBudget;
import com.pulumi.kubernetes.policy.v1.PodDisruptionBudgetArgs;
import com.pulumi.kubernetes.policy.v1.inputs.PodDisruptionBudgetSpecArgs;
import com.pulumi.kubernetes.meta.v1.inputs.ObjectMetaArgs;
import com.pulumi.resources.ComponentResource;
import com.pulumi.resources.ComponentResourceOptions;
import com.pulumi.resources.CustomResourceOptions;
import io.flinkha.flink.check.FlinkOptions;
import io.flinkha.flink.crd.FlinkDeployment;
import io.flinkha.flink.crd.FlinkDeploymentArgs;
import io.flinkha.flink.crd.FlinkDeploymentSpecArgs;
import io.flinkha.flink.crd.FlinkResourceArgs;
import io.flinkha.flink.crd.JobManagerSpecArgs;
import io.flinkha.flink.crd.JobSpecArgs;
import io.flinkha.flink.crd.TaskManagerSpecArgs;
import io.flinkha.storage.FlinkStoragePaths;
import io.flinkha.storage.PodStorage;

import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;

/**
 * One Flink application job with Kubernetes HA: a FlinkDeployment whose HA type, storage paths,
 * JobManager replicas and upgrade mode agree, with the storage reachable from every pod. It waits
 * for the operator (which owns the CRD) and for the RBAC it runs with.
 *
 * @see <a href="https://nightlies.apache.org/flink/flink-docs-release-1.20/docs/deployment/ha/kubernetes_ha/">Kubernetes HA services</a>
 */
public class HaFlinkDeployment extends ComponentResource {
    /** Pulumi type token of the component; part of every child's URN, so it never changes. */
    public static final String TYPE = "flink-ha:flink:HaFlinkDeployment";
    /** The container name the operator merges pod templates into. */
    public static final String MAIN_CONTAINER = "flink-main-container";

    /** The worst-case recovery time, with its terms, as planned. */
    public static final String WORST_CASE_ANNOTATION = "flink-ha.io/recovery-worst-case";
    /** The worst case after losing a TaskManager with the JobManager (a node failure), beside the objective's path. */
    public static final String TASKMANAGER_LOSS_ANNOTATION = "flink-ha.io/recovery-taskmanager-loss";
    /** Where the recovery model let a floor against false failovers win over the objective, or a setting is below one. */
    public static final String TRADEOFFS_ANNOTATION = "flink-ha.io/recovery-tradeoffs";
    /** The declared recovery objective. */
    public static final String OBJECTIVE_ANNOTATION = "flink-ha.io/recovery-objective";
    /**
     * The recovery figures as JSON, for tools (the policy pack reads this one, never the prose): the objective,
     * the assumed pod start-up and restore times, and both paths term by term, all in milliseconds.
     */
    public static final String RECOVERY_ANNOTATION = "flink-ha.io/recovery";
    /**
     * Read by the Kubernetes provider (plugin 4.18 and later, see {@link io.flinkha.cluster.KubernetesCluster#PROVIDER_PLUGIN_VERSION}):
     * a JSON list of conditions that must all hold before a create or update counts as done.
     */
    public static final String WAIT_FOR_ANNOTATION = "pulumi.com/waitFor";
    /** Why a change may drop the job's state, when it says so: the plan diff and the state-safety policy read it. */
    public static final String STATE_LOSS_ACKNOWLEDGED_ANNOTATION = "flink-ha.io/state-loss-acknowledged";
    /**
     * The operator release that reconciles the deployment: which Flink release its validator reads the configuration with.
     * The policy pack and the plan diff read it, since the deployment alone does not say.
     */
    public static final String OPERATOR_ANNOTATION = "flink-ha.io/operator";
    /** Read by the Kubernetes provider: how long it waits for {@link #WAIT_FOR_ANNOTATION}, in seconds. */
    public static final String TIMEOUT_ANNOTATION = "pulumi.com/timeoutSeconds";
    /**
     * What the operator reports once a job runs: its job {@code RUNNING} and the deployment {@code STABLE}
     * (the operator's lifecycle states; a deployment its validator refuses stays without either, with the
     * reason in {@code status.error}).
     */
    public static final String READY_CONDITIONS = "[\"jsonpath={.status.jobStatus.state}=RUNNING\","
            + "\"jsonpath={.status.lifecycleState}=STABLE\"]";

    private final FlinkDeployment deployment;
    private final Optional<PodDisruptionBudget> jobManagerBudget;
    private final FlinkStoragePaths paths;
    private final FlinkPorts ports;
    private final RecoveryModel.Recovery recovery;

    /**
     * Declares an HA FlinkDeployment.
     *
     * @param name    logical name (it becomes the FlinkDeployment's name and Flink's cluster-id); children are named {@code <name>-<part>}
     * @param args    the arguments
     * @param options component options, e.g. a parent; may be null
     */
    public HaFlinkDeployment(String name, HaFlinkDeploymentArgs args, ComponentResourceOptions options) {
        super(TYPE, name, options);
        HaFlinkDeploymentArgs.nameProblem(name).ifPresent(p -> {
            throw new IllegalArgumentException("HaFlinkDeployment name: " + p);
        });
        if (args.storage() == null || args.serviceAccount() == null) {
            throw new IllegalArgumentException("HaFlinkDeploymentArgs: made without storage or account; bind(storage, account, operator) them");
        }
        this.paths = args.storage().pathsFor(args.namespace(), name);
        this.ports = FlinkPorts.of(args.flinkConfiguration());
        PodStorage podStorage = args.storage().podStorage(args.flinkVersion(), args.serviceAccount().credentials());
        this.recovery = args.recovery();

        var spec = FlinkDeploymentSpecArgs.builder()
                .image(args.image())
                .flinkVersion(args.operatorFlinkVersion())
                .serviceAccount(args.serviceAccount().name())
                .flinkConfiguration(flinkConfiguration(args, paths, podStorage, recovery))
                .podTemplate(podTemplate(podStorage, io.flinkha.monitoring.FlinkMetrics.port(args.flinkConfiguration())))
                .jobManager(new JobManagerSpecArgs(args.jobManagerReplicas(),
                        new FlinkResourceArgs(args.jobManager().cpu(), args.jobManager().memory()), PodSpread.jobManagers(name)))
                .taskManager(new TaskManagerSpecArgs(
                        new FlinkResourceArgs(args.taskManager().cpu(), args.taskManager().memory()), PodSpread.taskManagers(name)))
                .job(new JobSpecArgs(args.jarUri(), args.entryClass().orElse(null), args.args(),
                        args.parallelism(), args.upgradeMode(), args.initialSavepointPath().orElse(null),
                        args.savepointRedeployNonce().orElse(null)))
                .build();

        this.deployment = new FlinkDeployment(name, new FlinkDeploymentArgs(
                ObjectMetaArgs.builder()
                        .name(name)
                        .namespace(args.namespace())
                        .labels(labels(name))
                        .annotations(annotations(args, recovery))
                        .build(),
                spec), args.operatorRelease(),
                CustomResourceOptions.builder().parent(this).provider(args.provider()).dependsOn(args.dependsOn()).build());

        // The operator creates no disruption budget: without one a node drain may evict the leader and every standby
        // at once. With one JobManager a budget would block drains for good, so it comes with standbys only.
        this.jobManagerBudget = args.jobManagerReplicas() < 2 ? Optional.empty() : Optional.of(new PodDisruptionBudget(name + "-jobmanagers",
                PodDisruptionBudgetArgs.builder()
                        .metadata(ObjectMetaArgs.builder().name(name + "-jobmanagers").namespace(args.namespace())
                                .labels(labels(name)).build())
                        .spec(PodDisruptionBudgetSpecArgs.builder()
                                .maxUnavailable(Either.ofLeft(1))
                                .selector(LabelSelectorArgs.builder()
                                        .matchLabels(PodSpread.selector(name, PodSpread.JOB_MANAGER))
                                        .build())
                                .build())
                        .build(),
                CustomResourceOptions.builder().parent(this).provider(args.provider()).build()));

        registerOutputs(Map.of(
                "haStorageDir", paths.haStorageDir(),
                "checkpointsDir", paths.checkpointsDir(),
                "savepointsDir", paths.savepointsDir()));
    }

    /**
     * The platform's keys are written last, so extra configuration can never turn HA off or move the
     * storage (the Args builder also refuses such keys outright).
     */
    static Output<Map<String, String>> flinkConfiguration(HaFlinkDeploymentArgs args, FlinkStoragePaths paths, PodStorage storage,
                                                          RecoveryModel.Recovery recovery) {
        return Output.tuple(paths.haStorageDir(), paths.checkpointsDir(), paths.savepointsDir()).applyValue(t -> {
            Map<String, String> conf = new TreeMap<>(args.flinkConfiguration());
            conf.putAll(storage.flinkConfiguration());
            recovery.derived().forEach(conf::putIfAbsent);
            // fixed shuffle and metric query ports, so the jobs' NetworkPolicies can name them (Flink picks random ones by default)
            FlinkPorts.RENDERED.forEach(conf::putIfAbsent);
            // The operator's validator reads these through its own Flink release (1.19.1 for operator 1.10.0, 1.20.1 for
            // 1.15.0), the pods through the image's: each goes under the newest name both know.
            FlinkOptions operator = FlinkOptions.of(args.operatorRelease().flinkVersion());
            FlinkOptions job = FlinkOptions.forJob(args.flinkVersion()).orElseThrow();
            conf.put(FlinkOptions.nameBothRead(FlinkConfigKeys.HA_TYPE, operator, job), FlinkConfigKeys.HA_TYPE_KUBERNETES);
            conf.put(FlinkOptions.nameBothRead(FlinkConfigKeys.HA_STORAGE_DIR, operator, job), t.t1);
            conf.put(FlinkOptions.nameBothRead(FlinkConfigKeys.CHECKPOINTS_DIR, operator, job), t.t2);
            conf.put(FlinkOptions.nameBothRead(FlinkConfigKeys.SAVEPOINTS_DIR, operator, job), t.t3);
            conf.put(FlinkOptions.nameBothRead(FlinkConfigKeys.CHECKPOINT_INTERVAL, operator, job), args.checkpointInterval());
            conf.put(FlinkOptions.nameBothRead(FlinkConfigKeys.CHECKPOINTS_RETAINED, operator, job), Integer.toString(args.retainedCheckpoints()));
            args.savepoints().ifPresent(s -> conf.putAll(s.flinkConfiguration()));
            return Map.copyOf(conf);
        });
    }

    /** The worst case travels with the deployment, so reviewers see it in the plan and operators in the cluster. */
    static Map<String, String> annotations(HaFlinkDeploymentArgs args, RecoveryModel.Recovery recovery) {
        Map<String, String> a = new TreeMap<>();
        a.put(WORST_CASE_ANNOTATION, recovery.describe());
        a.put(TASKMANAGER_LOSS_ANNOTATION, recovery.taskManagerLoss().describe());
        if (!recovery.tradeoffs().isEmpty()) {
            a.put(TRADEOFFS_ANNOTATION, String.join("; ", recovery.tradeoffs()));
        }
        var assumed = args.recoveryObjective();
        a.put(RECOVERY_ANNOTATION, recovery.toJson(assumed.map(RecoveryObjective::target),
                assumed.map(RecoveryObjective::podStartup).orElse(RecoveryObjective.DEFAULT_POD_STARTUP),
                assumed.map(RecoveryObjective::restoreTime).orElse(RecoveryObjective.DEFAULT_RESTORE_TIME)));
        assumed.ifPresent(o -> a.put(OBJECTIVE_ANNOTATION, RecoveryModel.format(o.target())));
        // without these, `pulumi up` reports success as soon as the API server stores the object, even when
        // the operator refuses it or the job crash-loops
        a.put(WAIT_FOR_ANNOTATION, READY_CONDITIONS);
        a.put(TIMEOUT_ANNOTATION, Long.toString(args.readyTimeout().toSeconds()));
        args.stateLossAcknowledged().ifPresent(reason -> a.put(STATE_LOSS_ACKNOWLEDGED_ANNOTATION, reason));
        a.put(OPERATOR_ANNOTATION, args.operatorRelease().version());
        return a;
    }

    /**
     * The official Flink image's user and group: its Dockerfile makes {@code flink} with uid and gid 9999 and gives it
     * {@code /opt/flink} (apache/flink-docker, 1.20 and 2.2 images). The 2.x images run as it ({@code USER flink}); the 1.20
     * entrypoint steps down to it with gosu only when started as root, and runs as it directly otherwise, so both start
     * as a non-root user, and the built-in plugin link it makes lands in {@code /opt/flink/plugins}, which it owns.
     */
    public static final long FLINK_USER = 9999;

    /**
     * The pod-level and container-level settings of the {@code restricted} Pod Security Standard: not root, no privilege
     * escalation, no capabilities, the runtime's default seccomp profile. {@code fsGroup} keeps a mounted state volume
     * writable by the Flink user. Flink merges the pod template into the JobManager and TaskManager pods it makes and
     * keeps these fields (it overrides only the image, resources, env and its own volume mounts, and adds its ports after
     * the template's).
     */
    static PodTemplateSpecArgs podTemplate(PodStorage storage, Optional<Integer> metricsPort) {
        var container = ContainerArgs.builder().name(MAIN_CONTAINER)
                .securityContext(com.pulumi.kubernetes.core.v1.inputs.SecurityContextArgs.builder()
                        .allowPrivilegeEscalation(false)
                        .capabilities(com.pulumi.kubernetes.core.v1.inputs.CapabilitiesArgs.builder().drop("ALL").build())
                        .build());
        var pod = PodSpecArgs.builder()
                .securityContext(com.pulumi.kubernetes.core.v1.inputs.PodSecurityContextArgs.builder()
                        .runAsNonRoot(true)
                        .runAsUser((int) FLINK_USER)
                        .runAsGroup((int) FLINK_USER)
                        .fsGroup((int) FLINK_USER)
                        .seccompProfile(com.pulumi.kubernetes.core.v1.inputs.SeccompProfileArgs.builder().type("RuntimeDefault").build())
                        .build());
        if (!storage.mounts().isEmpty()) {
            container.volumeMounts(storage.mounts());
            pod.volumes(storage.volumes());
        }
        if (!storage.env().isEmpty()) {
            container.env(storage.env());
        }
        // a named port for the PodMonitor: Flink keeps the template's ports and adds its own after them
        metricsPort.ifPresent(p -> container.ports(com.pulumi.kubernetes.core.v1.inputs.ContainerPortArgs.builder()
                .name(io.flinkha.monitoring.FlinkMetrics.PORT_NAME).containerPort(p).protocol("TCP").build()));
        return PodTemplateSpecArgs.builder().spec(pod.containers(container.build()).build()).build();
    }

    private static Map<String, String> labels(String deployment) {
        return Map.of("app.kubernetes.io/part-of", "flink-ha", "app.kubernetes.io/name", deployment);
    }

    /** @return the disruption budget that keeps a drain from evicting more than one JobManager at a time, with standbys */
    public Optional<PodDisruptionBudget> jobManagerBudget() {
        return jobManagerBudget;
    }

    /** @return the FlinkDeployment custom resource */
    public FlinkDeployment deployment() {
        return deployment;
    }

    /** @return the worst-case recovery of this deployment and the settings derived for it */
    public RecoveryModel.Recovery recovery() {
        return recovery;
    }

    /** @return the ports this deployment's pods talk on, from its configuration as rendered */
    public FlinkPorts ports() {
        return ports;
    }

    /** @return where this deployment keeps HA metadata, checkpoints and savepoints */
    public FlinkStoragePaths paths() {
        return paths;
    }
}
