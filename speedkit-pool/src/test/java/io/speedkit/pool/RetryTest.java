package io.speedkit.pool;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

class RetryTest {

    @Test
    void times_defaultsToDoublingFrom100msWithHalfJitter() {
        Retry r = Retry.times(3);
        assertEquals(new Retry(3, Duration.ofMillis(100), 2.0, Duration.ofSeconds(30), 0.5), r);
        assertEquals(Duration.ofMillis(100), r.baseDelay(1));
        assertEquals(Duration.ofMillis(200), r.baseDelay(2));
        assertEquals(Duration.ofMillis(400), r.baseDelay(3));
    }

    @Test
    void baseDelay_isCappedAtMaxDelay() {
        Retry r = Retry.times(10).backoff(Duration.ofMillis(10), 3.0).maxDelay(Duration.ofMillis(100)).jitter(0);
        assertEquals(Duration.ofMillis(10), r.baseDelay(1));
        assertEquals(Duration.ofMillis(30), r.baseDelay(2));
        assertEquals(Duration.ofMillis(90), r.baseDelay(3));
        assertEquals(Duration.ofMillis(100), r.baseDelay(4));
        assertEquals(Duration.ofMillis(100), r.baseDelay(60)); // no overflow far out
    }

    @Test
    void delay_withoutJitterIsTheBase() {
        Retry r = Retry.times(3).jitter(0);
        SplittableRandom random = new SplittableRandom(1);
        assertEquals(Duration.ofMillis(200), r.delay(2, random));
    }

    @Test
    void delay_jitterStaysWithinBaseTimesOnePlusMinusJitter() {
        Retry r = Retry.times(3).backoff(Duration.ofSeconds(1), 2.0).jitter(0.3);
        SplittableRandom random = new SplittableRandom(42);
        long lo = Long.MAX_VALUE;
        long hi = 0;
        for (int i = 0; i < 10_000; i++) {
            long ms = r.delay(1, random).toMillis();
            assertTrue(ms >= 700 && ms < 1300, ms + " ms outside [700, 1300)");
            lo = Math.min(lo, ms);
            hi = Math.max(hi, ms);
        }
        assertTrue(lo < 720 && hi > 1280, "the draws should cover the band: " + lo + ".." + hi);
    }

    @Test
    void backoff_raisesAMaxDelayBelowTheNewInitialDelay() {
        Retry r = Retry.times(2).backoff(Duration.ofMinutes(1), 2.0);
        assertEquals(Duration.ofMinutes(1), r.maxDelay());
    }

    @Test
    void validation_namesTheValue() {
        assertEquals("maxRetries must be >= 0, got -1",
                assertThrows(IllegalArgumentException.class, () -> Retry.times(-1)).getMessage());
        assertEquals("jitter must be within [0, 1], got 1.5",
                assertThrows(IllegalArgumentException.class, () -> Retry.times(1).jitter(1.5)).getMessage());
        assertEquals("multiplier must be a finite number >= 1, got 0.5",
                assertThrows(IllegalArgumentException.class, () -> Retry.times(1).backoff(Duration.ofMillis(1), 0.5))
                        .getMessage());
        assertEquals("retry number must be >= 1, got 0",
                assertThrows(IllegalArgumentException.class, () -> Retry.times(1).baseDelay(0)).getMessage());
    }
}
