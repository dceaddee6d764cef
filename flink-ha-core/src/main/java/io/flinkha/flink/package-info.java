/**
 * Flink jobs with Kubernetes HA: {@link io.flinkha.flink.HaFlinkDeployment} renders a FlinkDeployment
 * whose HA keys, storage paths, JobManager replicas and upgrade mode agree.
 *
 * @see <a href="https://nightlies.apache.org/flink/flink-docs-release-1.20/docs/deployment/ha/kubernetes_ha/">Kubernetes HA services</a>
 */
package io.flinkha.flink;
