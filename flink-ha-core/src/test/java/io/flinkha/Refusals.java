package io.flinkha;

import org.junit.jupiter.api.function.Executable;

import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** What the Args tests of every artifact ask of a refusal: that it happens, and what it says. */
public final class Refusals {
    private Refusals() {
    }

    /** @return the message of the IllegalArgumentException {@code make} throws; fails when it throws none */
    public static String refused(Executable make) {
        return assertThrows(IllegalArgumentException.class, make).getMessage();
    }

    /** Fails unless {@code message} says each fragment. */
    public static void assertSays(String message, String... fragments) {
        for (String f : fragments) {
            assertTrue(message.contains(f), () -> "'" + message + "' should say '" + f + "'");
        }
    }
}
