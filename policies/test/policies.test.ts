import { strict as assert } from "node:assert";
import { describe, it } from "node:test";
import * as fs from "node:fs";
import * as path from "node:path";
import { CONFIGMAP_VERBS, crdUpgradeCommand, durationMs, jobManagerLossMs, policies } from "../src/policies";
import { evaluate, PLAN_UNKNOWN, resourcesFromPlan, Violation } from "../src/evaluate";
import {
    ALL_VERBS, bucket, defaultDeny, flinkDeployment, HA_RULES, irsaRole, ISSUER, jobManagerBudget, namespace, nfsStack, pvc, resource,
    RESTRICTED_CONTAINER, RESTRICTED_POD, role, roleBinding,
} from "./fixtures";
import { PolicyResource } from "@pulumi/policy";

/**
 * As in dev and staging, the production-only checks (standby JobManagers, EKS secrets encryption) are off unless a test
 * turns them on; so is the network isolation check, which every other test's hand-built stack would fail for lack of a
 * NetworkPolicy (its own tests turn it on).
 */
const DEFAULT_CONFIG: Record<string, any> = { "standby-jobmanager": "disabled", "job-network-isolation": "disabled",
    "eks-secrets-encryption": "disabled" };
const ISOLATION_ON: Record<string, any> = { ...DEFAULT_CONFIG, "job-network-isolation": "mandatory" };
/** The secrets check on, as prod's config has it; the add-on check, which a bare cluster fails, off for its tests. */
const PRODUCTION: Record<string, any> = { ...DEFAULT_CONFIG, "eks-secrets-encryption": "mandatory", "eks-managed-add-ons": "disabled" };

async function violations(resources: PolicyResource[], config: Record<string, any> = DEFAULT_CONFIG): Promise<Violation[]> {
    return (await evaluate(resources, policies, config)).violations;
}

async function only(resources: PolicyResource[], policy: string, level: string, config: Record<string, any> = DEFAULT_CONFIG): Promise<Violation> {
    const found = await violations(resources, config);
    assert.equal(found.length, 1, `expected one violation, got ${JSON.stringify(found, null, 1)}`);
    assert.equal(found[0].policy, policy);
    assert.equal(found[0].level, level);
    return found[0];
}

describe("a compliant stack", () => {
    it("passes every policy on NFS", async () => {
        assert.deepEqual(await violations(nfsStack()), []);
    });
    it("passes every policy on S3", async () => {
        const root = "s3://acme-flink-ha/prod/flink/orders";
        const d = flinkDeployment({ replicas: 2, conf: {
            "high-availability.storageDir": `${root}/ha`, "state.checkpoints.dir": `${root}/checkpoints`,
            "state.savepoints.dir": `${root}/savepoints` }, volumes: [], mounts: [] });
        const sub = { StringEquals: { [`${ISSUER}:sub`]: "system:serviceaccount:flink:flink", [`${ISSUER}:aud`]: "sts.amazonaws.com" } };
        assert.deepEqual(await violations([d, jobManagerBudget(), role(HA_RULES), roleBinding(), ...bucket("acme-flink-ha"), irsaRole(sub)]), []);
    });
});

describe("flink-ha-enabled", () => {
    it("reports a deployment without HA", async () => {
        const v = await violations([flinkDeployment({ conf: { "high-availability.type": undefined }, upgradeMode: "stateless" }),
            pvc(), role(HA_RULES), roleBinding()]);
        assert.deepEqual(v.map(x => [x.policy, x.level]), [["flink-ha-enabled", "mandatory"]]);
        assert.match(v[0].message, /set it to 'kubernetes'/);
    });
    it("accepts the legacy key", async () => {
        assert.deepEqual(await violations([flinkDeployment({ conf: { "high-availability.type": undefined, "high-availability": "KUBERNETES" } }),
            pvc(), role(HA_RULES), roleBinding()]), []);
    });
    it("reports a misspelled HA type", async () => {
        const v = await violations([flinkDeployment({ conf: { "high-availability.type": "kubernets" }, upgradeMode: "stateless" }),
            pvc(), role(HA_RULES), roleBinding()]);
        assert.deepEqual(v.map(x => x.policy), ["flink-ha-enabled"]);
        assert.match(v[0].message, /'kubernets'/);
    });
});

describe("durable-flink-state", () => {
    it("reports a file path no volume holds", async () => {
        const v = await only([flinkDeployment({ mounts: [], volumes: [] }), pvc(), role(HA_RULES), roleBinding()], "durable-flink-state", "mandatory");
        assert.match(v.message, /lost with the pod.*ha: file:\/\/\/flink-data\/dev\/flink\/orders\/ha is on no volume/);
    });
    it("reports state on emptyDir", async () => {
        const v = await only([flinkDeployment({ volumes: [{ name: "state", emptyDir: {} }] }), role(HA_RULES), roleBinding()],
            "durable-flink-state", "mandatory");
        assert.match(v.message, /emptyDir/);
    });
    it("reports state on hostPath", async () => {
        const v = await only([flinkDeployment({ volumes: [{ name: "state", hostPath: { path: "/var/flink" } }] }), role(HA_RULES), roleBinding()],
            "durable-flink-state", "mandatory");
        assert.match(v.message, /hostPath/);
    });
    it("reports a ReadWriteOnce claim", async () => {
        const v = await only([flinkDeployment(), pvc(["ReadWriteOnce"]), role(HA_RULES), roleBinding()], "durable-flink-state", "mandatory");
        assert.match(v.message, /access modes \[ReadWriteOnce\]/);
    });
    it("reports a claim the stack does not declare", async () => {
        await only([flinkDeployment(), role(HA_RULES), roleBinding()], "durable-flink-state", "mandatory");
    });
});

describe("leader-election-rbac", () => {
    it("reports a service account with no binding", async () => {
        const v = await only([flinkDeployment(), pvc(), role(HA_RULES)], "leader-election-rbac", "mandatory");
        assert.match(v.message, /'flink\/flink'.*forbidden/);
    });
    it("reports a role without the configmap verbs", async () => {
        await only([flinkDeployment(), pvc(), role([{ apiGroups: [""], resources: ["configmaps"], verbs: ["get", "list", "watch"] }]),
            roleBinding()], "leader-election-rbac", "mandatory");
    });
    it("reports a binding in another namespace", async () => {
        await only([flinkDeployment(), pvc(), role(HA_RULES, "flink-ha", "other"), roleBinding("flink-ha", "flink", "other")],
            "leader-election-rbac", "mandatory");
    });
    it("accepts a binding to a ClusterRole", async () => {
        assert.deepEqual(await violations([flinkDeployment(), pvc(), role(HA_RULES, "flink-ha", "", true),
            roleBinding("flink-ha", "flink", "flink", "ClusterRole")]), []);
    });
});

describe("unique-flink-state-paths", () => {
    it("reports two deployments sharing a storage prefix", async () => {
        const shared = { "high-availability.storageDir": "file:///flink-data/dev/flink/shared/ha",
            "state.checkpoints.dir": "file:///flink-data/dev/flink/shared/checkpoints" };
        const v = await only([flinkDeployment({ name: "a", conf: shared }), flinkDeployment({ name: "b", conf: {
            "high-availability.storageDir": "file:///flink-data/dev/flink/shared/ha/b",
            "state.checkpoints.dir": "file:///flink-data/dev/flink/b/checkpoints" } }), pvc(), role(HA_RULES), roleBinding()],
        "unique-flink-state-paths", "mandatory");
        assert.match(v.message, /'a'.*'b'.*share a state path prefix/);
    });
    it("accepts sibling paths that only share a name prefix", async () => {
        assert.deepEqual(await violations([flinkDeployment({ name: "orders" }), flinkDeployment({ name: "orders-eu" }), pvc(),
            role(HA_RULES), roleBinding()]), []);
    });
});

describe("flink-ha-consistency", () => {
    it("reports standby JobManagers without HA", async () => {
        const v = await violations([flinkDeployment({ replicas: 2, upgradeMode: "stateless", conf: { "high-availability.type": "NONE" } }),
            pvc(), role(HA_RULES), roleBinding()]);
        assert.deepEqual(v.map(x => x.policy).sort(), ["flink-ha-consistency", "flink-ha-enabled", "standby-jobmanager-spread"]);
        assert.match(v.find(x => x.policy === "flink-ha-consistency")!.message, /2 JobManagers without HA/);
    });
    it("reports last-state without a checkpoint directory", async () => {
        const v = await only([flinkDeployment({ conf: { "state.checkpoints.dir": undefined } }), pvc(), role(HA_RULES), roleBinding()],
            "flink-ha-consistency", "mandatory");
        assert.match(v.message, /without a checkpoint directory the operator reads/);
    });
    it("reports savepoint without a savepoint directory", async () => {
        const v = await only([flinkDeployment({ upgradeMode: "savepoint", conf: { "state.savepoints.dir": undefined } }),
            pvc(), role(HA_RULES), roleBinding()], "flink-ha-consistency", "mandatory");
        assert.match(v.message, /without a savepoint directory the operator reads/);
    });
    it("reports a deployment with only the Flink 1.20 directory names, which the operator 1.10 refuses", async () => {
        const root = "file:///flink-data/dev/flink/orders";
        const v = await violations([flinkDeployment({ upgradeMode: "savepoint", operator: "1.10.0", conf: {
            "state.checkpoints.dir": undefined, "state.savepoints.dir": undefined,
            "execution.checkpointing.dir": `${root}/checkpoints`, "execution.checkpointing.savepoint-dir": `${root}/savepoints` } }),
            pvc(), role(HA_RULES), roleBinding()]);
        assert.deepEqual(v.map(x => [x.policy, x.level]), [["flink-ha-consistency", "mandatory"], ["flink-ha-consistency", "mandatory"]]);
        assert.match(v[0].message, /set state.checkpoints.dir \(operator 1.10.0 reads configuration with Flink 1.19.1/);
        assert.match(v[1].message, /set state.savepoints.dir/);
    });
    it("accepts only the Flink 1.20 directory names under operator 1.15.0, which reads them with Flink 1.20.1", async () => {
        const root = "file:///flink-data/dev/flink/orders";
        assert.deepEqual(await violations([flinkDeployment({ upgradeMode: "savepoint", operator: "1.15.0", conf: {
            "state.checkpoints.dir": undefined, "state.savepoints.dir": undefined,
            "execution.checkpointing.dir": `${root}/checkpoints`, "execution.checkpointing.savepoint-dir": `${root}/savepoints` } }),
            pvc(), role(HA_RULES), roleBinding()]), []);
    });
    it("names the current key to set under operator 1.15.0", async () => {
        const v = await only([flinkDeployment({ operator: "1.15.0", conf: { "state.checkpoints.dir": undefined } }), pvc(), role(HA_RULES),
            roleBinding()], "flink-ha-consistency", "mandatory");
        assert.match(v.message, /set execution.checkpointing.dir \(operator 1.15.0 reads configuration with Flink 1.20.1\)/);
    });
});

describe("no-rbac-wildcards", () => {
    it("reports a '*' verb", async () => {
        const v = await only([...nfsStack(), role([{ apiGroups: [""], resources: ["pods"], verbs: ["*"] }], "operator")],
            "no-rbac-wildcards", "mandatory");
        assert.match(v.message, /grants '\*' verbs/);
    });
    it("reports a '*' resource in a ClusterRole", async () => {
        await only([...nfsStack(), role([{ apiGroups: ["apps"], resources: ["*"], verbs: ["get"] }], "reader", "", true)],
            "no-rbac-wildcards", "mandatory");
    });
});

describe("flink-state-bucket-security", () => {
    const s3Deployment = () => flinkDeployment({ volumes: [], mounts: [], conf: {
        "high-availability.storageDir": "s3://acme-flink-ha/prod/flink/orders/ha",
        "state.checkpoints.dir": "s3://acme-flink-ha/prod/flink/orders/checkpoints",
        "state.savepoints.dir": "s3://acme-flink-ha/prod/flink/orders/savepoints" } });
    const base = () => [s3Deployment(), role(HA_RULES), roleBinding()];
    for (const [what, opts, pattern] of [
        ["versioning", { versioning: false }, /versioning/],
        ["encryption", { encryption: false }, /server-side encryption/],
        ["a public-access block", { blocks: { restrictPublicBuckets: false } }, /public-access blocks/],
        ["the TLS-only policy", { tlsOnly: false }, /aws:SecureTransport/],
    ] as const) {
        it(`reports a state bucket without ${what}`, async () => {
            const v = await only([...base(), ...bucket("acme-flink-ha", opts)], "flink-state-bucket-security", "mandatory");
            assert.match(v.message, pattern);
        });
    }
});

describe("irsa-single-service-account", () => {
    const sub = `${ISSUER}:sub`;
    const aud = `${ISSUER}:aud`;
    it("accepts exactly one service account and the STS audience", async () => {
        assert.deepEqual(await violations([irsaRole({ StringEquals: { [sub]: "system:serviceaccount:flink:flink", [aud]: "sts.amazonaws.com" } })]), []);
    });
    it("reports a trust without a subject condition", async () => {
        const v = await only([irsaRole({ StringEquals: { [aud]: "sts.amazonaws.com" } })], "irsa-single-service-account", "mandatory");
        assert.match(v.message, /any service account/);
    });
    it("reports a wildcard subject", async () => {
        const v = await violations([irsaRole({ StringLike: { [sub]: "system:serviceaccount:flink:*" }, StringEquals: { [aud]: "sts.amazonaws.com" } })]);
        assert.ok(v.length >= 1 && v.every(x => x.policy === "irsa-single-service-account"));
    });
    it("reports two subjects", async () => {
        await only([irsaRole({ StringEquals: { [sub]: ["system:serviceaccount:flink:flink", "system:serviceaccount:other:flink"],
            [aud]: "sts.amazonaws.com" } })], "irsa-single-service-account", "mandatory");
    });
    it("reports a missing audience", async () => {
        const v = await only([irsaRole({ StringEquals: { [sub]: "system:serviceaccount:flink:flink" } })], "irsa-single-service-account", "mandatory");
        assert.match(v.message, /sts.amazonaws.com/);
    });
});

describe("iam-kms-key-not-alias", () => {
    const rolePolicy = (keyArn: string) => resource("aws:iam/rolePolicy:RolePolicy", "flink-s3", { policy: JSON.stringify({
        Version: "2012-10-17", Statement: [{ Sid: "UseStateKey", Effect: "Allow", Action: ["kms:Decrypt", "kms:GenerateDataKey"],
            Resource: keyArn }] }) });
    it("reports a statement that grants a KMS alias", async () => {
        const v = await only([rolePolicy("arn:aws:kms:eu-west-1:111122223333:alias/flink")], "iam-kms-key-not-alias", "mandatory");
        assert.match(v.message, /alias\/flink in statement UseStateKey; IAM applies it to the alias, not the key/);
    });
    it("accepts a key ARN", async () => {
        assert.deepEqual(await violations([rolePolicy("arn:aws:kms:eu-west-1:111122223333:key/1234abcd-12ab-34cd-56ef-1234567890ab")]), []);
    });
});

describe("s3-list-bucket", () => {
    const flinkRole = (list: object) => resource("aws:iam/rolePolicy:RolePolicy", "flink-s3", { policy: JSON.stringify({
        Version: "2012-10-17", Statement: [
            { Sid: "FlinkStateObjects", Effect: "Allow", Action: ["s3:GetObject", "s3:PutObject"], Resource: "arn:aws:s3:::state/prod/flink/*" },
            { Sid: "List", Effect: "Allow", Action: "s3:ListBucket", Resource: "arn:aws:s3:::state", ...list }] }) });
    it("reports a Flink role that lists its bucket only under an s3:prefix condition", async () => {
        const v = await only([flinkRole({ Condition: { StringLike: { "s3:prefix": ["prod/flink/*"] } } })], "s3-list-bucket", "mandatory");
        assert.match(v.message, /lets its role write arn:aws:s3:::state but list it only under an s3:prefix condition \(statement List\)/);
    });
    it("accepts the unconditioned list the platform grants", async () => {
        assert.deepEqual(await violations([flinkRole({})]), []);
    });
});

describe("standby-jobmanager", () => {
    it("is advisory and reports a single JobManager", async () => {
        const v = await only(nfsStack(), "standby-jobmanager", "advisory", { ...DEFAULT_CONFIG, "standby-jobmanager": "advisory" });
        assert.match(v.message, /runs 1 JobManager/);
    });
    it("is quiet with two JobManagers", async () => {
        assert.deepEqual(await violations([flinkDeployment({ replicas: 2 }), jobManagerBudget(), pvc(), role(HA_RULES), roleBinding()],
            { ...DEFAULT_CONFIG, "standby-jobmanager": "mandatory" }), []);
    });
});

describe("pinned-versions", () => {
    it("reports a latest image", async () => {
        const v = await only([flinkDeployment({ image: "flink:latest" }), pvc(), role(HA_RULES), roleBinding()], "pinned-versions", "advisory");
        assert.match(v.message, /'flink:latest'/);
    });
    it("reports an untagged image behind a registry port", async () => {
        await only([flinkDeployment({ image: "registry:5000/flink" }), pvc(), role(HA_RULES), roleBinding()], "pinned-versions", "advisory");
    });
    it("reports an unpinned chart", async () => {
        await only([...nfsStack(), resource("kubernetes:helm.sh/v3:Release", "op", { chart: "flink-kubernetes-operator", name: "op" })],
            "pinned-versions", "advisory");
    });
});

describe("recovery-objective", () => {
    const withObjective = (objective: string, conf: Record<string, string | undefined> = {}, replicas = 1) => {
        const d = flinkDeployment({ conf, replicas });
        d.props.metadata.annotations = { "flink-ha.io/recovery": JSON.stringify({ objectiveMs: durationMs(objective), podStartupMs: 30000,
            restoreTimeMs: 10000 }) };
        return [d, jobManagerBudget(), pvc(), role(HA_RULES), roleBinding()];
    };
    it("accepts a deployment whose worst case fits", async () => {
        // 15 + 5 + 30 + 1.1 + 10 = 61.1 s with Flink's defaults and one JobManager
        assert.deepEqual(await violations(withObjective("62s")), []);
    });
    it("reports a worst case above the objective and says what to change", async () => {
        const v = await only(withObjective("60s"), "recovery-objective", "mandatory");
        assert.match(v.message, /up to 61.1s .* objective of 60s/);
    });
    it("counts a standby JobManager and hand-set lease settings", async () => {
        assert.deepEqual(await violations(withObjective("40s", {}, 2)), []);
        await only(withObjective("40s", { "high-availability.kubernetes.leader-election.lease-duration": "30 s" }, 2), "recovery-objective", "mandatory");
    });
    it("ignores deployments without an objective", async () => {
        assert.deepEqual(await violations(nfsStack()), []);
    });
    it("reads the figures as JSON, never prose", async () => {
        const d = flinkDeployment({});
        d.props.metadata.annotations = { "flink-ha.io/recovery": "podStartup=30s" };
        const v = await only([d, pvc(), role(HA_RULES), roleBinding()], "recovery-objective", "mandatory");
        assert.match(v.message, /is not JSON/);
    });
});

describe("flink-state-safety", () => {
    const lock = { "flink-state-safety": { enforcementLevel: "mandatory",
        jobs: { "flink/orders": { haStorageDir: "file:///flink-data/dev/flink/orders/ha" } } }, ...DEFAULT_CONFIG };
    it("accepts a stack whose locked jobs keep their name, namespace and HA storage", async () => {
        assert.deepEqual(await violations(nfsStack(), lock), []);
    });
    it("reports a locked job that is gone", async () => {
        const v = await only([flinkDeployment({ name: "orders-v2" }), pvc(), role(HA_RULES), roleBinding()], "flink-state-safety", "mandatory", lock);
        assert.match(v.message, /Flink job flink\/orders of the state lock is gone/);
    });
    it("accepts a renamed job that starts from a savepoint of the old one", async () => {
        const d = flinkDeployment({ name: "orders-v2" });
        d.props.spec.job.initialSavepointPath = "file:///flink-data/dev/flink/orders/savepoints/savepoint-1";
        assert.deepEqual(await violations([d, pvc(), role(HA_RULES), roleBinding()], lock), []);
    });
    it("reports a locked job on a new HA storage path, unless the loss is acknowledged", async () => {
        const moved = flinkDeployment({ conf: { "high-availability.storageDir": "file:///flink-data/dev/flink/orders/ha2" } });
        const v = await only([moved, pvc(), role(HA_RULES), roleBinding()], "flink-state-safety", "mandatory", lock);
        assert.match(v.message, /moves its HA storage from file:\/\/\/flink-data\/dev\/flink\/orders\/ha to/);
        moved.props.metadata.annotations = { "flink-ha.io/state-loss-acknowledged": "state rebuilt from Kafka" };
        assert.deepEqual(await violations([moved, pvc(), role(HA_RULES), roleBinding()], lock), []);
    });
    const lock120 = { "flink-state-safety": { enforcementLevel: "mandatory", jobs: { "flink/orders": {
        haStorageDir: "file:///flink-data/dev/flink/orders/ha", flinkVersion: "v1_20" } } }, ...DEFAULT_CONFIG };
    it("reports a locked Flink 1.x job moving to Flink 2.x as state at risk", async () => {
        const d = flinkDeployment();
        d.props.spec.flinkVersion = "v2_2";
        const v = await only([d, pvc(), role(HA_RULES), roleBinding()], "flink-state-safety", "mandatory", lock120);
        assert.match(v.message, /Flink job flink\/orders moves from Flink v1_20 to v2_2: Flink does not promise that 2.x reads state/);
    });
    it("accepts the move to Flink 2.x redeployed from a migration savepoint, or acknowledged", async () => {
        const d = flinkDeployment();
        d.props.spec.flinkVersion = "v2_2";
        d.props.spec.job.initialSavepointPath = "file:///flink-data/dev/flink/orders/savepoints/before-2.2";
        d.props.spec.job.savepointRedeployNonce = 1;
        assert.deepEqual(await violations([d, pvc(), role(HA_RULES), roleBinding()], lock120), []);
        const acknowledged = flinkDeployment();
        acknowledged.props.spec.flinkVersion = "v2_2";
        acknowledged.props.metadata.annotations = { "flink-ha.io/state-loss-acknowledged": "state rebuilt from Kafka" };
        assert.deepEqual(await violations([acknowledged, pvc(), role(HA_RULES), roleBinding()], lock120), []);
    });
    it("accepts a minor Flink upgrade within one major line", async () => {
        const lock119 = { ...lock120, "flink-state-safety": { ...lock120["flink-state-safety"], jobs: { "flink/orders": {
            haStorageDir: "file:///flink-data/dev/flink/orders/ha", flinkVersion: "v1_19" } } } };
        assert.deepEqual(await violations(nfsStack(), lock119), []);
    });
});

describe("the recovery arithmetic, on the fixtures RecoveryModel is tested against", () => {
    const dir = path.join(__dirname, "..", "..", "test", "fixtures", "recovery");
    for (const file of fs.readdirSync(dir).filter(f => f.endsWith(".json")).sort()) {
        it(file, () => {
            const fixture = JSON.parse(fs.readFileSync(path.join(dir, file), "utf8"));
            const props = { spec: { flinkConfiguration: fixture.flinkConfiguration, jobManager: { replicas: fixture.jobManagerReplicas } } };
            assert.equal(jobManagerLossMs(props, fixture.podStartupMs, fixture.restoreTimeMs), fixture.jobManagerLossMs, fixture.description);
        });
    }
});

describe("enforcement levels", () => {
    it("come from the config file: 'all' first, then the policy's own entry", async () => {
        const stack = [flinkDeployment({ conf: { "high-availability.type": undefined }, upgradeMode: "stateless" }), pvc(), role(HA_RULES), roleBinding()];
        const off = DEFAULT_CONFIG;
        assert.equal((await only(stack, "flink-ha-enabled", "advisory", { ...off, all: "advisory" })).level, "advisory");
        assert.equal((await only(stack, "flink-ha-enabled", "mandatory", { ...off, all: "advisory", "flink-ha-enabled": { enforcementLevel: "mandatory" } })).level, "mandatory");
        assert.deepEqual(await violations(stack, { ...off, "flink-ha-enabled": "disabled" }), []);
    });
});

describe("values known only after deployment", () => {
    it("skip the check as the engine does at preview, instead of reporting", async () => {
        const plan = { steps: [{ op: "create", newState: { type: "aws:iam/role:Role", urn: "urn:pulumi:s::p::aws:iam/role:Role::r",
            inputs: { assumeRolePolicy: PLAN_UNKNOWN } } }] };
        const result = await evaluate(resourcesFromPlan(plan), policies, DEFAULT_CONFIG);
        assert.deepEqual(result.violations, []);
        assert.deepEqual(result.skipped.map(s => s.policy), ["irsa-single-service-account"]);
        assert.match(result.skipped[0].reason, /can't be known during preview/);
    });
});

describe("the pack", () => {
    it("has twenty-three policies, each named, described and levelled", () => {
        assert.equal(policies.length, 23);
        assert.equal(new Set(policies.map(p => p.name)).size, 23);
        for (const p of policies) {
            assert.ok(p.description.length > 20, p.name);
            assert.ok(["advisory", "mandatory"].includes(p.enforcementLevel!), p.name);
        }
    });
    it("asks for exactly the ConfigMap verbs Flink's leader election uses", () => {
        assert.deepEqual(CONFIGMAP_VERBS, ALL_VERBS);
    });
});

describe("standby-jobmanager-spread", () => {
    it("accepts standbys kept to one node each with a budget", async () => {
        assert.deepEqual(await violations(nfsStack(jobManagerBudget()).map(r => r.type.endsWith("FlinkDeployment") ? flinkDeployment({ replicas: 2 }) : r)), []);
    });
    it("reports standbys that may share a node", async () => {
        const v = await only([flinkDeployment({ replicas: 2, spread: false }), jobManagerBudget(), pvc(), role(HA_RULES), roleBinding()],
            "standby-jobmanager-spread", "mandatory");
        assert.match(v.message, /may share a node/);
    });
    it("reports standbys without a disruption budget", async () => {
        const v = await only([flinkDeployment({ replicas: 2 }), pvc(), role(HA_RULES), roleBinding()], "standby-jobmanager-spread", "mandatory");
        assert.match(v.message, /without a PodDisruptionBudget/);
    });
    it("does not count a budget of another deployment", async () => {
        const v = await only([flinkDeployment({ replicas: 2 }), jobManagerBudget("payments"), pvc(), role(HA_RULES), roleBinding()],
            "standby-jobmanager-spread", "mandatory");
        assert.match(v.message, /app=orders, component=jobmanager/);
    });
    it("asks nothing of a single JobManager", async () => {
        assert.deepEqual(await violations(nfsStack()), []);
    });
});

describe("retained-checkpoints", () => {
    it("reports Flink's default of one checkpoint", async () => {
        const v = await only(nfsStack().map(r => r.type.endsWith("FlinkDeployment")
            ? flinkDeployment({ conf: { "state.checkpoints.num-retained": undefined } }) : r), "retained-checkpoints", "mandatory");
        assert.match(v.message, /keeps 1 completed checkpoint/);
    });
    it("reads the Flink 1.20 name first", async () => {
        const v = await only(nfsStack().map(r => r.type.endsWith("FlinkDeployment")
            ? flinkDeployment({ conf: { "execution.checkpointing.num-retained": "1" } }) : r), "retained-checkpoints", "mandatory");
        assert.match(v.message, /keeps 1 completed/);
    });
    it("accepts two", async () => {
        assert.deepEqual(await violations(nfsStack()), []);
    });
});

describe("node-imdsv2", () => {
    const template = (metadataOptions: any) => resource("aws:ec2/launchTemplate:LaunchTemplate", "nodes", { metadataOptions });
    it("accepts IMDSv2 with a hop limit of 1", async () => {
        assert.deepEqual(await violations(nfsStack(template({ httpTokens: "required", httpPutResponseHopLimit: 1 }))), []);
    });
    it("reports a hop limit pods can reach", async () => {
        const v = await only(nfsStack(template({ httpTokens: "required", httpPutResponseHopLimit: 2 })), "node-imdsv2", "mandatory");
        assert.match(v.message, /httpPutResponseHopLimit 2/);
    });
    it("reports optional tokens", async () => {
        await only(nfsStack(template({ httpTokens: "optional", httpPutResponseHopLimit: 1 })), "node-imdsv2", "mandatory");
    });
    it("reports a node group without a launch template", async () => {
        const v = await only(nfsStack(resource("aws:eks/nodeGroup:NodeGroup", "nodes", { clusterName: "c" })), "node-imdsv2", "mandatory");
        assert.match(v.message, /replaces the node group/);
    });
});

describe("replicated-operator", () => {
    const CHART_DEFAULTS = "kubernetes.operator.reconcile.interval: 15 s\nkubernetes.operator.observer.progress-check.interval: 5 s\n";
    function operator(values: Record<string, any>): PolicyResource {
        return resource("kubernetes:helm.sh/v3:Release", "op", { name: "flink-kubernetes-operator", chart: "flink-kubernetes-operator",
            version: "1.10.0", namespace: "flink-operator", values });
    }
    const replicated = {
        replicas: 2,
        strategy: { type: "RollingUpdate", rollingUpdate: { maxSurge: 1, maxUnavailable: 0 } },
        operatorPod: { topologySpreadConstraints: [{ maxSkew: 1, topologyKey: "kubernetes.io/hostname", whenUnsatisfiable: "DoNotSchedule",
            labelSelector: { matchLabels: { "app.kubernetes.io/name": "flink-kubernetes-operator" } } }] },
        defaultConfiguration: { create: true, append: true,
            "flink-conf.yaml": CHART_DEFAULTS + "kubernetes.operator.leader-election.enabled: true\n" },
    };
    const budget = resource("kubernetes:policy/v1:PodDisruptionBudget", "op-pdb", { metadata: { name: "flink-kubernetes-operator",
        namespace: "flink-operator" }, spec: { maxUnavailable: 1, selector: { matchLabels: { "app.kubernetes.io/name": "flink-kubernetes-operator" } } } });

    it("accepts a replicated operator with leader election, a rolling update, spread and a budget", async () => {
        assert.deepEqual(await violations(nfsStack(operator(replicated), budget)), []);
    });
    it("asks nothing of a single operator", async () => {
        assert.deepEqual(await violations(nfsStack(operator({ replicas: 1 }))), []);
    });
    it("reports replicas without leader election", async () => {
        const v = await only(nfsStack(operator({ ...replicated, defaultConfiguration: { "flink-conf.yaml": CHART_DEFAULTS } }), budget),
            "replicated-operator", "mandatory");
        assert.match(v.message, /every replica reconciles the same deployments/);
    });
    it("reports a configuration that drops the chart's own overrides", async () => {
        const v = await only(nfsStack(operator({ ...replicated, defaultConfiguration: {
            "flink-conf.yaml": "kubernetes.operator.leader-election.enabled: true\n" } }), budget), "replicated-operator", "mandatory");
        assert.match(v.message, /drops the chart's own overrides/);
    });
    it("reports the chart's Recreate strategy", async () => {
        const v = await only(nfsStack(operator({ ...replicated, strategy: undefined }), budget), "replicated-operator", "mandatory");
        assert.match(v.message, /Recreate strategy/);
    });
    it("reports replicas that may share a node", async () => {
        const v = await only(nfsStack(operator({ ...replicated, operatorPod: {} }), budget), "replicated-operator", "mandatory");
        assert.match(v.message, /may all land on one node/);
    });
    it("reports replicas without a disruption budget in the operator's namespace", async () => {
        const elsewhere = resource("kubernetes:policy/v1:PodDisruptionBudget", "x", { metadata: { namespace: "flink" },
            spec: { selector: { matchLabels: { "app.kubernetes.io/name": "flink-kubernetes-operator" } } } });
        const v = await only(nfsStack(operator(replicated), elsewhere), "replicated-operator", "mandatory");
        assert.match(v.message, /without a PodDisruptionBudget in 'flink-operator'/);
    });
});

describe("operator-crds", () => {
    function operator(version: string): PolicyResource {
        return resource("kubernetes:helm.sh/v3:Release", "op", { name: "flink-kubernetes-operator", chart: "flink-kubernetes-operator",
            version, namespace: "flink-operator", values: { replicas: 1 } });
    }
    const locked = { ...DEFAULT_CONFIG, "operator-crds": { installed: "1.10.0" } };

    it("accepts the operator whose CRDs the cluster has", async () => {
        assert.deepEqual(await violations(nfsStack(operator("1.10.0")), locked), []);
    });
    it("stops a new operator release with the exact steps", async () => {
        const v = await only(nfsStack(operator("1.15.0")), "operator-crds", "mandatory", locked);
        assert.match(v.message, /moves to 1\.15\.0, but the cluster has the CRDs of 1\.10\.0/);
        assert.ok(v.message.includes(crdUpgradeCommand("1.15.0", "1.10.0")), v.message);
        assert.match(v.message, /set operator-crds\.installed to "1\.15\.0"/);
    });
    it("prints the steps the plan diff prints (the fixture the Java side is tested against)", () => {
        assert.equal(crdUpgradeCommand("1.15.0", "1.10.0") + "\n",
            fs.readFileSync(path.join(__dirname, "../../test/fixtures/crd-upgrade-1.10.0-to-1.15.0.txt"), "utf8"));
    });
    it("replaces the three CRDs the cluster has and creates the blue/green one server-side, from the release tag", () => {
        const lines = crdUpgradeCommand("1.15.0", "1.10.0").split("\n");
        const base = "https://raw.githubusercontent.com/apache/flink-kubernetes-operator/release-1.15.0/helm/flink-kubernetes-operator/crds/";
        assert.deepEqual(lines, [
            `kubectl replace -f ${base}flinkdeployments.flink.apache.org-v1.yml`,
            `kubectl replace -f ${base}flinksessionjobs.flink.apache.org-v1.yml`,
            `kubectl replace -f ${base}flinkstatesnapshots.flink.apache.org-v1.yml`,
            `kubectl apply --server-side -f ${base}flinkbluegreendeployments.flink.apache.org-v1.yml`]);
    });
    it("asks nothing of an environment without a record", async () => {
        assert.deepEqual(await violations(nfsStack(operator("1.15.0"))), []);
    });
});

describe("eks-managed-add-ons", () => {
    const cluster = resource("aws:eks/cluster:Cluster", "eks", { name: "flink-ha", version: "1.35" });
    const addOn = (addonName: string, addonVersion: string | undefined = "v1.0.0-eksbuild.1") =>
        resource("aws:eks/addon:Addon", addonName, { clusterName: "flink-ha", addonName, addonVersion });

    it("accepts a cluster with its three add-ons pinned", async () => {
        assert.deepEqual(await violations(nfsStack(cluster, addOn("vpc-cni"), addOn("kube-proxy"), addOn("coredns"))), []);
    });
    it("reports the add-ons a cluster leaves self-managed", async () => {
        const v = await only(nfsStack(cluster, addOn("vpc-cni")), "eks-managed-add-ons", "mandatory");
        assert.match(v.message, /no managed add-on for kube-proxy, coredns/);
    });
    it("reports an add-on without a version", async () => {
        const v = await only(nfsStack(cluster, addOn("vpc-cni"), addOn("kube-proxy"), addOn("coredns", "")), "eks-managed-add-ons", "mandatory");
        assert.match(v.message, /coredns .* has no addonVersion/);
    });
    it("asks nothing of a stack without an EKS cluster", async () => {
        assert.deepEqual(await violations(nfsStack()), []);
    });
});

describe("job-network-isolation", () => {
    it("accepts a jobs' namespace with a default deny", async () => {
        assert.deepEqual(await violations(nfsStack(defaultDeny()), ISOLATION_ON), []);
    });
    it("reports a jobs' namespace without a NetworkPolicy", async () => {
        const v = await only(nfsStack(), "job-network-isolation", "mandatory", ISOLATION_ON);
        assert.match(v.message, /namespace 'flink' runs FlinkDeployments but has no default-deny NetworkPolicy/);
    });
    it("does not count a default deny in another namespace", async () => {
        await only(nfsStack(defaultDeny("other")), "job-network-isolation", "mandatory", ISOLATION_ON);
    });
    it("does not count a policy that allows something or covers only ingress", async () => {
        await only(nfsStack(defaultDeny("flink", { podSelector: {}, policyTypes: ["Ingress"] })), "job-network-isolation", "mandatory", ISOLATION_ON);
        await only(nfsStack(defaultDeny("flink", { podSelector: {}, policyTypes: ["Ingress", "Egress"], egress: [{}] })),
            "job-network-isolation", "mandatory", ISOLATION_ON);
        await only(nfsStack(defaultDeny("flink", { podSelector: { matchLabels: { app: "orders" } }, policyTypes: ["Ingress", "Egress"] })),
            "job-network-isolation", "mandatory", ISOLATION_ON);
    });
});

describe("restricted-pods", () => {
    it("accepts the restricted pod template and namespace", async () => {
        assert.deepEqual(await violations(nfsStack(namespace())), []);
    });
    it("reports a pod that may run as root", async () => {
        const v = await only([flinkDeployment({ podSecurity: { ...RESTRICTED_POD, runAsNonRoot: undefined } }), pvc(), role(HA_RULES), roleBinding()],
            "restricted-pods", "mandatory");
        assert.match(v.message, /the jobManager pods: securityContext.runAsNonRoot is undefined, not true/);
    });
    it("reports a container that keeps its capabilities or may escalate", async () => {
        const v = await only([flinkDeployment({ containerSecurity: { allowPrivilegeEscalation: true } }), pvc(), role(HA_RULES), roleBinding()],
            "restricted-pods", "mandatory");
        assert.match(v.message, /allowPrivilegeEscalation is true, not false/);
        assert.match(v.message, /does not drop ALL capabilities/);
    });
    it("reports a pod without a seccomp profile", async () => {
        const v = await only([flinkDeployment({ podSecurity: { runAsNonRoot: true } }), pvc(), role(HA_RULES), roleBinding()],
            "restricted-pods", "mandatory");
        assert.match(v.message, /seccompProfile.type is undefined, not RuntimeDefault or Localhost/);
    });
    it("reports a role's own template that overrides the restricted fields", async () => {
        const d = flinkDeployment();
        d.props.spec.taskManager.podTemplate = { spec: { securityContext: { runAsUser: 0, runAsNonRoot: false } } };
        const v = await only([d, pvc(), role(HA_RULES), roleBinding()], "restricted-pods", "mandatory");
        assert.match(v.message, /the taskManager pods: securityContext.runAsNonRoot is false/);
        assert.doesNotMatch(v.message, /the jobManager pods/);
    });
    it("reports a jobs' namespace that does not enforce the restricted standard", async () => {
        const v = await only(nfsStack(namespace("flink", "baseline")), "restricted-pods", "mandatory");
        assert.match(v.message, /namespace 'flink' runs FlinkDeployments but its label pod-security.kubernetes.io\/enforce is "baseline"/);
    });
    it("leaves a namespace without FlinkDeployments alone", async () => {
        assert.deepEqual(await violations(nfsStack(namespace("flink-operator", "baseline"))), []);
    });
});

describe("eks-secrets-encryption", () => {
    const cluster = (encryptionConfig: any) => resource("aws:eks/cluster:Cluster", "eks", { name: "prod", ...(encryptionConfig ? { encryptionConfig } : {}) });
    it("accepts a cluster whose secrets are under a KMS key", async () => {
        assert.deepEqual(await violations(nfsStack(cluster({ provider: { keyArn: "arn:aws:kms:eu-west-1:777700001111:key/k" }, resources: ["secrets"] })), PRODUCTION), []);
    });
    it("reports a cluster without an encryption config", async () => {
        const v = await only(nfsStack(cluster(undefined)), "eks-secrets-encryption", "mandatory", PRODUCTION);
        assert.match(v.message, /does not encrypt its secrets with a KMS key/);
    });
    it("accepts a key the stack creates, unknown during a preview, instead of skipping the cluster", async () => {
        // through the plan reader, so the key is the engine's unknown value, which a read would turn into a skip
        const plan = { steps: [{ op: "create", newState: { type: "aws:eks/cluster:Cluster", urn: "urn:pulumi:prod::p::aws:eks/cluster:Cluster::eks",
            inputs: { name: "prod", encryptionConfig: { provider: { keyArn: PLAN_UNKNOWN }, resources: ["secrets"] } } } }] };
        const result = await evaluate(resourcesFromPlan(plan), policies, PRODUCTION);
        assert.deepEqual(result.violations, []);
        assert.deepEqual(result.skipped.map(s => s.policy), []);
    });
    it("reports an encryption config without a key", async () => {
        await only(nfsStack(cluster({ provider: {}, resources: ["secrets"] })), "eks-secrets-encryption", "mandatory", PRODUCTION);
    });
});
