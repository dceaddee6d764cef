// Policy flink-state-safety.
import { PolicyResource, StackValidationPolicy } from "@pulumi/policy";
import * as common from "../common";

/** The annotation a deployment carries when its change may drop the job's state, with the reason. */
export const STATE_LOSS_ACKNOWLEDGED = "flink-ha.io/state-loss-acknowledged";

/** One job of the state lock: where its HA metadata lives, and the Flink release line it runs (spec.flinkVersion). */
interface LockedJob {
    haStorageDir: string;
    flinkVersion?: string;
}

/** A running job redeployed from a named savepoint: the operator does so when savepointRedeployNonce is set with a path. */
function redeploysFromSavepoint(d: PolicyResource): string | undefined {
    const job = (d.props.spec && d.props.spec.job) || {};
    return job.savepointRedeployNonce !== undefined && job.initialSavepointPath ? job.initialSavepointPath : undefined;
}

function jobId(props: common.Props): string {
    return `${common.namespaceOf(props)}/${common.nameOf(props, "")}`;
}

/** A deployment that says how its state moves: from a named savepoint, or dropped on purpose. */
function saysHowStateMoves(d: PolicyResource): string | undefined {
    const savepoint = d.props.spec && d.props.spec.job && d.props.spec.job.initialSavepointPath;
    if (savepoint) {
        return `it starts from the savepoint ${savepoint}`;
    }
    const acknowledged = d.props.metadata && d.props.metadata.annotations && d.props.metadata.annotations[STATE_LOSS_ACKNOWLEDGED];
    return acknowledged ? `the loss is acknowledged: ${acknowledged}` : undefined;
}

export const stateSafetyPolicy: StackValidationPolicy = {
    name: "flink-state-safety",
    description: "Every Flink job in the environment's state lock (the policy's config `jobs`: <namespace>/<name> -> its HA storage dir, "
        + "written from the reviewed plans) still runs under the same name, namespace and HA storage dir, or its deployment says how "
        + "its state moves (job.initialSavepointPath, or the annotation flink-ha.io/state-loss-acknowledged). A renamed, moved or "
        + "deleted job, or one on new storage, starts without its state. A job moving from Flink 1.x to 2.x (its locked flinkVersion) "
        + "puts its state at risk unless it is redeployed from a migration savepoint (savepointRedeployNonce) or the risk is acknowledged.",
    enforcementLevel: "mandatory",
    configSchema: { properties: { jobs: { type: "object", default: {} } } },
    validateStack: (args, report) => {
        const jobs: Record<string, LockedJob> = (args.getConfig<{ jobs?: Record<string, LockedJob> }>().jobs) || {};
        const deployments = common.flinkDeployments(args);
        const byId = new Map(deployments.map(d => [jobId(d.props), d] as [string, PolicyResource]));
        // a job that replaces a locked one (a rename or a move) carries the explanation on itself
        const replacements = deployments.filter(d => !(jobId(d.props) in jobs) && saysHowStateMoves(d) !== undefined);
        for (const [id, locked] of Object.entries(jobs).sort()) {
            const d = byId.get(id);
            if (d === undefined) {
                if (replacements.length === 0) {
                    report(`Flink job ${id} of the state lock is gone: deleted, renamed or moved, it starts without its state (the `
                        + `operator deletes a removed deployment's HA metadata, and derives the HA cluster-id from name and namespace). `
                        + "Set initialSavepointPath on the job that replaces it, or acknowledgeStateLoss, then refresh the lock.");
                }
                continue;
            }
            const dir = common.flinkConfiguration(d.props)["high-availability.storageDir"];
            if (dir !== locked.haStorageDir && saysHowStateMoves(d) === undefined) {
                report(`Flink job ${id} moves its HA storage from ${locked.haStorageDir} to ${dir}: the new path holds no HA metadata, `
                    + "so the job starts without its state. Set initialSavepointPath, or acknowledgeStateLoss, then refresh the lock.", d.urn);
            }
            const version = String(d.props.spec.flinkVersion);
            const acknowledged = ((d.props.metadata || {}).annotations || {})[STATE_LOSS_ACKNOWLEDGED];
            if (locked.flinkVersion?.startsWith("v1_") && version.startsWith("v2_") && redeploysFromSavepoint(d) === undefined
                && acknowledged === undefined) {
                report(`Flink job ${id} moves from Flink ${locked.flinkVersion} to ${version}: Flink does not promise that 2.x reads state `
                    + "written by 1.x. Take a savepoint, check it restores on the new release, and redeploy from it (initialSavepointPath "
                    + "with a new savepointRedeployNonce), or acknowledgeStateLoss; then refresh the lock.", d.urn);
            }
        }
    },
};
