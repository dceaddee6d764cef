package io.flinkha.internal.diff;

import java.util.Map;

/**
 * The desired state of one stack as a plan describes it: resource states by URN.
 *
 * @param stack     stack name
 * @param resources each resource's {@code newState} (type, parent, inputs, ...), by URN
 */
public record StackPlan(String stack, Map<String, Map<String, Object>> resources) {
}
