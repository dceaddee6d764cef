/**
 * The checks every FlinkDeployment passes before it is registered, against upstream code rather than a
 * re-statement of it: the operator's API classes and CRD, the operator's validator rules on the Flink
 * release the operator is built on, and the image's Flink {@code ConfigOption}s. See
 * {@link io.flinkha.flink.check.UpstreamCheck}.
 */
package io.flinkha.flink.check;
