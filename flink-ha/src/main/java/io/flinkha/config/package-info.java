/**
 * The edge where a stack's config becomes typed Args: {@link io.flinkha.config.SettingsLoader} binds each value into its
 * component's Args and reports every problem at once, at the stack key it came from.
 */
package io.flinkha.config;
