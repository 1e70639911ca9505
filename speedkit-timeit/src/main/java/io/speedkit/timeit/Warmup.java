package io.speedkit.timeit;

import java.time.Duration;
import java.util.function.LongSupplier;

/**
 * When the JIT has settled: the warm-up policy run before anything is measured.
 *
 * <h2>The rule</h2>
 * Batches of the statement are run back to back, their loop count growing along Python's 1-2-5
 * sequence until one batch takes at least {@link #batchNanos()} (1 ms by default) — shorter batches are
 * dominated by the call into the loop and, early on, by the interpreter. Then each full-sized batch's
 * time per loop is compared with the best so far:
 * <ul>
 *   <li>it <em>improves</em> when it is more than {@link #tolerance()} (2%) faster than the best, or when
 *       the JIT finished a compilation during it (the JVM's total compilation time moved); an
 *       improvement starts the stable window anew;</li>
 *   <li>a batch that got shorter than {@code batchNanos} (the JIT made it faster) grows the loop count
 *       and also starts the window anew;</li>
 *   <li>the JIT has <em>settled</em> when the window holds {@link #stableBatches()} (10) batches without an
 *       improvement <em>and</em> spans at least {@link #stableNanos()} (20 ms). The time span matters:
 *       C2 compiles a hot loop in the background in some 5–30 ms, during which the batches run C1's
 *       code at a steady — wrong — speed; ten 1-ms batches alone would call that settled.</li>
 * </ul>
 * All of it is bounded by {@link #budgetNanos()} of wall time, after which the result says
 * {@linkplain Result#settled() not settled} and measuring goes ahead (the minimum of the repeats then
 * still skips a slow early one). pyperf refuses to "warm up until stable" for good reasons
 * ("Virtual Machine Warmup Blows Hot and Cold"): hence a budget, and a result that says what happened.
 *
 * <p>Everything the rule reads is injected — the batches' own timer, a wall clock for the budget, and
 * the JIT activity counter — so tests drive it with fake clocks.
 *
 * @param batchNanos    a full-sized batch takes at least this long
 * @param tolerance     an improvement is a batch faster than the best by more than this fraction
 * @param stableBatches batches without an improvement needed to call the JIT settled
 * @param stableNanos   time those batches must span at least
 * @param budgetNanos   wall time after which the warm-up stops, settled or not; 0 = no warm-up
 */
public record Warmup(long batchNanos, double tolerance, int stableBatches, long stableNanos, long budgetNanos) {
    /** 1 ms batches, 2%, 10 batches over at least 20 ms, within 1 s. */
    public static final Warmup DEFAULT = new Warmup(1_000_000, 0.02, 10, 20_000_000, 1_000_000_000);

    /** No warm-up at all, as Python's timeit (for measuring the cold start on purpose). */
    public static final Warmup NONE = new Warmup(1_000_000, 0.02, 10, 20_000_000, 0);

    public Warmup {
        if (batchNanos < 0) {
            throw new IllegalArgumentException("batchNanos must be >= 0, got " + batchNanos);
        }
        if (!(tolerance >= 0 && tolerance < 1)) {
            throw new IllegalArgumentException("tolerance must be in [0, 1), got " + tolerance);
        }
        if (stableBatches < 1) {
            throw new IllegalArgumentException("stableBatches must be >= 1, got " + stableBatches);
        }
        if (stableNanos < 0) {
            throw new IllegalArgumentException("stableNanos must be >= 0, got " + stableNanos);
        }
        if (budgetNanos < 0) {
            throw new IllegalArgumentException("budgetNanos must be >= 0, got " + budgetNanos);
        }
    }

    /** This policy with another time budget. */
    public Warmup withBudget(Duration budget) {
        return new Warmup(batchNanos, tolerance, stableBatches, stableNanos, budget.toNanos());
    }

    /**
     * What the warm-up did.
     *
     * @param settled      whether the JIT settled within the budget
     * @param number       the loop count of the last batch, a number of the 1-2-5 sequence
     * @param batches      how many batches ran
     * @param elapsedNanos wall time the warm-up took
     * @param nanosPerLoop the best time per loop of a full-sized batch (NaN if none ran)
     */
    public record Result(boolean settled, long number, int batches, long elapsedNanos, double nanosPerLoop) {
        /** What {@link Warmup#NONE} returns. */
        public static final Result SKIPPED = new Result(false, 1, 0, 0, Double.NaN);

        public Result {
            if (number < 1) {
                throw new IllegalArgumentException("number must be >= 1, got " + number);
            }
            if (batches < 0 || elapsedNanos < 0) {
                throw new IllegalArgumentException("batches and elapsedNanos must be >= 0, got " + batches + ", " + elapsedNanos);
            }
        }

        /** Whether no warm-up ran. */
        public boolean skipped() {
            return batches == 0;
        }
    }

    /**
     * Runs the warm-up.
     *
     * @param batch       the statement's batches, timed by its own timer
     * @param wallClock   nanoseconds for the budget and the stable window ({@code System::nanoTime})
     * @param jitActivity a number that changes whenever the JIT finishes a compilation (see
     *                    {@link Timer#jitActivity()}); a constant turns that signal off
     */
    public Result run(Batch batch, LongSupplier wallClock, LongSupplier jitActivity) {
        if (budgetNanos == 0) {
            return Result.SKIPPED;
        }
        long start = wallClock.getAsLong();
        long number = 1;
        int batches = 0;
        double best = Double.POSITIVE_INFINITY;
        int stable = 0;
        long windowStart = start;
        long jit = jitActivity.getAsLong();
        while (true) {
            long nanos = batch.time(number);
            batches++;
            long now = wallClock.getAsLong();
            long jitNow = jitActivity.getAsLong();
            long ran = number;
            if (nanos < batchNanos) {
                // Too short to tell the JIT's progress from the cost of calling the loop: grow.
                number = Autorange.next(number);
                stable = 0;
                windowStart = now;
            } else {
                double perLoop = (double) nanos / ran;
                if (perLoop < best * (1 - tolerance) || jitNow != jit) {
                    stable = 0;
                    windowStart = now;
                } else {
                    stable++;
                }
                best = Math.min(best, perLoop);
                if (stable >= stableBatches && now - windowStart >= stableNanos) {
                    return new Result(true, ran, batches, now - start, best);
                }
            }
            jit = jitNow;
            if (now - start >= budgetNanos) {
                return new Result(false, ran, batches, now - start,
                        best == Double.POSITIVE_INFINITY ? (double) nanos / ran : best);
            }
        }
    }
}
