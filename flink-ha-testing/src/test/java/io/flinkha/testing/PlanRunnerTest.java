package io.flinkha.testing;

import com.pulumi.deployment.internal.EngineLogger;
import com.pulumi.deployment.internal.Runner;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The offline plan's runner keeps the SDK runner's contract: the run ends when every task has, or at the first failure. */
class PlanRunnerTest {

    private static <T> Runner.Result<T> await(CompletableFuture<Runner.Result<T>> run) throws Exception {
        return run.get(10, TimeUnit.SECONDS);
    }

    @Test
    void theRunWaitsForEveryTaskTheProgramStarted() throws Exception {
        var runner = new PlanRunner(EngineLogger.ignore());
        var late = new CompletableFuture<String>();
        var run = runner.runAsync(() -> {
            runner.registerTask("late", late);
            return "value";
        });
        Thread.sleep(100);
        assertFalse(run.isDone(), "the run ended while a task was in flight");
        late.complete("done");
        var result = await(run);
        assertEquals(Runner.ProcessExitedSuccessfully, result.exitCode());
        assertEquals(Optional.of("value"), result.result());
        assertEquals(List.of(), result.exceptions());
    }

    @Test
    void aTaskThatATaskStartsAsItCompletesIsWaitedForToo() throws Exception {
        var runner = new PlanRunner(EngineLogger.ignore());
        var first = new CompletableFuture<String>();
        var second = new CompletableFuture<String>();
        var run = runner.runAsync(() -> {
            runner.registerTask("first", first.thenApply(v -> {
                runner.registerTask("second", second);
                return v;
            }));
            return "value";
        });
        first.complete("one");
        Thread.sleep(100);
        assertFalse(run.isDone(), "the run ended before the task the first one started");
        second.complete("two");
        assertEquals(Runner.ProcessExitedSuccessfully, await(run).exitCode());
    }

    @Test
    void theFirstFailingTaskEndsTheRunWithItsExceptionAndTheLoggedErrorsExitCode() throws Exception {
        var runner = new PlanRunner(EngineLogger.ignore());
        var never = new CompletableFuture<String>();
        var failure = new IllegalStateException("the bucket name is taken");
        var run = runner.runAsync(() -> {
            runner.registerTask("never", never);
            runner.registerTask("failing", CompletableFuture.failedFuture(failure));
            return "value";
        });
        var result = await(run);
        assertEquals(Runner.ProcessExitedAfterLoggingUserActionableMessage, result.exitCode());
        assertEquals(1, result.exceptions().size());
        assertSame(failure, result.exceptions().get(0));
    }

    @Test
    void aProgramThatThrowsEndsTheRunWithItsException() throws Exception {
        var runner = new PlanRunner(EngineLogger.ignore());
        var result = await(runner.<String>runAsync(() -> {
            throw new IllegalArgumentException("flink-ha.jobs: got none");
        }));
        assertEquals(Runner.ProcessExitedAfterLoggingUserActionableMessage, result.exitCode());
        assertTrue(result.exceptions().get(0) instanceof IllegalArgumentException, String.valueOf(result.exceptions()));
    }

    @Test
    void aPlanOfManyResourcesEndsWithAllOfThemRegistered() {
        Plan plan = PlanEngine.run("shop", "dev", Map.of(), ctx -> {
            for (int i = 0; i < 300; i++) {
                new PlanEngineTest.Bucket("orders-" + i, new PlanEngineTest.BucketArgs("acme-orders-" + i), null);
            }
        });
        assertEquals(300, plan.ofType("test:storage:Bucket").size());
    }
}
