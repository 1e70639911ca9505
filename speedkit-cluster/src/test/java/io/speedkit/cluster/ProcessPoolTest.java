package io.speedkit.cluster;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import io.speedkit.pool.Fn;
import io.speedkit.pool.MapOptions;
import io.speedkit.pool.Pool;
import io.speedkit.pool.RemotePool;
import io.speedkit.pool.TaskFailedException;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CompletionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicReference;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/** What only a pool of worker JVMs does: processes that die, values that cannot travel, its private cluster. */
@Timeout(value = 120, unit = TimeUnit.SECONDS)
class ProcessPoolTest {
    @TempDir
    Path dir;

    private static List<Integer> range(int n) {
        return IntStream.range(0, n).boxed().toList();
    }

    /** Each run of an item appends "index pid" to the log: O_APPEND lines from several JVMs do not mix. */
    private static Fn<Integer, Integer> logged(String log, long sleepMillis) {
        return i -> {
            Thread.sleep(sleepMillis);
            Files.writeString(Path.of(log), i + " " + ProcessHandle.current().pid() + "\n", StandardOpenOption.APPEND);
            return i * 2;
        };
    }

    private static List<String[]> runs(Path log) {
        try {
            return Files.readAllLines(log).stream().map(l -> l.split(" ")).toList();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    @Test
    void aWorkerKilledMidMap_everyResultExactlyOnce_andItsChunkRanAgainElsewhere() throws Exception {
        Path log = Files.createFile(dir.resolve("runs.log"));
        try (ProcessPool pool = ProcessPool.start(2)) {
            long victim = pool.workerProcesses().get(0).pid();
            AtomicReference<List<Integer>> result = new AtomicReference<>();
            AtomicReference<Throwable> thrown = new AtomicReference<>();
            // 400 items of 10 ms in chunks of 20: each chunk runs 200 ms, so the kill lands inside one.
            Thread caller = new Thread(() -> {
                try {
                    result.set(pool.map(logged(log.toString(), 10), range(400), MapOptions.defaults().withChunksize(20)));
                } catch (Throwable t) {
                    thrown.set(t);
                }
            });
            caller.start();
            long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(60);
            while (runs(log).stream().filter(r -> Long.parseLong(r[1]) == victim).count() < 30) {
                assertTrue(System.nanoTime() < deadline, "the victim never ran 30 items");
                Thread.sleep(5);
            }
            assertTrue(ProcessHandle.of(victim).orElseThrow().destroyForcibly()); // SIGKILL: no goodbye
            caller.join(TimeUnit.SECONDS.toMillis(90));
            assertEquals(null, thrown.get());
            assertEquals(range(400).stream().map(i -> i * 2).toList(), result.get(), "every result once, in order");
            assertTrue(pool.reruns() >= 1, "no chunk was sent again");

            // The proof from the workers' side: some item ran on the victim and then again on the survivor.
            Map<Integer, List<Long>> byItem = new HashMap<>();
            for (String[] r : runs(log)) {
                byItem.computeIfAbsent(Integer.parseInt(r[0]), k -> new ArrayList<>()).add(Long.parseLong(r[1]));
            }
            assertEquals(400, byItem.size(), "every item ran");
            assertTrue(byItem.values().stream().anyMatch(pids -> pids.size() >= 2 && pids.contains(victim)
                            && pids.stream().anyMatch(p -> p != victim)),
                    "no item ran on the killed worker and again on the other: " + byItem);
            assertFalse(ProcessHandle.of(victim).map(ProcessHandle::isAlive).orElse(false));
        }
    }

    @Test
    void everyWorkerGone_theMapFailsWithAClearErrorInsteadOfHanging() throws Exception {
        try (ProcessPool pool = ProcessPool.start(2)) {
            AtomicReference<Throwable> thrown = new AtomicReference<>();
            Thread caller = new Thread(() -> {
                try {
                    pool.map(i -> {
                        Thread.sleep(60_000);
                        return i;
                    }, range(10));
                } catch (Throwable t) {
                    thrown.set(t);
                }
            });
            caller.start();
            Thread.sleep(1_000);
            for (ProcessHandle p : pool.workerProcesses()) {
                p.destroyForcibly();
            }
            caller.join(TimeUnit.SECONDS.toMillis(30));
            assertFalse(caller.isAlive(), "the map still waits with every worker dead");
            Throwable t = thrown.get();
            assertInstanceOf(CompletionException.class, t);
            assertTrue(t.getMessage().contains("Pool.processes(2): every worker is gone (worker "), t.getMessage());
            assertTrue(t.getMessage().contains("exited with code"), t.getMessage());
        }
    }

    /** A lambda that captures something that is not Serializable. */
    private static Fn<Integer, Integer> capturing(Object notSerializable) {
        return i -> i + notSerializable.hashCode();
    }

    @Test
    void aFunctionThatCannotBeSent_isRefusedBeforeAnyItemRuns() throws Exception {
        Path log = Files.createFile(dir.resolve("runs.log"));
        try (ProcessPool pool = ProcessPool.start(1)) {
            CompletionException e = assertThrows(CompletionException.class, () -> pool.map(capturing(new Object()), range(5)));
            assertTrue(e.getMessage().contains("Pool.processes(1) cannot send the function to its workers: it holds a"
                    + " java.lang.Object, which is not Serializable"), e.getMessage());
            assertEquals(List.of(), runs(log));
            // an item that cannot travel names its index
            CompletionException item = assertThrows(CompletionException.class,
                    () -> pool.map(x -> x.toString(), List.<Object>of("a", new Object())));
            assertTrue(item.getMessage().contains("cannot send item 1 to its workers: it holds a java.lang.Object"),
                    item.getMessage());
            // the pool is still usable
            assertEquals(List.of(1, 2, 3), pool.map(i -> i + 1, range(3)));
        }
    }

    @Test
    void aTasksExceptionComesBackWithItsIndexAndTheRemoteStackTrace() {
        try (RemotePool pool = Pool.processes(2)) { // through ServiceLoader, as users call it
            TaskFailedException e = assertThrows(TaskFailedException.class, () -> pool.map(i -> {
                if (i == 7) {
                    throw new IllegalStateException("boom in " + ProcessHandle.current().pid());
                }
                return i;
            }, range(20)));
            assertEquals(7, e.index());
            assertTrue(e.getMessage().startsWith("item 7 (value 7) failed: java.lang.IllegalStateException: boom in "),
                    e.getMessage());
            Throwable cause = e.getCause();
            assertInstanceOf(IllegalStateException.class, cause);
            long remotePid = Long.parseLong(cause.getMessage().substring("boom in ".length()));
            assertNotEquals(ProcessHandle.current().pid(), remotePid, "it ran in this JVM");
            assertTrue(List.of(cause.getStackTrace()).stream().anyMatch(f -> f.getClassName().endsWith("ChunkTask")),
                    "the worker's frames are in the trace");
        }
    }

    @Test
    void aResultThatCannotTravel_failsItsItemWithAMessage() {
        try (ProcessPool pool = ProcessPool.start(1)) {
            TaskFailedException e = assertThrows(TaskFailedException.class, () -> pool.map(i -> new Object(), range(3)));
            assertTrue(e.index() >= 0 && e.index() < 3, "index " + e.index()); // whichever chunk came back first
            assertTrue(e.getMessage().contains("the result, a java.lang.Object, cannot be sent back: java.lang.Object is"
                    + " not Serializable"), e.getMessage());
        }
    }

    @Test
    void theClusterIsPrivate_loopbackOnly_andItsNameIsNotOnAnyCommandLine() throws IOException {
        try (ProcessPool pool = ProcessPool.start(2)) {
            String name = pool.clusterName();
            assertTrue(name.matches("speedkit-[0-9a-f]{32}"), name);
            try (ProcessPool other = ProcessPool.start(1)) {
                assertNotEquals(name, other.clusterName());
            }
            for (ProcessHandle p : pool.workerProcesses()) {
                String cmd = String.join(" ", p.info().arguments().orElse(new String[0]));
                assertFalse(cmd.contains(name), cmd);
            }
            // Every listening socket on a member's port, IPv4 or IPv6, is bound to loopback: 127.0.0.1, or
            // ::ffff:127.0.0.1 (Java's dual-stack sockets), never the wildcard or another interface.
            Set<Integer> ports = pool.memberPorts();
            assertEquals(2, ports.size());
            Set<String> loopback = Set.of("0100007F", "0000000000000000FFFF00000100007F", "00000000000000000000000001000000");
            int found = 0;
            for (String table : List.of("/proc/net/tcp", "/proc/net/tcp6")) {
                Path p = Path.of(table);
                assumeTrue(Files.isReadable(p), "no " + table + " here to list listening sockets");
                for (String line : Files.readAllLines(p).stream().skip(1).toList()) {
                    String[] f = line.trim().split("\\s+");
                    String[] local = f[1].split(":");
                    if (f[3].equals("0A") && ports.contains(Integer.parseInt(local[1], 16))) {
                        assertTrue(loopback.contains(local[0]), "a member listens beyond loopback: " + table + " " + line);
                        found++;
                    }
                }
            }
            assertEquals(2, found, "both members' listening sockets");
        }
    }

    @Test
    void workersExitWhenTheirParentIsKilled() throws Exception {
        Process parent = new ProcessBuilder(Members.java(ParentThatDies.class, "2")).redirectErrorStream(true).start();
        try {
            BufferedReader out = new BufferedReader(new InputStreamReader(parent.getInputStream(), StandardCharsets.UTF_8));
            String line = out.readLine();
            assertTrue(line != null && line.startsWith("workers "), "parent said: " + line);
            List<ProcessHandle> workers = new ArrayList<>();
            for (String pid : line.substring("workers ".length()).split(" ")) {
                workers.add(ProcessHandle.of(Long.parseLong(pid)).orElseThrow());
            }
            assertEquals(2, workers.size());
            parent.destroyForcibly(); // SIGKILL: the parent runs no code, only the kernel closes its pipes
            assertTrue(parent.waitFor(10, TimeUnit.SECONDS));
            for (ProcessHandle w : workers) {
                w.onExit().get(15, TimeUnit.SECONDS);
                assertFalse(w.isAlive());
            }
        } finally {
            parent.destroyForcibly();
        }
    }

    @Test
    void startUpFailure_isOneClearErrorAndLeavesNoProcessBehind() {
        IllegalStateException e = assertThrows(IllegalStateException.class,
                () -> ProcessPool.start(1, List.of("-Xmx1k")));
        assertTrue(e.getMessage().startsWith("Pool.processes(1): worker 0 exited with code 1 while starting"), e.getMessage());
        assertThrows(IllegalArgumentException.class, () -> ProcessPool.start(0));
    }

    @Test
    void closeEndsTheWorkers() throws Exception {
        ProcessPool pool = ProcessPool.start(2);
        List<ProcessHandle> workers = pool.workerProcesses();
        assertEquals(List.of(2, 4), pool.map(i -> i * 2, List.of(1, 2)));
        pool.close();
        pool.join();
        for (ProcessHandle w : workers) {
            assertFalse(w.isAlive());
        }
    }
}
