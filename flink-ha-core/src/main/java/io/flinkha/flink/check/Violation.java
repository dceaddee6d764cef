package io.flinkha.flink.check;

/**
 * One rule a FlinkDeployment breaks.
 *
 * @param rule    the rule's name, e.g. {@code flink-option}
 * @param path    where in the object, e.g. {@code spec.flinkConfiguration."high-availability.storageDir"}; empty for the
 *                object as a whole
 * @param message what is wrong, and what is allowed
 */
public record Violation(String rule, String path, String message) {
    /**
     * @param key a Flink configuration key
     * @return its path in a FlinkDeployment
     */
    public static String configPath(String key) {
        return "spec.flinkConfiguration.\"" + key + "\"";
    }

    /** @return {@code <rule>: <message>}, as a plan reports it */
    @Override
    public String toString() {
        return rule + ": " + message;
    }
}
