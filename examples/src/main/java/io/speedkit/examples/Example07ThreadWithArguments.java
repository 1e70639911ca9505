package io.speedkit.examples;

import io.speedkit.pool.Async;
import io.speedkit.pool.Pool;
import java.util.List;
import java.util.Locale;
import java.util.stream.IntStream;

/**
 * The seed's threading examples, ported — and then its advice: <em>"Use the asyncio module if possible. Avoid
 * using the threading module."</em>
 *
 * <pre>
 * java -cp speedkit-pool/target/speedkit-pool-0.1.0.jar examples/src/main/java/io/speedkit/examples/Example07ThreadWithArguments.java
 * java -cp examples/target/classes:speedkit-pool/target/classes io.speedkit.examples.Example07ThreadWithArguments
 * </pre>
 *
 * <h2>1. A thread that waits while the first one goes on</h2>
 * Thread 2 prints, sleeps (the seed's stand-in for a slow I/O call; 5 s there, 0.5 s here) and prints again;
 * meanwhile the main thread, "thread 1", prints its own lines. Which thread's first line comes first is up to
 * the scheduler — each thread's own lines are in order, nothing else is promised. Python's interpreter waits
 * for a non-daemon thread at exit; here the main thread {@code join()}s it before going on.
 *
 * <h2>2. A thread with arguments</h2>
 * {@code threading.Thread(target=print, args=["Hello", "world"], kwargs={"sep": " "})}: Java has no
 * {@code args=}; a lambda captures the arguments, {@code new Thread(() -> print(" ", "Hello", "world"))}, and the
 * compiler checks their types.
 *
 * <h2>3. What to use instead</h2>
 * asyncio's tasks are cheap, switch only where the code waits, and give their results back as values instead of
 * through shared variables (which race: see {@link Example08LostUpdates}). Java's virtual threads are as cheap —
 * a waiting virtual thread is a small object on the heap, not an OS thread — and need no {@code async} or
 * {@code await}: plain blocking code parks the virtual thread and frees the core. {@link Async#gather} is
 * {@code asyncio.gather}: the tasks run at once and their values come back in argument order. {@link Pool#io}
 * runs thousands of waits at once, as asyncio does: 10,000 waits of 100 ms took about 0.2 s here, not 1,000 s.
 */
public final class Example07ThreadWithArguments {
    private static final long SLEEP_MILLIS = 500;

    private Example07ThreadWithArguments() {
    }

    /** Python's {@code print(*args, sep=sep)}. */
    static void print(String sep, Object... args) {
        System.out.println(join(sep, args));
    }

    static String join(String sep, Object... args) {
        StringBuilder b = new StringBuilder();
        for (int i = 0; i < args.length; i++) {
            if (i > 0) {
                b.append(sep);
            }
            b.append(args[i]);
        }
        return b.toString();
    }

    /** The seed's {@code func_thread_2}. */
    static void funcThread2() {
        System.out.println("Thread 2 is now running.");
        try {
            Thread.sleep(SLEEP_MILLIS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return;
        }
        System.out.println("Thread 2 is now running.");
        System.out.println("Thread 2 is done running.");
    }

    /** A task that waits like an I/O call and returns its answer instead of printing it. */
    static String greetAfter(long millis, String... words) throws InterruptedException {
        Thread.sleep(millis);
        return join(" ", (Object[]) words);
    }

    public static void main(String[] args) throws InterruptedException {
        // 1. The seed's In [6].
        System.out.println("Thread 1 is now running.");
        Thread toThread2 = new Thread(Example07ThreadWithArguments::funcThread2);
        toThread2.start();
        System.out.println("Thread 1 is now running.");
        System.out.println("Thread 1 is done running.");
        toThread2.join();

        // 2. The seed's In [8]: target=print, args=["Hello", "world"], kwargs={"sep": " "}.
        Thread withArguments = new Thread(() -> print(" ", "Hello", "world"));
        withArguments.start();
        withArguments.join();

        // 3a. asyncio.gather: two waits at once on virtual threads, their values in argument order.
        long t0 = System.nanoTime();
        List<String> both = Async.gather(
                () -> greetAfter(SLEEP_MILLIS, "Hello", "world"),
                () -> greetAfter(SLEEP_MILLIS, "Hello", "virtual", "threads"));
        System.out.printf(Locale.ROOT, "Async.gather: %s in %.2f s (two waits of %.1f s, at once)%n",
                both, (System.nanoTime() - t0) / 1e9, SLEEP_MILLIS / 1e3);

        // 3b. Thousands of waits at once, as asyncio would run them; each task returns its value.
        int tasks = 10_000;
        List<Integer> items = IntStream.range(0, tasks).boxed().toList();
        try (Pool pool = Pool.io(tasks)) {
            long t1 = System.nanoTime();
            List<Integer> back = pool.map(i -> {
                Thread.sleep(100);
                return i;
            }, items);
            long nanos = System.nanoTime() - t1;
            long sum = 0;
            for (int v : back) {
                sum += v;
            }
            System.out.printf(Locale.ROOT, "Pool.io(%d): %,d tasks each waiting 100 ms in %.2f s (one after another:"
                    + " %,d s); results in input order, sum %,d%n", tasks, back.size(), nanos / 1e9, tasks / 10, sum);
        }
    }
}
