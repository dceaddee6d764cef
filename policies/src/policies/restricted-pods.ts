// Policy restricted-pods.
import { StackValidationPolicy } from "@pulumi/policy";
import * as common from "../common";

const NAMESPACE = "kubernetes:core/v1:Namespace";
const MAIN = "flink-main-container";
const ENFORCE = "pod-security.kubernetes.io/enforce";

function mainContainer(template: common.Props | undefined): common.Props {
    return common.asList<common.Props>(template?.spec?.containers).find(c => c && c.name === MAIN) || {};
}

/**
 * What each role's pods run with: the role's own template merged over the common one (the operator's merge: a field the
 * role's template sets wins). The Restricted Pod Security Standard's fields, each named as a pod would fail it.
 */
function problems(spec: common.Props): string[] {
    const out: string[] = [];
    for (const role of ["jobManager", "taskManager"]) {
        const shared = spec.podTemplate;
        const own = spec[role]?.podTemplate;
        const pod = { ...(shared?.spec?.securityContext || {}), ...(own?.spec?.securityContext || {}) };
        const container = { ...(mainContainer(shared).securityContext || {}), ...(mainContainer(own).securityContext || {}) };
        const where = `the ${role} pods`;
        if (pod.runAsNonRoot !== true) {
            out.push(`${where}: securityContext.runAsNonRoot is ${JSON.stringify(pod.runAsNonRoot)}, not true`);
        }
        if (pod.runAsUser === 0) {
            out.push(`${where}: securityContext.runAsUser is 0 (root)`);
        }
        const seccomp = container.seccompProfile?.type ?? pod.seccompProfile?.type;
        if (seccomp !== "RuntimeDefault" && seccomp !== "Localhost") {
            out.push(`${where}: seccompProfile.type is ${JSON.stringify(seccomp)}, not RuntimeDefault or Localhost`);
        }
        if (container.allowPrivilegeEscalation !== false) {
            out.push(`${where}: ${MAIN}'s allowPrivilegeEscalation is ${JSON.stringify(container.allowPrivilegeEscalation)}, not false`);
        }
        if (!common.asList<string>(container.capabilities?.drop).includes("ALL")) {
            out.push(`${where}: ${MAIN} does not drop ALL capabilities`);
        }
    }
    return out;
}

export const restrictedPodsPolicy: StackValidationPolicy = {
    name: "restricted-pods",
    description: "The jobs' pods meet the Restricted Pod Security Standard (non-root, RuntimeDefault seccomp, no privilege escalation, all capabilities dropped), and a jobs' namespace the stack declares enforces it.",
    enforcementLevel: "mandatory",
    validateStack: (args, report) => {
        const namespaces = new Set<string>();
        for (const d of common.flinkDeployments(args)) {
            namespaces.add(common.namespaceOf(d.props));
            const found = problems(d.props.spec || {});
            if (found.length > 0) {
                report(`FlinkDeployment '${common.nameOf(d.props, d.name)}' runs pods the Restricted Pod Security Standard refuses: `
                    + found.join("; ") + ". Set them in spec.podTemplate (the platform's HaFlinkDeployment does).", d.urn);
            }
        }
        for (const ns of args.resources.filter(r => r.type === NAMESPACE)) {
            const name = ns.props.metadata?.name;
            const level = ns.props.metadata?.labels?.[ENFORCE];
            if (namespaces.has(name) && level !== "restricted") {
                report(`namespace '${name}' runs FlinkDeployments but its label ${ENFORCE} is ${JSON.stringify(level)}, not `
                    + "'restricted': the API server would admit a pod that runs as root or escalates.", ns.urn);
            }
        }
    },
};
