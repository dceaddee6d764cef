package io.flinkha;

import io.flinkha.platform.FlinkPlatformArgs;
import io.flinkha.config.SettingsLoader;

import java.util.HashMap;
import java.util.Map;
import java.util.Optional;

/** Builds settings from config text the way the engine passes it, starting from a valid base. */
public final class Settings {
    private final Map<String, String> values = new HashMap<>();

    private Settings() {
        values.put("environment", "test");
        values.put("cluster", "{\"kind\":\"existing\",\"context\":\"kind-flink\"}");
        values.put("storage", "{\"kind\":\"nfs\",\"storageClass\":\"nfs-client\"}");
        values.put("jobs", "[{\"name\":\"orders\",\"jarUri\":\"local:///opt/flink/usrlib/orders.jar\"}]");
    }

    public static Settings valid() {
        return new Settings();
    }

    public Settings with(String key, String value) {
        values.put(key, value);
        return this;
    }

    public Settings without(String key) {
        values.remove(key);
        return this;
    }

    /** Loads on the suite's fixed day ({@code flink-ha.today}), so no test depends on the date it runs on. */
    public FlinkPlatformArgs load() {
        return loadOn(io.flinkha.internal.app.FlinkHaProgram.today());
    }

    /** Loads on a given day (the EKS support calendar is checked against it). */
    public FlinkPlatformArgs loadOn(java.time.LocalDate day) {
        return SettingsLoader.load("test", key -> Optional.ofNullable(values.get(key)), day);
    }
}
