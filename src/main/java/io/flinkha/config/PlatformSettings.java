package io.flinkha.config;

import java.util.List;

/**
 * Everything one environment (one Pulumi stack) declares, validated once at the edge by
 * {@link SettingsLoader}. Components never read stack config: they get their part of this object
 * through their Args.
 *
 * @param environment name used in every storage path, so environments never share HA data (default: the stack name)
 * @param namespace   Kubernetes namespace of the Flink jobs (default {@code flink})
 * @param cluster     where the platform runs
 * @param operator    the Flink Kubernetes Operator release
 * @param storage     durable storage for HA metadata, checkpoints and savepoints
 * @param flink       Flink version and image shared by the jobs
 * @param jobs        the Flink jobs, one FlinkDeployment each
 */
public record PlatformSettings(
        String environment,
        String namespace,
        ClusterSettings cluster,
        OperatorSettings operator,
        StorageSettings storage,
        FlinkSettings flink,
        List<JobSettings> jobs) {

    public PlatformSettings {
        jobs = List.copyOf(jobs);
    }
}
