// The pack's policies, one per file in policies/, in the order the pack reports them.
import { EnforcementLevel, ResourceValidationPolicy, StackValidationPolicy } from "@pulumi/policy";
import { haEnabledPolicy } from "./policies/flink-ha-enabled";
import { durableStatePolicy } from "./policies/durable-flink-state";
import { leaderElectionRbacPolicy } from "./policies/leader-election-rbac";
import { uniqueStatePathsPolicy } from "./policies/unique-flink-state-paths";
import { haConsistencyPolicy } from "./policies/flink-ha-consistency";
import { noRbacWildcardsPolicy } from "./policies/no-rbac-wildcards";
import { stateBucketSecurityPolicy } from "./policies/flink-state-bucket-security";
import { irsaSingleServiceAccountPolicy } from "./policies/irsa-single-service-account";
import { kmsKeyNotAliasPolicy } from "./policies/iam-kms-key-not-alias";
import { standbyJobManagerPolicy } from "./policies/standby-jobmanager";
import { pinnedVersionsPolicy } from "./policies/pinned-versions";
import { recoveryObjectivePolicy } from "./policies/recovery-objective";
import { stateSafetyPolicy } from "./policies/flink-state-safety";
import { standbyJobManagerSpreadPolicy } from "./policies/standby-jobmanager-spread";
import { retainedCheckpointsPolicy } from "./policies/retained-checkpoints";
import { nodeImdsV2Policy } from "./policies/node-imdsv2";
import { replicatedOperatorPolicy } from "./policies/replicated-operator";
import { operatorCrdsPolicy, crdUpgradeCommand } from "./policies/operator-crds";
import { eksManagedAddOnsPolicy } from "./policies/eks-managed-add-ons";
import { s3ListBucketPolicy } from "./policies/s3-list-bucket";
import { jobNetworkIsolationPolicy } from "./policies/job-network-isolation";
import { restrictedPodsPolicy } from "./policies/restricted-pods";
import { eksSecretsEncryptionPolicy } from "./policies/eks-secrets-encryption";

export { CONFIGMAP_VERBS, FLINK_DEPLOYMENT, haEnabled, stateDirs, operatorStateDirs } from "./common";
export { grantsConfigMapVerbs } from "./policies/leader-election-rbac";
export { crdUpgradeCommand };
export { durationMs, jobManagerLossMs } from "./recovery";
export { haEnabledPolicy, durableStatePolicy, leaderElectionRbacPolicy, uniqueStatePathsPolicy, haConsistencyPolicy, noRbacWildcardsPolicy, stateBucketSecurityPolicy, irsaSingleServiceAccountPolicy, kmsKeyNotAliasPolicy, standbyJobManagerPolicy, pinnedVersionsPolicy, recoveryObjectivePolicy, stateSafetyPolicy, standbyJobManagerSpreadPolicy, retainedCheckpointsPolicy, nodeImdsV2Policy, replicatedOperatorPolicy, operatorCrdsPolicy, eksManagedAddOnsPolicy, s3ListBucketPolicy, jobNetworkIsolationPolicy, restrictedPodsPolicy, eksSecretsEncryptionPolicy };

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
    stateSafetyPolicy,
    standbyJobManagerSpreadPolicy,
    retainedCheckpointsPolicy,
    nodeImdsV2Policy,
    replicatedOperatorPolicy,
    operatorCrdsPolicy,
    eksManagedAddOnsPolicy,
    s3ListBucketPolicy,
    jobNetworkIsolationPolicy,
    restrictedPodsPolicy,
    eksSecretsEncryptionPolicy,
];

export type Level = EnforcementLevel;
