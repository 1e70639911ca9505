package io.speedkit.timeit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.speedkit.timeit.internal.Loops;
import io.speedkit.timeit.internal.TimedLoop;
import java.util.ArrayList;
import java.util.List;
import java.util.function.DoubleSupplier;
import java.util.function.IntSupplier;
import java.util.function.LongSupplier;
import java.util.function.Supplier;
import org.junit.jupiter.api.Test;

class TimerTest {
    private final TickClock clock = new TickClock();
    private int runs;
    private int setups;

    /** A statement of exactly 250 ns on the fake clock, counted. */
    private void statement() {
        runs++;
        clock.advance(250);
    }

    private Timer cold(Timer t) {
        return t.withTicker(clock).withWarmup(Warmup.NONE);
    }

    @Test
    void timeit_runsTheStatementExactlyNumberTimesAfterOneSetup() {
        Timer t = cold(new Timer(() -> setups++, this::statement));
        assertEquals(7 * 250e-9, t.timeit(7), 1e-15);
        assertEquals(7, runs);
        assertEquals(1, setups);
        assertEquals(0.0, t.timeit(0));
        assertEquals(7, runs);
        assertEquals(2, setups, "Python runs the setup for every timeit() call");
    }

    @Test
    void repeat_isTimeitRepeated() {
        Timer t = cold(new Timer(() -> setups++, this::statement));
        List<Double> times = t.repeat(3, 4);
        assertEquals(List.of(1e-6, 1e-6, 1e-6), times);
        assertEquals(12, runs);
        assertEquals(3, setups);
        assertEquals("repeat must be >= 1, got 0", assertThrows(IllegalArgumentException.class, () -> t.repeat(0, 1)).getMessage());
        assertEquals("number must be >= 0, got -1", assertThrows(IllegalArgumentException.class, () -> t.timeit(-1)).getMessage());
    }

    @Test
    void autorange_isPythonsSequence() {
        List<Long> trials = new ArrayList<>();
        Timer t = cold(new Timer(() -> {
            runs++;
            clock.advance(1_000_000); // 1 ms per loop
        }));
        Autorange r = t.autorange((n, s) -> trials.add(n));
        assertEquals(List.of(1L, 2L, 5L, 10L, 20L, 50L, 100L, 200L), trials);
        assertEquals(new Autorange(200, 0.2), r);
        assertEquals(1 + 2 + 5 + 10 + 20 + 50 + 100 + 200, runs);
    }

    @Test
    void warmup_runsOnceBeforeTheFirstMeasurement() {
        Timer t = new Timer(() -> setups++, this::statement).withTicker(clock).withJitActivity(() -> 0);
        t.timeit(3);
        Warmup.Result w = t.warmup();
        assertTrue(w.settled());
        assertEquals(250.0, w.nanosPerLoop());
        int afterWarmup = runs;
        assertEquals(w.batches() + 1, setups, "one setup per warm-up batch, one for the measurement");
        t.timeit(3);
        assertEquals(afterWarmup + 3, runs, "no second warm-up");
    }

    @Test
    void valueReturningStatementsAreConsumedAndJavaPicksThem() {
        int[] calls = new int[4];
        Supplier<String> s = () -> {
            calls[0]++;
            return "x";
        };
        LongSupplier l = () -> ++calls[1];
        DoubleSupplier d = () -> ++calls[2];
        IntSupplier i = () -> ++calls[3];
        for (Timer t : List.of(new Timer(s), new Timer(l), new Timer(d), new Timer(i))) {
            cold(t).timeit(5);
        }
        assertEquals(List.of(5, 5, 5, 5), List.of(calls[0], calls[1], calls[2], calls[3]));
        // Overload resolution: these compile because a value-returning interface is more specific than
        // Runnable (JLS 15.12.2.5) — an expression lambda with a value is never timed as a Runnable.
        List<Integer> list = new ArrayList<>();
        cold(new Timer(() -> list.add(1))).timeit(2);
        cold(new Timer(() -> 42)).timeit(2);
        cold(new Timer(() -> Math.sqrt(2.0))).timeit(2);
        assertEquals(2, list.size());
    }

    @Test
    void oneLiners_runWithTheRealClock() {
        int[] n = {0};
        double seconds = Timeit.timeit(() -> {
            n[0]++;
        }, 1000);
        assertTrue(seconds >= 0);
        assertTrue(n[0] >= 1000);
        assertEquals(5, Timeit.repeat(() -> n[0]++, 5, 10).size());
    }

    @Test
    void eachTimersLoopIsAClassOfItsOwn() {
        TimedLoop a = Loops.of((Runnable) () -> { });
        TimedLoop b = Loops.of((Runnable) () -> { });
        assertNotSame(a.getClass(), b.getClass(), "one shared loop would let a third Timer make the call site megamorphic");
        assertTrue(a.getClass().isHidden());
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> Loops.of("text"));
        assertTrue(e.getMessage().startsWith("stmt is neither a Runnable nor a Supplier"), e.getMessage());
    }

    @Test
    void cpuTime_measures() {
        Timer t = new Timer(() -> Math.sqrt(runs)).withCpuTime().withWarmup(Warmup.NONE);
        assertTrue(t.timeit(1000) >= 0);
    }
}
