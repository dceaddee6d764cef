// Policy durable-flink-state.
import { PolicyResource, StackValidationPolicy } from "@pulumi/policy";
import * as common from "../common";

function localStateProblem(props: common.Props, uri: string, claims: PolicyResource[]): string | undefined {
    const path = common.withSlash(common.localPath(uri));
    const mounted = common.podTemplates(props).flatMap(t => {
        const main = (t.spec.containers || []).find((c: common.Props) => c.name === "flink-main-container");
        return ((main && main.volumeMounts) || []).map((m: common.Props) => ({ mount: m, volumes: t.spec.volumes || [] }));
    }).filter(({ mount }) => path.startsWith(common.withSlash(mount.mountPath)));
    if (mounted.length === 0) {
        return `${uri} is on no volume of flink-main-container, so it is the container's own disk`;
    }
    const { mount, volumes } = mounted[0];
    const volume = volumes.find((v: common.Props) => v.name === mount.name);
    if (!volume || !volume.persistentVolumeClaim) {
        const source = volume ? Object.keys(volume).filter(k => k !== "name").join(", ") : "an undeclared volume";
        return `${uri} is on ${source}, which does not outlive the pod`;
    }
    const claimName = volume.persistentVolumeClaim.claimName;
    const claim = claims.find(c => common.nameOf(c.props, c.name) === claimName && common.namespaceOf(c.props) === common.namespaceOf(props));
    if (!claim) {
        return `${uri} is on claim '${claimName}', which this stack does not declare, so it cannot be shown to be ReadWriteMany`;
    }
    const modes: string[] = (claim.props.spec && claim.props.spec.accessModes) || [];
    if (!modes.includes("ReadWriteMany")) {
        return `${uri} is on claim '${claimName}' with access modes [${modes.join(", ")}], which pods on other nodes cannot mount`;
    }
    return undefined;
}

export const durableStatePolicy: StackValidationPolicy = {
    name: "durable-flink-state",
    description: "HA, checkpoint and savepoint directories survive pod loss: object storage, or a file:// path on a ReadWriteMany common.PVC "
        + "mounted by the pod template; never emptyDir, hostPath or the container's own disk.",
    enforcementLevel: "mandatory",
    validateStack: (args, report) => {
        const claims = args.resources.filter(r => r.type === common.PVC);
        for (const d of common.flinkDeployments(args)) {
            const problems = Object.entries(common.stateDirs(common.flinkConfiguration(d.props)))
                .filter(([, uri]) => uri && common.isLocalPath(uri))
                .map(([kind, uri]) => [kind, localStateProblem(d.props, uri!, claims)])
                .filter(([, problem]) => problem !== undefined)
                .map(([kind, problem]) => `${kind}: ${problem}`);
            if (problems.length > 0) {
                report(`FlinkDeployment '${common.nameOf(d.props, d.name)}' keeps state where it is lost with the pod (${problems.join("; ")}). `
                    + "Mount a ReadWriteMany PersistentVolumeClaim at that path in the pod template, or use object storage (s3://).", d.urn);
            }
        }
    },
};
