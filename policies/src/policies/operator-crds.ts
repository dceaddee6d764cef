// Policy operator-crds.
import { StackValidationPolicy } from "@pulumi/policy";
import * as common from "../common";

const OPERATOR_CHART = "flink-kubernetes-operator";
/** The operator's custom resource definitions, as in OperatorRelease.CRDS. */
const CRDS = ["flinkdeployments", "flinksessionjobs", "flinkstatesnapshots"];

/** The command that applies a release's CRDs, as OperatorRelease.crdUpgradeCommand writes it. */
export function crdUpgradeCommand(version: string): string {
    return CRDS.map(crd => "kubectl apply --server-side --force-conflicts -f https://raw.githubusercontent.com/apache/"
        + `flink-kubernetes-operator/release-${version}/helm/flink-kubernetes-operator/crds/${crd}.flink.apache.org-v1.yml`).join("\n");
}

export const operatorCrdsPolicy: StackValidationPolicy = {
    name: "operator-crds",
    description: "The Flink operator's chart version is the one whose CRDs the environment's cluster has (the policy's config "
        + "`installed`). Helm installs a chart's CRDs once and never upgrades them, so a new operator would meet the old schema "
        + "and the API server would drop every field it lacks: apply the new CRDs first, then record the version.",
    enforcementLevel: "mandatory",
    configSchema: { properties: { installed: { type: "string" } } },
    validateStack: (args, report) => {
        const installed = args.getConfig<{ installed?: string }>().installed;
        if (installed === undefined) {
            return;
        }
        for (const r of args.resources.filter(x => x.type === common.HELM_RELEASE && x.props.chart === OPERATOR_CHART)) {
            const version = String(r.props.version);
            if (version !== installed) {
                report(`The Flink operator chart moves to ${version}, but the cluster has the CRDs of ${installed}, and Helm never `
                    + `upgrades them. Before \`pulumi up\`, with the cluster's kubeconfig, run:\n${crdUpgradeCommand(version)}\n`
                    + `then set operator-crds.installed to "${version}" in this environment's policy config.`, r.urn);
            }
        }
    },
};
