package io.speedkit.it;

import static io.speedkit.it.targets.Threads.PLATFORM;
import static io.speedkit.it.targets.Threads.PLATFORM_CALLS;
import static io.speedkit.it.targets.Threads.VIRTUAL;
import static io.speedkit.it.targets.Threads.VIRTUAL_CALLS;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.speedkit.profiler.data.CallTree;
import io.speedkit.profiler.data.FunctionKey;
import io.speedkit.profiler.data.ProfileData;
import io.speedkit.profiler.data.ThreadProfile;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import io.speedkit.it.targets.VirtualHandlers;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Every thread, platform and virtual, is profiled and the report merges them: {@link io.speedkit.it.targets.Threads}
 * runs 4 platform threads × 500 calls and 200 virtual threads × 20 calls (each yielding its carrier once per call).
 */
class ThreadsTest {

    @Test
    void platformAndVirtualThreads_callCountsAddUpExactly(@TempDir Path dir) {
        Path out = dir.resolve("threads.prof");
        Speedkit.Result r = Speedkit.run("profile", "-o", out.toString(), "-cp", Artifacts.testClasses().toString(),
                "io.speedkit.it.targets.Threads");
        assertEquals(0, r.exitCode(), r.describe());
        assertTrue(r.stdout().startsWith("sum "), r.stdout());
        ProfileData data = Profiles.read(out);

        long platformCalls = (long) PLATFORM * PLATFORM_CALLS;
        long virtualCalls = (long) VIRTUAL * VIRTUAL_CALLS;
        assertEquals(platformCalls, Profiles.row(data, "(Threads.platformWork)").totalCalls());
        assertEquals(virtualCalls, Profiles.row(data, "(Threads.virtualWork)").totalCalls());
        assertEquals(platformCalls + virtualCalls, Profiles.row(data, "(Threads.shared)").totalCalls());
        assertEquals(platformCalls + virtualCalls, Profiles.row(data, "(Threads.shared)").primitiveCalls());
        assertEquals(virtualCalls, Profiles.row(data, "{built-in method java.lang.Thread.yield}").totalCalls());
        assertEquals(PLATFORM, Profiles.row(data, "(Threads.main.lambda$0)").totalCalls(), "one run per platform thread");
        assertEquals(VIRTUAL, Profiles.row(data, "(Threads.main.lambda$1)").totalCalls(), "one run per virtual thread");
        assertEquals(PLATFORM + VIRTUAL, Profiles.row(data, "(Threads.add)").totalCalls());
        assertEquals(1, Profiles.row(data, "(Threads.main)").totalCalls());

        // Per thread: main, each platform worker with exactly its own calls, and the virtual threads merged
        // into one group once they finished.
        Map<String, Long> sharedByThread = new HashMap<>();
        long virtualThreads = 0;
        for (ThreadProfile t : data.threads()) {
            sharedByThread.merge(t.name(), calls(data, t.tree(), "Threads.shared"), Long::sum);
            if (t.virtual()) {
                virtualThreads += t.threads();
            }
        }
        for (int i = 0; i < PLATFORM; i++) {
            assertEquals(PLATFORM_CALLS, sharedByThread.get("worker-" + i), "worker-" + i + " in " + sharedByThread);
        }
        assertEquals(0L, sharedByThread.get("main"));
        assertEquals(VIRTUAL, virtualThreads, "every virtual thread is counted once: " + data.threads());
        assertEquals(platformCalls + virtualCalls, sharedByThread.values().stream().mapToLong(Long::longValue).sum());
        List<String> platformNames = data.threads().stream().filter(t -> !t.virtual()).map(ThreadProfile::name).sorted().toList();
        assertEquals(List.of("main", "worker-0", "worker-1", "worker-2", "worker-3"), platformNames);
    }

    /**
     * Virtual threads whose task throws and whose uncaught-exception handler is program code: program code
     * returns to the top of each thread's stack twice. Calls add up; the group of finished virtual threads
     * should still hold each thread once.
     */
    @Test
    void virtualThreadsWithHandlers_eachThreadCountedOnce(@TempDir Path dir) {
        Path out = dir.resolve("handlers.prof");
        Speedkit.Result r = Speedkit.run("profile", "-o", out.toString(), "-cp", Artifacts.testClasses().toString(),
                "io.speedkit.it.targets.VirtualHandlers");
        assertEquals(0, r.exitCode(), r.describe());
        assertEquals("handled " + VirtualHandlers.THREADS + "\n", r.stdout());
        ProfileData data = Profiles.read(out);
        assertEquals(VirtualHandlers.THREADS, Profiles.row(data, "(VirtualHandlers.task)").totalCalls());
        assertEquals(VirtualHandlers.THREADS, Profiles.row(data, "(VirtualHandlers.handle)").totalCalls());
        long virtualThreads = data.threads().stream().filter(ThreadProfile::virtual).mapToLong(ThreadProfile::threads).sum();
        assertEquals(VirtualHandlers.THREADS, virtualThreads, "threads in the profile: " + data.threads());
    }

    /** Calls of the function named {@code name} in one thread's tree. */
    private static long calls(ProfileData data, CallTree tree, String name) {
        long n = 0;
        for (int i = 0; i < tree.size(); i++) {
            FunctionKey k = data.functions().get(tree.function(i));
            if (k.name().equals(name)) {
                n += tree.count(i);
            }
        }
        return n;
    }
}
