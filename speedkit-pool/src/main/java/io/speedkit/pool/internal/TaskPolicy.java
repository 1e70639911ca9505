package io.speedkit.pool.internal;

import io.speedkit.pool.Fn;
import io.speedkit.pool.Retry;
import io.speedkit.pool.Sleeper;
import java.time.Duration;
import java.util.Objects;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.ScheduledThreadPoolExecutor;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Predicate;
import java.util.random.RandomGenerator;

/**
 * How one item is attempted: with a per-attempt timeout and retries with backoff ({@code Pool.io}), or plainly
 * ({@link #PLAIN}: one call, no clock, the path of {@code Pool.cpu}).
 *
 * <p>A timeout needs no thread of its own: one shared timer thread interrupts the attempt's thread at its
 * deadline. The deadline and the attempt race through a small state machine ({@link Deadline}) so that an
 * interrupt meant for an attempt that just finished can never hit the next item on the same thread.
 */
public final class TaskPolicy {
    /** Retry any {@link Exception} except an interrupt; not {@link Error}s. */
    public static final Predicate<Throwable> RETRY_EXCEPTIONS =
            t -> t instanceof Exception && !(t instanceof InterruptedException);
    /** ThreadLocalRandom, looked up on the calling thread each time. */
    public static final RandomGenerator THREAD_LOCAL_RANDOM = () -> ThreadLocalRandom.current().nextLong();

    /** One attempt, no timeout. */
    public static final TaskPolicy PLAIN = new TaskPolicy(null, Retry.NONE, RETRY_EXCEPTIONS, Sleeper.THREAD_SLEEP,
            THREAD_LOCAL_RANDOM);

    final Duration timeout;
    private final long timeoutNanos;
    final Retry retry;
    private final Predicate<? super Throwable> retryIf;
    private final Sleeper sleeper;
    private final RandomGenerator random;
    private final ScheduledThreadPoolExecutor timer;
    private final boolean plain;

    public TaskPolicy(Duration timeout, Retry retry, Predicate<? super Throwable> retryIf, Sleeper sleeper,
                      RandomGenerator random) {
        this.timeout = timeout;
        this.timeoutNanos = timeout == null ? 0 : Durations.saturatedNanos(timeout);
        this.retry = Objects.requireNonNull(retry, "retry");
        this.retryIf = Objects.requireNonNull(retryIf, "retryIf");
        this.sleeper = Objects.requireNonNull(sleeper, "sleeper");
        this.random = Objects.requireNonNull(random, "random");
        this.plain = timeout == null && retry.maxRetries() == 0;
        if (timeout != null) {
            timer = new ScheduledThreadPoolExecutor(1, r -> {
                Thread t = new Thread(r, "speedkit-io-timeouts");
                t.setDaemon(true);
                return t;
            });
            timer.setRemoveOnCancelPolicy(true);
        } else {
            timer = null;
        }
    }

    boolean plain() {
        return plain;
    }

    /** Stops the timer thread (the pool has ended). */
    void shutdown() {
        if (timer != null) {
            timer.shutdownNow();
        }
    }

    /** Attempts {@code fn(item)} until it succeeds or gives up; returns the value or a {@link Failure}. */
    Object run(Fn<Object, Object> fn, Object item, JobChunk chunk, int slot) {
        int retries = 0;
        for (;;) {
            Throwable error = null;
            boolean timedOut = false;
            if (timeoutNanos > 0) {
                Deadline deadline = new Deadline(Thread.currentThread());
                ScheduledFuture<?> alarm;
                try {
                    alarm = timer.schedule(deadline, timeoutNanos, TimeUnit.NANOSECONDS);
                } catch (RejectedExecutionException e) { // the pool was terminated
                    return Failure.failed(e, item, retries);
                }
                Object value = null;
                boolean ok = false;
                try {
                    value = fn.apply(item);
                    ok = true;
                } catch (Throwable t) {
                    error = t;
                }
                if (deadline.finish()) {
                    alarm.cancel(false);
                    if (ok) {
                        return succeeded(value, chunk, slot, retries);
                    }
                } else {
                    timedOut = true; // whatever the attempt did after its deadline does not count
                }
            } else {
                try {
                    return succeeded(fn.apply(item), chunk, slot, retries);
                } catch (Throwable t) {
                    error = t;
                }
            }
            if (chunk.cancelled || !retryable(error, timedOut, retries)) {
                if (retries > 0) {
                    chunk.retried(slot, retries);
                }
                return timedOut ? Failure.timedOut(timeout, item, retries) : Failure.failed(error, item, retries);
            }
            retries++;
            try {
                sleeper.sleep(retry.delay(retries, random));
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return timedOut ? Failure.timedOut(timeout, item, retries - 1) : Failure.failed(error, item, retries - 1);
            }
        }
    }

    private boolean retryable(Throwable error, boolean timedOut, int retries) {
        if (retries >= retry.maxRetries()) {
            return false;
        }
        if (timedOut) {
            return true;
        }
        try {
            return !(error instanceof InterruptedException) && retryIf.test(error);
        } catch (RuntimeException e) {
            error.addSuppressed(e);
            return false;
        }
    }

    private static Object succeeded(Object value, JobChunk chunk, int slot, int retries) {
        if (retries > 0) {
            chunk.retried(slot, retries);
        }
        return value;
    }

    /**
     * One attempt's deadline: RUNNING, then either FINISHED (the attempt won) or INTERRUPTING → INTERRUPTED (the
     * timer won and interrupts the thread). An attempt that lost waits until the interrupt has landed, then
     * clears it, so the thread goes on clean — the same dance as {@code FutureTask.cancel(true)}.
     */
    private static final class Deadline extends AtomicInteger implements Runnable {
        private static final int RUNNING = 0;
        private static final int FINISHED = 1;
        private static final int INTERRUPTING = 2;
        private static final int INTERRUPTED = 3;
        private final transient Thread thread;

        Deadline(Thread thread) {
            this.thread = thread;
        }

        @Override
        public void run() {
            if (compareAndSet(RUNNING, INTERRUPTING)) {
                thread.interrupt();
                set(INTERRUPTED);
            }
        }

        /** True if the attempt finished in time; false if it timed out (its interrupt is then cleared). */
        boolean finish() {
            if (compareAndSet(RUNNING, FINISHED)) {
                return true;
            }
            while (get() == INTERRUPTING) {
                Thread.onSpinWait();
            }
            Thread.interrupted();
            return false;
        }
    }
}
