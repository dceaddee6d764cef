/**
 * The Flink Kubernetes Operator as a Helm release, watching the jobs' namespaces.
 *
 * @see <a href="https://nightlies.apache.org/flink/flink-kubernetes-operator-docs-release-1.10/docs/operations/helm/">Operator Helm chart</a>
 */
package io.flinkha.operator;
