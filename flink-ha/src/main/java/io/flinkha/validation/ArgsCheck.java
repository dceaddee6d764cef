package io.flinkha.validation;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * Collects every problem with one component's arguments, so that all of them are reported at once,
 * each as {@code <field>: got <value>; <what is allowed>}, and the exception names the component.
 * Every Args record checks itself with one in its constructor, so no way of making Args skips the rules.
 */
public final class ArgsCheck {
    private final String component;
    private final List<String> problems = new ArrayList<>();

    private ArgsCheck(String component) {
        this.component = component;
    }

    /**
     * @param component the Args type, e.g. {@code S3StorageArgs}
     * @return an empty check
     */
    public static ArgsCheck of(String component) {
        return new ArgsCheck(component);
    }

    /**
     * @param field the argument
     * @param value its value
     * @param what  what is expected
     * @return this check, with a problem when {@code value} is null
     */
    public ArgsCheck required(String field, Object value, String what) {
        if (value == null) {
            problems.add(field + ": is required; " + what);
        }
        return this;
    }

    /**
     * @param ok      whether the value is allowed
     * @param field   the argument
     * @param value   its value
     * @param allowed what is allowed, and why
     * @return this check, with a problem when not {@code ok}
     */
    public ArgsCheck check(boolean ok, String field, Object value, String allowed) {
        if (!ok) {
            problems.add(field + ": got " + render(value) + "; " + allowed);
        }
        return this;
    }

    /**
     * @param field   the argument
     * @param value   its value
     * @param problem what is wrong with it, if anything (from one of the components' rule functions)
     * @return this check
     */
    public ArgsCheck problem(String field, Object value, Optional<String> problem) {
        problem.ifPresent(p -> problems.add(field + ": got " + render(value) + "; " + p));
        return this;
    }

    /**
     * @param fieldProblems problems already of the form {@code <field>: ...}
     * @return this check
     */
    public ArgsCheck addAll(List<String> fieldProblems) {
        problems.addAll(fieldProblems);
        return this;
    }

    /** @throws IllegalArgumentException naming the component and every problem, when there is any */
    public void done() {
        if (!problems.isEmpty()) {
            throw new IllegalArgumentException(component + ": " + String.join("; ", problems));
        }
    }

    private static String render(Object value) {
        return value instanceof String s ? "'" + s + "'" : String.valueOf(value);
    }
}
