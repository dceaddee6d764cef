package io.flinkha.testing;

import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Predicate;

/**
 * Every resource a program would register for one stack, in registration order.
 *
 * @param project   Pulumi project name
 * @param stack     stack name
 * @param config    the stack's config values as the engine passed them to the program
 * @param resources resources, the root stack first
 * @param warnings  what the program warned about (as {@code pulumi preview} prints it), in order
 * @param notes     what the program reported for information (its {@code flink-ha.*} info messages), in order
 */
public record Plan(String project, String stack, Map<String, String> config, List<PlannedResource> resources, List<String> warnings,
                   List<String> notes) {

    /**
     * Copies every list and map, and orders the config by key, so a plan never changes after it is made.
     *
     * @param project   the Pulumi project
     * @param stack     the stack
     * @param config    the stack's config
     * @param resources what the program registered, in construction order
     * @param warnings  what the program warned about, in order
     * @param notes     what the program reported for information, in order
     */
    public Plan {
        config = java.util.Collections.unmodifiableMap(new java.util.TreeMap<>(config));
        resources = List.copyOf(resources);
        warnings = List.copyOf(warnings);
        notes = List.copyOf(notes);
    }

    /**
     * A plan without notes.
     *
     * @param project   the Pulumi project
     * @param stack     the stack
     * @param config    the stack's config
     * @param resources what the program registered, in construction order
     * @param warnings  what the program warned about, in order
     */
    public Plan(String project, String stack, Map<String, String> config, List<PlannedResource> resources, List<String> warnings) {
        this(project, stack, config, resources, warnings, List.of());
    }

    /**
     * A plan without warnings, e.g. read back from a file that has none.
     *
     * @param project   the Pulumi project
     * @param stack     the stack
     * @param config    the stack's config
     * @param resources what the program registered, in construction order
     */
    public Plan(String project, String stack, Map<String, String> config, List<PlannedResource> resources) {
        this(project, stack, config, resources, List.of());
    }

    /** The text that stands for a value known only after deployment. */
    public static final String UNKNOWN = "<known after deploy>";
    /** The text that stands for a secret value, as {@code pulumi preview --json} prints it. */
    public static final String SECRET = "[secret]";

    /**
     * @param type a Pulumi type token, e.g. {@code kubernetes:flink.apache.org/v1beta1:FlinkDeployment}
     * @return the resources of that type, in construction order
     */
    public List<PlannedResource> ofType(String type) {
        return resources.stream().filter(r -> r.type().equals(type)).toList();
    }

    /**
     * @param p what the resource must satisfy
     * @return the first resource, in construction order, that does
     */
    public Optional<PlannedResource> find(Predicate<PlannedResource> p) {
        return resources.stream().filter(p).findFirst();
    }
}
