package io.speedkit.timeit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class AutorangeTest {
    /** A statement that costs exactly 1 ms per loop on a fake clock. */
    private static Batch millisecondPerLoop(List<Long> calls) {
        return number -> {
            calls.add(number);
            return number * 1_000_000L;
        };
    }

    @Test
    void search_triesPythonsSequenceUntilTwoTenthsOfASecond() {
        List<Long> calls = new ArrayList<>();
        List<String> told = new ArrayList<>();
        Autorange r = Autorange.search(millisecondPerLoop(calls), 1, 200_000_000L, (n, s) -> told.add(n + "->" + s));
        assertEquals(new Autorange(200, 0.2), r);
        assertEquals(List.of(1L, 2L, 5L, 10L, 20L, 50L, 100L, 200L), calls);
        assertEquals(List.of("1->0.001", "2->0.002", "5->0.005", "10->0.01", "20->0.02", "50->0.05", "100->0.1", "200->0.2"),
                told);
    }

    @Test
    void search_fromTheWarmupsLoopCountSkipsTheSmallTrials() {
        List<Long> calls = new ArrayList<>();
        Autorange r = Autorange.search(millisecondPerLoop(calls), 20, 50_000_000L, null);
        assertEquals(List.of(20L, 50L), calls);
        assertEquals(50, r.number());
    }

    @Test
    void search_stopsAtTheFirstTrialWhenItIsLongEnough() {
        List<Long> calls = new ArrayList<>();
        Autorange r = Autorange.search(number -> {
            calls.add(number);
            return 300_000_000L;
        }, 1, 200_000_000L, null);
        assertEquals(new Autorange(1, 0.3), r);
        assertEquals(List.of(1L), calls);
    }

    @Test
    void next_followsOneTwoFive() {
        long n = 1;
        List<Long> seen = new ArrayList<>();
        for (int i = 0; i < 10; i++) {
            seen.add(n);
            n = Autorange.next(n);
        }
        assertEquals(List.of(1L, 2L, 5L, 10L, 20L, 50L, 100L, 200L, 500L, 1000L), seen);
        assertTrue(Autorange.inSequence(5_000_000_000L));
        assertFalse(Autorange.inSequence(3));
        assertFalse(Autorange.inSequence(0));
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> Autorange.next(30));
        assertEquals("30 is not in the 1-2-5 sequence (1, 2, 5, 10, 20, 50, ...)", e.getMessage());
    }

    @Test
    void record_validates() {
        assertEquals("number must be at least 1, got 0",
                assertThrows(IllegalArgumentException.class, () -> new Autorange(0, 1)).getMessage());
        assertThrows(IllegalArgumentException.class, () -> new Autorange(1, Double.NaN));
    }
}
