package io.flinkha.flink.check;

import com.pulumi.exceptions.RunException;
import java.util.List;

/**
 * A FlinkDeployment that the operator would refuse, or that would run without working HA: a mistake in
 * what the user asked for, reported with every rule it breaks. A {@link RunException}: the Pulumi SDK
 * reports it to the engine as its message alone, without the stack trace it prints for a bug.
 */
public final class FlinkDeploymentCheckException extends RunException {
    private static final long serialVersionUID = 1L;

    /** The rules broken, each prefixed with the rule's name. */
    private final List<String> violations;

    /**
     * @param deployment the deployment's name
     * @param against    what the checks ran against, for the message
     * @param violations each violation, prefixed with its rule's name
     */
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
