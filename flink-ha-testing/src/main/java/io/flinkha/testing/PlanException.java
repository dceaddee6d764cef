package io.flinkha.testing;

/** A plan that cannot be made: unknown stack, unreadable or invalid stack config. */
public final class PlanException extends RuntimeException {
    public PlanException(String message) {
        super(message);
    }
}
