package io.flinkha;

import com.pulumi.Context;
import io.flinkha.cluster.ExistingCluster;
import io.flinkha.cluster.ExistingClusterArgs;
import io.flinkha.cluster.KubernetesCluster;

import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;

import static org.junit.jupiter.api.Assertions.assertEquals;

/** The library's component tests: programs run on Pulumi's public test API ({@link PublicApi}), read back by type and path. */
public final class ComponentPlans {
    private ComponentPlans() {
    }

    /** What one program registered. */
    public record Plan(List<PublicApi.Registered> resources) {
        /** @return the resources of one type, in construction order */
        public List<PublicApi.Registered> ofType(String type) {
            return resources.stream().filter(r -> r.type().equals(type)).toList();
        }
    }

    /** @return what a program that gets a cluster (an existing one, context {@code test}) registers */
    public static Plan ofComponent(Function<KubernetesCluster, Object> component) {
        return new Plan(PublicApi.run((Context ctx) ->
                component.apply(new ExistingCluster("test", new ExistingClusterArgs("test", Optional.empty()), null))));
    }

    /** @return the one resource of {@code type} */
    public static PublicApi.Registered only(Plan plan, String type) {
        List<PublicApi.Registered> found = plan.ofType(type);
        assertEquals(1, found.size(), () -> "expected exactly one " + type + ", got " + found.size());
        return found.get(0);
    }

    /** @return the value at a dotted path of a resource's inputs */
    public static <T> T at(PublicApi.Registered r, String path) {
        return r.at(path);
    }

    /** @return a FlinkDeployment's Flink configuration; its keys contain dots, so they are not path segments */
    @SuppressWarnings("unchecked")
    public static Map<String, Object> flinkConfiguration(PublicApi.Registered deployment) {
        return (Map<String, Object>) ((Map<String, Object>) deployment.inputs().get("spec")).get("flinkConfiguration");
    }

    /** @return a JSON policy document held in an input, parsed */
    @SuppressWarnings("unchecked")
    public static Map<String, Object> json(Object text) {
        return new com.google.gson.Gson().fromJson((String) text, Map.class);
    }
}
