package io.flinkha.validation;

/**
 * The whole numbers an argument takes. One value serves the Args that check it and the stack binder that reads it, so
 * both say the same words.
 *
 * @param min the least allowed
 * @param max the most allowed
 */
public record IntRange(int min, int max) {
    /**
     * @param value a number
     * @return whether it is allowed
     */
    public boolean contains(long value) {
        return value >= min && value <= max;
    }

    /** @return what is allowed, as every message says it */
    public String allowed() {
        return "expected a whole number from " + min + " to " + max;
    }
}
