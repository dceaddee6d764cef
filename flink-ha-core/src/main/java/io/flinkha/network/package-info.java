/**
 * Network isolation of the jobs' namespace: NetworkPolicies that deny what a job does not need, with the ports each
 * deployment's Flink configuration uses.
 */
package io.flinkha.network;
