package io.speedkit.examples;

import io.speedkit.pool.Pool;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.Future;

/**
 * The seed's multiprocessing example, ported. Python starts a process to run a function on another core:
 *
 * <pre>
 * def process_function_2():
 *     print("Process 2 is now running.")
 *     print("Process 2 is done running.")
 *
 * if __name__ == '__main__':
 *     po_process_2 = multiprocessing.Process(target = process_function_2)
 *     po_process_2.start()
 * </pre>
 *
 * A Java program needs no second process to use a second core: it has no GIL, its threads run in parallel. And
 * a process — or a thread — per task is the wrong unit anyway. The seed's own rule is <em>keep the number of
 * processes at or below the number of cores</em>: more CPU-bound workers than cores run no faster, they only
 * take turns. So a program with many tasks starts one worker per core and hands the tasks out to them, which is
 * what {@code multiprocessing.Pool} does and what {@link Pool#cpu()} does here: {@code pool.submit(f)} is
 * {@code Process(target=f).start()}, {@code pool.map(f, items)} is {@code Pool().map(f, items)}.
 *
 * <pre>
 * java -cp speedkit-pool/target/speedkit-pool-0.1.0.jar examples/src/main/java/io/speedkit/examples/Example06ProcessPerTask.java
 * java -cp examples/target/classes:speedkit-pool/target/classes io.speedkit.examples.Example06ProcessPerTask [limit]
 * </pre>
 *
 * The program then counts the primes below {@code limit} (default 5,000,000) in 16 slices three ways: a serial
 * loop, {@code Pool.cpu()} (one worker per core) and {@code Pool.cpu(4 × cores)}. The counts are the same and
 * come back in input order; the times show what the cores buy. The last pool breaks the seed's rule: it is
 * allowed, it is warned about once (on stderr, through {@link System.Logger}), and on the two-core machine this
 * was written on it was no faster than {@code Pool.cpu()} (serial 0.64 s, {@code Pool.cpu()} 0.34 s,
 * {@code Pool.cpu(8)} 0.34 s). The slices are of equal width but not of equal cost — larger numbers take longer
 * to test — which a pool absorbs: a worker that finishes early takes the next slice.
 */
public final class Example06ProcessPerTask {
    private static final int SLICES = 16;

    private Example06ProcessPerTask() {
    }

    /** The seed's target function. */
    static void processFunction2() {
        System.out.println("Process 2 is now running.");
        System.out.println("Process 2 is done running.");
    }

    /** A range of numbers, {@code [from, to)}: one task. A record prints well in a failed task's message. */
    record Slice(long from, long to) {
    }

    /** The CPU-bound work: how many primes are in the slice, by trial division. */
    static long countPrimes(Slice s) {
        long count = 0;
        for (long n = s.from(); n < s.to(); n++) {
            if (isPrime(n)) {
                count++;
            }
        }
        return count;
    }

    static boolean isPrime(long n) {
        if (n < 2) {
            return false;
        }
        if (n % 2 == 0) {
            return n == 2;
        }
        for (long d = 3; d * d <= n; d += 2) {
            if (n % d == 0) {
                return false;
            }
        }
        return true;
    }

    public static void main(String[] args) throws InterruptedException, ExecutionException {
        long limit = args.length > 0 ? Long.parseLong(args[0]) : 5_000_000;
        int cores = Runtime.getRuntime().availableProcessors();

        // Process(target=process_function_2).start(), then join(): one task on a worker.
        try (Pool pool = Pool.cpu()) {
            Future<?> process2 = pool.submit(() -> {
                processFunction2();
                return null;
            });
            process2.get();
        }

        List<Slice> slices = new ArrayList<>();
        long width = (limit + SLICES - 1) / SLICES;
        for (long from = 0; from < limit; from += width) {
            slices.add(new Slice(from, Math.min(limit, from + width)));
        }
        // Warm-up: let the JIT compile isPrime before anything is timed, so the serial loop is not charged for it.
        for (int i = 0; i < 3; i++) {
            countPrimes(new Slice(0, Math.min(limit, 200_000)));
        }

        System.out.printf(Locale.ROOT, "primes below %,d, counted in %d slices of %,d, on %d cores%n",
                limit, slices.size(), width, cores);

        long t0 = System.nanoTime();
        List<Long> serial = new ArrayList<>();
        for (Slice s : slices) {
            serial.add(countPrimes(s));
        }
        long serialNanos = System.nanoTime() - t0;
        print("serial loop", serial, serialNanos, serialNanos, "");

        List<Long> perSlice;
        try (Pool pool = Pool.cpu()) {
            long t1 = System.nanoTime();
            perSlice = pool.map(Example06ProcessPerTask::countPrimes, slices);
            print("Pool.cpu()", perSlice, System.nanoTime() - t1, serialNanos, pool.workers() + " workers, one per core");
        }
        int many = 4 * cores;
        try (Pool pool = Pool.cpu(many)) { // more workers than cores: allowed, and warned about on stderr
            long t2 = System.nanoTime();
            List<Long> counts = pool.map(Example06ProcessPerTask::countPrimes, slices);
            print("Pool.cpu(" + many + ")", counts, System.nanoTime() - t2, serialNanos,
                    pool.workers() + " workers on " + cores + " cores");
        }
        StringBuilder b = new StringBuilder("primes per slice, in input order:");
        for (long c : perSlice) {
            b.append(' ').append(c);
        }
        System.out.println(b);
    }

    private static void print(String how, List<Long> counts, long nanos, long serialNanos, String note) {
        long total = 0;
        for (long c : counts) {
            total += c;
        }
        System.out.printf(Locale.ROOT, "  %-14s %,9d primes in %5.2f s  %5.2fx%s%n",
                how, total, nanos / 1e9, (double) serialNanos / nanos, note.isEmpty() ? "" : "  " + note);
    }
}
