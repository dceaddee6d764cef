package io.flinkha.flink.check;

import org.apache.flink.configuration.CheckpointingOptions;
import org.apache.flink.configuration.ConfigOption;
import org.apache.flink.configuration.Configuration;
import org.apache.flink.configuration.HighAvailabilityOptions;

import java.util.HashMap;
import java.util.Map;

/**
 * Reads a FlinkDeployment's configuration the way the operator's validator does. It is compiled
 * against the image's Flink but never runs against it: {@link FlinkRelease} defines this class again
 * inside the class loader of the operator's own Flink release, so {@code CheckpointingOptions} below
 * resolves to that release's options, with that release's keys and fallback keys. It talks to the
 * caller only in JDK types, which both class loaders share.
 */
public final class OperatorConfigProbe {
    private OperatorConfigProbe() {
    }

    /**
     * @param raw the {@code flinkConfiguration} as rendered
     * @return for each option the validator reads ({@code checkpoints}, {@code savepoints}, {@code haType}):
     *         {@code <name>.key}, the key this release calls it, and {@code <name>}, the value read, when set
     */
    public static Map<String, String> read(Map<String, String> raw) {
        Configuration conf = Configuration.fromMap(raw);
        Map<String, String> out = new HashMap<>();
        put(out, "checkpoints", CheckpointingOptions.CHECKPOINTS_DIRECTORY, conf);
        put(out, "savepoints", CheckpointingOptions.SAVEPOINT_DIRECTORY, conf);
        put(out, "haType", HighAvailabilityOptions.HA_MODE, conf);
        return out;
    }

    private static void put(Map<String, String> out, String name, ConfigOption<String> option, Configuration conf) {
        out.put(name + ".key", option.key());
        String value = conf.get(option);
        if (value != null) {
            out.put(name, value);
        }
    }
}
