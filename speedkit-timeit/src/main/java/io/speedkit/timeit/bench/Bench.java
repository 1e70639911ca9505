package io.speedkit.timeit.bench;

import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.function.LongSupplier;

/**
 * Whole-program timing, hyperfine's job for JVM programs: for each JVM option set of a {@link BenchPlan},
 * warm-up runs (discarded), then measured runs, one at a time, each a new process.
 *
 * <p>Why whole processes and warm-up runs: a program's run time includes JVM start-up, class loading and
 * JIT compilation, which is what a user waits for and what {@code -Xint} or {@code -XX:TieredStopAtLevel=1}
 * change. The warm-up runs do not warm a JIT — every run is a fresh JVM — but the operating system's
 * caches: the JDK's and the program's files, the CDS archive, the page cache.
 *
 * <p>A run that exits with a non-zero code stops its set ({@link Failure}); the other sets still run, so
 * that one JVM option that breaks the program does not hide the others' numbers.
 *
 * <pre>{@code
 * BenchPlan plan = new BenchPlan(List.of(java), List.of(OptionSet.parse("-Xint"), OptionSet.DEFAULTS),
 *         List.of("-cp", "classes", "com.acme.Main"), 1, 10);
 * BenchResult result = new Bench(ProcessLauncher.discardingOutput(), System::nanoTime).run(plan, Bench.Listener.NONE);
 * }</pre>
 */
public final class Bench {

    /** Told what the runner is doing, e.g. to draw a progress line or print each set as it ends. */
    public interface Listener {
        /** A listener that does nothing. */
        Listener NONE = new Listener() {
        };

        /** A run is about to start. */
        default void runStarting(Progress progress) {
        }

        /** A set has ended, measured or failed. */
        default void setFinished(SetResult result) {
        }
    }

    /**
     * Where the runner is.
     *
     * @param set       the set's number, from 1
     * @param sets      how many sets there are
     * @param options   the set's JVM options
     * @param warmup    whether the run about to start is a warm-up run
     * @param run       its number among the warm-up or the measured runs, from 1
     * @param runs      how many warm-up or measured runs the set has
     * @param meanNanos the mean wall time of the set's measured runs so far; NaN before the first
     */
    public record Progress(int set, int sets, OptionSet options, boolean warmup, int run, int runs, double meanNanos) {
    }

    private final Launcher launcher;
    private final LongSupplier nanoClock;

    /**
     * @param launcher  starts each run's process and waits for it
     * @param nanoClock a monotonic clock in nanoseconds ({@code System::nanoTime}) for the wall time
     */
    public Bench(Launcher launcher, LongSupplier nanoClock) {
        this.launcher = Objects.requireNonNull(launcher, "launcher");
        this.nanoClock = Objects.requireNonNull(nanoClock, "nanoClock");
    }

    /**
     * Runs the plan, set after set.
     *
     * @throws IOException when a process cannot be started (a program that starts and fails is a
     *                     {@link Failure}, not an exception)
     * @throws InterruptedException when interrupted; the running process is destroyed
     */
    public BenchResult run(BenchPlan plan, Listener listener) throws IOException, InterruptedException {
        List<SetResult> results = new ArrayList<>();
        int setCount = plan.sets().size();
        for (int i = 0; i < setCount; i++) {
            OptionSet set = plan.sets().get(i);
            List<String> command = plan.commandFor(set);
            List<RunSample> samples = new ArrayList<>();
            Failure failure = null;
            for (int w = 1; w <= plan.warmup() && failure == null; w++) {
                listener.runStarting(new Progress(i + 1, setCount, set, true, w, plan.warmup(), Double.NaN));
                int code = launcher.run(command).exitCode();
                if (code != 0) {
                    failure = new Failure(code, true, w, plan.warmup());
                }
            }
            double sum = 0;
            for (int r = 1; r <= plan.runs() && failure == null; r++) {
                listener.runStarting(new Progress(i + 1, setCount, set, false, r, plan.runs(),
                        samples.isEmpty() ? Double.NaN : sum / samples.size()));
                long start = nanoClock.getAsLong();
                ProcessExit exit = launcher.run(command);
                long wall = nanoClock.getAsLong() - start;
                if (exit.exitCode() != 0) {
                    failure = new Failure(exit.exitCode(), false, r, plan.runs());
                } else {
                    samples.add(exit.sample(Math.max(wall, 0)));
                    sum += Math.max(wall, 0);
                }
            }
            SetResult result = new SetResult(i + 1, set, command, samples, Optional.ofNullable(failure));
            results.add(result);
            listener.setFinished(result);
        }
        return new BenchResult(plan, results);
    }
}
