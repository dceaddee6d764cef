package io.flinkha.platform;

import io.flinkha.flink.HaFlinkDeploymentArgs;

/**
 * One job of the platform: the name of its deployment (Flink's cluster-id) and its Args, checked before the storage, the
 * account and the operator exist; the platform binds those in ({@link HaFlinkDeploymentArgs#bind}).
 *
 * @param name the deployment's name
 * @param args its checked Args, without resources
 */
public record Job(String name, HaFlinkDeploymentArgs args) {
}
