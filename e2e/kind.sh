#!/usr/bin/env bash
# End to end on a throwaway kind cluster: the dev stack deployed for real, its job failed over, torn down.
#
#   bash e2e/kind.sh            # needs docker, kind, kubectl, helm, the pulumi CLI and a JDK 17
#
# Steps: build the fat jar; create the kind cluster whose context the dev stack names; give its nodes an NFS
# client and install an in-cluster NFS provisioner with the ReadWriteMany class the stack uses; pulumi up the
# dev stack (it waits for the job to run); wait for a completed checkpoint; run the failover drill and check
# its verdict; pulumi destroy and delete the cluster. Whatever happens, it cleans up and keeps what it saw in
# e2e/out (the plan, the drill report, events and operator logs).
set -euo pipefail

# ---- what the dev stack expects (stacks/Pulumi.dev.yaml); E2eScriptTest keeps these equal to it -------------
readonly KUBE_CONTEXT="kind-flink"
readonly NAMESPACE="flink"
readonly OPERATOR_NAMESPACE="flink-operator"
readonly STORAGE_CLASS="nfs-client"
readonly JOB="state-machine"
readonly FLINK_IMAGE="flink:2.2.0-java17"

# ---- pinned versions of what this script installs ---------------------------------------------------------
readonly KIND_NODE_IMAGE="kindest/node:v1.31.0"
readonly NFS_CHART_REPO="https://kubernetes-sigs.github.io/nfs-ganesha-server-and-external-provisioner/"
readonly NFS_CHART="nfs-server-provisioner"
readonly NFS_CHART_VERSION="1.8.0"
readonly NFS_IMAGE_REPOSITORY="registry.k8s.io/sig-storage/nfs-provisioner"
readonly NFS_IMAGE_TAG="v4.0.8"

readonly CLUSTER="${KUBE_CONTEXT#kind-}"
ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
readonly ROOT
readonly OUT="${E2E_OUT:-${ROOT}/e2e/out}"
readonly TIMEOUT="${E2E_TIMEOUT:-900}"

log() { printf '[e2e %s] %s\n' "$(date -u +%H:%M:%S)" "$*"; }
fail() { printf '[e2e] FAILED: %s\n' "$*" >&2; exit 1; }

require() {
    local missing=()
    for tool in docker kind kubectl helm pulumi java; do
        command -v "${tool}" >/dev/null 2>&1 || missing+=("${tool}")
    done
    if ((${#missing[@]} > 0)); then
        fail "missing: ${missing[*]}. Install them (Docker with a running engine, kind, kubectl, helm, the Pulumi CLI, a JDK 17) and run again."
    fi
    docker info >/dev/null 2>&1 || fail "docker is installed but its engine does not answer (docker info failed); start it and run again."
}

created_cluster=false
deployed=false

collect() {
    mkdir -p "${OUT}"
    if [[ "${created_cluster}" == true ]]; then
        kubectl --context "${KUBE_CONTEXT}" get events -A --sort-by=.lastTimestamp >"${OUT}/events.txt" 2>&1 || true
        kubectl --context "${KUBE_CONTEXT}" -n "${OPERATOR_NAMESPACE}" logs -l app.kubernetes.io/name=flink-kubernetes-operator \
            --all-containers --tail=2000 >"${OUT}/operator.log" 2>&1 || true
        kubectl --context "${KUBE_CONTEXT}" -n "${NAMESPACE}" get flinkdeployment "${JOB}" -o yaml >"${OUT}/flinkdeployment.yaml" 2>&1 || true
    fi
}

cleanup() {
    local status=$?
    set +e
    collect
    if [[ "${deployed}" == true ]]; then
        log "pulumi destroy -s dev"
        (cd "${ROOT}" && pulumi destroy -s dev --yes --skip-preview >"${OUT}/destroy.txt" 2>&1)
        (cd "${ROOT}" && pulumi stack rm dev --yes --force >/dev/null 2>&1)
    fi
    if [[ "${created_cluster}" == true ]]; then
        log "kind delete cluster --name ${CLUSTER}"
        kind delete cluster --name "${CLUSTER}" >/dev/null 2>&1
    fi
    if ((status == 0)); then
        log "PASSED; what it saw is in ${OUT}"
    else
        printf '[e2e] FAILED (exit %s); what it saw is in %s\n' "${status}" "${OUT}" >&2
    fi
    exit "${status}"
}

create_cluster() {
    if kind get clusters 2>/dev/null | grep -qx "${CLUSTER}"; then
        fail "a kind cluster named ${CLUSTER} exists already; delete it (kind delete cluster --name ${CLUSTER}) or run elsewhere"
    fi
    log "kind create cluster --name ${CLUSTER} (${KIND_NODE_IMAGE})"
    created_cluster=true
    kind create cluster --name "${CLUSTER}" --image "${KIND_NODE_IMAGE}" --wait 5m
    # kind's node image has no NFS client; the kubelet needs one to mount the ReadWriteMany volume
    for node in $(kind get nodes --name "${CLUSTER}"); do
        docker exec "${node}" sh -c 'apt-get update -qq && apt-get install -y -qq nfs-common >/dev/null'
    done
    # the job's image, loaded once instead of pulled by every pod
    docker pull -q "${FLINK_IMAGE}" >/dev/null
    kind load docker-image "${FLINK_IMAGE}" --name "${CLUSTER}"
}

# An NFS server in the cluster, behind the ReadWriteMany class the dev stack asks for. Its own disk is the
# pod's (persistence off): enough for a drill that kills the JobManager, not the NFS server.
install_nfs() {
    log "NFS provisioner ${NFS_CHART} ${NFS_CHART_VERSION} with storage class ${STORAGE_CLASS}"
    helm --kube-context "${KUBE_CONTEXT}" upgrade --install nfs "${NFS_CHART}" --repo "${NFS_CHART_REPO}" \
        --version "${NFS_CHART_VERSION}" --namespace nfs --create-namespace --wait --timeout 5m \
        --set image.repository="${NFS_IMAGE_REPOSITORY}" --set image.tag="${NFS_IMAGE_TAG}" \
        --set storageClass.name="${STORAGE_CLASS}" --set persistence.enabled=false
}

deploy() {
    cd "${ROOT}"
    log "offline plan of dev"
    java -jar target/flink-ha.jar plan dev --json >"${OUT}/plan.json"
    export PULUMI_CONFIG_PASSPHRASE="${PULUMI_CONFIG_PASSPHRASE:-e2e-throwaway}"
    log "pulumi up -s dev (waits until the job is RUNNING and STABLE)"
    pulumi login --local
    pulumi stack select --create dev
    deployed=true
    pulumi up -s dev --yes --skip-preview
}

wait_for_checkpoint() {
    local job_id="" deadline=$((SECONDS + TIMEOUT))
    log "waiting for a completed checkpoint of ${JOB}"
    while ((SECONDS < deadline)); do
        job_id="$(kubectl --context "${KUBE_CONTEXT}" -n "${NAMESPACE}" get flinkdeployment "${JOB}" \
            -o jsonpath='{.status.jobStatus.jobId}' 2>/dev/null || true)"
        if [[ -n "${job_id}" ]] && kubectl --context "${KUBE_CONTEXT}" get --raw \
            "/api/v1/namespaces/${NAMESPACE}/services/${JOB}-rest:rest/proxy/jobs/${job_id}/checkpoints" 2>/dev/null \
            | grep -Eq '"completed":[1-9]'; then
            log "job ${job_id} has a completed checkpoint"
            return 0
        fi
        sleep 10
    done
    fail "no completed checkpoint of ${JOB} within ${TIMEOUT}s"
}

drill() {
    cd "${ROOT}"
    log "failover drill"
    if ! java -jar target/flink-ha.jar drill --context "${KUBE_CONTEXT}" --namespace "${NAMESPACE}" --deployment "${JOB}" \
        --timeout "${TIMEOUT}s" | tee "${OUT}/drill.txt"; then
        fail "the failover drill did not pass (see ${OUT}/drill.txt)"
    fi
    grep -q ': PASSED' "${OUT}/drill.txt" || fail "the drill's report does not say PASSED"
}

main() {
    require
    mkdir -p "${OUT}"
    trap cleanup EXIT
    log "build"
    (cd "${ROOT}" && ./mvnw -B -q package -DskipTests)
    create_cluster
    install_nfs
    deploy
    wait_for_checkpoint
    drill
}

main "$@"
