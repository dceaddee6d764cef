package io.flinkha.internal.check;

import java.util.List;

/** A FlinkDeployment that the operator would refuse, or that would run without working HA. */
public final class FlinkDeploymentCheckException extends RuntimeException {
    private final List<String> violations;

    public FlinkDeploymentCheckException(String deployment, String against, List<String> violations) {
        super(String.format("FlinkDeployment '%s' fails the upstream checks (%s):%n  - %s",
                deployment, against, String.join("\n  - ", violations)));
        this.violations = List.copyOf(violations);
    }

    /** @return each violation, prefixed with the rule's name */
    public List<String> violations() {
        return violations;
    }
}
