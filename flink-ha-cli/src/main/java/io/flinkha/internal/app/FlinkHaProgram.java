package io.flinkha.internal.app;

import com.pulumi.Context;
import io.flinkha.config.PlatformSettings;
import io.flinkha.config.SettingsLoader;
import io.flinkha.platform.FlinkPlatform;

import java.time.LocalDate;
import java.time.ZoneOffset;

/**
 * The stack program: the edge where stack config becomes typed settings, and the one place that
 * reads {@code ctx.config()}.
 */
public final class FlinkHaProgram {
    private FlinkHaProgram() {
    }

    public static void define(Context ctx) {
        LocalDate today = LocalDate.now(ZoneOffset.UTC);
        PlatformSettings settings = SettingsLoader.load(ctx.stackName(), key -> ctx.config().get(key), today);
        SettingsLoader.warnings(settings, today).forEach(w -> ctx.log().warn(w));
        FlinkPlatform platform = new FlinkPlatform("flink-ha", settings, null);
        ctx.export("namespace", platform.serviceAccount().name().applyValue(sa -> settings.namespace()));
        ctx.export("serviceAccount", platform.serviceAccount().name());
        ctx.export("haStorageDirs", platform.haStorageDirs());
    }
}
