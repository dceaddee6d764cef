/**
 * The two Prometheus Operator resources the platform declares ({@code monitoring.coreos.com/v1} PodMonitor and
 * PrometheusRule), which the Java Kubernetes SDK has no classes for.
 */
package io.flinkha.monitoring.crd;
