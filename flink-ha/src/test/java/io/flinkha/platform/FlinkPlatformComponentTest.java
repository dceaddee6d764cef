package io.flinkha.platform;

import com.pulumi.test.PulumiTest;
import io.flinkha.PublicApi;
import io.flinkha.PublicApi.Registered;
import io.flinkha.platform.FlinkPlatformArgs;
import io.flinkha.config.SettingsLoader;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicReference;

import static io.flinkha.PublicApi.only;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;

/** What the platform component hands a program that composes it: the parts it made, and each job's HA storage dir. */
class FlinkPlatformComponentTest {
    private static final Map<String, String> CONFIG = Map.of(
            "environment", "qa",
            "cluster", "{\"kind\":\"existing\",\"context\":\"kind-flink\"}",
            "storage", "{\"kind\":\"nfs\",\"storageClass\":\"nfs-client\"}",
            "jobs", "[{\"name\":\"orders\",\"jarUri\":\"local:///o.jar\"},{\"name\":\"payments\",\"jarUri\":\"local:///p.jar\"}]");

    private final AtomicReference<FlinkPlatform> platform = new AtomicReference<>();

    private List<Registered> run() {
        FlinkPlatformArgs settings = SettingsLoader.load("qa", key -> Optional.ofNullable(CONFIG.get(key)));
        return PublicApi.run(ctx -> platform.set(new FlinkPlatform("flink-ha", settings, null)));
    }

    @Test
    void eachJobsHaStorageDirIsHandedOutByJobName() {
        List<Registered> resources = run();
        Map<String, String> dirs = PulumiTest.extractValue(platform.get().haStorageDirs());
        assertEquals(List.of("orders", "payments"), List.copyOf(dirs.keySet()));
        List<Registered> deployments = resources.stream().filter(r -> r.type().equals("kubernetes:flink.apache.org/v1beta1:FlinkDeployment")).toList();
        assertEquals(2, deployments.size());
        for (Registered d : deployments) {
            @SuppressWarnings("unchecked")
            Map<String, Object> conf = (Map<String, Object>) ((Map<String, Object>) d.inputs().get("spec")).get("flinkConfiguration");
            String job = d.name().substring(d.name().lastIndexOf('-') + 1);
            assertEquals(conf.get("high-availability.storageDir"), dirs.get(job), d.name());
        }
    }

    @Test
    void thePartsItMadeAreHandedOut() {
        List<Registered> resources = run();
        FlinkPlatform p = platform.get();
        assertSame(only(resources, "flink-ha:cluster:ExistingCluster").resource(), p.cluster());
        assertSame(only(resources, "flink-ha:storage:NfsStorage").resource(), p.storage());
        assertSame(only(resources, "flink-ha:identity:FlinkServiceAccount").resource(), p.serviceAccount());
        assertSame(only(resources, "flink-ha:operator:FlinkOperator").resource(), p.operator());
        assertEquals(List.of("orders", "payments"), p.deployments().keySet().stream().sorted().toList());
        assertEquals("flink", PulumiTest.extractValue(p.jobsNamespace().metadata().applyValue(m -> m.name().orElseThrow())));
    }
}
