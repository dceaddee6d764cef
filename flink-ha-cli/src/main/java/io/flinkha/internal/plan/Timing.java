package io.flinkha.internal.plan;

import java.lang.management.ManagementFactory;
import java.util.concurrent.atomic.AtomicLong;

/**
 * Opt-in phase timings of one run ({@code -Dflinkha.timing=true}), printed to stderr, measured from
 * the JVM's start: what the benchmark reads to time start-up to the first resource registration.
 */
public final class Timing {
    private static final boolean ON = Boolean.getBoolean("flinkha.timing");
    private static final AtomicLong FIRST_REGISTRATION = new AtomicLong();
    private static final AtomicLong FIRST_REGISTRATION_EPOCH = new AtomicLong();

    static {
        io.flinkha.testing.PlanEngine.onRegistration(Timing::registered);
    }

    private Timing() {
    }

    /** @return milliseconds since the JVM started */
    public static long sinceJvmStart() {
        return System.currentTimeMillis() - ManagementFactory.getRuntimeMXBean().getStartTime();
    }

    /** Records the first registration; later calls do nothing. */
    static void registered() {
        if (ON && FIRST_REGISTRATION.compareAndSet(0, sinceJvmStart())) {
            FIRST_REGISTRATION_EPOCH.set(System.currentTimeMillis());
        }
    }

    /**
     * @param count resources of the plan
     */
    public static void resources(int count) {
        if (ON) {
            System.err.printf("timing: resources=%d%n", count);
        }
    }

    /**
     * @param name  what is noted
     * @param value its value in this run ({@code null} for not known yet)
     */
    public static void note(String name, Object value) {
        if (ON) {
            System.err.printf("timing: %s=%s%n", name, value == null ? "pending" : value.toString().toLowerCase(java.util.Locale.ROOT));
        }
    }

    /** Prints a phase, with the first registration once known. */
    public static void phase(String name) {
        if (ON) {
            long peakHeap = ManagementFactory.getMemoryPoolMXBeans().stream()
                    .filter(p -> p.getType() == java.lang.management.MemoryType.HEAP)
                    .mapToLong(p -> p.getPeakUsage().getUsed()).sum();
            System.err.printf("timing: phase=%s sinceJvmStartMs=%d firstRegistrationMs=%d firstRegistrationEpochMs=%d "
                            + "peakHeapBytes=%d loadedClasses=%d%n", name, sinceJvmStart(), FIRST_REGISTRATION.get(),
                    FIRST_REGISTRATION_EPOCH.get(), peakHeap, ManagementFactory.getClassLoadingMXBean().getTotalLoadedClassCount());
        }
    }
}
