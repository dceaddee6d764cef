package io.flinkha.internal.app;

import com.pulumi.Context;
import io.flinkha.config.SettingsLoader;
import io.flinkha.platform.FlinkPlatformArgs;
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

    /**
     * The property that fixes the day the program checks dates against (the EKS support calendar): the test suite sets it,
     * so it passes on any date; without it the day is today, in UTC.
     */
    public static final String TODAY_PROPERTY = "flink-ha.today";

    /** @return the day the program checks dates against */
    public static LocalDate today() {
        String fixed = System.getProperty(TODAY_PROPERTY);
        return fixed == null || fixed.isBlank() ? LocalDate.now(ZoneOffset.UTC) : LocalDate.parse(fixed);
    }

    public static void define(Context ctx) {
        define(ctx, settings -> {
        });
    }

    /**
     * @param ctx          the stack's context
     * @param settingsRead told the stack's settings once they are read and valid, before any component is declared
     */
    public static void define(Context ctx, java.util.function.Consumer<FlinkPlatformArgs> settingsRead) {
        LocalDate today = today();
        FlinkPlatformArgs settings = SettingsLoader.load(ctx.stackName(), key -> ctx.config().get(key), today);
        settingsRead.accept(settings);
        SettingsLoader.warnings(settings).forEach(w -> ctx.log().warn(w));
        FlinkPlatform platform = new FlinkPlatform("flink-ha", settings, notice -> ctx.log().info(notice), null);
        ctx.export("namespace", platform.serviceAccount().name().applyValue(sa -> settings.environment().namespace()));
        ctx.export("serviceAccount", platform.serviceAccount().name());
        ctx.export("haStorageDirs", platform.haStorageDirs());
    }
}
