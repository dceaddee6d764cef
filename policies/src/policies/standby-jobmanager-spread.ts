// Policy standby-jobmanager-spread.
import { PolicyResource, StackValidationPolicy } from "@pulumi/policy";
import * as common from "../common";

const PDB = "kubernetes:policy/v1:PodDisruptionBudget";

/** The labels Flink's native Kubernetes mode puts on a deployment's JobManager pods. */
function selectsJobManagers(matchLabels: Record<string, string> | undefined, deployment: string): boolean {
    return !!matchLabels && matchLabels["app"] === deployment && matchLabels["component"] === "jobmanager";
}

function keepsToOneNodeEach(d: PolicyResource, name: string): boolean {
    const anti = d.props.spec?.jobManager?.podTemplate?.spec?.affinity?.podAntiAffinity;
    return common.asList<any>(anti?.requiredDuringSchedulingIgnoredDuringExecution).some(t =>
        t && t.topologyKey === "kubernetes.io/hostname" && selectsJobManagers(t.labelSelector?.matchLabels, name));
}

export const standbyJobManagerSpreadPolicy: StackValidationPolicy = {
    name: "standby-jobmanager-spread",
    description: "Standby JobManagers survive the loss of the leader's node: no two on one node, and a disruption budget so a drain evicts one at a time.",
    enforcementLevel: "mandatory",
    validateStack: (args, report) => {
        const budgets = args.resources.filter(r => r.type === PDB);
        for (const d of common.flinkDeployments(args)) {
            const replicas = d.props.spec?.jobManager?.replicas || 1;
            if (replicas < 2) {
                continue;
            }
            const name = common.nameOf(d.props, d.name);
            if (!keepsToOneNodeEach(d, name)) {
                report(`FlinkDeployment '${name}' runs ${replicas} JobManagers that may share a node: losing that node loses the leader `
                    + "and its standby at once. Add a required podAntiAffinity on kubernetes.io/hostname for the labels "
                    + `app=${name}, component=jobmanager to spec.jobManager.podTemplate.`, d.urn);
            }
            const namespace = common.namespaceOf(d.props);
            const budget = budgets.find(b => (b.props.metadata?.namespace ?? "default") === namespace
                && selectsJobManagers(b.props.spec?.selector?.matchLabels, name));
            if (!budget) {
                report(`FlinkDeployment '${name}' runs ${replicas} JobManagers without a PodDisruptionBudget: a node drain may evict the `
                    + `leader and every standby together. Add one in '${namespace}' selecting app=${name}, component=jobmanager with maxUnavailable 1.`, d.urn);
            }
        }
    },
};
