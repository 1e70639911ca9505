package io.speedkit.pool;

import java.io.Serializable;
import java.time.Duration;
import java.util.Objects;

/**
 * What became of one item (or one task of {@link Async#gatherOutcomes}): it succeeded, it failed, or it ran out
 * of time. This is collect mode's answer, Python's {@code return_exceptions=True}: {@link Pool#mapOutcomes} gives
 * one per item, in input order, and nothing that finished is lost. {@link #retries()} says how many times the
 * item was retried before this outcome (an {@link IoPool} with a {@link Retry} policy; 0 otherwise).
 *
 * <pre>{@code
 * for (Outcome<String> o : pool.mapOutcomes(this::fetch, urls)) {
 *     switch (o) {
 *         case Outcome.Ok<String> ok -> save(ok.value());
 *         case Outcome.Failed<String> f -> log(f.index(), f.error());
 *         case Outcome.TimedOut<String> t -> log(t.index(), "timed out after " + t.timeout());
 *     }
 * }
 * }</pre>
 *
 * @param <R> the result type
 */
public sealed interface Outcome<R> extends Serializable permits Outcome.Ok, Outcome.Failed, Outcome.TimedOut {

    /** The item's position in the input (or the task's position in a gather), from 0. */
    long index();

    /** How many retries were used before this outcome: 0 when the first attempt decided it. */
    int retries();

    /** True for {@link Ok}. */
    default boolean isOk() {
        return this instanceof Ok;
    }

    /**
     * The value of an {@link Ok} outcome; for the others throws the {@link TaskFailedException} that fail-fast
     * mode would have thrown (without the item's value, which an outcome does not keep).
     */
    R orElseThrow();

    /** The item succeeded with {@code value} (which may be null). */
    record Ok<R>(long index, R value, int retries) implements Outcome<R> {
        public Ok {
            check(index, retries);
        }

        @Override
        public R orElseThrow() {
            return value;
        }
    }

    /** The item's function threw {@code error} (on its last attempt). */
    record Failed<R>(long index, Throwable error, int retries) implements Outcome<R> {
        public Failed {
            check(index, retries);
            Objects.requireNonNull(error, "error");
        }

        @Override
        public R orElseThrow() {
            throw new TaskFailedException(index, null, retries, error);
        }
    }

    /** The item's last attempt ran longer than {@code timeout} and was interrupted. */
    record TimedOut<R>(long index, Duration timeout, int retries) implements Outcome<R> {
        public TimedOut {
            check(index, retries);
            Objects.requireNonNull(timeout, "timeout");
        }

        @Override
        public R orElseThrow() {
            throw new TaskFailedException(index, null, retries, TaskFailedException.timeout(timeout));
        }
    }

    private static void check(long index, int retries) {
        if (index < 0) {
            throw new IllegalArgumentException("index must be >= 0, got " + index);
        }
        if (retries < 0) {
            throw new IllegalArgumentException("retries must be >= 0, got " + retries);
        }
    }
}
