package io.flinkha;

import com.pulumi.Context;
import com.pulumi.resources.Resource;
import com.pulumi.resources.ResourceTransformation;
import com.pulumi.test.Mocks;
import com.pulumi.test.PulumiTest;
import com.pulumi.test.TestOptions;

import java.util.ArrayList;
import java.util.Collections;
import java.util.IdentityHashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.function.Consumer;

import static org.junit.jupiter.api.Assertions.assertEquals;

/**
 * Runs a program on Pulumi's public test API only ({@link PulumiTest}, {@link Mocks}, a resource
 * transformation) and reads what each resource was given: inputs from the mocks, parent, provider and
 * explicit dependencies from the options the transformation sees. A Pulumi SDK upgrade cannot break it
 * through internals, as it could the offline plan engine.
 */
public final class PublicApi {
    private PublicApi() {
    }

    /**
     * One registered resource.
     *
     * @param resource  the resource object
     * @param inputs    its inputs as the mocks received them (custom resources only)
     * @param parent    its parent
     * @param provider  its explicit provider
     * @param dependsOn its explicit dependencies
     * @param urn       its URN
     * @param dependencies the URNs of its explicit dependencies
     * @param retainOnDelete whether destroying the stack leaves it in place
     * @param protect        whether the engine refuses to delete or replace it
     */
    public record Registered(Resource resource, Map<String, Object> inputs, Optional<Resource> parent, Optional<Resource> provider,
                             List<Resource> dependsOn, String urn, List<String> dependencies, boolean retainOnDelete,
                             boolean protect) {
        /** @return the type token */
        public String type() {
            return resource.pulumiResourceType();
        }

        /** @return the logical name */
        public String name() {
            return resource.pulumiResourceName();
        }

        /** @return the value at a dotted path of the inputs */
        @SuppressWarnings("unchecked")
        public <T> T at(String path) {
            Object cur = inputs;
            for (String part : path.split("\\.")) {
                cur = cur instanceof List<?> l ? l.get(Integer.parseInt(part)) : ((Map<String, Object>) cur).get(part);
            }
            return (T) cur;
        }
    }

    /** @return every resource the program registered, in construction order */
    public static List<Registered> run(Consumer<Context> program) {
        Map<String, Map<String, Object>> inputs = Collections.synchronizedMap(new LinkedHashMap<>());
        Map<Resource, ResourceTransformation.Args> options = Collections.synchronizedMap(new IdentityHashMap<>());
        List<Resource> order = Collections.synchronizedList(new ArrayList<>());
        ResourceTransformation record = args -> {
            order.add(args.resource());
            options.put(args.resource(), args);
            return Optional.empty();
        };
        try {
            var result = PulumiTest.withMocks(new Mocks() {
                @Override
                public CompletableFuture<ResourceResult> newResourceAsync(ResourceArgs args) {
                    inputs.put(args.type + "::" + args.name, args.inputs);
                    Map<String, Object> state = new LinkedHashMap<>(args.inputs);
                    if (args.type.equals("aws:iam/role:Role")) {
                        state.put("arn", "arn:aws:iam::123456789012:role/" + args.name);
                    }
                    return CompletableFuture.completedFuture(ResourceResult.of(Optional.of(args.name + "-id"), state));
                }
            }).withOptions(TestOptions.builder().resourceTransformations(List.of(record)).build()).runTest(program);
            if (!result.exceptions().isEmpty()) {
                Throwable t = result.exceptions().get(0);
                while (t.getCause() != null && !(t instanceof IllegalArgumentException) && !(t instanceof IllegalStateException)) {
                    t = t.getCause();
                }
                throw t instanceof RuntimeException re ? re : new IllegalStateException(t);
            }
            List<Registered> out = new ArrayList<>();
            for (Resource r : List.copyOf(order)) {
                var o = options.get(r).options();
                out.add(new Registered(r, wholeNumbers(inputs.getOrDefault(r.pulumiResourceType() + "::" + r.pulumiResourceName(), Map.of())),
                        o.getParent(), o.getProvider().map(p -> (Resource) p), PulumiTest.extractValue(o.getDependsOn()),
                        PulumiTest.extractValue(r.urn()),
                        PulumiTest.extractValue(o.getDependsOn()).stream().map(d -> PulumiTest.extractValue(d.urn())).toList(),
                        o.getRetainOnDelete().orElse(false), o.getProtect().orElse(false)));
            }
            return out;
        } finally {
            PulumiTest.cleanup();
        }
    }

    /** The wire format knows only doubles; every whole number in a Kubernetes or AWS field is an integer. */
    @SuppressWarnings("unchecked")
    private static <T> T wholeNumbers(T value) {
        if (value instanceof Map<?, ?> m) {
            Map<String, Object> out = new LinkedHashMap<>();
            ((Map<String, Object>) m).forEach((k, v) -> out.put(k, wholeNumbers(v)));
            return (T) out;
        }
        if (value instanceof List<?> l) {
            return (T) l.stream().map(PublicApi::wholeNumbers).toList();
        }
        if (value instanceof Double d && d == Math.rint(d) && Math.abs(d) < 1e15) {
            return (T) (Object) d.longValue();
        }
        return value;
    }

    /** @return the one resource of {@code type} */
    public static Registered only(List<Registered> resources, String type) {
        List<Registered> found = resources.stream().filter(r -> r.type().equals(type)).toList();
        assertEquals(1, found.size(), () -> "expected one " + type + ", got " + found.size());
        return found.get(0);
    }
}
