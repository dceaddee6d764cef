package io.flinkha.internal.app;

import java.lang.management.ManagementFactory;
import java.util.concurrent.TimeUnit;

/** Run in a JVM of its own by {@link CompilerPolicyTest}: the policy for a stack of {@code args[0]} jobs, then the JVM's directives. */
public final class CompilerPolicyProbe {
    private CompilerPolicyProbe() {
    }

    public static void main(String[] args) throws Exception {
        CompilerPolicy policy = CompilerPolicy.start();
        policy.jobsKnown(Integer.parseInt(args[0]));
        System.out.println("outcome=" + policy.outcome().get(1, TimeUnit.MINUTES));
        System.out.println(CompilerPolicy.diagnosticCommand(ManagementFactory.getPlatformMBeanServer(), "compilerDirectivesPrint"));
    }
}
