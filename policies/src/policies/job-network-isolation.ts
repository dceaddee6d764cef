// Policy job-network-isolation.
import { PolicyResource, StackValidationPolicy } from "@pulumi/policy";
import * as common from "../common";

const NETWORK_POLICY = "kubernetes:networking.k8s.io/v1:NetworkPolicy";

/** A policy that selects every pod of its namespace for ingress and egress and allows nothing: the deny others open up from. */
export function isDefaultDeny(p: PolicyResource): boolean {
    const spec = p.props.spec || {};
    const selectsAll = !spec.podSelector || Object.keys(spec.podSelector).every(k => {
        const v = spec.podSelector[k];
        return v === undefined || (Array.isArray(v) ? v.length === 0 : typeof v === "object" && Object.keys(v).length === 0);
    });
    const types = common.asList<string>(spec.policyTypes);
    return selectsAll && types.includes("Ingress") && types.includes("Egress")
        && common.asList(spec.ingress).length === 0 && common.asList(spec.egress).length === 0;
}

export const jobNetworkIsolationPolicy: StackValidationPolicy = {
    name: "job-network-isolation",
    description: "Every namespace that runs FlinkDeployments has a default-deny NetworkPolicy, so no other pod reaches a JobManager's REST API (cancel jobs, run code) and the jobs reach only what is allowed.",
    enforcementLevel: "mandatory",
    validateStack: (args, report) => {
        const policies = args.resources.filter(r => r.type === NETWORK_POLICY);
        const namespaces = new Map<string, PolicyResource>();
        for (const d of common.flinkDeployments(args)) {
            const ns = common.namespaceOf(d.props);
            if (!namespaces.has(ns)) {
                namespaces.set(ns, d);
            }
        }
        for (const [ns, d] of namespaces) {
            const deny = policies.some(p => (p.props.metadata?.namespace ?? "default") === ns && isDefaultDeny(p));
            if (!deny) {
                report(`namespace '${ns}' runs FlinkDeployments but has no default-deny NetworkPolicy (podSelector {}, policyTypes `
                    + "[Ingress, Egress], no rules): any pod in the cluster reaches each JobManager's REST API. Keep the platform's "
                    + "networkPolicies on, or declare one.", d.urn);
            }
        }
    },
};
