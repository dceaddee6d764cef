package io.flinkha.flink;

import org.apache.flink.kubernetes.utils.Constants;
import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertEquals;

/**
 * The library carries no flink-kubernetes at run time, so it restates the few of its values it needs. Each is compared
 * here with the class of the image's Flink release (a test-scope dependency), so a restatement cannot drift.
 */
class UpstreamConstantsTest {
    @Test
    void thePodLabelsAreThoseFlinksNativeKubernetesModeSets() {
        assertEquals(Constants.LABEL_APP_KEY, PodSpread.LABEL_APP);
        assertEquals(Constants.LABEL_COMPONENT_KEY, PodSpread.LABEL_COMPONENT);
        assertEquals(Constants.LABEL_TYPE_KEY, PodSpread.LABEL_TYPE);
        assertEquals(Constants.LABEL_TYPE_NATIVE_TYPE, PodSpread.NATIVE_TYPE);
        assertEquals(Constants.LABEL_COMPONENT_JOB_MANAGER, PodSpread.JOB_MANAGER);
        assertEquals(Constants.LABEL_COMPONENT_TASK_MANAGER, PodSpread.TASK_MANAGER);
    }
}
