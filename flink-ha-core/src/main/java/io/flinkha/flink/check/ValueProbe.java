package io.flinkha.flink.check;

import org.apache.flink.configuration.ConfigOption;
import org.apache.flink.configuration.ConfigOptions;
import org.apache.flink.configuration.Configuration;

import java.util.Map;

/**
 * Reads one configuration value with a Flink release's own parsers. Like {@link OperatorConfigProbe} it is compiled
 * against the image's Flink but only ever runs as a copy that {@link FlinkRelease} defines inside one release's class
 * loader, so {@code ConfigOptions} and {@code Configuration} below are that release's. The option is built from the
 * type the release declares for the key (written at build time from its jars); it talks to the caller in JDK types.
 */
public final class ValueProbe {
    private ValueProbe() {
    }

    /**
     * @param key   the key as written
     * @param type  the option's value type as the release declares it: Duration, MemorySize, Integer, Long, Double,
     *              Float, Boolean, String or Map (enums are matched by the caller, whose class this release's core lacks)
     * @param list  whether the option takes a list of that type
     * @param value the value as written
     * @return null when the release reads the value, else the release's own reason
     */
    public static String problem(String key, String type, boolean list, String value) {
        ConfigOptions.OptionBuilder b = ConfigOptions.key(key);
        ConfigOptions.TypedConfigOptionBuilder<?> typed = switch (type) {
            case "Duration" -> b.durationType();
            case "MemorySize" -> b.memoryType();
            case "Integer" -> b.intType();
            case "Long" -> b.longType();
            case "Double" -> b.doubleType();
            case "Float" -> b.floatType();
            case "Boolean" -> b.booleanType();
            case "Map" -> b.mapType();
            default -> b.stringType();
        };
        ConfigOption<?> option = list ? typed.asList().noDefaultValue() : typed.noDefaultValue();
        try {
            Configuration.fromMap(Map.of(key, value)).get(option);
            return null;
        } catch (RuntimeException e) {
            Throwable cause = e.getCause() == null ? e : e.getCause();
            return cause.getMessage() == null ? cause.getClass().getSimpleName() : cause.getMessage();
        }
    }
}
