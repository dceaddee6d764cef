// Policy pinned-versions.
import { ResourceValidationPolicy } from "@pulumi/policy";
import * as common from "../common";

const PINNED = /^[^@\s]+(:[A-Za-z0-9_][A-Za-z0-9_.-]*|@sha256:[a-f0-9]{64})$/;

function imagePinned(image: string): boolean {
    // a registry port looks like a tag: only the part after the last '/' can carry one
    const last = image.substring(image.lastIndexOf("/") + 1);
    return PINNED.test(last) && !last.endsWith(":latest");
}

export const pinnedVersionsPolicy: ResourceValidationPolicy = {
    name: "pinned-versions",
    description: "Flink images and operator chart versions are pinned (no 'latest', no missing tag), so a redeploy never changes Flink silently.",
    enforcementLevel: "advisory",
    validateResource: (args, report) => {
        if (args.type === common.FLINK_DEPLOYMENT) {
            const images = [args.props.spec.image, ...common.podTemplates(args.props).flatMap(t =>
                (t.spec.containers || []).map((c: common.Props) => c.image))].filter(i => i !== undefined);
            images.filter((i: string) => !imagePinned(i)).forEach((i: string) =>
                report(`FlinkDeployment '${common.nameOf(args.props, args.name)}' uses image '${i}'; pin it to a version tag or digest.`));
        }
        if (args.type === common.HELM_RELEASE) {
            const version = args.props.version;
            if (!version || version === "latest" || /[*^~x]/.test(String(version))) {
                report(`Helm release '${args.props.name || args.name}' of chart '${args.props.chart}' has version `
                    + `'${version ?? ""}'; pin the exact chart version.`);
            }
        }
    },
};
