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
    /** Set while {@link #unbound} makes Args: their resources come later, so their absence is no problem yet. */
    private static final ThreadLocal<Boolean> UNBOUND = ThreadLocal.withInitial(() -> false);

    private final String component;
    private final List<Problem> problems = new ArrayList<>();

    /**
     * Makes Args whose resources (a cluster, a namespace, a provider) do not exist yet, checking every other argument
     * with the Args' own rules: how a stack's settings are checked before the program declares anything. Each Args adds
     * the resources with its {@code bind} method, which checks everything again.
     *
     * @param make makes the Args, e.g. {@code builder::build}
     * @param <T>  the Args type
     * @return the Args, whose resources may be missing
     * @throws ArgsException naming every problem of the other arguments
     */
    public static <T> T unbound(java.util.function.Supplier<T> make) {
        boolean outer = UNBOUND.get();
        UNBOUND.set(true);
        try {
            return make.get();
        } finally {
            UNBOUND.set(outer);
        }
    }

    /**
     * One problem with one argument.
     *
     * @param field the argument's name, with the key beneath it where the argument is a map (e.g.
     *              {@code flinkConfiguration.state.backend})
     * @param text  what follows the field in the message: {@code got <value>; <allowed>}, or {@code is required; <what>}
     */
    public record Problem(String field, String text) {
        /** @return the field's own name, without the key beneath it: the argument a setting binds to */
        public String argument() {
            int dot = field.indexOf('.');
            return dot < 0 ? field : field.substring(0, dot);
        }

        @Override
        public String toString() {
            return field + ": " + text;
        }
    }

    /** The problems of one component's arguments, each kept apart so that a binder can name the setting behind it. */
    public static final class ArgsException extends IllegalArgumentException {
        private final transient List<Problem> problems;

        ArgsException(String component, List<Problem> problems) {
            super(component + ": " + String.join("; ", problems.stream().map(Problem::toString).toList()));
            this.problems = List.copyOf(problems);
        }

        /** @return every problem, in the order the Args checked them */
        public List<Problem> problems() {
            return problems;
        }
    }

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
            problems.add(new Problem(field, "is required; " + what));
        }
        return this;
    }

    /**
     * @param field a resource the component needs, such as its cluster
     * @param value the resource
     * @param what  what is expected
     * @return this check, with a problem when {@code value} is null, except while {@link #unbound} makes the Args
     */
    public ArgsCheck resource(String field, Object value, String what) {
        return UNBOUND.get() ? this : required(field, value, what);
    }

    /**
     * @param ok      whether the value is allowed, once the Args' resources are given
     * @param field   the argument
     * @param value   its value
     * @param allowed what is allowed, and why
     * @return this check, with a problem when not {@code ok}, except while {@link #unbound} makes the Args
     */
    public ArgsCheck bound(boolean ok, String field, Object value, String allowed) {
        return UNBOUND.get() ? this : check(ok, field, value, allowed);
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
            problems.add(new Problem(field, "got " + render(value) + "; " + allowed));
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
        problem.ifPresent(p -> problems.add(new Problem(field, "got " + render(value) + "; " + p)));
        return this;
    }

    /**
     * @param fieldProblems problems already of the form {@code <field>: ...}
     * @return this check
     */
    public ArgsCheck addAll(List<String> fieldProblems) {
        fieldProblems.forEach(p -> problems.add(new Problem(p.substring(0, p.indexOf(": ")), p.substring(p.indexOf(": ") + 2))));
        return this;
    }

    /**
     * @param field the argument
     * @param text  what is wrong, when it is not of the got/allowed form
     * @return this check
     */
    public ArgsCheck raw(String field, String text) {
        problems.add(new Problem(field, text));
        return this;
    }

    /** @throws ArgsException naming the component and every problem, when there is any */
    public void done() {
        if (!problems.isEmpty()) {
            throw new ArgsException(component, problems);
        }
    }

    private static String render(Object value) {
        return value instanceof String s ? "'" + s + "'" : String.valueOf(value);
    }
}
