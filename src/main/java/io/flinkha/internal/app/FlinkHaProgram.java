package io.flinkha.internal.app;

import com.pulumi.Context;
import io.flinkha.config.PlatformSettings;
import io.flinkha.config.SettingsLoader;
import io.flinkha.platform.FlinkPlatform;

/**
 * The stack program: the edge where stack config becomes typed settings, and the one place that
 * reads {@code ctx.config()}.
 */
public final class FlinkHaProgram {
    private FlinkHaProgram() {
    }

    public static void define(Context ctx) {
        PlatformSettings settings = SettingsLoader.load(ctx.stackName(), key -> ctx.config().get(key));
        FlinkPlatform platform = new FlinkPlatform("flink-ha", settings, null);
        ctx.export("namespace", platform.rbac().serviceAccountName().applyValue(sa -> settings.namespace()));
        ctx.export("serviceAccount", platform.rbac().serviceAccountName());
        ctx.export("haStorageDirs", platform.haStorageDirs());
    }
}
