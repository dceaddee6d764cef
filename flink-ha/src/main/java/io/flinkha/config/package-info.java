/**
 * Typed stack settings: {@link io.flinkha.config.SettingsLoader} turns a stack's config into a
 * validated {@link io.flinkha.config.PlatformSettings}, reporting every problem at once.
 */
package io.flinkha.config;
