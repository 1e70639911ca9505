package io.speedkit.pool;

import io.speedkit.pool.internal.Durations;
import io.speedkit.pool.internal.Engine;
import io.speedkit.pool.internal.TaskPolicy;
import io.speedkit.pool.internal.VirtualBackend;
import java.time.Duration;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.ThreadFactory;
import java.util.function.LongSupplier;
import java.util.function.Predicate;
import java.util.random.RandomGenerator;

/**
 * {@link Pool#io(int)}: virtual threads for work that mostly waits, at most {@code maxInFlight} items at once —
 * asyncio's {@code Semaphore(n)} without the {@code async}. The cap holds across everything running on the
 * pool (several maps and submitted tasks share it), and a waiting item costs no thread.
 *
 * <pre>{@code
 * IoPool pool = IoPool.builder(200)
 *         .timeout(Duration.ofSeconds(5))                   // per attempt; the item's thread is interrupted
 *         .retry(Retry.times(3))                            // 100 ms, 200 ms, 400 ms ± 50 %
 *         .retryIf(e -> e instanceof java.io.IOException)   // default: any Exception
 *         .build();
 * List<Outcome<String>> pages = pool.mapOutcomes(this::fetch, urls);
 * }</pre>
 *
 * A timed-out attempt counts as a failure for retries; when the last attempt times out, the item's outcome is
 * {@link Outcome.TimedOut} (in fail-fast mode: a {@link TaskFailedException} whose cause is a
 * {@link java.util.concurrent.TimeoutException}). An item waiting for its next attempt keeps its slot.
 */
public final class IoPool implements Pool {
    final Engine engine;
    private final int maxInFlight;
    private final Duration timeout;
    private final Retry retry;

    private IoPool(Engine engine, int maxInFlight, Duration timeout, Retry retry) {
        this.engine = engine;
        this.maxInFlight = maxInFlight;
        this.timeout = timeout;
        this.retry = retry;
    }

    /** A builder for a pool running at most {@code maxInFlight} (≥ 1) items at once. */
    public static Builder builder(int maxInFlight) {
        return new Builder(maxInFlight);
    }

    /** The cap on items running at once. */
    public int maxInFlight() {
        return maxInFlight;
    }

    /** The per-attempt timeout, if any. */
    public Optional<Duration> timeout() {
        return Optional.ofNullable(timeout);
    }

    /** The retry policy ({@link Retry#NONE} by default). */
    public Retry retry() {
        return retry;
    }

    @Override
    public String toString() {
        return engine.toString();
    }

    /** Settings for an {@link IoPool}. */
    public static final class Builder {
        private final int maxInFlight;
        private Duration timeout;
        private Retry retry = Retry.NONE;
        private Predicate<? super Throwable> retryIf = TaskPolicy.RETRY_EXCEPTIONS;
        private Sleeper sleeper = Sleeper.THREAD_SLEEP;
        private RandomGenerator random = TaskPolicy.THREAD_LOCAL_RANDOM;
        private ThreadFactory threadFactory;
        private LongSupplier ticker = System::nanoTime;

        private Builder(int maxInFlight) {
            if (maxInFlight < 1) {
                throw new IllegalArgumentException("maxInFlight must be >= 1, got " + maxInFlight
                        + "; it is how many items may run at once");
            }
            this.maxInFlight = maxInFlight;
        }

        /** Each attempt may take at most {@code timeout} (> 0); then its thread is interrupted. */
        public Builder timeout(Duration timeout) {
            Objects.requireNonNull(timeout, "timeout");
            if (timeout.isZero() || timeout.isNegative()) {
                throw new IllegalArgumentException("timeout must be positive, got " + timeout);
            }
            this.timeout = timeout;
            return this;
        }

        /** How failed attempts are retried (default {@link Retry#NONE}). */
        public Builder retry(Retry retry) {
            this.retry = Objects.requireNonNull(retry, "retry");
            return this;
        }

        /**
         * Which failures are retried (default: any {@link Exception} but an {@link InterruptedException}); a
         * timed-out attempt is always retried while retries remain.
         */
        public Builder retryIf(Predicate<? super Throwable> retryIf) {
            this.retryIf = Objects.requireNonNull(retryIf, "retryIf");
            return this;
        }

        /** How backoff delays are waited out (default {@link Sleeper#THREAD_SLEEP}; tests record instead). */
        public Builder sleeper(Sleeper sleeper) {
            this.sleeper = Objects.requireNonNull(sleeper, "sleeper");
            return this;
        }

        /** Where the jitter comes from (default {@code ThreadLocalRandom}; must be thread-safe). */
        public Builder random(RandomGenerator random) {
            this.random = Objects.requireNonNull(random, "random");
            return this;
        }

        /** Where the threads come from (default: unnamed virtual threads). */
        public Builder threadFactory(ThreadFactory threadFactory) {
            this.threadFactory = Objects.requireNonNull(threadFactory, "threadFactory");
            return this;
        }

        /** The nanosecond clock that times chunks for automatic chunk sizing (default {@code System::nanoTime}). */
        public Builder ticker(LongSupplier ticker) {
            this.ticker = Objects.requireNonNull(ticker, "ticker");
            return this;
        }

        public IoPool build() {
            StringBuilder name = new StringBuilder("Pool.io(").append(maxInFlight).append(')');
            if (timeout != null) {
                name.append(" with timeout ").append(Durations.text(timeout));
            }
            TaskPolicy policy = timeout == null && retry.maxRetries() == 0 ? TaskPolicy.PLAIN
                    : new TaskPolicy(timeout, retry, retryIf, sleeper, random);
            return new IoPool(new Engine(name.toString(), new VirtualBackend(maxInFlight, threadFactory), policy, ticker),
                    maxInFlight, timeout, retry);
        }
    }
}
