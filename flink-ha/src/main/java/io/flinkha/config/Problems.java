package io.flinkha.config;

import java.util.ArrayList;
import java.util.List;

/**
 * Collects every problem found in a stack's settings so that all of them are reported at once,
 * each naming the key, the bad value and what is allowed.
 */
final class Problems {
    /** In order, each once: a value several Args take (a stack's Flink version, each job's) is reported where it is written, once. */
    private final java.util.Set<String> messages = new java.util.LinkedHashSet<>();

    void add(String key, Object value, String allowed) {
        messages.add(printable(String.format("%s: got %s; %s", key, render(value), allowed)));
    }

    void missing(String key, String allowed) {
        messages.add(printable(String.format("%s: is required; %s", key, allowed)));
    }

    void raw(String message) {
        messages.add(printable(message));
    }

    /**
     * A value from a stack file is echoed in a terminal and a pull-request comment: control characters and the Unicode
     * marks that reorder text (bidi overrides and isolates) are shown escaped, {@code \u202e}, so a value can neither move
     * the cursor nor display as something it is not. Line breaks of a multi-line message stay.
     */
    static String printable(String message) {
        StringBuilder out = new StringBuilder(message.length());
        message.codePoints().forEach(c -> {
            boolean bidi = c == 0x061C || c == 0x200E || c == 0x200F || (c >= 0x202A && c <= 0x202E) || (c >= 0x2066 && c <= 0x2069);
            if ((Character.isISOControl(c) && c != '\n') || bidi) {
                out.append(String.format("\\u%04x", c));
            } else {
                out.appendCodePoint(c);
            }
        });
        return out.toString();
    }

    int size() {
        return messages.size();
    }

    /** Reorders the problems found since {@code first} (a stable sort): how one section's problems follow its documented keys. */
    void sortSince(int first, java.util.Comparator<String> order) {
        List<String> all = new ArrayList<>(messages);
        List<String> tail = new ArrayList<>(all.subList(first, all.size()));
        tail.sort(order);
        messages.clear();
        messages.addAll(all.subList(0, first));
        messages.addAll(tail);
    }

    /** Rewrites the problems found since {@code first}, keeping their order. */
    void mapSince(int first, java.util.function.UnaryOperator<String> f) {
        List<String> all = new ArrayList<>(messages);
        messages.clear();
        for (int i = 0; i < all.size(); i++) {
            messages.add(i < first ? all.get(i) : f.apply(all.get(i)));
        }
    }

    boolean isEmpty() {
        return messages.isEmpty();
    }

    void throwIfAny(String stack) {
        if (!messages.isEmpty()) {
            throw new SettingsException(stack, List.copyOf(messages));
        }
    }

    private static String render(Object value) {
        if (value == null) {
            return "nothing";
        }
        return value instanceof String ? "'" + value + "'" : String.valueOf(value);
    }
}
