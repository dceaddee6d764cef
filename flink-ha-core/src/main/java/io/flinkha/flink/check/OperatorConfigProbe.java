package io.flinkha.flink.check;

import org.apache.flink.configuration.CheckpointingOptions;
import org.apache.flink.configuration.ConfigOption;
import org.apache.flink.configuration.Configuration;
import org.apache.flink.configuration.HighAvailabilityOptions;

import java.util.HashMap;
import java.util.Map;

/**
 * Reads a FlinkDeployment's HA and state options the way one Flink release does: the operator's validator
 * (the operator's own release) or the job's JobManager (the image's). It is compiled against the image's Flink
 * but never runs against the program's class path: {@link FlinkRelease} defines this class again inside the
 * class loader of one release, so {@code CheckpointingOptions} below resolves to that release's options, with
 * that release's keys and fallback keys. It talks to the caller only in JDK types, which both class loaders
 * share, so a program needs no Flink on its class path.
 */
public final class OperatorConfigProbe {
    private OperatorConfigProbe() {
    }

    /**
     * @param raw the {@code flinkConfiguration} as rendered
     * @return for each option the checks read ({@code checkpoints}, {@code savepoints}, {@code haType}, {@code haStorage}; and
     *         only the key of {@code haClusterId}):
     *         {@code <name>.key}, the key this release calls it, and {@code <name>}, the value read, when set
     */
    public static Map<String, String> read(Map<String, String> raw) {
        Configuration conf = Configuration.fromMap(raw);
        Map<String, String> out = new HashMap<>();
        put(out, "checkpoints", CheckpointingOptions.CHECKPOINTS_DIRECTORY, conf);
        put(out, "savepoints", CheckpointingOptions.SAVEPOINT_DIRECTORY, conf);
        put(out, "haType", HighAvailabilityOptions.HA_MODE, conf);
        put(out, "haStorage", HighAvailabilityOptions.HA_STORAGE_PATH, conf);
        // only its key: the operator sets the value
        out.put("haClusterId.key", HighAvailabilityOptions.HA_CLUSTER_ID.key());
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
