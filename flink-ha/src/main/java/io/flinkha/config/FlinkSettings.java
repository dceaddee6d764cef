package io.flinkha.config;

/**
 * Flink version and image shared by the jobs: config key {@code flink-ha:flink}.
 *
 * @param version exact Flink version of the image, e.g. {@code 1.20.1} (default); it picks the
 *                FlinkDeployment's {@code flinkVersion} and any plugin jar name
 * @param image   container image (default {@code flink:<version>-java17}); must carry an explicit tag
 */
public record FlinkSettings(String version, String image) {
}
