package io.speedkit.agent;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.speedkit.profiler.data.ThreadProfile;
import java.lang.invoke.MethodHandle;
import java.lang.invoke.MethodHandles;
import java.lang.invoke.MethodType;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Targets: {@code targets/PlatformWorkers.java}, {@code targets/VirtualWorkers.java}. */
class ThreadsTest {
    private static final int VIRTUAL_THREADS = 10_000;

    private final InstrumentingLoader loader = new InstrumentingLoader();

    @Test
    void platformThreads_eachHasItsOwnTreeWithExactCounts() throws Throwable {
        loader.load("PlatformWorkers"); // its static initialiser runs now, not in the recording
        Recording r = Recording.of(() -> loader.call("PlatformWorkers", "run"));

        assertEquals("""
                PlatformWorkers.run count=1 total=0
                  {method java.lang.Thread.new} count=3 total=0
                  {method java.lang.Thread.start} count=3 total=0
                  {method java.lang.Thread.join} count=3 total=0
                """, r.tree());
        for (int i = 0; i < 3; i++) {
            int steps = i + 1;
            ThreadProfile t = r.thread("speedkit-platform-" + i);
            assertFalse(t.virtual());
            assertEquals(1, t.threads());
            assertEquals("""
                    PlatformWorkers.run.lambda$0 count=1 total=%d
                      PlatformWorkers.work count=1 total=%d
                        PlatformWorkers.step count=%d total=%d
                    """.formatted(steps, steps, steps, steps), r.tree(t));
        }
    }

    @Test
    void commonPoolTasks_threadLocalsErasedBetweenTasks_countsStillAddUp() throws Throwable {
        int tasks = 200;
        Recording r = Recording.of(() -> loader.call("PoolWorkers", "run", tasks));

        long steps = 0;
        long leaves = 0;
        long stepTicks = 0;
        for (ThreadProfile t : r.data().threads()) {
            steps += r.calls(t, "PoolWorkers.step");
            leaves += r.calls(t, "PoolWorkers.leaf");
            for (int i = 0; i < t.tree().size(); i++) {
                if (r.name(t.tree().function(i)).equals("PoolWorkers.step")) {
                    stepTicks += t.tree().total(i);
                }
            }
        }
        assertEquals(tasks, steps);
        assertEquals(tasks, leaves);
        assertEquals(2 * tasks, stepTicks);
        assertEquals(0, r.metadataLong(io.speedkit.profiler.data.Metadata.OPEN_FRAMES));
    }

    @Test
    void virtualThreads_foldIntoOneGroupWithExactCounts() throws Throwable {
        Recording r = Recording.of(() -> loader.call("VirtualWorkers", "run", VIRTUAL_THREADS));

        assertEquals("""
                VirtualWorkers.run count=1 total=0
                  {built-in method java.util.concurrent.Executors.newVirtualThreadPerTaskExecutor} count=1 total=0
                  {method java.util.concurrent.ExecutorService.submit} count=10000 total=0
                  {method java.util.concurrent.ExecutorService.close} count=1 total=0
                """, r.tree());
        ThreadProfile group = r.thread("virtual threads");
        assertTrue(group.virtual());
        assertEquals(-1, group.id());
        // Recorder retires a virtual thread each time its stack returns to depth 0: here once per thread,
        // since task() is the thread's only top-level instrumented frame.
        assertEquals(VIRTUAL_THREADS, group.threads());
        // Each thread's own clock: task 1 + a 2 + b 3 ticks.
        assertEquals("""
                VirtualWorkers.task count=10000 total=60000
                  VirtualWorkers.a count=10000 total=20000
                  VirtualWorkers.b count=10000 total=30000
                """, r.tree(group));
        assertEquals(List.of(Thread.currentThread().getName(), "virtual threads"), r.threadNames());
    }

    @Test
    void virtualThreads_threeTopLevelCallsEach_countsAreExact() throws Throwable {
        Recording r = recordThreeTopLevelCallsPerVirtualThread();

        ThreadProfile group = r.thread("virtual threads");
        assertEquals("""
                VirtualWorkers.a count=10000 total=20000
                VirtualWorkers.b count=10000 total=30000
                VirtualWorkers.c count=10000 total=40000
                """, r.tree(group));
    }

    /**
     * BUG: {@code ThreadProfile.threads()} is documented as "how many threads the tree holds", but
     * {@code Recorder.retire} runs (and {@code groupThreads++}) every time a virtual thread's shadow stack
     * returns to depth 0, and drops the thread's state, so a virtual thread whose run() is not instrumented
     * and which makes three top-level instrumented calls is counted as three threads.
     */
    @Test
    void virtualThreads_threeTopLevelCallsEach_groupCountsEachThreadOnce() throws Throwable {
        Recording r = recordThreeTopLevelCallsPerVirtualThread();

        assertEquals(VIRTUAL_THREADS, r.thread("virtual threads").threads());
    }

    /** Each virtual thread runs test code (no probes) that calls a(), b() and c(): three depth-0 returns. */
    private Recording recordThreeTopLevelCallsPerVirtualThread() throws Throwable {
        Class<?> workers = loader.load("VirtualWorkers");
        MethodType voidType = MethodType.methodType(void.class);
        MethodHandle a = MethodHandles.publicLookup().findStatic(workers, "a", voidType);
        MethodHandle b = MethodHandles.publicLookup().findStatic(workers, "b", voidType);
        MethodHandle c = MethodHandles.publicLookup().findStatic(workers, "c", voidType);
        return Recording.of(() -> {
            List<Thread> threads = new ArrayList<>();
            for (int i = 0; i < VIRTUAL_THREADS; i++) {
                threads.add(Thread.ofVirtual().start(() -> {
                    try {
                        a.invokeExact();
                        b.invokeExact();
                        c.invokeExact();
                    } catch (Throwable e) {
                        throw new AssertionError(e);
                    }
                }));
            }
            for (Thread t : threads) {
                t.join();
            }
            return null;
        });
    }
}
