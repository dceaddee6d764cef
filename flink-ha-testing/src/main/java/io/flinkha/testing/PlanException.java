package io.flinkha.testing;

/** A plan that cannot be made: unknown stack, unreadable or invalid stack config. */
public final class PlanException extends RuntimeException {
    /** @param message what cannot be read, and why */
    public PlanException(String message) {
        super(message);
    }
}
