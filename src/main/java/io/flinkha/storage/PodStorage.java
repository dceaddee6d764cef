package io.flinkha.storage;

import com.pulumi.kubernetes.core.v1.inputs.EnvVarArgs;
import com.pulumi.kubernetes.core.v1.inputs.VolumeArgs;
import com.pulumi.kubernetes.core.v1.inputs.VolumeMountArgs;

import java.util.List;

/**
 * What a Flink pod needs to reach HA storage: volumes for the pod, and mounts and environment for
 * {@code flink-main-container}.
 */
public record PodStorage(List<VolumeArgs> volumes, List<VolumeMountArgs> mounts, List<EnvVarArgs> env) {

    public PodStorage {
        volumes = List.copyOf(volumes);
        mounts = List.copyOf(mounts);
        env = List.copyOf(env);
    }
}
