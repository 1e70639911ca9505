package io.speedkit.benchmarks;

import io.speedkit.pool.IoPool;
import io.speedkit.pool.Pool;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.stream.IntStream;

/**
 * The measured side of {@link PoolBenchmark}, run in a JVM of its own. Prints {@code RESULT key=value ...} lines.
 *
 * <pre>
 * PoolWorkloads cpu WARMUP REPS SIZE_NS:TASKS...   serial loop, Pool.cpu().map and parallel streams on a calibrated spin
 * PoolWorkloads io pool|vthreads TASKS REPS [cold]  TASKS waits of 100 ms, all in flight; wall, CPU time, VmHWM
 * </pre>
 *
 * <h2>CPU: the task</h2>
 * {@link #spin} is a chain of dependent 64-bit multiply-add-xorshift steps: real arithmetic the JIT can neither
 * vectorise nor fold (each step needs the last), whose result is returned, so no step is dead code. It is
 * calibrated once per JVM — the best time of {@code spin(1,000,000)} after warm-up gives nanoseconds per step —
 * and a task of size S runs {@code S / (ns per step)} steps. The size actually achieved is reported as the
 * serial loop's time per task.
 *
 * <p>HAZARD: every configuration's results are summed and the sums compared (a mismatch aborts the run), then
 * printed: a result nobody reads lets the JIT drop the work. Each configuration produces what {@code Pool.map}
 * produces — a list of boxed results — except {@code IntStream.parallel()}, the primitive best case
 * ({@code long[]}), shown for reference.
 *
 * <p>The configurations take turns within each repetition (serial, pool, stream, ...), so that a slow phase of
 * the machine (another process, a GC, a frequency change) hits all of them rather than one.
 */
public final class PoolWorkloads {
    private static final long IO_SLEEP_MILLIS = 100;
    /**
     * The warm-up: five runs of the real size, up to 100,000 tasks. On two cores a virtual-thread run keeps getting
     * faster for several runs — C2 compiling the scheduler's, the timer's and the pool's paths, G1 sizing its
     * generations — from about 300 ms to 170 ms at 100,000 tasks; after a single 10,000-task warm-up the first
     * measured runs were still 30-50% slower than the later ones.
     */
    private static final int IO_WARMUP_RUNS = 5;
    private static final int IO_WARMUP_TASKS = 100_000;

    private PoolWorkloads() {
    }

    /** The CPU-bound task: {@code steps} dependent multiply-add-xorshift steps from {@code seed}. */
    static long spin(int steps, long seed) {
        long x = seed;
        for (int k = 0; k < steps; k++) {
            x = x * 6364136223846793005L + 1442695040888963407L;
            x ^= x >>> 29;
        }
        return x;
    }

    public static void main(String[] args) throws Exception {
        switch (args[0]) {
            case "cpu" -> cpu(Integer.parseInt(args[1]), Integer.parseInt(args[2]), Arrays.copyOfRange(args, 3, args.length));
            case "io" -> io(args[1], Integer.parseInt(args[2]), Integer.parseInt(args[3]), args.length > 4 && args[4].equals("cold"));
            default -> throw new IllegalArgumentException("unknown mode " + args[0] + "; use cpu or io");
        }
    }

    // ------------------------------------------------------------------ CPU

    private interface Config {
        /** Runs every task, returns the sum of the results (checked equal across configurations). */
        long run(List<Integer> items, int steps);
    }

    private static void cpu(int warmup, int reps, String[] sizes) {
        double nsPerStep = calibrate();
        System.out.printf(Locale.ROOT, "CALIBRATION ns_per_step=%.4f%n", nsPerStep);
        try (Pool pool = Pool.cpu()) {
            List<String> names = List.of("serial", "pool", "pstream", "intstream");
            List<Config> configs = List.of(
                    (items, steps) -> {
                        List<Long> out = new ArrayList<>(items.size());
                        for (Integer i : items) {
                            out.add(spin(steps, i));
                        }
                        return sum(out);
                    },
                    (items, steps) -> sum(pool.map(i -> spin(steps, i), items)),
                    (items, steps) -> sum(items.parallelStream().map(i -> spin(steps, i)).toList()),
                    (items, steps) -> {
                        long[] out = IntStream.range(0, items.size()).parallel().mapToLong(i -> spin(steps, i)).toArray();
                        long s = 0;
                        for (long v : out) {
                            s += v;
                        }
                        return s;
                    });
            long sink = 0;
            for (String size : sizes) {
                String[] parts = size.split(":");
                long sizeNanos = Long.parseLong(parts[0]);
                int tasks = Integer.parseInt(parts[1]);
                int steps = (int) Math.max(1, Math.round(sizeNanos / nsPerStep));
                List<Integer> items = IntStream.range(0, tasks).boxed().toList();
                long[][] times = new long[configs.size()][reps];
                for (int r = -warmup; r < reps; r++) {
                    long expected = 0;
                    for (int c = 0; c < configs.size(); c++) {
                        long t0 = System.nanoTime();
                        long s = configs.get(c).run(items, steps);
                        long t = System.nanoTime() - t0;
                        if (c == 0) {
                            expected = s;
                        } else if (s != expected) {
                            throw new IllegalStateException(names.get(c) + " computed " + s + ", the serial loop " + expected);
                        }
                        if (r >= 0) {
                            times[c][r] = t;
                        }
                    }
                    sink += expected;
                }
                for (int c = 0; c < configs.size(); c++) {
                    long[] t = times[c].clone();
                    Arrays.sort(t);
                    System.out.printf(Locale.ROOT, "RESULT cpu size=%d tasks=%d steps=%d config=%s workers=%d median=%d best=%d%n",
                            sizeNanos, tasks, steps, names.get(c), c == 0 ? 1 : pool.workers(), t[reps / 2], t[0]);
                }
            }
            System.out.println("SINK " + sink);
        }
    }

    static long sum(List<Long> values) {
        long s = 0;
        for (long v : values) {
            s += v;
        }
        return s;
    }

    /**
     * Nanoseconds per {@link #spin} step: the fastest of 15 timed {@code spin(1,000,000)} (noise only ever adds
     * time) after 30 untimed ones, which get the loop compiled by C2.
     */
    static double calibrate() {
        int steps = 1_000_000;
        long sink = 0;
        for (int i = 0; i < 30; i++) {
            sink += spin(steps, i);
        }
        long[] t = new long[15];
        for (int i = 0; i < t.length; i++) {
            long t0 = System.nanoTime();
            sink += spin(steps, i);
            t[i] = System.nanoTime() - t0;
        }
        Arrays.sort(t);
        if (sink == 42) {
            System.out.println(); // never: keeps the calibration's results alive
        }
        return t[0] / (double) steps;
    }

    // ------------------------------------------------------------------ I/O

    /** {@code cold}: no warm-up, so that the peak RSS is that of the measured runs alone (one run: a fresh JVM's). */
    private static void io(String impl, int tasks, int reps, boolean cold) throws Exception {
        List<Integer> warm = IntStream.range(0, Math.min(tasks, IO_WARMUP_TASKS)).boxed().toList();
        List<Integer> items = IntStream.range(0, tasks).boxed().toList();
        for (int w = 0; w < (cold ? 0 : IO_WARMUP_RUNS); w++) {
            check(warm, runIo(impl, warm));
        }
        long[] t = new long[reps];
        long[] cpu = new long[reps];
        for (int r = 0; r < reps; r++) {
            long c0 = processCpuNanos();
            long t0 = System.nanoTime();
            List<Integer> out = runIo(impl, items);
            t[r] = System.nanoTime() - t0;
            cpu[r] = processCpuNanos() - c0;
            check(items, out);
        }
        System.out.printf(Locale.ROOT, "RESULT io impl=%s tasks=%d reps=%d walls=%s cpus=%s hwm_kib=%d%n", impl, tasks, reps,
                joined(t), joined(cpu), vmHwmKib());
    }

    /** All tasks in flight at once, results collected in input order, every thread ended before it returns. */
    private static List<Integer> runIo(String impl, List<Integer> items) throws InterruptedException, ExecutionException {
        return switch (impl) {
            case "pool" -> {
                IoPool pool = Pool.io(items.size());
                List<Integer> out = pool.map(i -> {
                    Thread.sleep(IO_SLEEP_MILLIS);
                    return i;
                }, items);
                pool.close();
                pool.join();
                yield out;
            }
            case "vthreads" -> {
                List<Integer> out = new ArrayList<>(items.size());
                try (ExecutorService ex = Executors.newVirtualThreadPerTaskExecutor()) {
                    List<Future<Integer>> futures = new ArrayList<>(items.size());
                    for (Integer i : items) {
                        futures.add(ex.submit(() -> {
                            Thread.sleep(IO_SLEEP_MILLIS);
                            return i;
                        }));
                    }
                    for (Future<Integer> f : futures) {
                        out.add(f.get());
                    }
                }
                yield out;
            }
            default -> throw new IllegalArgumentException("unknown io implementation " + impl + "; use pool or vthreads");
        };
    }

    private static String joined(long[] values) {
        StringBuilder b = new StringBuilder();
        for (long v : values) {
            b.append(b.isEmpty() ? "" : ",").append(v);
        }
        return b.toString();
    }

    private static void check(List<Integer> items, List<Integer> out) {
        if (!out.equals(items)) {
            throw new IllegalStateException("the results are not the items in input order");
        }
    }

    /**
     * CPU time of the whole process (every thread: the caller, the carriers, the JIT, the GC), in nanoseconds. Less
     * noisy than the wall time of a run that is mostly a 100 ms sleep, and what a pool's extra work costs on a busy
     * machine.
     */
    static long processCpuNanos() {
        return ((com.sun.management.OperatingSystemMXBean) java.lang.management.ManagementFactory.getOperatingSystemMXBean())
                .getProcessCpuTime();
    }

    /** Peak resident set size of this process so far (kernel's high-water mark), in KiB; -1 if unknown. */
    static long vmHwmKib() throws IOException {
        for (String line : Files.readAllLines(Path.of("/proc/self/status"))) {
            if (line.startsWith("VmHWM:")) {
                return Long.parseLong(line.replaceAll("[^0-9]", ""));
            }
        }
        return -1;
    }
}
