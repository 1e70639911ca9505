package io.speedkit.examples;

import io.speedkit.pool.Pool;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.LongAdder;
import java.util.stream.IntStream;

/**
 * The seed's warning about threads that share a variable, shown rather than told:
 *
 * <ol>
 *   <li>Thread 1 reads variable A, obtaining the value 5</li>
 *   <li>Thread 2 reads variable A, obtaining the value 5, adds 10, and assigns the value 15 to variable A</li>
 *   <li>Thread 1 still thinks variable A is 5 ...</li>
 * </ol>
 *
 * <pre>
 * java -cp speedkit-pool/target/speedkit-pool-0.1.0.jar examples/src/main/java/io/speedkit/examples/Example08LostUpdates.java
 * java -cp examples/target/classes:speedkit-pool/target/classes io.speedkit.examples.Example08LostUpdates [tasks] [increments]
 * </pre>
 *
 * Four tasks (by default) each add 1 to a counter ten million times, on {@link Pool#cpu()}:
 *
 * <ul>
 *   <li><b>a shared {@code int}, {@code counter++}</b>: loses updates. {@code counter++} is three steps — read,
 *       add, write — and a worker on the other core writes in between: its increment is overwritten. It runs
 *       three times: on the two-core machine this was written on, each run lost from under 1% to over 40% of the
 *       forty million, a different number every time (least while the JIT's compiler threads still hold a core,
 *       so that the workers mostly take turns). On one core the workers only take turns and may lose nothing:
 *       the race is still there.</li>
 *   <li><b>no sharing</b>: each task counts in a local variable and returns its count; {@code map} collects them
 *       and the caller adds them up. Nothing to race on — the seed's best practice, "only use local variables in
 *       each thread" — and by far the fastest, because no core waits for another.</li>
 *   <li><b>an atomic</b>: {@link LongAdder#increment()} (a counter striped across cells, summed when read: built
 *       for many writers) or {@link AtomicLong#incrementAndGet()} (one compare-and-set per increment, all
 *       cores fighting over one cache line). Both are exact; the adder is the faster under contention.</li>
 * </ul>
 *
 * <p>HAZARD: the shared counter is {@code volatile}. That does not make {@code counter++} atomic — it is the
 * same read, add, write — but it forbids the JIT to keep the counter in a register and add a million at once
 * at the end of the loop, which would make the lost updates rare rather than absent, and this demo flaky.
 * The times printed are for comparison only.
 */
public final class Example08LostUpdates {
    /** The variable every task shares: what the seed says not to do. */
    static final class SharedCounter {
        volatile int value;
    }

    private Example08LostUpdates() {
    }

    public static void main(String[] args) {
        int tasks = args.length > 0 ? Integer.parseInt(args[0]) : 4;
        int increments = args.length > 1 ? Integer.parseInt(args[1]) : 10_000_000;
        long expected = (long) tasks * increments;
        List<Integer> items = IntStream.range(0, tasks).boxed().toList();

        try (Pool pool = Pool.cpu()) {
            System.out.printf(Locale.ROOT, "%d tasks on Pool.cpu() (%d workers), each adding 1 to a counter %,d times;"
                    + " expected %,d%n", tasks, pool.workers(), increments, expected);

            // The race: every task reads and writes the same variable. Three times, for three different answers.
            for (int round = 1; round <= 3; round++) {
                SharedCounter shared = new SharedCounter();
                long t0 = System.nanoTime();
                pool.map(i -> {
                    for (int k = 0; k < increments; k++) {
                        shared.value++;
                    }
                    return null;
                }, items);
                long racy = shared.value;
                long lost = expected - racy;
                print("shared int, counter++ #" + round, racy, System.nanoTime() - t0, String.format(Locale.ROOT,
                        "lost %,d updates (%.1f%%)", lost, 100.0 * lost / expected));
            }

            // Fix 1: share nothing. Each task counts in its own local variable and returns the count.
            long t1 = System.nanoTime();
            List<Long> counts = pool.map(i -> {
                long mine = 0;
                for (int k = 0; k < increments; k++) {
                    mine++;
                }
                return mine;
            }, items);
            long sum = 0;
            for (long c : counts) {
                sum += c;
            }
            print("no sharing: map + sum", sum, System.nanoTime() - t1, exact(sum, expected));

            // Fix 2: an atomic counter.
            LongAdder adder = new LongAdder();
            long t2 = System.nanoTime();
            pool.map(i -> {
                for (int k = 0; k < increments; k++) {
                    adder.increment();
                }
                return null;
            }, items);
            print("LongAdder.increment()", adder.sum(), System.nanoTime() - t2, exact(adder.sum(), expected));

            AtomicLong atomic = new AtomicLong();
            long t3 = System.nanoTime();
            pool.map(i -> {
                for (int k = 0; k < increments; k++) {
                    atomic.incrementAndGet();
                }
                return null;
            }, items);
            print("AtomicLong.incrementAndGet()", atomic.get(), System.nanoTime() - t3, exact(atomic.get(), expected));
        }
    }

    private static String exact(long got, long expected) {
        return got == expected ? "exact" : String.format(Locale.ROOT, "WRONG: %,d off", expected - got);
    }

    private static void print(String how, long count, long nanos, String verdict) {
        System.out.printf(Locale.ROOT, "  %-30s %,12d  %7.1f ms  %s%n", how, count, nanos / 1e6, verdict);
    }
}
