// Shared by the policies: how the engine hands resources over, and how to read a FlinkDeployment.
// Reading a value that is unknown at preview throws the SDK's UnknownValueError, and the engine (or the
// offline runner) then skips the check.
import {
    PolicyResource,
    ReportViolation,
    ResourceValidationArgs,
    StackValidationArgs,
} from "@pulumi/policy";

export const FLINK_DEPLOYMENT = "kubernetes:flink.apache.org/v1beta1:FlinkDeployment";
export const ROLE = "kubernetes:rbac.authorization.k8s.io/v1:Role";
export const CLUSTER_ROLE = "kubernetes:rbac.authorization.k8s.io/v1:ClusterRole";
export const ROLE_BINDING = "kubernetes:rbac.authorization.k8s.io/v1:RoleBinding";
export const PVC = "kubernetes:core/v1:PersistentVolumeClaim";
export const HELM_RELEASE = "kubernetes:helm.sh/v3:Release";
export const IAM_ROLE = "aws:iam/role:Role";

/** The IAM policy documents a resource of each type carries. */
const IAM_POLICY_DOCUMENTS: Record<string, (props: Props) => unknown[]> = {
    "aws:iam/rolePolicy:RolePolicy": props => [props.policy],
    "aws:iam/policy:Policy": props => [props.policy],
    [IAM_ROLE]: props => asList<Props>(props.inlinePolicies).map(p => p.policy),
};

/** The statements of each IAM policy document a resource carries (none for other types, or an unknown document), by document. */
export function iamStatements(type: string, props: Props): Props[][] {
    const documents = IAM_POLICY_DOCUMENTS[type];
    if (!documents) {
        return [];
    }
    return documents(props).map(text => policyDocument(text)).filter(doc => doc).map(doc => asList<Props>(doc!.Statement));
}
export const BUCKETS = ["aws:s3/bucketV2:BucketV2", "aws:s3/bucket:Bucket"];
export const KUBERNETES_HA_FACTORY = "org.apache.flink.kubernetes.highavailability.KubernetesHaServicesFactory";
/** What Flink's leader election and HA cleanup do with ConfigMaps. */
export const CONFIGMAP_VERBS = ["get", "list", "watch", "create", "update", "patch", "delete"];

export type Props = Record<string, any>;

// ---- reading FlinkDeployments -------------------------------------------------------------

export function flinkConfiguration(props: Props): Record<string, string> {
    return (props.spec && props.spec.flinkConfiguration) || {};
}

/** HA is on when Flink would start its Kubernetes HA services (the current key or the legacy one). */
export function haEnabled(conf: Record<string, string>): boolean {
    const type = conf["high-availability.type"] ?? conf["high-availability"];
    if (type === undefined) {
        return false;
    }
    return String(type).toLowerCase() === "kubernetes" || type === KUBERNETES_HA_FACTORY;
}

export interface StateDirs {
    ha?: string;
    checkpoints?: string;
    savepoints?: string;
}

/**
 * Where a job keeps its state, as Flink 1.20 reads it: the execution.checkpointing.* names win, the
 * state.* names are their fallbacks.
 */
export function stateDirs(conf: Record<string, string>): StateDirs {
    return {
        ha: conf["high-availability.storageDir"],
        checkpoints: conf["execution.checkpointing.dir"] ?? conf["state.checkpoints.dir"],
        savepoints: conf["execution.checkpointing.savepoint-dir"] ?? conf["state.savepoints.dir"],
    };
}

/** The operator release that reads a deployment (annotation flink-ha.io/operator), as in OperatorRelease. */
export const DEFAULT_OPERATOR = "1.15.0";
/** The Flink release each operator release is built on: its validator reads configuration with it. */
export const OPERATOR_FLINK: Record<string, string> = { "1.10.0": "1.19.1", "1.15.0": "1.20.1" };

export function operatorOf(props: Props): string {
    return ((props.metadata || {}).annotations || {})["flink-ha.io/operator"] ?? DEFAULT_OPERATOR;
}

/**
 * The directories as the deployment's operator reads them. Operator 1.10.0 is built on Flink 1.19.1, whose options know
 * only the state.* names, so it refuses a deployment with only the 1.20 names; 1.15.0 reads with Flink 1.20.1, which
 * knows both.
 */
export function operatorStateDirs(conf: Record<string, string>, operator: string): StateDirs {
    if (operator === "1.10.0") {
        return {
            ha: conf["high-availability.storageDir"],
            checkpoints: conf["state.checkpoints.dir"],
            savepoints: conf["state.savepoints.dir"],
        };
    }
    return stateDirs(conf);
}

export function namespaceOf(props: Props): string {
    return (props.metadata && props.metadata.namespace) || "default";
}

export function nameOf(props: Props, fallback: string): string {
    return (props.metadata && props.metadata.name) || fallback;
}

/** Pod templates of a deployment: the shared one and the per-component ones. */
export function podTemplates(props: Props): Props[] {
    const spec = props.spec || {};
    return [spec.podTemplate, spec.jobManager && spec.jobManager.podTemplate, spec.taskManager && spec.taskManager.podTemplate]
        .filter((t: any) => t && t.spec);
}

export function isLocalPath(uri: string): boolean {
    return uri.startsWith("file:") || uri.startsWith("/");
}

export function localPath(uri: string): string {
    return uri.replace(/^file:\/\//, "").replace(/^file:/, "");
}

export function withSlash(path: string): string {
    return path.endsWith("/") ? path : path + "/";
}

export function forFlinkDeployments(validate: (props: Props, args: ResourceValidationArgs, report: ReportViolation) => void) {
    return (args: ResourceValidationArgs, report: ReportViolation) => {
        if (args.type === FLINK_DEPLOYMENT) {
            validate(args.props, args, report);
        }
    };
}

export function policyDocument(value: any): Props | undefined {
    if (typeof value === "string") {
        try {
            return JSON.parse(value);
        } catch {
            return undefined;
        }
    }
    return value;
}

export function asList<T>(v: T | T[] | undefined): T[] {
    return v === undefined ? [] : Array.isArray(v) ? v : [v];
}

export function flinkDeployments(args: StackValidationArgs): PolicyResource[] {
    return args.resources.filter(r => r.type === FLINK_DEPLOYMENT);
}

