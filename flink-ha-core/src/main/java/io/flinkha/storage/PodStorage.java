package io.flinkha.storage;

import com.pulumi.kubernetes.core.v1.inputs.EnvVarArgs;
import com.pulumi.kubernetes.core.v1.inputs.VolumeArgs;
import com.pulumi.kubernetes.core.v1.inputs.VolumeMountArgs;

import java.util.List;
import java.util.Map;

/**
 * What every Flink pod needs to reach HA storage: volumes for the pod, mounts and environment for
 * {@code flink-main-container}, and Flink configuration for the filesystem client.
 */
public record PodStorage(
        List<VolumeArgs> volumes,
        List<VolumeMountArgs> mounts,
        List<EnvVarArgs> env,
        Map<String, String> flinkConfiguration) {

    /**
     * @param volumes            volumes of the pod
     * @param mounts             mounts of {@code flink-main-container}
     * @param env                environment of {@code flink-main-container}
     * @param flinkConfiguration Flink configuration the filesystem client needs
     */
    public PodStorage {
        volumes = List.copyOf(volumes);
        mounts = List.copyOf(mounts);
        env = List.copyOf(env);
        flinkConfiguration = Map.copyOf(flinkConfiguration);
    }
}
