// Policy operator-crds.
import { StackValidationPolicy } from "@pulumi/policy";
import * as common from "../common";

const OPERATOR_CHART = "flink-kubernetes-operator";
/** Each operator release's custom resource definitions, as in OperatorRelease; a release not listed has 1.10.0's. */
const SINCE_1_10 = ["flinkdeployments", "flinksessionjobs", "flinkstatesnapshots"];
const CRDS: Record<string, string[]> = { "1.10.0": SINCE_1_10, "1.15.0": [...SINCE_1_10, "flinkbluegreendeployments"] };

/**
 * The commands that bring a cluster's CRDs from release `from` to `version`, as OperatorRelease.crdUpgradeCommands writes
 * them: `kubectl replace` for each CRD the cluster has, and a server-side apply for a new one (the blue/green CRD is over
 * the annotation size limit of a client-side apply).
 */
export function crdUpgradeCommand(version: string, from?: string): string {
    const had = from === undefined ? undefined : CRDS[from] ?? SINCE_1_10;
    return (CRDS[version] ?? SINCE_1_10).map(crd => (had === undefined || had.includes(crd) ? "kubectl replace -f " : "kubectl apply --server-side -f ")
        + "https://raw.githubusercontent.com/apache/flink-kubernetes-operator/release-" + version
        + `/helm/flink-kubernetes-operator/crds/${crd}.flink.apache.org-v1.yml`).join("\n");
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
                    + `upgrades them. Before \`pulumi up\`, with the cluster's kubeconfig, run:\n${crdUpgradeCommand(version, installed)}\n`
                    + `then set operator-crds.installed to "${version}" in this environment's policy config.`, r.urn);
            }
        }
    },
};
