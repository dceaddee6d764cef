package io.flinkha.config;

import io.flinkha.flink.ContainerResources;
import io.flinkha.flink.RecoveryObjective;
import io.flinkha.flink.crd.UpgradeMode;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * One Flink application job, deployed as one FlinkDeployment: an entry of config key {@code flink-ha:jobs}.
 *
 * @param name               deployment name; also Flink's cluster-id, so at most 45 characters of {@code [a-z0-9-]}
 * @param jarUri             job jar, e.g. {@code local:///opt/flink/usrlib/job.jar}
 * @param entryClass         main class, when the jar's manifest does not name one
 * @param args               program arguments
 * @param parallelism        job parallelism (default 1)
 * @param upgradeMode        how the operator upgrades the job (default {@code last-state}, which resumes from HA metadata)
 * @param jobManagerReplicas JobManagers; more than one keeps standbys for faster failover (default: 1, or 2 when the
 *                           recovery objective needs a standby)
 * @param checkpointInterval checkpoint interval as a Flink duration, e.g. {@code 30s} (default {@code 60s})
 * @param retainedCheckpoints completed checkpoints kept (at least 2 in production)
 * @param jobManager         JobManager container resources
 * @param taskManager        TaskManager container resources
 * @param flinkConfiguration extra Flink configuration; keys the platform owns (HA, storage paths, cluster ids) are refused
 * @param recovery           the recovery objective (the environment's, or the job's own), if any
 * @param readyTimeout       how long {@code pulumi up} waits for the job to run (default 10 minutes)
 * @param initialSavepointPath the savepoint a new deployment starts from (how a renamed or moved job keeps its state)
 * @param acknowledgeStateLoss why this change may drop the job's state, if it may
 * @param flink              the job's own Flink version and image, when it does not run the stack's
 * @param savepointRedeployNonce a new value redeploys the running job from initialSavepointPath
 */
public record JobSettings(
        String name,
        String jarUri,
        Optional<String> entryClass,
        List<String> args,
        int parallelism,
        UpgradeMode upgradeMode,
        Optional<Integer> jobManagerReplicas,
        String checkpointInterval,
        int retainedCheckpoints,
        ContainerResources jobManager,
        ContainerResources taskManager,
        Map<String, String> flinkConfiguration,
        Optional<RecoveryObjective> recovery,
        Duration readyTimeout,
        Optional<String> initialSavepointPath,
        Optional<String> acknowledgeStateLoss,
        Optional<FlinkSettings> flink,
        Optional<Integer> savepointRedeployNonce) {
}
