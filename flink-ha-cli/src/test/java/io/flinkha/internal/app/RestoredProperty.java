package io.flinkha.internal.app;

/** Runs a test body that changes a system property, and puts the property back as it was, whatever the body did. */
final class RestoredProperty {
    private RestoredProperty() {
    }

    static void around(String name, Runnable body) {
        String given = System.getProperty(name);
        try {
            body.run();
        } finally {
            if (given == null) {
                System.clearProperty(name);
            } else {
                System.setProperty(name, given);
            }
        }
    }
}
