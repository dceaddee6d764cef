package io.flinkha.config;

import java.util.List;
import java.util.Optional;

/**
 * Everything one environment (one Pulumi stack) declares, validated once at the edge by
 * {@link SettingsLoader}. Components never read stack config: they get their part of this object
 * through their Args.
 *
 * @param environment name used in every storage path, so environments never share HA data (default: the stack name)
 * @param production  whether this environment serves production; it tightens the rules (storage must be retained)
 * @param namespace   Kubernetes namespace of the Flink jobs (default {@code flink})
 * @param cluster     where the platform runs
 * @param operator    the Flink Kubernetes Operator release
 * @param storage     durable storage for HA metadata, checkpoints and savepoints
 * @param flink       Flink version and image shared by the jobs
 * @param jobs        the Flink jobs, one FlinkDeployment each
 * @param aws         AWS account settings, present when the cluster or the storage is on AWS
 * @param checkedOn   the day the settings were checked on: the EKS support calendar is read against it
 */
public record PlatformSettings(
        String environment,
        boolean production,
        String namespace,
        ClusterSettings cluster,
        OperatorSettings operator,
        StorageSettings storage,
        FlinkSettings flink,
        List<JobSettings> jobs,
        Optional<AwsSettings> aws,
        java.time.LocalDate checkedOn) {
}
