package io.flinkha.storage;

import io.flinkha.identity.FlinkServiceAccount;
import com.pulumi.core.Output;
import com.pulumi.kubernetes.core.v1.PersistentVolumeClaim;
import com.pulumi.kubernetes.core.v1.PersistentVolumeClaimArgs;
import com.pulumi.kubernetes.core.v1.inputs.PersistentVolumeClaimSpecArgs;
import com.pulumi.kubernetes.core.v1.inputs.PersistentVolumeClaimVolumeSourceArgs;
import com.pulumi.kubernetes.core.v1.inputs.VolumeArgs;
import com.pulumi.kubernetes.core.v1.inputs.VolumeMountArgs;
import com.pulumi.kubernetes.core.v1.inputs.ResourceRequirementsArgs;
import com.pulumi.kubernetes.meta.v1.inputs.ObjectMetaArgs;
import com.pulumi.resources.ComponentResource;
import com.pulumi.resources.ComponentResourceOptions;
import com.pulumi.resources.CustomResourceOptions;

import java.util.List;
import java.util.Map;

/**
 * HA storage on a ReadWriteMany NFS volume: one PersistentVolumeClaim in the jobs' namespace,
 * mounted at the same path in every JobManager and TaskManager, with {@code file://} URIs on that
 * mount. Unlike a pod-local path it outlives every pod, which is what lets a new JobManager recover.
 */
public class NfsStorage extends ComponentResource implements HaStorage {
    /** Pulumi type token of the component; part of every child's URN, so it never changes. */
    public static final String TYPE = "flink-ha:storage:NfsStorage";
    static final String VOLUME_NAME = "flink-ha-storage";

    private final NfsStorageArgs args;
    private final PersistentVolumeClaim claim;

    /**
     * Declares NFS HA storage.
     *
     * @param name    logical name; children are named {@code <name>-<part>}
     * @param args    the arguments
     * @param options component options, e.g. a parent; may be null
     */
    public NfsStorage(String name, NfsStorageArgs args, ComponentResourceOptions options) {
        super(TYPE, name, options);
        this.args = args;
        this.claim = new PersistentVolumeClaim(name + "-pvc", PersistentVolumeClaimArgs.builder()
                .metadata(ObjectMetaArgs.builder()
                        .name(args.claimName())
                        .namespace(args.namespace())
                        .labels(Map.of("app.kubernetes.io/part-of", "flink-ha", "app.kubernetes.io/component", "ha-storage"))
                        .build())
                .spec(PersistentVolumeClaimSpecArgs.builder()
                        .accessModes("ReadWriteMany")
                        .storageClassName(args.storageClass())
                        .resources(ResourceRequirementsArgs.builder()
                                .requests(Map.of("storage", args.size()))
                                .build())
                        .build())
                // the claim is the jobs' state: a replace (storageClassName, accessModes, volumeName or selector changed) or a
                // destroy must not take it; protect makes the engine refuse, retainOnDelete leaves it in the cluster
                .build(), CustomResourceOptions.builder().parent(this).provider(args.cluster().provider())
                .retainOnDelete(args.retainOnDelete()).protect(args.protect()).build());
        registerOutputs(Map.of("claimName", claim.urn().applyValue(urn -> args.claimName())));
    }

    /** @return the claim every Flink pod mounts */
    public PersistentVolumeClaim claim() {
        return claim;
    }

    @Override
    public FlinkStoragePaths pathsFor(Output<String> namespace, String deployment) {
        return FlinkStoragePaths.under(namespace.applyValue(ns ->
                "file://" + args.mountPath() + "/" + args.environment() + "/" + ns + "/" + deployment));
    }

    @Override
    public PodStorage podStorage(String flinkVersion, io.flinkha.identity.CloudCredentials credentials) {
        return new PodStorage(
                List.of(VolumeArgs.builder()
                        .name(VOLUME_NAME)
                        .persistentVolumeClaim(PersistentVolumeClaimVolumeSourceArgs.builder()
                                // the fixed name, ordered after the claim exists
                                .claimName(claim.urn().applyValue(urn -> args.claimName()))
                                .build())
                        .build()),
                List.of(VolumeMountArgs.builder().name(VOLUME_NAME).mountPath(args.mountPath()).build()),
                List.of(),
                Map.of());
    }

    /** A {@code file://} path is durable only on this volume. */
    @Override
    public java.util.Optional<String> mountPath() {
        return java.util.Optional.of(args.mountPath());
    }

    /** The volume is mounted into the pods; the account needs no further rights. */
    @Override
    public HaStorage grantReadWrite(FlinkServiceAccount account) {
        return this;
    }
}
