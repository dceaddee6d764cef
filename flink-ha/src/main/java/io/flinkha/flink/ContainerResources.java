package io.flinkha.flink;

/**
 * CPU and memory of a Flink container, as the FlinkDeployment's {@code resource} field takes them.
 *
 * @param cpu    cores (default 1)
 * @param memory Flink memory size, e.g. {@code 2048m}, {@code 2g} or {@code 2Gi} (default {@code 2048m})
 */
public record ContainerResources(double cpu, String memory) {
    private static final java.util.regex.Pattern SIZE =
            java.util.regex.Pattern.compile("(\\d+(?:\\.\\d+)?)\\s*([a-zA-Z]*)");

    /** @return the CPU the pod requests, in millicores (the operator requests what {@code cpu} says) */
    public int milliCpu() {
        return (int) Math.round(cpu * 1000);
    }

    /**
     * @return the memory the pod requests, in MiB: Flink's units ({@code m}, {@code g}, ...) are binary, and the
     *         operator reads Kubernetes' {@code Mi}/{@code Gi} the same way
     * @throws IllegalArgumentException when {@code memory} is not a size
     */
    public int memoryMib() {
        var m = SIZE.matcher(memory.trim());
        if (!m.matches()) {
            throw new IllegalArgumentException("not a memory size: " + memory);
        }
        double n = Double.parseDouble(m.group(1));
        double mib = switch (m.group(2).toLowerCase(java.util.Locale.ROOT)) {
            case "", "b" -> n / (1024 * 1024);
            case "k", "kb", "ki" -> n / 1024;
            case "m", "mb", "mi" -> n;
            case "g", "gb", "gi" -> n * 1024;
            case "t", "tb", "ti" -> n * 1024 * 1024;
            default -> throw new IllegalArgumentException("not a memory size: " + memory);
        };
        return (int) Math.ceil(mib);
    }
}
