// The pack as the Pulumi engine runs it: `pulumi preview --policy-pack policies`.
// Policies live in src/policies.ts so that tests and the offline runner can load them without
// starting the policy server that PolicyPack's constructor starts.
import { PolicyPack } from "@pulumi/policy";
import { policies } from "./src/policies";

new PolicyPack("flink-ha", {
    description: "HA guardrails for Apache Flink on Kubernetes: HA on, durable and unique state paths, state safety, "
        + "leader-election RBAC, secure state buckets, single-account IRSA.",
    enforcementLevel: "mandatory",
    policies,
});
