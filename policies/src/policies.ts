// HA guardrails for Apache Flink on Kubernetes. Each policy reads resources the way the Pulumi
// engine hands them over (type, urn, name, props); reading a value that is unknown at preview
// throws the SDK's UnknownValueError, and the engine (or our offline runner) then skips the check.
import {
    EnforcementLevel,
    PolicyResource,
    ReportViolation,
    ResourceValidationArgs,
    ResourceValidationPolicy,
    StackValidationArgs,
    StackValidationPolicy,
} from "@pulumi/policy";

export const FLINK_DEPLOYMENT = "kubernetes:flink.apache.org/v1beta1:FlinkDeployment";
const ROLE = "kubernetes:rbac.authorization.k8s.io/v1:Role";
const CLUSTER_ROLE = "kubernetes:rbac.authorization.k8s.io/v1:ClusterRole";
const ROLE_BINDING = "kubernetes:rbac.authorization.k8s.io/v1:RoleBinding";
const PVC = "kubernetes:core/v1:PersistentVolumeClaim";
const HELM_RELEASE = "kubernetes:helm.sh/v3:Release";
const IAM_ROLE = "aws:iam/role:Role";
const BUCKETS = ["aws:s3/bucketV2:BucketV2", "aws:s3/bucket:Bucket"];
const KUBERNETES_HA_FACTORY = "org.apache.flink.kubernetes.highavailability.KubernetesHaServicesFactory";
/** What Flink's leader election and HA cleanup do with ConfigMaps. */
export const CONFIGMAP_VERBS = ["get", "list", "watch", "create", "update", "patch", "delete"];

type Props = Record<string, any>;

// ---- reading FlinkDeployments -------------------------------------------------------------

function flinkConfiguration(props: Props): Record<string, string> {
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

interface StateDirs {
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

/**
 * The directories as the Flink Kubernetes Operator 1.10 reads them: it is built on Flink 1.19.1, whose
 * options know only the state.* names, so a deployment with only the 1.20 names is refused by its validator.
 */
export function operatorStateDirs(conf: Record<string, string>): StateDirs {
    return {
        ha: conf["high-availability.storageDir"],
        checkpoints: conf["state.checkpoints.dir"],
        savepoints: conf["state.savepoints.dir"],
    };
}

function namespaceOf(props: Props): string {
    return (props.metadata && props.metadata.namespace) || "default";
}

function nameOf(props: Props, fallback: string): string {
    return (props.metadata && props.metadata.name) || fallback;
}

/** Pod templates of a deployment: the shared one and the per-component ones. */
function podTemplates(props: Props): Props[] {
    const spec = props.spec || {};
    return [spec.podTemplate, spec.jobManager && spec.jobManager.podTemplate, spec.taskManager && spec.taskManager.podTemplate]
        .filter((t: any) => t && t.spec);
}

function isLocalPath(uri: string): boolean {
    return uri.startsWith("file:") || uri.startsWith("/");
}

function localPath(uri: string): string {
    return uri.replace(/^file:\/\//, "").replace(/^file:/, "");
}

function withSlash(path: string): string {
    return path.endsWith("/") ? path : path + "/";
}

// ---- resource policies ----------------------------------------------------------------------

function forFlinkDeployments(validate: (props: Props, args: ResourceValidationArgs, report: ReportViolation) => void) {
    return (args: ResourceValidationArgs, report: ReportViolation) => {
        if (args.type === FLINK_DEPLOYMENT) {
            validate(args.props, args, report);
        }
    };
}

export const haEnabledPolicy: ResourceValidationPolicy = {
    name: "flink-ha-enabled",
    description: "Every FlinkDeployment runs Flink's Kubernetes HA, so a new JobManager resumes the job from its last checkpoint.",
    enforcementLevel: "mandatory",
    validateResource: forFlinkDeployments((props, args, report) => {
        const conf = flinkConfiguration(props);
        if (!haEnabled(conf)) {
            const value = conf["high-availability.type"] ?? conf["high-availability"];
            report(`FlinkDeployment '${nameOf(props, args.name)}' has high-availability.type `
                + `${value === undefined ? "unset" : `'${value}'`}; set it to 'kubernetes' (and high-availability.storageDir) `
                + "so a restarted JobManager recovers the job instead of losing it.");
        }
    }),
};

export const haConsistencyPolicy: ResourceValidationPolicy = {
    name: "flink-ha-consistency",
    description: "Standby JobManagers and last-state upgrades need HA; last-state and savepoint upgrades need checkpoint and savepoint directories.",
    enforcementLevel: "mandatory",
    validateResource: forFlinkDeployments((props, args, report) => {
        const conf = flinkConfiguration(props);
        const ha = haEnabled(conf);
        const dirs = operatorStateDirs(conf);
        const name = nameOf(props, args.name);
        const replicas = (props.spec.jobManager && props.spec.jobManager.replicas) || 1;
        const mode = props.spec.job && props.spec.job.upgradeMode;
        if (replicas > 1 && !ha) {
            report(`FlinkDeployment '${name}' runs ${replicas} JobManagers without HA; standby JobManagers need `
                + "high-availability.type: kubernetes, or set jobManager.replicas to 1.");
        }
        if (mode === "last-state" && !ha) {
            report(`FlinkDeployment '${name}' uses upgradeMode last-state without HA; last-state resumes from HA metadata, `
                + "so turn HA on or use upgradeMode savepoint.");
        }
        if ((mode === "last-state" || mode === "savepoint") && !dirs.checkpoints) {
            report(`FlinkDeployment '${name}' uses upgradeMode ${mode} without a checkpoint directory the operator reads; `
                + "set state.checkpoints.dir (the operator 1.10 reads configuration with Flink 1.19.1 and refuses a deployment "
                + "with only execution.checkpointing.dir; Flink 1.20 images read state.checkpoints.dir too).");
        }
        if (mode === "savepoint" && !dirs.savepoints) {
            report(`FlinkDeployment '${name}' uses upgradeMode savepoint without a savepoint directory the operator reads; `
                + "set state.savepoints.dir (the operator 1.10 reads configuration with Flink 1.19.1 and refuses a deployment "
                + "with only execution.checkpointing.savepoint-dir; Flink 1.20 images read state.savepoints.dir too).");
        }
    }),
};

export const noRbacWildcardsPolicy: ResourceValidationPolicy = {
    name: "no-rbac-wildcards",
    description: "No Role or ClusterRole grants '*' verbs, resources or API groups.",
    enforcementLevel: "mandatory",
    validateResource: (args, report) => {
        if (args.type !== ROLE && args.type !== CLUSTER_ROLE) {
            return;
        }
        const rules: Props[] = args.props.rules || [];
        rules.forEach((rule, i) => {
            for (const field of ["verbs", "resources", "apiGroups"]) {
                if ((rule[field] || []).includes("*")) {
                    report(`${args.type.split(":").pop()} '${nameOf(args.props, args.name)}' rule ${i} grants '*' ${field}; `
                        + `list the exact ${field} needed (Flink needs ${CONFIGMAP_VERBS.join(", ")} on configmaps).`);
                }
            }
        });
    },
};

/** Reads an IAM policy document given as JSON text or as an object. */
function policyDocument(value: any): Props | undefined {
    if (typeof value === "string") {
        try {
            return JSON.parse(value);
        } catch {
            return undefined;
        }
    }
    return value;
}

function asList<T>(v: T | T[] | undefined): T[] {
    return v === undefined ? [] : Array.isArray(v) ? v : [v];
}

export const irsaSingleServiceAccountPolicy: ResourceValidationPolicy = {
    name: "irsa-single-service-account",
    description: "An IAM role assumed with web identity (IRSA) is trusted by exactly one Kubernetes service account, for the STS audience.",
    enforcementLevel: "mandatory",
    validateResource: (args, report) => {
        if (args.type !== IAM_ROLE) {
            return;
        }
        const doc = policyDocument(args.props.assumeRolePolicy);
        if (!doc) {
            return;
        }
        asList<Props>(doc.Statement).filter(s => s.Effect === "Allow"
            && asList<string>(s.Action).includes("sts:AssumeRoleWithWebIdentity")).forEach(s => {
            const equals: Props = (s.Condition && s.Condition.StringEquals) || {};
            const like: Props = (s.Condition && s.Condition.StringLike) || {};
            const sub = Object.keys(equals).filter(k => k.endsWith(":sub"));
            const aud = Object.keys(equals).filter(k => k.endsWith(":aud"));
            const subValues = sub.flatMap(k => asList<string>(equals[k]));
            const role = args.name;
            if (Object.keys(like).some(k => k.endsWith(":sub"))) {
                report(`IAM role '${role}' matches its service account with StringLike; use StringEquals on ':sub' with `
                    + "exactly one 'system:serviceaccount:<namespace>:<name>'.");
            }
            if (subValues.length !== 1 || !/^system:serviceaccount:[a-z0-9-]+:[a-z0-9.-]+$/.test(subValues[0])) {
                report(`IAM role '${role}' trusts ${subValues.length === 0 ? "any service account" : `'${subValues.join("', '")}'`}; `
                    + "its trust policy must require StringEquals ':sub' = one 'system:serviceaccount:<namespace>:<name>'.");
            }
            if (aud.length !== 1 || asList<string>(equals[aud[0]]).join() !== "sts.amazonaws.com") {
                report(`IAM role '${role}' does not require the STS audience; add StringEquals ':aud' = 'sts.amazonaws.com'.`);
            }
        });
    },
};

const IAM_POLICY_DOCUMENTS: Record<string, (props: Props) => unknown[]> = {
    "aws:iam/rolePolicy:RolePolicy": props => [props.policy],
    "aws:iam/policy:Policy": props => [props.policy],
    [IAM_ROLE]: props => asList<Props>(props.inlinePolicies).map(p => p.policy),
};

export const kmsKeyNotAliasPolicy: ResourceValidationPolicy = {
    name: "iam-kms-key-not-alias",
    description: "IAM statements grant KMS keys by key ARN: a statement whose Resource is a KMS alias applies to the alias only, "
        + "so every SSE-KMS write of HA metadata or a checkpoint would be denied.",
    enforcementLevel: "mandatory",
    validateResource: (args, report) => {
        const documents = IAM_POLICY_DOCUMENTS[args.type];
        if (!documents) {
            return;
        }
        for (const text of documents(args.props)) {
            const doc = policyDocument(text);
            if (!doc) {
                continue;
            }
            for (const statement of asList<Props>(doc.Statement)) {
                for (const resource of asList<string>(statement.Resource)) {
                    if (typeof resource === "string" && resource.includes(":kms:") && resource.includes(":alias/")) {
                        report(`IAM policy of '${args.name}' names the KMS alias ${resource} in statement `
                            + `${statement.Sid ?? "(no Sid)"}; IAM applies it to the alias, not the key: grant the key's ARN.`);
                    }
                }
            }
        }
    },
};

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
        if (args.type === FLINK_DEPLOYMENT) {
            const images = [args.props.spec.image, ...podTemplates(args.props).flatMap(t =>
                (t.spec.containers || []).map((c: Props) => c.image))].filter(i => i !== undefined);
            images.filter((i: string) => !imagePinned(i)).forEach((i: string) =>
                report(`FlinkDeployment '${nameOf(args.props, args.name)}' uses image '${i}'; pin it to a version tag or digest.`));
        }
        if (args.type === HELM_RELEASE) {
            const version = args.props.version;
            if (!version || version === "latest" || /[*^~x]/.test(String(version))) {
                report(`Helm release '${args.props.name || args.name}' of chart '${args.props.chart}' has version `
                    + `'${version ?? ""}'; pin the exact chart version.`);
            }
        }
    },
};

export const standbyJobManagerPolicy: ResourceValidationPolicy = {
    name: "standby-jobmanager",
    description: "Production jobs keep a standby JobManager (jobManager.replicas >= 2), so failover does not wait for a new pod.",
    enforcementLevel: "advisory",
    validateResource: forFlinkDeployments((props, args, report) => {
        const replicas = (props.spec.jobManager && props.spec.jobManager.replicas) || 1;
        if (replicas < 2) {
            report(`FlinkDeployment '${nameOf(props, args.name)}' runs ${replicas} JobManager; run 2 so a standby takes over at once.`);
        }
    }),
};

// ---- stack policies -------------------------------------------------------------------------

function flinkDeployments(args: StackValidationArgs): PolicyResource[] {
    return args.resources.filter(r => r.type === FLINK_DEPLOYMENT);
}

/** Why a local state directory would not survive the pod, or undefined when it would. */
function localStateProblem(props: Props, uri: string, claims: PolicyResource[]): string | undefined {
    const path = withSlash(localPath(uri));
    const mounted = podTemplates(props).flatMap(t => {
        const main = (t.spec.containers || []).find((c: Props) => c.name === "flink-main-container");
        return ((main && main.volumeMounts) || []).map((m: Props) => ({ mount: m, volumes: t.spec.volumes || [] }));
    }).filter(({ mount }) => path.startsWith(withSlash(mount.mountPath)));
    if (mounted.length === 0) {
        return `${uri} is on no volume of flink-main-container, so it is the container's own disk`;
    }
    const { mount, volumes } = mounted[0];
    const volume = volumes.find((v: Props) => v.name === mount.name);
    if (!volume || !volume.persistentVolumeClaim) {
        const source = volume ? Object.keys(volume).filter(k => k !== "name").join(", ") : "an undeclared volume";
        return `${uri} is on ${source}, which does not outlive the pod`;
    }
    const claimName = volume.persistentVolumeClaim.claimName;
    const claim = claims.find(c => nameOf(c.props, c.name) === claimName && namespaceOf(c.props) === namespaceOf(props));
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
    description: "HA, checkpoint and savepoint directories survive pod loss: object storage, or a file:// path on a ReadWriteMany PVC "
        + "mounted by the pod template; never emptyDir, hostPath or the container's own disk.",
    enforcementLevel: "mandatory",
    validateStack: (args, report) => {
        const claims = args.resources.filter(r => r.type === PVC);
        for (const d of flinkDeployments(args)) {
            const problems = Object.entries(stateDirs(flinkConfiguration(d.props)))
                .filter(([, uri]) => uri && isLocalPath(uri))
                .map(([kind, uri]) => [kind, localStateProblem(d.props, uri!, claims)])
                .filter(([, problem]) => problem !== undefined)
                .map(([kind, problem]) => `${kind}: ${problem}`);
            if (problems.length > 0) {
                report(`FlinkDeployment '${nameOf(d.props, d.name)}' keeps state where it is lost with the pod (${problems.join("; ")}). `
                    + "Mount a ReadWriteMany PersistentVolumeClaim at that path in the pod template, or use object storage (s3://).", d.urn);
            }
        }
    },
};

export const uniqueStatePathsPolicy: StackValidationPolicy = {
    name: "unique-flink-state-paths",
    description: "No two FlinkDeployments share an HA storage or checkpoint path prefix, so one job can never recover another's state.",
    enforcementLevel: "mandatory",
    validateStack: (args, report) => {
        const paths: { deployment: PolicyResource; kind: string; path: string }[] = [];
        for (const d of flinkDeployments(args)) {
            const dirs = stateDirs(flinkConfiguration(d.props));
            for (const kind of ["ha", "checkpoints"] as const) {
                const p = dirs[kind];
                if (p) {
                    paths.push({ deployment: d, kind, path: withSlash(p) });
                }
            }
        }
        for (let i = 0; i < paths.length; i++) {
            for (let j = i + 1; j < paths.length; j++) {
                const a = paths[i];
                const b = paths[j];
                if (a.deployment.urn !== b.deployment.urn && (a.path.startsWith(b.path) || b.path.startsWith(a.path))) {
                    report(`FlinkDeployments '${nameOf(a.deployment.props, a.deployment.name)}' (${a.kind} ${a.path}) and `
                        + `'${nameOf(b.deployment.props, b.deployment.name)}' (${b.kind} ${b.path}) share a state path prefix; `
                        + "give each deployment its own directory (<env>/<namespace>/<deployment>).", b.deployment.urn);
                }
            }
        }
    },
};

/** True when the rules grant every verb Flink's leader election needs on ConfigMaps. */
export function grantsConfigMapVerbs(rules: Props[]): boolean {
    const verbs = new Set<string>();
    for (const rule of rules || []) {
        if ((rule.apiGroups || []).includes("") && (rule.resources || []).includes("configmaps")) {
            (rule.verbs || []).forEach((v: string) => verbs.add(v));
        }
    }
    return CONFIGMAP_VERBS.every(v => verbs.has(v));
}

export const leaderElectionRbacPolicy: StackValidationPolicy = {
    name: "leader-election-rbac",
    description: "Each FlinkDeployment's service account, in its namespace, is bound to a Role granting the ConfigMap verbs Flink's leader election needs.",
    enforcementLevel: "mandatory",
    validateStack: (args, report) => {
        for (const d of flinkDeployments(args)) {
            const namespace = namespaceOf(d.props);
            const account = d.props.spec && d.props.spec.serviceAccount;
            const name = nameOf(d.props, d.name);
            if (!account) {
                report(`FlinkDeployment '${name}' sets no spec.serviceAccount; the operator refuses it and Flink needs one for leader election.`, d.urn);
                continue;
            }
            const bound = args.resources.filter(r => r.type === ROLE_BINDING && namespaceOf(r.props) === namespace)
                .filter(b => (b.props.subjects || []).some((s: Props) =>
                    s.kind === "ServiceAccount" && s.name === account && (s.namespace || namespace) === namespace))
                .some(b => {
                    const ref = b.props.roleRef || {};
                    const role = args.resources.find(r => (ref.kind === "ClusterRole"
                        ? r.type === CLUSTER_ROLE
                        : r.type === ROLE && namespaceOf(r.props) === namespace) && nameOf(r.props, r.name) === ref.name);
                    return role !== undefined && grantsConfigMapVerbs(role.props.rules);
                });
            if (!bound) {
                report(`Service account '${namespace}/${account}' of FlinkDeployment '${name}' is not bound to a Role granting `
                    + `${CONFIGMAP_VERBS.join(", ")} on configmaps in '${namespace}'; leader election would fail with 'forbidden'. `
                    + "Add a Role and RoleBinding there.", d.urn);
            }
        }
    },
};

function bucketsOfFlinkState(args: StackValidationArgs): Set<string> {
    const names = new Set<string>();
    for (const d of flinkDeployments(args)) {
        for (const p of Object.values(stateDirs(flinkConfiguration(d.props)))) {
            const m = /^s3[ap]?:\/\/([^/]+)/.exec(p || "");
            if (m) {
                names.add(m[1]);
            }
        }
    }
    for (const b of args.resources.filter(r => BUCKETS.includes(r.type))) {
        if (b.props.tags && b.props.tags["app.kubernetes.io/part-of"] === "flink-ha" && b.props.bucket) {
            names.add(b.props.bucket);
        }
    }
    return names;
}

function deniesInsecureTransport(policy: any): boolean {
    const doc = policyDocument(policy);
    return !!doc && asList<Props>(doc.Statement).some(s => s.Effect === "Deny" && s.Condition && s.Condition.Bool
        && String(s.Condition.Bool["aws:SecureTransport"]) === "false");
}

export const stateBucketSecurityPolicy: StackValidationPolicy = {
    name: "flink-state-bucket-security",
    description: "Buckets that hold Flink state have versioning, server-side encryption, all four public-access blocks and a TLS-only policy.",
    enforcementLevel: "mandatory",
    validateStack: (args, report) => {
        const of = (type: string, bucket: string) => args.resources.filter(r => r.type === type && r.props.bucket === bucket);
        for (const bucket of bucketsOfFlinkState(args)) {
            const declared = args.resources.find(r => BUCKETS.includes(r.type) && r.props.bucket === bucket);
            if (!declared) {
                continue;
            }
            const missing: string[] = [];
            const inlineVersioning = declared.props.versioning && declared.props.versioning.enabled === true;
            if (!inlineVersioning && !of("aws:s3/bucketVersioningV2:BucketVersioningV2", bucket).some(v =>
                v.props.versioningConfiguration && v.props.versioningConfiguration.status === "Enabled")) {
                missing.push("versioning (BucketVersioningV2 with status Enabled)");
            }
            if (!declared.props.serverSideEncryptionConfiguration
                && of("aws:s3/bucketServerSideEncryptionConfigurationV2:BucketServerSideEncryptionConfigurationV2", bucket).length === 0) {
                missing.push("server-side encryption");
            }
            const blocks = of("aws:s3/bucketPublicAccessBlock:BucketPublicAccessBlock", bucket);
            if (!blocks.some(b => ["blockPublicAcls", "blockPublicPolicy", "ignorePublicAcls", "restrictPublicBuckets"]
                .every(f => b.props[f] === true))) {
                missing.push("all four public-access blocks");
            }
            if (!of("aws:s3/bucketPolicy:BucketPolicy", bucket).some(p => deniesInsecureTransport(p.props.policy))) {
                missing.push("a bucket policy denying requests without TLS (aws:SecureTransport false)");
            }
            if (missing.length > 0) {
                report(`Bucket '${bucket}' holds Flink state but lacks ${missing.join(", ")}.`, declared.urn);
            }
        }
    },
};

// ---- recovery objective ------------------------------------------------------------------------

const DURATION = /^\s*(\d+(?:\.\d+)?)\s*(ms|milli|millis|s|sec|secs|second|seconds|m|min|mins|minute|minutes|h|hour|hours)?\s*$/;

/** Milliseconds of a Flink duration (a bare number is milliseconds), or undefined. */
export function durationMs(text: string | undefined): number | undefined {
    const m = text === undefined ? null : DURATION.exec(String(text));
    if (!m) {
        return undefined;
    }
    const n = parseFloat(m[1]);
    const unit = m[2] || "ms";
    if (["ms", "milli", "millis"].includes(unit)) return n;
    if (["s", "sec", "secs", "second", "seconds"].includes(unit)) return n * 1000;
    if (["m", "min", "mins", "minute", "minutes"].includes(unit)) return n * 60000;
    return n * 3600000;
}

/**
 * Worst case after losing the leading JobManager, recomputed from the deployment as rendered (so a
 * hand-edited setting counts): lease + retry + (a new pod without a standby) + first restart backoff + restore.
 */
export function jobManagerLossMs(props: Props, podStartupMs: number, restoreMs: number): number {
    const conf = flinkConfiguration(props);
    const lease = durationMs(conf["high-availability.kubernetes.leader-election.lease-duration"]) ?? 15000;
    const retry = durationMs(conf["high-availability.kubernetes.leader-election.retry-period"]) ?? 5000;
    const replicas = (props.spec.jobManager && props.spec.jobManager.replicas) || 1;
    const strategy = conf["restart-strategy.type"] ?? "exponential-delay";
    const restart = strategy === "fixed-delay"
        ? durationMs(conf["restart-strategy.fixed-delay.delay"]) ?? 1000
        : (durationMs(conf["restart-strategy.exponential-delay.initial-backoff"]) ?? 1000)
            * (1 + parseFloat(conf["restart-strategy.exponential-delay.jitter-factor"] ?? "0.1"));
    return lease + retry + (replicas < 2 ? podStartupMs : 0) + restart + restoreMs;
}

export const recoveryObjectivePolicy: ResourceValidationPolicy = {
    name: "recovery-objective",
    description: "A FlinkDeployment that declares a recovery objective (annotation flink-ha.io/recovery-objective) is configured so "
        + "that its worst case after losing its JobManager stays within it.",
    enforcementLevel: "mandatory",
    validateResource: forFlinkDeployments((props, args, report) => {
        const annotations: Props = (props.metadata && props.metadata.annotations) || {};
        const objective = durationMs(annotations["flink-ha.io/recovery-objective"]);
        if (objective === undefined) {
            return;
        }
        const assumed = String(annotations["flink-ha.io/recovery-assumptions"] || "");
        const podStartup = durationMs((/podStartup=([^,]+)/.exec(assumed) || [])[1]) ?? 30000;
        const restore = durationMs((/restoreTime=([^,]+)/.exec(assumed) || [])[1]) ?? 10000;
        const worst = jobManagerLossMs(props, podStartup, restore);
        if (worst > objective) {
            report(`FlinkDeployment '${nameOf(props, args.name)}' recovers in up to ${worst / 1000}s after losing its JobManager, above its `
                + `objective of ${objective / 1000}s; lower the leader-election lease and retry period, run 2 JobManagers, or raise the objective.`);
        }
    }),
};

export const policies: (ResourceValidationPolicy | StackValidationPolicy)[] = [
    haEnabledPolicy,
    durableStatePolicy,
    leaderElectionRbacPolicy,
    uniqueStatePathsPolicy,
    haConsistencyPolicy,
    noRbacWildcardsPolicy,
    stateBucketSecurityPolicy,
    irsaSingleServiceAccountPolicy,
    kmsKeyNotAliasPolicy,
    standbyJobManagerPolicy,
    pinnedVersionsPolicy,
    recoveryObjectivePolicy,
];

export type Level = EnforcementLevel;
