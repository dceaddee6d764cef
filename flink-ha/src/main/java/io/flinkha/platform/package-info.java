/**
 * {@link io.flinkha.platform.FlinkPlatform}: the whole HA Flink platform of one environment, composed
 * from {@link io.flinkha.config.PlatformSettings}.
 */
package io.flinkha.platform;
