package io.speedkit.timeit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.function.LongUnaryOperator;
import org.junit.jupiter.api.Test;

/** The warm-up rule, driven by a model of a JIT on a fake clock: no real time, no thresholds. */
class WarmupTest {
    /**
     * A statement whose cost per loop depends on how many loops ran before the batch (the JIT's
     * progress), and a JIT activity counter that moves whenever that cost changes (a compilation ended).
     */
    private static final class ModelJit implements Batch {
        final TickClock clock = new TickClock();
        final LongUnaryOperator costAfter;
        long loops;
        long lastCost = -1;
        long compilations;
        int batches;
        final java.util.List<long[]> history = new java.util.ArrayList<>(); // {cost, nanos} per batch

        ModelJit(LongUnaryOperator costAfter) {
            this.costAfter = costAfter;
        }

        @Override
        public long time(long number) {
            batches++;
            long cost = costAfter.applyAsLong(loops);
            if (lastCost >= 0 && cost != lastCost) {
                compilations++;
            }
            lastCost = cost;
            loops += number;
            clock.advance(number * cost);
            history.add(new long[] {cost, number * cost});
            return number * cost;
        }

        /** Full-sized (>= 1 ms) batches at the final cost, at the end. */
        int fullBatchesAtTheEnd() {
            long last = history.get(history.size() - 1)[0];
            int n = 0;
            for (int i = history.size() - 1; i >= 0 && history.get(i)[0] == last && history.get(i)[1] >= 1_000_000; i--) {
                n++;
            }
            return n;
        }

        Warmup.Result run(Warmup policy) {
            return policy.run(this, clock, () -> compilations);
        }
    }

    @Test
    void run_settlesOnceTheCompiledSpeedHoldsForTenBatchesAndTwentyMilliseconds() {
        // interpreter 100 ns, C1 20 ns from 50,000 loops, C2 10 ns from 300,000 loops
        ModelJit jit = new ModelJit(n -> n < 50_000 ? 100 : n < 300_000 ? 20 : 10);
        Warmup.Result r = jit.run(Warmup.DEFAULT);
        assertTrue(r.settled());
        assertEquals(10.0, r.nanosPerLoop());
        assertEquals(100_000, r.number(), "the batch size grew with the JIT until a batch took 1 ms again");
        assertEquals(jit.batches, r.batches());
        assertTrue(r.elapsedNanos() < Warmup.DEFAULT.budgetNanos());
        // Ended by the time window, not the batch count: the first full C2 batch improves on the best and
        // opens the window; ten more would be enough batches, but 20 ms take twenty.
        assertEquals(1 + 20, jit.fullBatchesAtTheEnd());
    }

    @Test
    void run_aC1PlateauShorterThanTheWindowIsNotTakenForTheEnd() {
        // C1 holds 30 ns per loop for thirteen 1.5-ms batches before C2 arrives: ten batches, but not 20 ms
        ModelJit jit = new ModelJit(n -> n < 20_000 ? 100 : n < 720_000 ? 30 : 10);
        Warmup.Result r = jit.run(Warmup.DEFAULT);
        assertTrue(r.settled());
        assertEquals(10.0, r.nanosPerLoop());

        // Without the window it would have stopped on the plateau: why the window exists.
        ModelJit hasty = new ModelJit(n -> n < 20_000 ? 100 : n < 720_000 ? 30 : 10);
        Warmup.Result early = hasty.run(new Warmup(1_000_000, 0.02, 10, 0, 1_000_000_000));
        assertEquals(30.0, early.nanosPerLoop());
    }

    @Test
    void run_jitActivityRestartsTheWindow() {
        TickClock clock = new TickClock();
        long[] compilations = {0};
        int[] batches = {0};
        Batch steady = number -> {
            batches[0]++;
            clock.advance(number * 10);
            return number * 10;
        };
        // a compilation ends during each of the first 30 batches, though the speed does not change
        Warmup.Result r = Warmup.DEFAULT.run(steady, clock, () -> batches[0] <= 30 ? ++compilations[0] : compilations[0]);
        assertTrue(r.settled());
        assertTrue(r.batches() >= 30 + 10, "settled only after the JIT went quiet: " + r.batches());
    }

    @Test
    void run_givesUpAtTheBudget() {
        TickClock clock = new TickClock();
        int[] calls = {0};
        long[] compilations = {0};
        Batch steady = number -> {
            calls[0]++;
            clock.advance(number * 10);
            return number * 10;
        };
        Warmup policy = new Warmup(1_000_000, 0.02, 10, 20_000_000, 300_000_000);
        // the JIT never goes quiet
        Warmup.Result r = policy.run(steady, clock, () -> ++compilations[0]);
        assertFalse(r.settled());
        assertTrue(r.elapsedNanos() >= 300_000_000L && r.elapsedNanos() < 302_000_000L, "stops at the first batch past the budget");
        assertEquals(calls[0], r.batches());
        assertEquals(10.0, r.nanosPerLoop());
    }

    @Test
    void none_runsNothing() {
        int[] calls = {0};
        Warmup.Result r = Warmup.NONE.run(n -> {
            calls[0]++;
            return 0;
        }, System::nanoTime, () -> 0);
        assertSame(Warmup.Result.SKIPPED, r);
        assertTrue(r.skipped());
        assertEquals(0, calls[0]);
    }
}
