package io.speedkit.timeit.snippet;

import io.speedkit.timeit.Autorange;
import io.speedkit.timeit.Batch;
import io.speedkit.timeit.Warmup;
import java.util.ArrayList;
import java.util.List;
import java.util.function.LongSupplier;

/**
 * Times a compiled snippet in this JVM, as {@code python -m timeit} times a statement: warm-up, then
 * autorange (unless the loop count is given), then the repeats. The forked JVM of {@code speedkit
 * timeit} runs this; tests run it with fake clocks.
 *
 * <p>Autorange continues from where the warm-up's batches stopped growing: the warm-up has already run
 * 1, 2, 5, ... loops until a batch took a millisecond, so the trials start at that loop count
 * instead of at 1 — the same 1-2-5 sequence, without re-timing the small counts now that the code is
 * compiled. This is how the warm-up pays for itself in a 2-second answer.
 */
public final class SnippetRunner {
    private SnippetRunner() {
    }

    /**
     * Times {@code snippet}.
     *
     * @param ticker      the timer, in nanoseconds (wall clock, or the thread's CPU time for {@code -p})
     * @param wallClock   nanoseconds for the warm-up's budget
     * @param jitActivity the JIT activity counter for the warm-up
     * @throws Throwable what the snippet's setup or statement threw
     */
    public static Measurement run(SnippetBase snippet, RunOptions options, LongSupplier ticker, LongSupplier wallClock,
            LongSupplier jitActivity) throws Throwable {
        Batch batch = number -> {
            try {
                snippet.$setup();
            } catch (Throwable t) {
                throw new Threw(t);
            }
            long t0 = ticker.getAsLong();
            try {
                snippet.$loop(number);
            } catch (Throwable t) {
                throw new Threw(t);
            }
            return ticker.getAsLong() - t0;
        };
        try {
            Warmup.Result warmed = options.warmup().run(batch, wallClock, jitActivity);
            List<Autorange> trials = new ArrayList<>();
            long number = options.number();
            if (number == 0) {
                number = Autorange.search(batch, warmed.number(), options.targetNanos(),
                        (n, seconds) -> trials.add(new Autorange(n, seconds))).number();
            }
            List<Double> raw = new ArrayList<>();
            for (int i = 0; i < options.repeat(); i++) {
                if (options.gcBeforeEachRepeat()) {
                    System.gc();
                }
                raw.add(batch.time(number) / 1e9);
            }
            return new Measurement(warmed, trials, number, raw);
        } catch (Threw t) {
            throw t.getCause();
        }
    }

    /** Carries what the snippet threw through {@link Batch}, which throws nothing checked. */
    private static final class Threw extends RuntimeException {
        private static final long serialVersionUID = 1L;

        Threw(Throwable cause) {
            super(null, cause, false, false);
        }
    }
}
