// Policy replicated-operator.
import { StackValidationPolicy } from "@pulumi/policy";
import * as common from "../common";

const PDB = "kubernetes:policy/v1:PodDisruptionBudget";
const OPERATOR_CHART = "flink-kubernetes-operator";

/** The operator's configuration as the chart writes it: the values' string comes after the chart's built-in file. */
function operatorConf(values: common.Props): string {
    return String(values?.defaultConfiguration?.["flink-conf.yaml"] ?? "");
}

export const replicatedOperatorPolicy: StackValidationPolicy = {
    name: "replicated-operator",
    description: "A Flink operator with more than one replica elects a leader, rolls one replica at a time, keeps its replicas on "
        + "different nodes and has a disruption budget; its configuration keeps the chart's own defaults.",
    enforcementLevel: "mandatory",
    validateStack: (args, report) => {
        const budgets = args.resources.filter(r => r.type === PDB);
        for (const r of args.resources.filter(x => x.type === common.HELM_RELEASE && x.props.chart === OPERATOR_CHART)) {
            const values = r.props.values || {};
            const replicas = Number(values.replicas ?? 1);
            if (replicas < 2) {
                continue;
            }
            const release = `Helm release '${r.props.name || r.name}' runs ${replicas} operator replicas`;
            const conf = operatorConf(values);
            if (!/^kubernetes\.operator\.leader-election\.enabled:\s*true\s*$/m.test(conf)) {
                report(`${release} without kubernetes.operator.leader-election.enabled: true in defaultConfiguration."flink-conf.yaml": `
                    + "every replica reconciles the same deployments at once.", r.urn);
            }
            if (!/^kubernetes\.operator\.reconcile\.interval:/m.test(conf)) {
                report(`${release} with a defaultConfiguration."flink-conf.yaml" that drops the chart's own overrides (reconcile and `
                    + "progress-check intervals, metrics reporter): the value replaces them, so write them back before your own keys.", r.urn);
            }
            if (values.strategy?.type !== "RollingUpdate") {
                report(`${release} with the ${values.strategy?.type ?? "chart's Recreate"} strategy: an upgrade stops every replica `
                    + "before starting one. Use RollingUpdate with maxUnavailable 0.", r.urn);
            }
            const spread = common.asList<any>(values.operatorPod?.topologySpreadConstraints);
            if (!spread.some(c => c?.topologyKey === "kubernetes.io/hostname" && c?.whenUnsatisfiable === "DoNotSchedule")) {
                report(`${release} that may all land on one node: losing it stops the operator, and no deployment is reconciled or `
                    + "recovered by it until a replica is rescheduled. Spread them over kubernetes.io/hostname (DoNotSchedule).", r.urn);
            }
            const namespace = r.props.namespace ?? "default";
            const hasBudget = budgets.some(b => (b.props.metadata?.namespace ?? "default") === namespace
                && b.props.spec?.selector?.matchLabels?.["app.kubernetes.io/name"] === OPERATOR_CHART);
            if (!hasBudget) {
                report(`${release} without a PodDisruptionBudget in '${namespace}': a node drain may evict every replica at once. `
                    + `Add one selecting app.kubernetes.io/name=${OPERATOR_CHART} with maxUnavailable 1.`, r.urn);
            }
        }
    },
};
