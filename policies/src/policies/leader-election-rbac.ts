// Policy leader-election-rbac.
import { StackValidationPolicy } from "@pulumi/policy";
import * as common from "../common";

export function grantsConfigMapVerbs(rules: common.Props[]): boolean {
    const verbs = new Set<string>();
    for (const rule of rules || []) {
        if ((rule.apiGroups || []).includes("") && (rule.resources || []).includes("configmaps")) {
            (rule.verbs || []).forEach((v: string) => verbs.add(v));
        }
    }
    return common.CONFIGMAP_VERBS.every(v => verbs.has(v));
}

export const leaderElectionRbacPolicy: StackValidationPolicy = {
    name: "leader-election-rbac",
    description: "Each FlinkDeployment's service account, in its namespace, is bound to a Role granting the ConfigMap verbs Flink's leader election needs.",
    enforcementLevel: "mandatory",
    validateStack: (args, report) => {
        for (const d of common.flinkDeployments(args)) {
            const namespace = common.namespaceOf(d.props);
            const account = d.props.spec && d.props.spec.serviceAccount;
            const name = common.nameOf(d.props, d.name);
            if (!account) {
                report(`FlinkDeployment '${name}' sets no spec.serviceAccount; the operator refuses it and Flink needs one for leader election.`, d.urn);
                continue;
            }
            const bound = args.resources.filter(r => r.type === common.ROLE_BINDING && common.namespaceOf(r.props) === namespace)
                .filter(b => (b.props.subjects || []).some((s: common.Props) =>
                    s.kind === "ServiceAccount" && s.name === account && (s.namespace || namespace) === namespace))
                .some(b => {
                    const ref = b.props.roleRef || {};
                    const role = args.resources.find(r => (ref.kind === "ClusterRole"
                        ? r.type === common.CLUSTER_ROLE
                        : r.type === common.ROLE && common.namespaceOf(r.props) === namespace) && common.nameOf(r.props, r.name) === ref.name);
                    return role !== undefined && grantsConfigMapVerbs(role.props.rules);
                });
            if (!bound) {
                report(`Service account '${namespace}/${account}' of FlinkDeployment '${name}' is not bound to a Role granting `
                    + `${common.CONFIGMAP_VERBS.join(", ")} on configmaps in '${namespace}'; leader election would fail with 'forbidden'. `
                    + "Add a Role and RoleBinding there.", d.urn);
            }
        }
    },
};
