/**
 * {@code check}: the platform's checks on FlinkDeployment manifests a team already has, with the same engine as the plan.
 */
package io.flinkha.internal.check;
