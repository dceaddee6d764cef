package io.flinkha.network;

import org.apache.flink.configuration.JobManagerOptions;
import org.apache.flink.configuration.RestOptions;
import org.apache.flink.kubernetes.utils.Constants;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;

/** The ports a deployment's pods talk on: Flink's native Kubernetes defaults, read from its own classes, unless the job sets them. */
class FlinkPortsTest {

    @Test
    void theDefaultsAreThoseOfFlinksNativeKubernetesModeAndItsOwnOptions() {
        assertEquals(JobManagerOptions.PORT.defaultValue().intValue(), FlinkPorts.JOB_MANAGER_RPC_DEFAULT);
        assertEquals(Constants.BLOB_SERVER_PORT, FlinkPorts.BLOB_DEFAULT);
        assertEquals(Constants.TASK_MANAGER_RPC_PORT, FlinkPorts.TASK_MANAGER_RPC_DEFAULT);
        assertEquals(Constants.REST_PORT, FlinkPorts.REST_DEFAULT);
        assertEquals(RestOptions.PORT.defaultValue().intValue(), FlinkPorts.REST_DEFAULT);
    }

    @Test
    void aPortTheJobSetsIsThePolicysAndZeroMeansTheDefault() {
        FlinkPorts ports = FlinkPorts.of(Map.of("taskmanager.data.port", "7000", "blob.server.port", "0"));
        assertEquals(List.of(6122, 6123, 6124, 6126, 7000), ports.internal());
        assertEquals(8081, ports.rest());
    }

    @Test
    void aRangeOrAListOfPortsIsRefusedSinceAPolicyNamesOne() {
        assertEquals(List.of("metrics.internal.query-service.port", "taskmanager.rpc.port"), List.copyOf(FlinkPorts.problems(Map.of(
                "taskmanager.rpc.port", "50100-50200", "metrics.internal.query-service.port", "6126,6127", "rest.port", "8081")).keySet()));
    }
}
