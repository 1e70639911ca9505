package io.speedkit.pool;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.random.RandomGenerator;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/** What only {@code Pool.io} promises: the in-flight cap, timeouts, retries with backoff and jitter. */
@Timeout(value = 60, unit = TimeUnit.SECONDS)
class IoPoolTest {

    /** A "random" source that always draws the middle: jitter factor exactly 1. */
    private static final RandomGenerator MIDDLE = new RandomGenerator() {
        @Override
        public long nextLong() {
            return 0;
        }

        @Override
        public double nextDouble() {
            return 0.5;
        }
    };

    private static List<Integer> range(int n) {
        return IntStream.range(0, n).boxed().toList();
    }

    /** Counts items running at once and remembers the most. */
    private static final class HighWater {
        final AtomicInteger now = new AtomicInteger();
        final AtomicInteger max = new AtomicInteger();

        <T> T around(T value) throws InterruptedException {
            int n = now.incrementAndGet();
            max.accumulateAndGet(n, Math::max);
            try {
                Thread.sleep(1);
                return value;
            } finally {
                now.decrementAndGet();
            }
        }
    }

    @Test
    void inFlightCap_isNeverExceeded_acrossConcurrentMapsAndSubmits() throws Exception {
        HighWater hw = new HighWater();
        try (IoPool pool = Pool.io(50)) {
            List<Future<Integer>> submitted = new ArrayList<>();
            for (int i = 0; i < 100; i++) {
                int n = i;
                submitted.add(pool.submit(() -> hw.around(n)));
            }
            Thread second = Thread.ofVirtual().start(() -> pool.map(hw::around, range(1000)));
            List<Integer> out = pool.map(hw::around, range(2000));
            second.join();
            for (Future<Integer> f : submitted) {
                f.get();
            }
            assertEquals(range(2000), out);
        }
        assertTrue(hw.max.get() <= 50, "at most 50 in flight, saw " + hw.max.get());
        assertTrue(hw.max.get() > 1, "items should overlap, saw at most " + hw.max.get());
    }

    @Test
    void inFlightCap_holdsWithExplicitChunks() {
        HighWater hw = new HighWater();
        try (IoPool pool = Pool.io(7)) {
            pool.map(hw::around, range(500), MapOptions.defaults().withChunksize(5));
        }
        assertTrue(hw.max.get() <= 7, "at most 7 in flight, saw " + hw.max.get());
    }

    @Test
    void timeout_interruptsASlowAttemptAndReportsTimedOut() {
        AtomicInteger interrupted = new AtomicInteger();
        long t0 = System.nanoTime();
        List<Outcome<Integer>> out;
        try (IoPool pool = IoPool.builder(4).timeout(Duration.ofMillis(100)).build()) {
            out = pool.mapOutcomes(x -> {
                if (x % 2 == 1) {
                    try {
                        Thread.sleep(30_000);
                    } catch (InterruptedException e) {
                        interrupted.incrementAndGet();
                        throw e;
                    }
                }
                return x;
            }, range(4));
        }
        assertTrue(System.nanoTime() - t0 < TimeUnit.SECONDS.toNanos(10), "timeouts did not fire");
        assertEquals(new Outcome.Ok<>(0, 0, 0), out.get(0));
        assertEquals(new Outcome.TimedOut<>(1, Duration.ofMillis(100), 0), out.get(1));
        assertEquals(new Outcome.Ok<>(2, 2, 0), out.get(2));
        assertEquals(new Outcome.TimedOut<>(3, Duration.ofMillis(100), 0), out.get(3));
        assertEquals(2, interrupted.get());
        TaskFailedException e = assertThrows(TaskFailedException.class, () -> out.get(1).orElseThrow());
        assertEquals("item 1 timed out after 100 ms", e.getMessage());
    }

    @Test
    void timeout_failFastNamesTheItem() {
        try (IoPool pool = IoPool.builder(2).timeout(Duration.ofMillis(50)).build()) {
            TaskFailedException e = assertThrows(TaskFailedException.class, () -> pool.map(x -> {
                if (x == 3) {
                    Thread.sleep(30_000);
                }
                return x;
            }, range(6), MapOptions.defaults().withChunksize(1)));
            assertEquals(3, e.index());
            assertEquals("item 3 (value 3) timed out after 50 ms", e.getMessage());
            assertInstanceOf(TimeoutException.class, e.getCause());
        }
    }

    @Test
    void timeout_neverLeaksAnInterruptIntoTheNextItem() {
        AtomicInteger sawInterrupt = new AtomicInteger();
        try (IoPool pool = IoPool.builder(8).timeout(Duration.ofSeconds(30)).build()) {
            List<Integer> out = pool.map(x -> {
                if (Thread.currentThread().isInterrupted()) {
                    sawInterrupt.incrementAndGet();
                }
                return x;
            }, range(5000));
            assertEquals(range(5000), out);
        }
        assertEquals(0, sawInterrupt.get());
    }

    @Test
    void timeout_appliesToSubmittedTasks() {
        try (IoPool pool = IoPool.builder(1).timeout(Duration.ofMillis(50)).build()) {
            Future<String> f = pool.submit(() -> {
                Thread.sleep(30_000);
                return "late";
            });
            ExecutionException e = assertThrows(ExecutionException.class, () -> f.get(10, TimeUnit.SECONDS));
            assertInstanceOf(TimeoutException.class, e.getCause());
            assertEquals("timed out after 50 ms", e.getCause().getMessage());
        }
    }

    @Test
    void retries_followTheExponentialSchedule() {
        List<Duration> delays = new CopyOnWriteArrayList<>();
        Map<Integer, AtomicInteger> attempts = new ConcurrentHashMap<>();
        Retry retry = Retry.times(4).backoff(Duration.ofMillis(10), 3.0).maxDelay(Duration.ofMillis(200)).jitter(0.5);
        try (IoPool pool = IoPool.builder(1).retry(retry).sleeper(delays::add).random(MIDDLE).build()) {
            List<Outcome<String>> out = pool.mapOutcomes(x -> {
                int attempt = attempts.computeIfAbsent(x, k -> new AtomicInteger()).incrementAndGet();
                if (attempt <= 3) {
                    throw new IOException("flaky, attempt " + attempt);
                }
                return "ok" + x;
            }, List.of(7));
            assertEquals(List.of(new Outcome.Ok<>(0, "ok7", 3)), out);
        }
        // base(k) = min(200 ms, 10 ms × 3^(k-1)); the middle draw makes the jitter factor exactly 1
        assertEquals(List.of(Duration.ofMillis(10), Duration.ofMillis(30), Duration.ofMillis(90)), delays);
    }

    @Test
    void retries_giveUpAfterMaxRetriesAndSayHowMany() {
        List<Duration> delays = new CopyOnWriteArrayList<>();
        AtomicInteger attempts = new AtomicInteger();
        Retry retry = Retry.times(3).backoff(Duration.ofMillis(100), 2.0).maxDelay(Duration.ofMillis(250));
        try (IoPool pool = IoPool.builder(2).retry(retry).sleeper(delays::add).random(MIDDLE).build()) {
            List<Outcome<Object>> out = pool.mapOutcomes(x -> {
                attempts.incrementAndGet();
                throw new IOException("down");
            }, List.of("a"));
            Outcome.Failed<?> f = assertInstanceOf(Outcome.Failed.class, out.get(0));
            assertEquals(3, f.retries());
            assertEquals("down", f.error().getMessage());
            TaskFailedException e = assertThrows(TaskFailedException.class, () -> pool.map(x -> {
                throw new IOException("down");
            }, List.of("b")));
            assertEquals("item 0 (value 'b') failed after 3 retries: java.io.IOException: down", e.getMessage());
        }
        assertEquals(4, attempts.get());
        assertEquals(List.of(Duration.ofMillis(100), Duration.ofMillis(200), Duration.ofMillis(250)), delays.subList(0, 3));
    }

    @Test
    void retries_onlyWhatRetryIfAccepts() {
        List<Duration> delays = new CopyOnWriteArrayList<>();
        AtomicInteger attempts = new AtomicInteger();
        try (IoPool pool = IoPool.builder(2).retry(Retry.times(5)).retryIf(e -> e instanceof IOException)
                .sleeper(delays::add).build()) {
            List<Outcome<Object>> out = pool.mapOutcomes(x -> {
                attempts.incrementAndGet();
                throw new IllegalArgumentException("a bug, not a hiccup");
            }, List.of(1));
            Outcome.Failed<?> f = assertInstanceOf(Outcome.Failed.class, out.get(0));
            assertEquals(0, f.retries());
        }
        assertEquals(1, attempts.get());
        assertEquals(List.of(), delays);
    }

    @Test
    void retries_aTimedOutAttemptIsRetried() {
        List<Duration> delays = new CopyOnWriteArrayList<>();
        AtomicInteger attempts = new AtomicInteger();
        try (IoPool pool = IoPool.builder(1).timeout(Duration.ofMillis(30)).retry(Retry.times(2))
                .sleeper(delays::add).build()) {
            List<Outcome<Object>> out = pool.mapOutcomes(x -> {
                attempts.incrementAndGet();
                Thread.sleep(30_000);
                return x;
            }, List.of(1));
            assertEquals(new Outcome.TimedOut<>(0, Duration.ofMillis(30), 2), out.get(0));
        }
        assertEquals(3, attempts.get());
        assertEquals(2, delays.size());
    }

    @Test
    void retries_jitterStaysWithinItsBounds() {
        List<Duration> delays = new CopyOnWriteArrayList<>();
        Retry retry = Retry.times(6).backoff(Duration.ofMillis(100), 2.0).maxDelay(Duration.ofSeconds(10)).jitter(0.25);
        AtomicInteger calls = new AtomicInteger();
        try (IoPool pool = IoPool.builder(4).retry(retry).sleeper(delays::add).build()) {
            pool.mapOutcomes(x -> {
                calls.incrementAndGet();
                throw new IOException("always");
            }, range(40));
        }
        assertEquals(40 * 7, calls.get());
        assertEquals(40 * 6, delays.size());
        // every delay lies within one of base(k) × [0.75, 1.25), base(k) = 100, 200, ..., 3200 ms: disjoint ranges
        for (Duration d : delays) {
            long ms = d.toMillis();
            boolean within = false;
            for (int k = 1; k <= 6; k++) {
                long base = 100L << (k - 1);
                within |= ms >= base * 3 / 4 && ms < base * 5 / 4;
            }
            assertTrue(within, d + " is outside every jitter band");
        }
        assertTrue(delays.stream().distinct().count() > 10, "jitter should spread the delays");
    }

    @Test
    void builder_rejectsNonsenseWithMessagesNamingTheValue() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> IoPool.builder(0));
        assertEquals("maxInFlight must be >= 1, got 0; it is how many items may run at once", e.getMessage());
        e = assertThrows(IllegalArgumentException.class, () -> IoPool.builder(1).timeout(Duration.ZERO));
        assertEquals("timeout must be positive, got PT0S", e.getMessage());
    }

    @Test
    void accessorsReportTheConfiguration() {
        try (IoPool pool = IoPool.builder(3).timeout(Duration.ofSeconds(2)).retry(Retry.times(1)).build()) {
            assertEquals(3, pool.maxInFlight());
            assertEquals(3, pool.workers());
            assertEquals(Duration.ofSeconds(2), pool.timeout().orElseThrow());
            assertEquals(1, pool.retry().maxRetries());
            assertEquals("Pool.io(3) with timeout 2 s", pool.toString());
        }
        try (IoPool pool = Pool.io(5)) {
            assertFalse(pool.timeout().isPresent());
            assertEquals(Retry.NONE, pool.retry());
        }
    }
}
