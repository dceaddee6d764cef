/**
 * The {@code flink.apache.org/v1beta1} FlinkDeployment custom resource as a typed Pulumi resource,
 * checked against the operator's own API classes before it is registered.
 *
 * @see <a href="https://nightlies.apache.org/flink/flink-kubernetes-operator-docs-release-1.10/docs/custom-resource/reference/">FlinkDeployment reference</a>
 */
package io.flinkha.flink.crd;
