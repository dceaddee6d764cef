package io.flinkha.flink.crd;

import com.pulumi.core.annotations.Import;
import com.pulumi.resources.ResourceArgs;
import io.flinkha.flink.crd.UpgradeMode;

import javax.annotation.Nullable;
import java.util.List;
import java.util.Objects;

/** {@code spec.job} of an application-mode FlinkDeployment. */
public final class JobSpecArgs extends ResourceArgs {
    @Import(name = "jarURI", required = true)
    private final String jarURI;
    @Import(name = "entryClass")
    private final @Nullable String entryClass;
    @Import(name = "args")
    private final @Nullable List<String> args;
    @Import(name = "parallelism", required = true)
    private final Integer parallelism;
    @Import(name = "upgradeMode", required = true)
    private final String upgradeMode;
    @Import(name = "state", required = true)
    private final String state = "running";
    @Import(name = "initialSavepointPath")
    private final @Nullable String initialSavepointPath;
    @Import(name = "savepointRedeployNonce")
    private final @Nullable Integer savepointRedeployNonce;

    /**
     * @param jarURI      job jar, e.g. {@code local:///opt/flink/usrlib/job.jar}
     * @param entryClass  main class, or null to use the jar's manifest
     * @param args        program arguments
     * @param parallelism job parallelism
     * @param upgradeMode how state is carried across upgrades
     */
    public JobSpecArgs(String jarURI, @Nullable String entryClass, List<String> args, int parallelism, UpgradeMode upgradeMode) {
        this(jarURI, entryClass, args, parallelism, upgradeMode, null);
    }

    /**
     * @param jarURI               job jar, e.g. {@code local:///opt/flink/usrlib/job.jar}
     * @param entryClass           main class, or null to use the jar's manifest
     * @param args                 program arguments
     * @param parallelism          job parallelism
     * @param upgradeMode          how state is carried across upgrades
     * @param initialSavepointPath the savepoint a new deployment starts from, or null
     */
    public JobSpecArgs(String jarURI, @Nullable String entryClass, List<String> args, int parallelism, UpgradeMode upgradeMode,
                       @Nullable String initialSavepointPath) {
        this(jarURI, entryClass, args, parallelism, upgradeMode, initialSavepointPath, null);
    }

    /**
     * @param jarURI                 job jar, e.g. {@code local:///opt/flink/usrlib/job.jar}
     * @param entryClass             main class, or null to use the jar's manifest
     * @param args                   program arguments
     * @param parallelism            job parallelism
     * @param upgradeMode            how state is carried across upgrades
     * @param initialSavepointPath   the savepoint a new deployment starts from, or null
     * @param savepointRedeployNonce a change of it makes the operator redeploy a running job from {@code initialSavepointPath},
     *                               or null
     */
    public JobSpecArgs(String jarURI, @Nullable String entryClass, List<String> args, int parallelism, UpgradeMode upgradeMode,
                       @Nullable String initialSavepointPath, @Nullable Integer savepointRedeployNonce) {
        this.savepointRedeployNonce = savepointRedeployNonce;
        this.jarURI = Objects.requireNonNull(jarURI, "jarURI");
        this.entryClass = entryClass;
        this.args = args.isEmpty() ? null : List.copyOf(args);
        this.parallelism = parallelism;
        this.upgradeMode = upgradeMode.value();
        this.initialSavepointPath = initialSavepointPath;
    }

    /** @return the job jar */
    public String jarURI() {
        return jarURI;
    }

    /** @return job parallelism */
    public int parallelism() {
        return parallelism;
    }

    /** @return how state is carried across upgrades */
    public UpgradeMode upgradeMode() {
        return UpgradeMode.fromValue(upgradeMode).orElseThrow();
    }
}
