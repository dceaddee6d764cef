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
    /** A memory size as Flink and the operator read it. */
    public static final java.util.regex.Pattern MEMORY =
            java.util.regex.Pattern.compile("\\d+(\\.\\d+)?\\s*(b|k|kb|m|mb|g|gb|t|tb|Ki|Mi|Gi|Ti)", java.util.regex.Pattern.CASE_INSENSITIVE);
    /** The defaults: 1 core and 2048m. */
    public static final ContainerResources DEFAULT = new ContainerResources(1, "2048m");

    /**
     * Makes the arguments, checking every one: all problems are reported at once, so no way of making
     * these Args skips a rule.
     *
     * @param cpu    cores (default 1)
     * @param memory Flink memory size, e.g. {@code 2048m}, {@code 2g} or {@code 2Gi} (default {@code 2048m})
     * @throws IllegalArgumentException naming the component, and each field, value and what is allowed
     */
    public ContainerResources {
        io.flinkha.validation.ArgsCheck.of("ContainerResources").addAll(problems(cpu, memory)).done();
    }

    /**
     * @param cpu    cores
     * @param memory memory size
     * @return every problem, each as {@code <field>: ...}; empty when both are valid
     */
    public static java.util.List<String> problems(double cpu, String memory) {
        java.util.List<String> out = new java.util.ArrayList<>();
        if (!(cpu >= 0.1 && cpu <= 64)) {
            out.add("cpu: got " + cpu + "; expected cores from 0.1 to 64");
        }
        if (memory == null || !MEMORY.matcher(memory).matches()) {
            out.add("memory: got '" + memory + "'; expected a memory size such as 2048m, 2g or 2Gi");
        }
        return out;
    }

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
            case "b" -> n / (1024 * 1024);
            case "k", "kb", "ki" -> n / 1024;
            case "m", "mb", "mi" -> n;
            case "g", "gb", "gi" -> n * 1024;
            case "t", "tb", "ti" -> n * 1024 * 1024;
            default -> throw new IllegalArgumentException("not a memory size: " + memory);
        };
        return (int) Math.ceil(mib);
    }
}
