/**
 * {@link io.flinkha.platform.FlinkPlatform}: the whole HA Flink platform of one environment, composed
 * from {@link io.flinkha.platform.FlinkPlatformArgs}: the environment's facts and each component's Args, and the rules that
 * span components.
 */
package io.flinkha.platform;
