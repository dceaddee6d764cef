package io.flinkha.internal.plan;

import org.junit.jupiter.api.Test;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.time.Duration;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The progress line a person at a terminal sees during a long plan or diff, and nobody else. */
class ProgressTest {
    private final ByteArrayOutputStream err = new ByteArrayOutputStream();

    @Test
    void aLongRunShowsItsStageAndTheResourcesSoFarThenWipesTheLine() throws Exception {
        try (Progress p = Progress.start(new PrintStream(err, true), true, "plan prod", Duration.ofMillis(20), Duration.ofMillis(20))) {
            Progress.stage("running the program");
            Progress.resource();
            Progress.resource();
            Thread.sleep(300);
        }
        String shown = err.toString();
        assertTrue(shown.contains("\rplan prod: running the program, 2 resources so far"), shown);
        assertTrue(shown.endsWith("\r" + " ".repeat("plan prod: running the program, 2 resources so far".length()) + "\r"), shown);
    }

    @Test
    void nothingShowsWhenItIsOff() throws Exception {
        try (Progress p = Progress.start(new PrintStream(err, true), false, "plan prod", Duration.ofMillis(1), Duration.ofMillis(1))) {
            Progress.stage("running the program");
            Thread.sleep(100);
        }
        assertEquals("", err.toString());
    }

    @Test
    void aRunShorterThanTheQuietSpanShowsNothing() {
        try (Progress p = Progress.start(new PrintStream(err, true), true, "plan dev", Progress.QUIET_FOR, Duration.ofSeconds(1))) {
            Progress.stage("running the program");
        }
        assertEquals("", err.toString());
    }
}
