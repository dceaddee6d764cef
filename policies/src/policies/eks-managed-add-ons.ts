// Policy eks-managed-add-ons.
import { StackValidationPolicy } from "@pulumi/policy";

const CLUSTER = "aws:eks/cluster:Cluster";
const ADDON = "aws:eks/addon:Addon";
/** The add-ons every node needs, as EksCluster.MANAGED_ADD_ONS. */
const REQUIRED = ["vpc-cni", "kube-proxy", "coredns"];

export const eksManagedAddOnsPolicy: StackValidationPolicy = {
    name: "eks-managed-add-ons",
    description: "An EKS cluster runs vpc-cni, kube-proxy and CoreDNS as managed add-ons, at the version EKS pairs with its Kubernetes "
        + "version; the self-managed copies EKS installs at creation are never upgraded and fall behind the control plane.",
    enforcementLevel: "mandatory",
    validateStack: (args, report) => {
        const addOns = args.resources.filter(r => r.type === ADDON);
        for (const c of args.resources.filter(r => r.type === CLUSTER)) {
            const name = c.props.name ?? c.name;
            const mine = addOns.filter(a => a.props.clusterName === undefined || a.props.clusterName === name);
            const missing = REQUIRED.filter(n => !mine.some(a => a.props.addonName === n));
            if (missing.length > 0) {
                report(`EKS cluster '${name}' has no managed add-on for ${missing.join(", ")}: the copies EKS bootstrapped stay at `
                    + "their creation version through every control-plane upgrade. Declare them as aws.eks.Addon with the version "
                    + "aws.eks.getAddonVersion gives for the cluster's Kubernetes version.", c.urn);
            }
            for (const a of mine.filter(x => REQUIRED.includes(x.props.addonName) && !x.props.addonVersion)) {
                report(`add-on ${a.props.addonName} of EKS cluster '${name}' has no addonVersion, so EKS picks one at creation and `
                    + "keeps it; pin the version EKS pairs with the cluster's Kubernetes version.", a.urn);
            }
        }
    },
};
