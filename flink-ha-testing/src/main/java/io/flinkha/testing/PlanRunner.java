package io.flinkha.testing;

import com.pulumi.core.internal.ContextAwareCompletableFuture;
import com.pulumi.core.internal.Exceptions;
import com.pulumi.deployment.internal.EngineLogger;
import com.pulumi.deployment.internal.Runner;
import com.pulumi.exceptions.LogException;
import com.pulumi.exceptions.ResourceException;
import com.pulumi.exceptions.RunException;

import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.Queue;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Supplier;

/**
 * Runs the program for the offline plan and waits for every task it starts (registrations, outputs, log messages),
 * as the Pulumi Java SDK's own runner does ({@code DeploymentImpl.DefaultRunner}, restated from 1.36.1): the run ends
 * when no task is left, or at the first that fails, and a failure is logged to the engine and gives the same exit code.
 * What differs is how it waits. The SDK's runner re-schedules a loop that, on every turn, walks all the tasks still
 * in flight and formats the whole map of them into a log message, whatever the log level: time quadratic in the
 * resources, which made a 1,600-job plan spend a third of its time there (the .NET SDK fixed its copy of that loop in
 * pulumi/pulumi#5015). Here each task counts itself done when it completes, and the last one ends the wait.
 */
final class PlanRunner implements Runner {
    private final EngineLogger engineLogger;
    private final AtomicInteger inFlight = new AtomicInteger();
    private final CompletableFuture<Void> drained = new CompletableFuture<>();
    private final Queue<Exception> swallowedExceptions = new ConcurrentLinkedQueue<>();

    PlanRunner(EngineLogger engineLogger) {
        this.engineLogger = Objects.requireNonNull(engineLogger);
    }

    @Override
    public <T> CompletableFuture<Result<T>> runAsync(Supplier<T> callback) {
        var value = ContextAwareCompletableFuture.supplyAsync(callback);
        // the program itself is a task, so the wait cannot end before it returns
        registerTask("PlanRunner#runAsync", value);
        return value
                .thenCompose(v -> drained.thenApply(ignored -> v))
                .handle((v, failure) -> failure != null
                        ? handleExceptionAsync(failure).thenApply(code -> result(code, v))
                        : CompletableFuture.completedFuture(result(engineLogger.hasLoggedErrors()
                                ? ProcessExitedBeforeLoggingUserActionableMessage : ProcessExitedSuccessfully, v)))
                .thenCompose(f -> f);
    }

    @Override
    public <T> void registerTask(String description, CompletableFuture<T> task) {
        Objects.requireNonNull(description);
        Objects.requireNonNull(task);
        inFlight.incrementAndGet();
        task.whenComplete((v, failure) -> {
            if (failure != null) {
                drained.completeExceptionally(failure);
            } else if (inFlight.decrementAndGet() == 0) {
                // a task's continuation may register the next one just after it completes: look again once the
                // continuations queued now have run, as the SDK's loop does on its next turn
                ContextAwareCompletableFuture.runAsync(() -> {
                    if (inFlight.get() == 0) {
                        drained.complete(null);
                    }
                });
            }
        });
    }

    private <T> Result<T> result(int exitCode, T value) {
        return new Result<>(exitCode, List.copyOf(swallowedExceptions), Optional.ofNullable(value)) {
        };
    }

    private CompletableFuture<Integer> handleExceptionAsync(Throwable failure) {
        if (failure instanceof CompletionException && failure.getCause() != null) {
            return handleExceptionAsync(failure.getCause());
        }
        Exception exception = failure instanceof Exception e ? e : new RunException("unexpected throwable", failure);
        swallowedExceptions.add(exception);
        if (exception instanceof LogException) {
            return CompletableFuture.completedFuture(ProcessExitedBeforeLoggingUserActionableMessage);
        }
        String message;
        if (exception instanceof RunException) {
            message = exception.getMessage();
        } else if (exception instanceof ResourceException resourceException) {
            message = resourceException.isHideStack() ? resourceException.getMessage() : Exceptions.getStackTrace(resourceException);
            return engineLogger.errorAsync(message, resourceException.getResource().orElse(null))
                    .thenApply(ignored -> ProcessExitedAfterLoggingUserActionableMessage);
        } else {
            message = String.format("Running program [PID: %d](%s) failed with an unhandled exception:\n%s", ProcessHandle.current().pid(),
                    ProcessHandle.current().info().commandLine().orElse("unknown"), Exceptions.getStackTrace(exception));
        }
        return engineLogger.errorAsync(message).thenApply(ignored -> ProcessExitedAfterLoggingUserActionableMessage);
    }
}
