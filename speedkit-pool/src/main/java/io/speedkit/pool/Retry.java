package io.speedkit.pool;

import io.speedkit.pool.internal.Durations;
import java.time.Duration;
import java.util.Locale;
import java.util.Objects;
import java.util.random.RandomGenerator;

/**
 * Retries with exponential backoff and jitter, for {@link IoPool}: a failed (or timed-out) attempt is tried again
 * up to {@code maxRetries} times. Before retry {@code k} (1, 2, ...) the task waits
 *
 * <pre>
 * base(k)  = min(maxDelay, initialDelay × multiplier^(k-1))
 * delay(k) = base(k) × (1 − jitter + 2 × jitter × u),   u uniform in [0, 1)
 * </pre>
 *
 * so the delay stays within {@code base(k) × [1 − jitter, 1 + jitter)}. Jitter spreads retries of many items
 * that failed together, so they do not hit a recovering server at the same instant.
 *
 * <pre>{@code
 * Retry.times(3)                                   // 100 ms, 200 ms, 400 ms, each ±50 %
 * Retry.times(5).backoff(Duration.ofMillis(50), 3.0).maxDelay(Duration.ofSeconds(2)).jitter(0.2)
 * }</pre>
 *
 * @param maxRetries   how many times a failed attempt is retried (0 = never)
 * @param initialDelay the base delay before the first retry
 * @param multiplier   how much each further base delay grows (≥ 1)
 * @param maxDelay     the cap on the base delay
 * @param jitter       the relative spread of each delay, in [0, 1]
 */
public record Retry(int maxRetries, Duration initialDelay, double multiplier, Duration maxDelay, double jitter) {

    /** Never retry. */
    public static final Retry NONE = new Retry(0, Duration.ZERO, 1.0, Duration.ZERO, 0.0);

    public Retry {
        if (maxRetries < 0) {
            throw new IllegalArgumentException("maxRetries must be >= 0, got " + maxRetries);
        }
        Objects.requireNonNull(initialDelay, "initialDelay");
        Objects.requireNonNull(maxDelay, "maxDelay");
        if (initialDelay.isNegative() || maxDelay.isNegative()) {
            throw new IllegalArgumentException(String.format(Locale.ROOT,
                    "delays must not be negative, got initialDelay %s and maxDelay %s", initialDelay, maxDelay));
        }
        if (!(multiplier >= 1.0) || Double.isInfinite(multiplier)) {
            throw new IllegalArgumentException("multiplier must be a finite number >= 1, got " + multiplier);
        }
        if (!(jitter >= 0.0 && jitter <= 1.0)) {
            throw new IllegalArgumentException("jitter must be within [0, 1], got " + jitter);
        }
    }

    /** Up to {@code maxRetries} retries after 100 ms, 200 ms, 400 ms, ... (capped at 30 s), each ±50 %. */
    public static Retry times(int maxRetries) {
        return new Retry(maxRetries, Duration.ofMillis(100), 2.0, Duration.ofSeconds(30), 0.5);
    }

    /**
     * The same retries with base delays {@code initialDelay × multiplier^(k-1)}; a {@link #maxDelay()} below the
     * new initial delay is raised to it.
     */
    public Retry backoff(Duration initialDelay, double multiplier) {
        return new Retry(maxRetries, initialDelay, multiplier, maxDelay.compareTo(initialDelay) < 0 ? initialDelay : maxDelay, jitter);
    }

    /** The same retries with the base delay capped at {@code maxDelay}. */
    public Retry maxDelay(Duration maxDelay) {
        return new Retry(maxRetries, initialDelay, multiplier, maxDelay, jitter);
    }

    /** The same retries with another relative jitter in [0, 1]. */
    public Retry jitter(double jitter) {
        return new Retry(maxRetries, initialDelay, multiplier, maxDelay, jitter);
    }

    /** The base delay before retry {@code k} (k ≥ 1), without jitter. */
    public Duration baseDelay(int k) {
        if (k < 1) {
            throw new IllegalArgumentException("retry number must be >= 1, got " + k);
        }
        double nanos = Durations.saturatedNanos(initialDelay) * Math.pow(multiplier, k - 1);
        long cap = Durations.saturatedNanos(maxDelay);
        return Duration.ofNanos(nanos >= cap ? cap : (long) nanos);
    }

    /** The delay before retry {@code k}: {@link #baseDelay(int)} spread by the jitter, drawing from {@code random}. */
    public Duration delay(int k, RandomGenerator random) {
        long base = baseDelay(k).toNanos();
        if (jitter == 0.0 || base == 0) {
            return Duration.ofNanos(base);
        }
        double u = random.nextDouble();
        return Duration.ofNanos((long) (base * (1.0 - jitter + 2.0 * jitter * u)));
    }
}
