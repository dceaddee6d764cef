// Resources in the shape the engine gives policies, built from small pieces so each test changes
// one thing of an otherwise compliant stack.
import { PolicyResource } from "@pulumi/policy";

let counter = 0;

export function resource(type: string, name: string, props: Record<string, any>): PolicyResource {
    counter++;
    return {
        type,
        name,
        urn: `urn:pulumi:test::flink-ha::${type}::${name}`,
        props,
        opts: { protect: false, ignoreChanges: [], aliases: [], customTimeouts: { createSeconds: 0, updateSeconds: 0, deleteSeconds: 0 }, additionalSecretOutputs: [] },
        dependencies: [],
        propertyDependencies: {},
        isType: () => false,
        asType: () => undefined,
    } as unknown as PolicyResource;
}

export const ALL_VERBS = ["get", "list", "watch", "create", "update", "patch", "delete"];

export interface DeploymentOptions {
    name?: string;
    namespace?: string;
    serviceAccount?: string;
    conf?: Record<string, string | undefined>;
    replicas?: number;
    upgradeMode?: string;
    image?: string;
    volumes?: any[];
    mounts?: any[];
    /** false: without the JobManagers' anti-affinity the component renders */
    spread?: boolean;
    /** the operator release that reads it (annotation flink-ha.io/operator); none: the default */
    operator?: string;
    /** the pod template's security contexts; default the Restricted Pod Security Standard's, as the component renders them */
    podSecurity?: Record<string, any>;
    containerSecurity?: Record<string, any>;
}

export const RESTRICTED_POD = { runAsNonRoot: true, runAsUser: 9999, runAsGroup: 9999, fsGroup: 9999, seccompProfile: { type: "RuntimeDefault" } };
export const RESTRICTED_CONTAINER = { allowPrivilegeEscalation: false, capabilities: { drop: ["ALL"] } };

/** A compliant NFS-backed deployment, changed by `o`. */
export function flinkDeployment(o: DeploymentOptions = {}): PolicyResource {
    const name = o.name || "orders";
    const root = `file:///flink-data/dev/flink/${name}`;
    const conf: Record<string, string> = {
        "high-availability.type": "kubernetes",
        "high-availability.storageDir": `${root}/ha`,
        "state.checkpoints.dir": `${root}/checkpoints`,
        "state.savepoints.dir": `${root}/savepoints`,
        "state.checkpoints.num-retained": "2",
    };
    for (const [k, v] of Object.entries(o.conf || {})) {
        if (v === undefined) {
            delete conf[k];
        } else {
            conf[k] = v;
        }
    }
    return resource("kubernetes:flink.apache.org/v1beta1:FlinkDeployment", name, {
        apiVersion: "flink.apache.org/v1beta1",
        kind: "FlinkDeployment",
        metadata: { name, namespace: o.namespace || "flink",
            ...(o.operator ? { annotations: { "flink-ha.io/operator": o.operator } } : {}) },
        spec: {
            image: o.image || "flink:1.20.1-java17",
            flinkVersion: "v1_20",
            serviceAccount: o.serviceAccount === undefined ? "flink" : o.serviceAccount,
            flinkConfiguration: conf,
            jobManager: { replicas: o.replicas || 1, resource: { cpu: 1, memory: "2048m" },
                ...(o.spread === false ? {} : { podTemplate: { spec: { containers: [{ name: "flink-main-container" }], affinity: { podAntiAffinity: {
                    requiredDuringSchedulingIgnoredDuringExecution: [{ topologyKey: "kubernetes.io/hostname",
                        labelSelector: { matchLabels: { app: name, component: "jobmanager", type: "flink-native-kubernetes" } } }] } } } } }) },
            taskManager: { resource: { cpu: 1, memory: "2048m" } },
            job: { jarURI: "local:///job.jar", parallelism: 1, upgradeMode: o.upgradeMode || "last-state", state: "running" },
            podTemplate: {
                spec: {
                    securityContext: o.podSecurity || RESTRICTED_POD,
                    containers: [{ name: "flink-main-container", volumeMounts: o.mounts || [{ name: "state", mountPath: "/flink-data" }],
                        securityContext: o.containerSecurity || RESTRICTED_CONTAINER }],
                    volumes: o.volumes || [{ name: "state", persistentVolumeClaim: { claimName: "flink-ha-storage" } }],
                },
            },
        },
    });
}

/** The disruption budget the component gives a deployment with standby JobManagers. */
export function jobManagerBudget(name = "orders", namespace = "flink"): PolicyResource {
    return resource("kubernetes:policy/v1:PodDisruptionBudget", `${name}-jobmanagers`, {
        metadata: { name: `${name}-jobmanagers`, namespace },
        spec: { maxUnavailable: 1, selector: { matchLabels: { app: name, component: "jobmanager", type: "flink-native-kubernetes" } } },
    });
}

export function pvc(accessModes = ["ReadWriteMany"], name = "flink-ha-storage", namespace = "flink"): PolicyResource {
    return resource("kubernetes:core/v1:PersistentVolumeClaim", name, {
        metadata: { name, namespace },
        spec: { accessModes, storageClassName: "nfs-client", resources: { requests: { storage: "10Gi" } } },
    });
}

export function role(rules: any[], name = "flink-ha", namespace = "flink", cluster = false): PolicyResource {
    return resource(cluster ? "kubernetes:rbac.authorization.k8s.io/v1:ClusterRole" : "kubernetes:rbac.authorization.k8s.io/v1:Role",
        name, { metadata: cluster ? { name } : { name, namespace }, rules });
}

export function roleBinding(roleName = "flink-ha", account = "flink", namespace = "flink", kind = "Role"): PolicyResource {
    return resource("kubernetes:rbac.authorization.k8s.io/v1:RoleBinding", roleName + "-binding", {
        metadata: { name: roleName, namespace },
        roleRef: { apiGroup: "rbac.authorization.k8s.io", kind, name: roleName },
        subjects: [{ kind: "ServiceAccount", name: account, namespace }],
    });
}

export const HA_RULES = [
    { apiGroups: [""], resources: ["configmaps"], verbs: ALL_VERBS },
    { apiGroups: [""], resources: ["pods"], verbs: ALL_VERBS },
];

/** The jobs' namespace's default deny, as JobNetworkPolicies renders it. */
export function defaultDeny(namespace = "flink", spec: Record<string, any> = { podSelector: {}, policyTypes: ["Ingress", "Egress"] }): PolicyResource {
    return resource("kubernetes:networking.k8s.io/v1:NetworkPolicy", `default-deny-${namespace}`, {
        metadata: { name: "default-deny", namespace }, spec });
}

/** A namespace the stack declares, with its Pod Security Standard label. */
export function namespace(name = "flink", enforce: string | undefined = "restricted"): PolicyResource {
    return resource("kubernetes:core/v1:Namespace", name, {
        metadata: { name, labels: enforce === undefined ? {} : { "pod-security.kubernetes.io/enforce": enforce } } });
}

/** The NFS platform: deployment, claim, role and binding, all compliant. */
export function nfsStack(...extra: PolicyResource[]): PolicyResource[] {
    return [flinkDeployment(), pvc(), role(HA_RULES), roleBinding(), ...extra];
}

export interface BucketOptions {
    versioning?: boolean;
    encryption?: boolean;
    blocks?: Partial<Record<"blockPublicAcls" | "blockPublicPolicy" | "ignorePublicAcls" | "restrictPublicBuckets", boolean>>;
    tlsOnly?: boolean;
}

/** An S3 bucket holding Flink state and its configuration resources, all compliant unless `o` says otherwise. */
export function bucket(name: string, o: BucketOptions = {}): PolicyResource[] {
    const out = [resource("aws:s3/bucketV2:BucketV2", name, { bucket: name, tags: { "app.kubernetes.io/part-of": "flink-ha" } })];
    if (o.versioning !== false) {
        out.push(resource("aws:s3/bucketVersioningV2:BucketVersioningV2", name + "-versioning",
            { bucket: name, versioningConfiguration: { status: "Enabled" } }));
    }
    if (o.encryption !== false) {
        out.push(resource("aws:s3/bucketServerSideEncryptionConfigurationV2:BucketServerSideEncryptionConfigurationV2", name + "-sse",
            { bucket: name, rules: [{ applyServerSideEncryptionByDefault: { sseAlgorithm: "AES256" } }] }));
    }
    out.push(resource("aws:s3/bucketPublicAccessBlock:BucketPublicAccessBlock", name + "-pab", {
        bucket: name, blockPublicAcls: true, blockPublicPolicy: true, ignorePublicAcls: true, restrictPublicBuckets: true, ...(o.blocks || {}),
    }));
    if (o.tlsOnly !== false) {
        out.push(resource("aws:s3/bucketPolicy:BucketPolicy", name + "-tls", {
            bucket: name,
            policy: JSON.stringify({ Version: "2012-10-17", Statement: [{ Effect: "Deny", Principal: "*", Action: "s3:*",
                Resource: [`arn:aws:s3:::${name}`, `arn:aws:s3:::${name}/*`], Condition: { Bool: { "aws:SecureTransport": "false" } } }] }),
        }));
    }
    return out;
}

export function irsaRole(condition: any): PolicyResource {
    return resource("aws:iam/role:Role", "flink-irsa", {
        assumeRolePolicy: JSON.stringify({ Version: "2012-10-17", Statement: [{ Effect: "Allow",
            Principal: { Federated: "arn:aws:iam::123456789012:oidc-provider/oidc.eks.eu-west-1.amazonaws.com/id/X" },
            Action: "sts:AssumeRoleWithWebIdentity", Condition: condition }] }),
    });
}

export const ISSUER = "oidc.eks.eu-west-1.amazonaws.com/id/X";
