package io.speedkit.pool;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import java.io.IOException;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicReference;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

@Timeout(value = 60, unit = TimeUnit.SECONDS)
class AsyncTest {

    /** Sleeps "forever"; counts the interrupt that ends it. */
    private static <T> Callable<T> blocked(AtomicInteger interrupted) {
        return () -> {
            try {
                Thread.sleep(60_000);
            } catch (InterruptedException e) {
                interrupted.incrementAndGet();
                throw e;
            }
            return null;
        };
    }

    private static void await(CountDownLatch latch) {
        try {
            assertTrue(latch.await(10, TimeUnit.SECONDS), "timed out waiting");
        } catch (InterruptedException e) {
            throw new AssertionError(e);
        }
    }

    @Test
    void gather_returnsResultsInArgumentOrderWhateverTheCompletionOrder() {
        List<Callable<Integer>> tasks = IntStream.range(0, 10).<Callable<Integer>>mapToObj(i -> () -> {
            Thread.sleep(5L * (10 - i)); // the last finishes first
            return i * i;
        }).toList();
        assertEquals(IntStream.range(0, 10).map(i -> i * i).boxed().toList(), Async.gather(tasks));
        assertEquals(List.of("a", "b"), Async.gather(() -> "a", () -> "b"));
        assertEquals(List.of(), Async.gather(List.<Callable<String>>of()));
    }

    @Test
    void gather_firstFailureCancelsTheOthersAndNamesTheTask() {
        AtomicInteger interrupted = new AtomicInteger();
        TaskFailedException e = assertThrows(TaskFailedException.class, () -> Async.gather(
                blocked(interrupted), () -> {
                    throw new IOException("no route");
                }, blocked(interrupted)));
        assertEquals(1, e.index());
        assertEquals("task 1 failed: java.io.IOException: no route", e.getMessage());
        assertEquals(2, interrupted.get(), "gather waits for the cancelled tasks before it throws");
    }

    @Test
    void gatherOutcomes_letsEveryTaskFinish() {
        List<Outcome<String>> out = Async.gatherOutcomes(() -> "ok", () -> {
            Thread.sleep(20);
            throw new IllegalStateException("late failure");
        }, () -> null);
        assertEquals(new Outcome.Ok<>(0, "ok", 0), out.get(0));
        Outcome.Failed<?> f = assertInstanceOf(Outcome.Failed.class, out.get(1));
        assertEquals("late failure", f.error().getMessage());
        assertEquals(new Outcome.Ok<>(2, null, 0), out.get(2));
    }

    @Test
    void timeout_returnsTheBlocksValueInTime() throws Exception {
        assertEquals(42, Async.timeout(Duration.ofSeconds(10), () -> 42));
    }

    @Test
    void timeout_cancelsASlowBlockAndWaitsForIt() {
        AtomicInteger interrupted = new AtomicInteger();
        long t0 = System.nanoTime();
        TimeoutException e = assertThrows(TimeoutException.class,
                () -> Async.timeout(Duration.ofMillis(50), blocked(interrupted)));
        assertEquals("timed out after 50 ms", e.getMessage());
        assertEquals(1, interrupted.get(), "the block was interrupted and waited for");
        assertTrue(System.nanoTime() - t0 < TimeUnit.SECONDS.toNanos(10));
    }

    @Test
    void timeout_passesTheBlocksOwnExceptionThroughUnchanged() {
        IOException io = new IOException("disk");
        assertSame(io, assertThrows(IOException.class, () -> Async.timeout(Duration.ofSeconds(10), () -> {
            throw io;
        })));
    }

    @Test
    void timeout_aroundAPoolMap_cancelsTheMapsItems() {
        AtomicInteger interrupted = new AtomicInteger();
        AtomicInteger started = new AtomicInteger();
        try (Pool pool = Pool.io(4)) {
            assertThrows(TimeoutException.class, () -> Async.timeout(Duration.ofMillis(100),
                    () -> pool.map(x -> {
                        started.incrementAndGet();
                        try {
                            Thread.sleep(60_000);
                        } catch (InterruptedException ie) {
                            interrupted.incrementAndGet();
                            throw ie;
                        }
                        return x;
                    }, IntStream.range(0, 100).boxed().toList(), MapOptions.defaults().withChunksize(1))));
            long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(10);
            while (interrupted.get() < started.get() && System.nanoTime() < deadline) {
                Thread.onSpinWait();
            }
            assertEquals(4, started.get());
            assertEquals(4, interrupted.get(), "the map's running items were interrupted");
        }
    }

    @Test
    void firstSuccessful_returnsTheFirstSuccessAndCancelsTheRest() {
        AtomicInteger interrupted = new AtomicInteger();
        CountDownLatch losersRunning = new CountDownLatch(2);
        Callable<String> loser = () -> {
            losersRunning.countDown();
            return Async.<String>timeout(Duration.ofDays(1), blocked(interrupted));
        };
        String winner = Async.firstSuccessful(loser, () -> {
            await(losersRunning);
            return "fast";
        }, loser);
        assertEquals("fast", winner);
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(10);
        while (interrupted.get() < 2 && System.nanoTime() < deadline) {
            Thread.onSpinWait();
        }
        assertEquals(2, interrupted.get(), "the slower hedges were cancelled");
    }

    @Test
    void firstSuccessful_skipsFailuresAndReportsWhenAllFail() {
        assertEquals("second", Async.firstSuccessful(() -> {
            throw new IOException("first down");
        }, () -> {
            Thread.sleep(30);
            return "second";
        }));
        TaskFailedException e = assertThrows(TaskFailedException.class, () -> Async.firstSuccessful(() -> {
            throw new IOException("a");
        }, () -> {
            Thread.sleep(50);
            throw new IOException("b");
        }));
        assertEquals("all 2 tasks failed; task 0 failed first: java.io.IOException: a", e.getMessage());
        assertEquals(1, e.getCause().getSuppressed().length);
    }

    @Test
    void firstSuccessful_staggered_startsABackupOnlyWhenTheFirstIsSlow() {
        AtomicInteger starts = new AtomicInteger();
        String quick = Async.firstSuccessful(Duration.ofSeconds(10), List.of(() -> {
            starts.incrementAndGet();
            return "primary";
        }, () -> {
            starts.incrementAndGet();
            return "backup";
        }));
        assertEquals("primary", quick);
        assertEquals(1, starts.get(), "no backup when the primary answers within the stagger");

        AtomicInteger interrupted = new AtomicInteger();
        String hedged = Async.firstSuccessful(Duration.ofMillis(30), List.of(blocked(interrupted), () -> "backup"));
        assertEquals("backup", hedged);
    }

    @Test
    void firstSuccessful_needsATask() {
        assertEquals("firstSuccessful needs at least one task, got none",
                assertThrows(IllegalArgumentException.class, () -> Async.firstSuccessful(List.<Callable<String>>of()))
                        .getMessage());
    }

    @Test
    void interruptedGatherCaller_cancelsItsTasksAndKeepsTheFlag() throws Exception {
        AtomicInteger interrupted = new AtomicInteger();
        AtomicReference<Throwable> thrown = new AtomicReference<>();
        AtomicReference<Boolean> flag = new AtomicReference<>();
        CountDownLatch running = new CountDownLatch(2);
        Callable<Object> task = () -> {
            running.countDown();
            return blocked(interrupted).call();
        };
        Thread caller = new Thread(() -> {
            try {
                Async.gather(task, task);
                fail("gather returned");
            } catch (Throwable e) {
                thrown.set(e);
            } finally {
                flag.set(Thread.currentThread().isInterrupted());
            }
        });
        caller.start();
        await(running);
        caller.interrupt();
        caller.join(10_000);
        assertInstanceOf(PoolInterruptedException.class, thrown.get());
        assertTrue(flag.get());
        assertEquals(2, interrupted.get());
    }
}
