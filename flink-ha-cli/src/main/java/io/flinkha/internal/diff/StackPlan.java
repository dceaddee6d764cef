package io.flinkha.internal.diff;

import java.util.Map;

/**
 * The desired state of one stack as a plan describes it: resource states by URN.
 *
 * @param stack     stack name
 * @param resources each resource's {@code newState} (type, parent, inputs, ...), by URN
 * @param config    the stack's config as the plan records it ({@code <project>:<key>} to text); empty when unknown
 */
public record StackPlan(String stack, Map<String, Map<String, Object>> resources, Map<String, String> config) {

    /** A plan without config. */
    public StackPlan(String stack, Map<String, Map<String, Object>> resources) {
        this(stack, resources, Map.of());
    }

    /** @return whether the stack says it serves production ({@code flink-ha:production: true}) */
    public boolean production() {
        return "true".equals(config.get("flink-ha:production"));
    }
}
