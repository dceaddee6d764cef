package io.flinkha.internal.live;

import com.google.gson.JsonElement;
import com.google.gson.JsonObject;
import com.google.gson.JsonParser;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.fabric8.kubernetes.client.http.HttpResponse;

import java.util.Optional;
import java.util.concurrent.TimeUnit;

/** Flink's REST API through the API server's service proxy: no port-forward, and the client's own credentials. */
public final class FlinkRest {
    private final KubernetesClient client;

    /** @param client the cluster's client */
    public FlinkRest(KubernetesClient client) {
        this.client = client;
    }

    /**
     * @param namespace  the deployment's namespace
     * @param deployment the FlinkDeployment, whose REST service Flink names {@code <deployment>-rest}
     * @param path       the REST path, e.g. {@code jobs/overview}
     * @return the JSON object the JobManager answers, or empty when it does not answer one (down, failing over, no route)
     */
    public Optional<JsonObject> get(String namespace, String deployment, String path) {
        return getElement(namespace, deployment, path).filter(JsonElement::isJsonObject).map(JsonElement::getAsJsonObject);
    }

    /**
     * @param namespace  the deployment's namespace
     * @param deployment the FlinkDeployment
     * @param path       the REST path, e.g. {@code jobs/<id>/metrics?get=numRestarts}, which answers an array
     * @return the JSON the JobManager answers, or empty when it does not answer
     */
    public Optional<JsonElement> getElement(String namespace, String deployment, String path) {
        String url = client.getMasterUrl().toString().replaceAll("/$", "") + "/api/v1/namespaces/" + namespace + "/services/" + deployment
                + "-rest:rest/proxy/" + path;
        try {
            HttpResponse<String> response = client.getHttpClient()
                    .sendAsync(client.getHttpClient().newHttpRequestBuilder().uri(url).build(), String.class)
                    .get(10, TimeUnit.SECONDS);
            if (response.code() != 200 || response.body() == null) {
                return Optional.empty();
            }
            return Optional.of(JsonParser.parseString(response.body()));
        } catch (Exception e) {
            return Optional.empty();
        }
    }
}
