/**
 * Watching the jobs once they run: Flink's Prometheus reporter, a PodMonitor that scrapes every Flink pod, and alerts whose
 * thresholds come from each job's checkpoint interval and recovery model, on clusters with the Prometheus Operator.
 */
package io.flinkha.monitoring;
