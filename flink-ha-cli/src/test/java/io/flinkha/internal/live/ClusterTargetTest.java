package io.flinkha.internal.live;

import io.fabric8.kubernetes.client.KubernetesClientException;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.net.ConnectException;
import java.net.UnknownHostException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The drill and status say why they cannot reach their cluster, instead of one "Operation: [get] ... failed" for every cause. */
class ClusterTargetTest {
    @TempDir
    Path home;

    private Path kubeconfig(String... contexts) throws Exception {
        StringBuilder yaml = new StringBuilder("apiVersion: v1\nkind: Config\ncontexts:\n");
        for (String c : contexts) {
            yaml.append("- name: ").append(c).append("\n  context: {cluster: ").append(c).append(", user: ").append(c).append("}\n");
        }
        Path f = home.resolve(".kube/config");
        Files.createDirectories(f.getParent());
        return Files.writeString(f, yaml);
    }

    @Test
    void aMissingKubeconfigIsNamedWithWhereItWasLookedFor() {
        String p = ClusterTarget.problem("kind-flink", null, home).orElseThrow();
        assertTrue(p.startsWith("no kubeconfig: " + home.resolve(".kube/config") + " (KUBECONFIG is not set) does not exist"), p);
    }

    @Test
    void aContextTheKubeconfigDoesNotHaveIsNamedWithTheOnesItHas() throws Exception {
        Path f = kubeconfig("kind-dev", "prod-eks");
        String p = ClusterTarget.problem("kind-flink", f.toString(), home).orElseThrow();
        assertEquals("no context 'kind-flink' in KUBECONFIG=" + f + "; contexts there: kind-dev, prod-eks", p);
    }

    @Test
    void aContextTheKubeconfigHasIsUsable() throws Exception {
        kubeconfig("kind-flink");
        assertEquals(Optional.empty(), ClusterTarget.problem("kind-flink", null, home));
    }

    @Test
    void aRefusedConnectionIsNamedAsSuch() {
        var failure = new KubernetesClientException("Operation: [get] for kind: [FlinkDeployment] failed.",
                new ConnectException("Connection refused"));
        String d = ClusterTarget.describe(failure, "kind-flink", "https://127.0.0.1:6443/");
        assertTrue(d.startsWith("cannot reach the API server of context 'kind-flink' at https://127.0.0.1:6443/: connection refused"), d);
    }

    @Test
    void anUnknownHostIsNamedAsSuch() {
        var failure = new KubernetesClientException("Operation: [get] failed.", new UnknownHostException("api.gone.example"));
        assertTrue(ClusterTarget.describe(failure, "c", "https://api.gone.example/").contains("unknown host api.gone.example"));
    }

    @Test
    void anyOtherFailureKeepsTheClientsMessage() {
        assertEquals("Forbidden", ClusterTarget.describe(new KubernetesClientException("Forbidden"), "c", "https://x/"));
    }
}
