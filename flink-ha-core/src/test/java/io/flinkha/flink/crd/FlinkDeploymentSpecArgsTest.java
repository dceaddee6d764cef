package io.flinkha.flink.crd;

import com.pulumi.core.Output;
import com.pulumi.kubernetes.core.v1.inputs.PodTemplateSpecArgs;
import com.pulumi.test.PulumiTest;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Map;
import java.util.Optional;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The typed FlinkDeployment spec reads back, in its own types, what a program gave it. */
class FlinkDeploymentSpecArgsTest {
    @Test
    void everyPartOfTheSpecReadsBackAsGiven() {
        var pod = PodTemplateSpecArgs.builder().build();
        var jm = new JobManagerSpecArgs(2, new FlinkResourceArgs(1.5, "2048m"), pod);
        var tm = new TaskManagerSpecArgs(new FlinkResourceArgs(2, "4096m"), pod);
        var job = new JobSpecArgs("local:///job.jar", null, List.of(), 4, UpgradeMode.SAVEPOINT);
        var spec = FlinkDeploymentSpecArgs.builder().image("flink:1.20.1-java17").imagePullPolicy("IfNotPresent").flinkVersion("v1_20")
                .serviceAccount(Output.of("flink")).flinkConfiguration(Output.of(Map.of("k", "v"))).podTemplate(pod)
                .jobManager(jm).taskManager(tm).job(job).build();
        assertEquals("flink:1.20.1-java17", spec.image());
        assertEquals("v1_20", spec.flinkVersion());
        assertEquals("flink", PulumiTest.extractValue(spec.serviceAccount()));
        assertSame(pod, spec.podTemplate());
        assertSame(jm, spec.jobManager());
        assertSame(tm, spec.taskManager());
        assertSame(job, spec.job());
        assertEquals(2, jm.replicas());
        assertEquals(1.5, jm.resource().cpu());
        assertEquals("2048m", jm.resource().memory());
        assertEquals(Optional.of(pod), jm.podTemplate());
        assertEquals("4096m", tm.resource().memory());
        assertEquals(Optional.of(pod), tm.podTemplate());
        assertEquals("local:///job.jar", job.jarURI());
        assertEquals(4, job.parallelism());
        assertEquals(UpgradeMode.SAVEPOINT, job.upgradeMode());
    }

    @Test
    void onlyAStatelessUpgradeDropsTheJobsState() {
        assertFalse(UpgradeMode.STATELESS.keepsState());
        assertTrue(UpgradeMode.SAVEPOINT.keepsState());
        assertTrue(UpgradeMode.LAST_STATE.keepsState());
    }
}
