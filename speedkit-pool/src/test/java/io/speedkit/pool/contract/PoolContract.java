package io.speedkit.pool.contract;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import io.speedkit.pool.Args;
import io.speedkit.pool.Fn;
import io.speedkit.pool.MapOptions;
import io.speedkit.pool.Outcome;
import io.speedkit.pool.Pool;
import io.speedkit.pool.PoolInterruptedException;
import io.speedkit.pool.Results;
import io.speedkit.pool.TaskFailedException;
import java.io.IOException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.Iterator;
import java.util.List;
import java.util.Set;
import java.util.concurrent.CancellationException;
import java.util.concurrent.CompletionException;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.Future;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.BooleanSupplier;
import java.util.stream.IntStream;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/**
 * The Pool contract: what every backend must do, from the caller's side. A backend's test extends this class
 * and says how to make a pool ({@link #newPool()}); backends whose tasks run in other JVMs also say how tasks
 * reach a shared counter ({@link #newTally()}). speedkit-cluster runs it from the test-jar.
 *
 * <p>Rules the tests keep so that they hold for every backend: task functions capture only {@link Tally}s and
 * plain values (so they serialize), what they observe goes through tallies or through the input iterator and
 * the listener (both on the caller's side), and nothing asserts on elapsed time except generous bounds that
 * catch hangs ("promptly" = within 10 s where the tasks would otherwise run 60 s).
 */
@Timeout(value = 60, unit = TimeUnit.SECONDS)
public abstract class PoolContract {
    /** How long a "blocked" task would sleep if nobody interrupted it. */
    protected static final long LONG_SLEEP_MS = 60_000;
    /** How long a test waits for something that should happen at once. */
    protected static final Duration PROMPTLY = Duration.ofSeconds(10);

    protected Pool pool;

    /** A new pool of the backend under test. */
    protected abstract Pool newPool();

    /** A fresh counter that tasks can bump wherever they run. */
    protected Tally newTally() {
        return Tally.local();
    }

    @BeforeEach
    void openPool() {
        pool = newPool();
    }

    @AfterEach
    void terminatePool() {
        pool.terminate();
        pool.join();
    }

    // ------------------------------------------------------------------ helpers (static: tasks must not capture the test)

    /** Waits (polling) until {@code condition} holds, failing after {@link #PROMPTLY}. */
    protected static void eventually(BooleanSupplier condition, String what) {
        long deadline = System.nanoTime() + PROMPTLY.toNanos();
        while (!condition.getAsBoolean()) {
            if (System.nanoTime() > deadline) {
                fail("not within " + PROMPTLY + ": " + what);
            }
            sleep(2);
        }
    }

    protected static void sleep(long millis) {
        try {
            Thread.sleep(millis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new AssertionError("interrupted", e);
        }
    }

    /** A task that counts its start, then sleeps "forever", counting the interrupt that ends it. */
    protected static Fn<Integer, Integer> blocking(Tally started, Tally interrupted) {
        return x -> {
            started.increment();
            try {
                Thread.sleep(LONG_SLEEP_MS);
            } catch (InterruptedException e) {
                interrupted.increment();
                throw e;
            }
            return x;
        };
    }

    protected static List<Integer> range(int n) {
        return IntStream.range(0, n).boxed().toList();
    }

    /** Runs {@code body} on a new thread, keeping what it threw. */
    protected static Thread background(AtomicReference<Throwable> thrown, Runnable body) {
        Thread t = new Thread(() -> {
            try {
                body.run();
            } catch (Throwable e) {
                thrown.set(e);
            }
        }, "contract-caller");
        t.start();
        return t;
    }

    // ------------------------------------------------------------------ ordering

    @Test
    public void map_resultsComeInInputOrder() {
        // Every seventh item is slower, so completion order differs from input order.
        List<Integer> out = pool.map(x -> {
            if (x % 7 == 0) {
                Thread.sleep(1);
            }
            return x * x;
        }, range(300));
        assertEquals(range(300).stream().map(x -> x * x).toList(), out);
    }

    @Test
    public void map_inOrderWithExplicitSmallChunks() {
        List<Integer> out = pool.map(x -> x + 1, range(1000), MapOptions.defaults().withChunksize(3));
        assertEquals(IntStream.rangeClosed(1, 1000).boxed().toList(), out);
    }

    @Test
    public void imap_resultsComeInInputOrderThoughEarlyItemsAreSlowest() {
        List<Integer> out = new ArrayList<>();
        try (Results<Integer> r = pool.imap(x -> {
            if (x < 10) {
                Thread.sleep(30 - 3L * x);
            }
            return -x;
        }, range(100), MapOptions.defaults().withChunksize(1))) {
            r.forEach(out::add);
        }
        assertEquals(range(100).stream().map(x -> -x).toList(), out);
    }

    @Test
    public void imapUnordered_aSlowItemDoesNotHoldBackTheOthers() {
        assumeTrue(pool.workers() >= 2, "one worker blocked by item 0 would hold back everything");
        Tally release = newTally();
        Fn<Integer, Integer> fn = x -> {
            if (x == 0) {
                while (release.get() == 0) {
                    Thread.sleep(1);
                }
            }
            return x;
        };
        List<Integer> seen = new ArrayList<>();
        try (Results<Integer> r = pool.imapUnordered(fn, range(50), MapOptions.defaults().withChunksize(1))) {
            Iterator<Integer> it = r.iterator();
            for (int i = 0; i < 49; i++) {
                seen.add(it.next()); // item 0 is still blocked: these are the others
            }
            assertFalse(seen.contains(0), "item 0 cannot have completed yet: " + seen);
            release.increment();
            assertEquals(0, it.next());
            assertFalse(it.hasNext());
        }
        assertEquals(49, new HashSet<>(seen).size());
    }

    @Test
    public void starmap_unpacksArgumentsInOrder() {
        List<Args.Two<Integer, Integer>> pairs = range(100).stream().map(i -> Args.of(i, 2 * i)).toList();
        List<Integer> out = pool.starmap((Integer a, Integer b) -> a + b, pairs);
        assertEquals(range(100).stream().map(i -> 3 * i).toList(), out);
        List<String> three = pool.starmap((String a, Integer b, Character c) -> a + b + c,
                List.of(Args.of("a", 1, 'x'), Args.of("b", 2, 'y')));
        assertEquals(List.of("a1x", "b2y"), three);
    }

    @Test
    public void map_acceptsAStream() {
        assertEquals(List.of(2, 4, 6), pool.map(x -> 2 * x, Stream.of(1, 2, 3)));
    }

    // ------------------------------------------------------------------ laziness and bounded buffering

    @Test
    public void imap_readsTheInputOnlyAsNeeded() {
        CountingIterator input = CountingIterator.infinite();
        int buffer = 32;
        try (Results<Integer> r = pool.imap(x -> x, input, MapOptions.defaults().withBuffer(buffer))) {
            Iterator<Integer> it = r.iterator();
            for (int i = 0; i < 10; i++) {
                assertEquals(i, it.next());
            }
            sleep(50); // give the workers every chance to read ahead
            assertTrue(input.taken() <= 10 + buffer, "read " + input.taken() + " items for 10 results, buffer " + buffer);
        }
    }

    @Test
    public void imap_readsAtMostTheDefaultBufferAhead() {
        CountingIterator input = CountingIterator.infinite();
        long bound = Math.max(16_384, 2L * pool.workers()); // documented in Pool and MapOptions
        try (Results<Integer> r = pool.imap(x -> x, input)) {
            Iterator<Integer> it = r.iterator();
            for (int i = 0; i < 10; i++) {
                it.next();
            }
            eventually(() -> input.taken() > 10, "reading ahead");
            sleep(100);
            assertTrue(input.taken() <= 10 + bound, "read " + input.taken() + " items for 10 results");
        }
    }

    @Test
    public void imap_infiniteInputAndSlowConsumer_readingStaysWithinTheBuffer() {
        CountingIterator input = CountingIterator.infinite();
        int buffer = 64;
        long maxAhead = 0;
        try (Results<Integer> r = pool.imap(x -> x * 2, input, MapOptions.defaults().withBuffer(buffer))) {
            Iterator<Integer> it = r.iterator();
            for (int consumed = 1; consumed <= 150; consumed++) {
                assertEquals(2 * (consumed - 1), it.next());
                if (consumed % 10 == 0) {
                    sleep(5); // a slow consumer: the workers would race ahead if they could
                }
                long ahead = input.taken() - consumed;
                maxAhead = Math.max(maxAhead, ahead);
                assertTrue(ahead <= buffer, "taken " + input.taken() + " after " + consumed + " results: more than "
                        + buffer + " ahead");
            }
        }
        assertTrue(maxAhead > 0, "the pool should read ahead a little");
    }

    @Test
    public void map_unknownLengthInputIsReadCompletelyOnce() {
        CountingIterator input = CountingIterator.of(5000);
        List<Integer> out = pool.map(x -> x, input);
        assertEquals(range(5000), out);
        assertEquals(5000, input.taken());
    }

    // ------------------------------------------------------------------ chunking

    @Test
    public void chunking_explicitChunksizeIsHonoured() {
        RecordingListener l = new RecordingListener();
        pool.map(x -> x, range(1000), MapOptions.defaults().withChunksize(7).withProgress(l));
        assertEquals(143, l.chunkCount()); // ceil(1000 / 7)
        List<long[]> chunks = l.chunks.stream().sorted((a, b) -> Long.compare(a[0], b[0])).toList();
        for (int i = 0; i < chunks.size(); i++) {
            assertEquals(7L * i, chunks.get(i)[0]);
            assertEquals(i < 142 ? 7 : 1000 - 7 * 142, chunks.get(i)[1]);
        }
    }

    @Test
    public void chunking_automaticChunksGrowForTinyTasks() {
        RecordingListener l = new RecordingListener();
        int n = 20_000;
        pool.map(x -> x + 1, range(n), MapOptions.defaults().withProgress(l));
        assertTrue(l.chunkCount() < n / 10, l.chunkCount() + " chunks for " + n + " tiny items: chunks did not grow");
        assertTrue(l.largestChunk() >= 50, "largest chunk " + l.largestChunk());
        assertEquals(n, l.chunks.stream().mapToLong(c -> c[1]).sum());
    }

    @Test
    public void chunking_automaticChunksNeverExceedPythonsShareWhenTheSizeIsKnown() {
        RecordingListener l = new RecordingListener();
        int n = 1000;
        pool.map(x -> x, range(n), MapOptions.defaults().withProgress(l));
        long python = (n + 4L * pool.workers() - 1) / (4L * pool.workers());
        assertTrue(l.largestChunk() <= python, "largest chunk " + l.largestChunk() + " > ceil(" + n + " / (4 × "
                + pool.workers() + "))");
    }

    @Test
    public void chunking_nothingIsBatchedBeforeTheItemsCostIsKnown() {
        RecordingListener l = new RecordingListener();
        int n = 2 * pool.workers() + 4;
        pool.map(x -> {
            Thread.sleep(50); // long enough that every first chunk has left before one comes back
            return x;
        }, CountingIterator.of(n), MapOptions.defaults().withProgress(l)); // unknown length: no Python cap
        int first = Math.min(n, 2 * pool.workers()); // all of these leave before the first item has been timed
        for (int i = 0; i < first; i++) {
            assertEquals(1, l.chunks.get(i)[1], "chunk " + i + " was sent before any item had been timed");
        }
    }

    // ------------------------------------------------------------------ errors

    @Test
    public void map_failureNamesTheItemsIndexAndValue() {
        List<String> items = IntStream.range(0, 100).mapToObj(i -> "a" + i).toList();
        TaskFailedException e = assertThrows(TaskFailedException.class, () -> pool.map(s -> {
            if (s.equals("a42")) {
                throw new IOException("boom");
            }
            return s.length();
        }, items));
        assertEquals(42, e.index());
        assertEquals("'a42'", e.itemText());
        assertEquals("item 42 (value 'a42') failed: java.io.IOException: boom", e.getMessage());
        assertInstanceOf(IOException.class, e.getCause());
        assertEquals("boom", e.getCause().getMessage());
    }

    @Test
    public void map_failFastCancelsTheRest() {
        Tally started = newTally();
        Tally interrupted = newTally();
        Fn<Integer, Integer> block = blocking(started, interrupted);
        long t0 = System.nanoTime();
        TaskFailedException e = assertThrows(TaskFailedException.class, () -> pool.map(x -> {
            if (x == 0) {
                throw new IllegalStateException("first");
            }
            return block.apply(x);
        }, range(1000), MapOptions.defaults().withChunksize(1)));
        assertEquals(0, e.index());
        assertTrue(System.nanoTime() - t0 < PROMPTLY.toNanos(), "map did not fail fast");
        eventually(() -> interrupted.get() == started.get(), "every running item interrupted: started "
                + started.get() + ", interrupted " + interrupted.get());
        sleep(50);
        long afterwards = started.get();
        assertTrue(afterwards < 2L * pool.workers(), afterwards + " items started; the rest should have been dropped");
        sleep(100);
        assertEquals(afterwards, started.get(), "nothing starts after a fail-fast failure");
    }

    @Test
    public void imap_failureIsThrownByTheIterator() {
        try (Results<Integer> r = pool.imap(x -> 10 / (x - 5), range(10), MapOptions.defaults().withChunksize(1))) {
            Iterator<Integer> it = r.iterator();
            TaskFailedException e = assertThrows(TaskFailedException.class, () -> {
                while (it.hasNext()) {
                    it.next();
                }
            });
            assertEquals(5, e.index());
            assertInstanceOf(ArithmeticException.class, e.getCause());
        }
    }

    @Test
    public void map_inputFailureIsReported() {
        Iterable<Integer> broken = () -> new Iterator<>() {
            int i;

            @Override
            public boolean hasNext() {
                return true;
            }

            @Override
            public Integer next() {
                if (i == 5) {
                    throw new IllegalStateException("disk gone");
                }
                return i++;
            }
        };
        CompletionException e = assertThrows(CompletionException.class, () -> pool.map(x -> x, broken));
        assertEquals("reading item 5 of the input of map failed: java.lang.IllegalStateException: disk gone",
                e.getMessage());
    }

    // ------------------------------------------------------------------ collect mode

    @Test
    public void mapOutcomes_everyItemComesBackAndNothingIsLost() {
        RecordingListener l = new RecordingListener();
        List<Outcome<Integer>> out = pool.mapOutcomes(x -> {
            if (x % 10 == 3) {
                throw new IOException("bad " + x);
            }
            return x % 10 == 7 ? null : 2 * x;
        }, range(1000), MapOptions.defaults().withProgress(l));
        assertEquals(1000, out.size());
        for (int i = 0; i < 1000; i++) {
            Outcome<Integer> o = out.get(i);
            assertEquals(i, o.index());
            if (i % 10 == 3) {
                if (!(o instanceof Outcome.Failed<Integer> f)) {
                    throw new AssertionError("item " + i + " should have failed: " + o);
                }
                assertEquals("bad " + i, f.error().getMessage());
            } else {
                if (!(o instanceof Outcome.Ok<Integer> ok)) {
                    throw new AssertionError("item " + i + " should have succeeded: " + o);
                }
                assertEquals(i % 10 == 7 ? null : 2 * i, ok.value());
            }
        }
        assertEquals(1000, l.completions.get());
        assertEquals(100, l.failures.get());
    }

    @Test
    public void imapOutcomes_everyItemOnceInCompletionOrder() {
        Set<Long> indices = new HashSet<>();
        int failed = 0;
        try (Results<Outcome<Integer>> r = pool.imapOutcomes(x -> {
            if (x % 4 == 0) {
                throw new IllegalArgumentException("x=" + x);
            }
            return x;
        }, range(400))) {
            for (Outcome<Integer> o : r) {
                assertTrue(indices.add(o.index()), "index " + o.index() + " twice");
                if (o instanceof Outcome.Failed<Integer> f) {
                    failed++;
                    assertEquals("x=" + o.index(), f.error().getMessage());
                } else {
                    assertEquals((int) o.index(), o.orElseThrow());
                }
            }
        }
        assertEquals(400, indices.size());
        assertEquals(100, failed);
    }

    @Test
    public void listener_hearsEveryCompletion() {
        RecordingListener l = new RecordingListener();
        pool.map(x -> x, range(777), MapOptions.defaults().withProgress(l));
        assertEquals(1, l.starts.get());
        assertEquals(777, l.total.get());
        assertEquals(777, l.completions.get());
        assertEquals(777, l.completedIndices.size());
        assertEquals(1, l.finishes.get());
    }

    // ------------------------------------------------------------------ empty input

    @Test
    public void emptyInput_givesEmptyResults() {
        RecordingListener l = new RecordingListener();
        assertEquals(List.of(), pool.map(x -> x, List.<Integer>of(), MapOptions.defaults().withProgress(l)));
        assertEquals(List.of(), pool.mapOutcomes(x -> x, List.<Integer>of()));
        assertEquals(List.of(), pool.map(x -> x, CountingIterator.of(0)));
        try (Results<Integer> r = pool.imap(x -> x, List.<Integer>of())) {
            assertFalse(r.iterator().hasNext());
        }
        try (Results<Integer> r = pool.imapUnordered(x -> x, CountingIterator.of(0))) {
            assertFalse(r.iterator().hasNext());
        }
        assertEquals(0, l.total.get());
        assertEquals(1, l.finishes.get());
        assertEquals(0, l.chunkCount());
    }

    // ------------------------------------------------------------------ submit, close, join, terminate

    @Test
    public void submit_returnsTheValueOrTheTasksException() throws Exception {
        assertEquals("hi", pool.submit(() -> "hi").get(PROMPTLY.toSeconds(), TimeUnit.SECONDS));
        Future<Object> f = pool.submit(() -> {
            throw new IOException("nope");
        });
        ExecutionException e = assertThrows(ExecutionException.class, () -> f.get(PROMPTLY.toSeconds(), TimeUnit.SECONDS));
        assertInstanceOf(IOException.class, e.getCause());
    }

    @Test
    public void close_rejectsNewWorkWithAOneLineMessage() {
        pool.close();
        assertTrue(pool.isClosed());
        RejectedExecutionException e = assertThrows(RejectedExecutionException.class, () -> pool.submit(() -> 1));
        assertTrue(e.getMessage().contains("after close()"), e.getMessage());
        assertFalse(e.getMessage().contains("\n"), e.getMessage());
        assertThrows(RejectedExecutionException.class, () -> pool.map(x -> x, range(3)));
        assertThrows(RejectedExecutionException.class, () -> pool.imap(x -> x, range(3)));
        pool.close(); // idempotent
    }

    @Test
    public void close_letsAcceptedWorkFinish_joinWaitsForIt() throws Exception {
        Tally done = newTally();
        List<Future<Integer>> futures = new ArrayList<>();
        for (int i = 0; i < 6; i++) {
            int n = i;
            futures.add(pool.submit(() -> {
                Thread.sleep(50);
                done.increment();
                return n;
            }));
        }
        pool.close();
        pool.join();
        assertEquals(6, done.get());
        for (int i = 0; i < 6; i++) {
            assertTrue(futures.get(i).isDone());
            assertEquals(i, futures.get(i).get());
        }
    }

    @Test
    public void join_beforeCloseIsAnError() {
        IllegalStateException e = assertThrows(IllegalStateException.class, () -> pool.join());
        assertTrue(e.getMessage().contains("close()"), e.getMessage());
    }

    @Test
    public void join_waitsForAnImapStartedBeforeClose() {
        Results<Integer> r = pool.imap(x -> x, range(100));
        pool.close();
        List<Integer> out = r.toList(); // the imap goes on after close
        assertEquals(range(100), out);
        pool.join();
    }

    @Test
    public void terminate_interruptsRunningItemsDropsQueuedOnesAndFailsTheCallerAtOnce() throws Exception {
        Tally started = newTally();
        Tally interrupted = newTally();
        AtomicReference<Throwable> thrown = new AtomicReference<>();
        Fn<Integer, Integer> block = blocking(started, interrupted);
        Thread caller = background(thrown, () -> pool.map(block, range(1000), MapOptions.defaults().withChunksize(1)));
        List<Future<Integer>> queued = new ArrayList<>();
        eventually(() -> started.get() == pool.workers(), "every worker busy");
        for (int i = 0; i < pool.workers(); i++) {
            queued.add(pool.submit(() -> block.apply(-1)));
        }
        sleep(20);
        assertEquals(pool.workers(), started.get(), "more items started than there are workers");

        pool.terminate();

        caller.join(PROMPTLY.toMillis());
        assertFalse(caller.isAlive(), "map still waiting after terminate()");
        assertInstanceOf(CancellationException.class, thrown.get());
        eventually(() -> interrupted.get() == pool.workers(), "running items interrupted: " + pool.workers()
                + " started, " + interrupted.get() + " interrupted, now " + started.get() + " started");
        for (Future<Integer> f : queued) {
            assertTrue(f.isCancelled());
        }
        sleep(100);
        assertEquals(pool.workers(), started.get(), "a queued item started after terminate()");
        assertThrows(RejectedExecutionException.class, () -> pool.map(x -> x, range(1)));
    }

    // ------------------------------------------------------------------ interruption

    @Test
    public void interruptedMapCaller_stopsWaitingCancelsItsWorkAndKeepsTheFlag() throws Exception {
        Tally started = newTally();
        Tally interrupted = newTally();
        AtomicReference<Throwable> thrown = new AtomicReference<>();
        AtomicReference<Boolean> flag = new AtomicReference<>();
        Fn<Integer, Integer> block = blocking(started, interrupted);
        Thread caller = background(thrown, () -> {
            try {
                pool.map(block, range(100), MapOptions.defaults().withChunksize(1));
            } finally {
                flag.set(Thread.currentThread().isInterrupted());
            }
        });
        eventually(() -> started.get() >= 1, "an item running");
        caller.interrupt();
        caller.join(PROMPTLY.toMillis());
        assertFalse(caller.isAlive(), "map still waiting after its thread was interrupted");
        PoolInterruptedException e = assertInstanceOf(PoolInterruptedException.class, thrown.get());
        assertInstanceOf(InterruptedException.class, e.getCause());
        assertTrue(flag.get(), "the interrupt flag is set again");
        eventually(() -> interrupted.get() == started.get(), "the map's running items interrupted");
        assertEquals(List.of(1, 2, 3), pool.map(x -> x, List.of(1, 2, 3)), "the pool still works");
    }

    @Test
    public void interruptedImapReader_stopsWaitingAndCancelsItsWork() throws Exception {
        Tally started = newTally();
        Tally interrupted = newTally();
        AtomicReference<Throwable> thrown = new AtomicReference<>();
        Fn<Integer, Integer> block = blocking(started, interrupted);
        Thread reader = background(thrown, () -> {
            try (Results<Integer> r = pool.imap(block, CountingIterator.infinite(), MapOptions.defaults().withChunksize(1))) {
                r.iterator().next();
            }
        });
        eventually(() -> started.get() >= 1, "an item running");
        reader.interrupt();
        reader.join(PROMPTLY.toMillis());
        assertFalse(reader.isAlive());
        assertInstanceOf(PoolInterruptedException.class, thrown.get());
        eventually(() -> interrupted.get() == started.get(), "the imap's running items interrupted");
    }

    @Test
    public void closingAnImapEarly_cancelsItsWork() {
        Tally started = newTally();
        Tally interrupted = newTally();
        Fn<Integer, Integer> block = blocking(started, interrupted);
        Results<Integer> r = pool.imap(x -> x == 0 ? 0 : block.apply(x), CountingIterator.infinite(),
                MapOptions.defaults().withChunksize(1));
        assertEquals(0, r.iterator().next());
        eventually(() -> started.get() >= 1, "an item running");
        r.close();
        eventually(() -> interrupted.get() == started.get(), "the imap's running items interrupted");
        pool.close();
        pool.join(); // the closed imap does not hold up join
    }

    @Test
    public void anOutcomeRethrowsLikeFailFast() {
        List<Outcome<Integer>> out = pool.mapOutcomes(x -> 1 / x, List.of(1, 0));
        assertEquals(1, out.get(0).orElseThrow());
        TaskFailedException e = assertThrows(TaskFailedException.class, () -> out.get(1).orElseThrow());
        assertEquals(1, e.index());
        assertNull(e.itemText());
    }
}
