package io.speedkit.pool.internal;

import io.speedkit.pool.Outcome;
import io.speedkit.pool.TaskFailedException;
import java.time.Duration;

/**
 * What a failed item leaves in its result slot. Only this package creates it, so a function's own return value
 * can never be mistaken for one. It keeps the item, to name it in the error message.
 */
public final class Failure {
    final Throwable error;
    final Object item;
    final int retries;
    final Duration timeout; // non-null when the last attempt timed out

    Failure(Throwable error, Object item, int retries, Duration timeout) {
        this.error = error;
        this.item = item;
        this.retries = retries;
        this.timeout = timeout;
    }

    static Failure failed(Throwable error, Object item, int retries) {
        return new Failure(error, item, retries, null);
    }

    static Failure timedOut(Duration timeout, Object item, int retries) {
        return new Failure(TaskFailedException.timeout(timeout), item, retries, timeout);
    }

    <R> Outcome<R> outcome(long index) {
        return timeout != null ? new Outcome.TimedOut<>(index, timeout, retries) : new Outcome.Failed<>(index, error, retries);
    }

    TaskFailedException exception(long index) {
        return TaskFailedException.forItem(index, item, retries, error);
    }
}
