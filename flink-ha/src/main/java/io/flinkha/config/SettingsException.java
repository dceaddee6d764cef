package io.flinkha.config;

import com.pulumi.exceptions.RunException;
import java.util.List;

/**
 * Thrown before any resource exists when a stack's settings are invalid. The message lists every
 * problem, one per line, each with the config key, the bad value and what is allowed. A
 * {@link RunException}: the Pulumi SDK reports it to the engine as its message alone, once, without the
 * stack trace and JVM command line it prints for a bug.
 */
public final class SettingsException extends RunException {
    /** Every problem, in the order found (serialized with the exception). */
    private final List<String> problems;

    /**
     * @param stack    the stack whose settings are invalid
     * @param problems every problem, each naming the key, the bad value and what is allowed
     */
    public SettingsException(String stack, List<String> problems) {
        super(String.format("invalid settings for stack '%s' (%d problem%s):%n  - %s",
                stack, problems.size(), problems.size() == 1 ? "" : "s", String.join("\n  - ", problems)));
        this.problems = List.copyOf(problems);
    }

    /** @return each problem on its own, in the order found */
    public List<String> problems() {
        return problems;
    }
}
