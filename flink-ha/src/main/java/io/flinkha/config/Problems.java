package io.flinkha.config;

import java.util.ArrayList;
import java.util.List;

/**
 * Collects every problem found in a stack's settings so that all of them are reported at once,
 * each naming the key, the bad value and what is allowed.
 */
final class Problems {
    private final List<String> messages = new ArrayList<>();

    void add(String key, Object value, String allowed) {
        messages.add(String.format("%s: got %s; %s", key, render(value), allowed));
    }

    void missing(String key, String allowed) {
        messages.add(String.format("%s: is required; %s", key, allowed));
    }

    void raw(String message) {
        messages.add(message);
    }

    boolean isEmpty() {
        return messages.isEmpty();
    }

    void throwIfAny(String stack) {
        if (!messages.isEmpty()) {
            throw new SettingsException(stack, messages);
        }
    }

    private static String render(Object value) {
        if (value == null) {
            return "nothing";
        }
        return value instanceof String ? "'" + value + "'" : String.valueOf(value);
    }
}
