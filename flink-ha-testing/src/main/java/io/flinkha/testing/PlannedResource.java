package io.flinkha.testing;

import java.util.List;
import java.util.Map;

/**
 * One resource as the program registered it, in the terms of a {@code pulumi preview --json} step.
 *
 * @param urn          the resource's URN
 * @param type         type token
 * @param name         logical name
 * @param custom       true for a provider-managed resource, false for a component
 * @param parent       the parent's URN ("" for the stack itself)
 * @param provider     the explicit provider reference ("" when none)
 * @param dependencies URNs this resource depends on
 * @param inputs       inputs as plain JSON values; unknowns and secrets are placeholders
 * @param retainOnDelete whether destroying the stack leaves the cloud resource in place
 * @param protect      whether the engine refuses to delete the resource
 * @param ignoreChanges input paths whose changes the engine leaves alone (what something else owns once created)
 * @param aliases      URNs this resource was known by before (renames, re-parents), so the engine moves it instead of replacing it
 */
public record PlannedResource(
        String urn,
        String type,
        String name,
        boolean custom,
        String parent,
        String provider,
        List<String> dependencies,
        Map<String, Object> inputs,
        boolean retainOnDelete,
        boolean protect,
        List<String> ignoreChanges,
        List<String> aliases) {
}
