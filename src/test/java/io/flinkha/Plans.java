package io.flinkha;

import com.pulumi.Context;
import com.pulumi.kubernetes.Provider;
import com.pulumi.kubernetes.ProviderArgs;
import io.flinkha.app.FlinkHaProgram;
import io.flinkha.config.PlatformSettings;
import io.flinkha.internal.plan.Plan;
import io.flinkha.internal.plan.PlanEngine;
import io.flinkha.internal.plan.PlannedResource;
import io.flinkha.internal.plan.StackConfig;
import io.flinkha.platform.FlinkPlatform;

import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.function.Function;

import static org.junit.jupiter.api.Assertions.assertEquals;

/** Runs real programs on the SDK's mock engine and reads what they registered. */
public final class Plans {
    private Plans() {
    }

    /** The plan of a committed stack, exactly as {@code plan <stack>} makes it. */
    public static Plan ofStack(String stack) {
        StackConfig config = StackConfig.load(Path.of("").toAbsolutePath(), stack);
        return PlanEngine.run(config.project(), stack, config.values(), FlinkHaProgram::define);
    }

    /** The plan of a platform built from the given settings. */
    public static Plan ofPlatform(PlatformSettings settings) {
        return PlanEngine.run("flink-ha", "test", Map.of(), ctx -> new FlinkPlatform("flink-ha", settings, null));
    }

    /** The plan of a program that gets a Kubernetes provider to pass to the component under test. */
    public static Plan ofComponent(Function<Provider, Object> component) {
        return PlanEngine.run("flink-ha", "test", Map.of(), (Context ctx) ->
                component.apply(new Provider("test-provider", ProviderArgs.builder().context("test").build())));
    }

    public static PlannedResource only(Plan plan, String type) {
        List<PlannedResource> found = plan.ofType(type);
        assertEquals(1, found.size(), () -> "expected exactly one " + type + ", got " + found.size());
        return found.get(0);
    }

    /** The value at a dotted path of a resource's inputs, e.g. {@code spec.job.upgradeMode}. */
    @SuppressWarnings("unchecked")
    public static <T> T at(PlannedResource r, String path) {
        Object cur = r.inputs();
        for (String part : path.split("\\.")) {
            if (cur == null) {
                return null;
            }
            if (part.matches("\\d+")) {
                cur = ((List<Object>) cur).get(Integer.parseInt(part));
            } else {
                cur = ((Map<String, Object>) cur).get(part);
            }
        }
        return (T) cur;
    }

    /** Flink configuration of a FlinkDeployment; its keys contain dots, so they are not path segments. */
    @SuppressWarnings("unchecked")
    public static Map<String, Object> flinkConfiguration(PlannedResource deployment) {
        return (Map<String, Object>) ((Map<String, Object>) deployment.inputs().get("spec")).get("flinkConfiguration");
    }
}
