package io.flinkha.internal.plan;

/**
 * A command-line argument the tool refuses as given (a stack name that is a path, a stack that does not exist, a plan
 * file that is missing or not JSON): the command exits 2, as for any bad argument, and prints the message alone.
 */
public final class BadArgumentException extends RuntimeException {
    /** The exit code of a refused argument. */
    public static final int EXIT = 2;

    public BadArgumentException(String message) {
        super(message);
    }
}
