package io.speedkit.pool;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.ResourceBundle;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;

class CpuPoolTest {
    private static final int CORES = Runtime.getRuntime().availableProcessors();

    /** A System.Logger that keeps what it is told. */
    static final class CapturingLogger implements System.Logger {
        final List<String> messages = new CopyOnWriteArrayList<>();

        @Override
        public String getName() {
            return "capture";
        }

        @Override
        public boolean isLoggable(Level level) {
            return true;
        }

        @Override
        public void log(Level level, ResourceBundle bundle, String msg, Throwable thrown) {
            messages.add(level + " " + msg);
        }

        @Override
        public void log(Level level, ResourceBundle bundle, String format, Object... params) {
            messages.add(level + " " + format);
        }
    }

    private static void close(Pool pool) {
        pool.close();
    }

    @Test
    void cpu_hasOneWorkerPerCore() {
        try (CpuPool pool = Pool.cpu()) {
            assertEquals(CORES, pool.workers());
            assertEquals("Pool.cpu(" + CORES + ")", pool.toString());
        }
    }

    @Test
    void moreWorkersThanCores_isAllowedAndWarnedAboutOnce() {
        CapturingLogger log = new CapturingLogger();
        try (CpuPool a = CpuPool.builder().workers(CORES + 1).logger(log).build();
             CpuPool b = CpuPool.builder().workers(CORES + 3).logger(log).build()) {
            assertEquals(CORES + 1, a.workers());
            assertEquals(CORES + 3, b.workers());
        }
        assertEquals(1, log.messages.size(), log.messages.toString());
        assertEquals("WARNING Pool.cpu(" + (CORES + 1) + ") on " + CORES + " cores: more CPU-bound workers than cores"
                + " only adds switching; use Pool.cpu() for one per core, or Pool.io(n) for tasks that mostly wait"
                + " (warned once)", log.messages.get(0));
    }

    @Test
    void asManyWorkersAsCores_isNotWarnedAbout() {
        CapturingLogger log = new CapturingLogger();
        CpuPoolTest.close(CpuPool.builder().workers(CORES).logger(log).build());
        assertEquals(List.of(), log.messages);
    }

    @Test
    void workers_mustBePositive() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> Pool.cpu(0));
        assertEquals("workers must be >= 1, got 0; Pool.cpu() uses one per core (" + CORES + " here)", e.getMessage());
    }

    @Test
    void threadFactory_providesTheWorkers() {
        AtomicInteger made = new AtomicInteger();
        Set<String> ran = ConcurrentHashMap.newKeySet();
        try (CpuPool pool = CpuPool.builder().workers(2).threadFactory(r -> {
            Thread t = new Thread(r, "mine-" + made.incrementAndGet());
            t.setDaemon(true);
            return t;
        }).build()) {
            pool.map(x -> {
                ran.add(Thread.currentThread().getName());
                Thread.sleep(2);
                return x;
            }, IntStream.range(0, 20).boxed().toList(), MapOptions.defaults().withChunksize(1));
        }
        assertTrue(made.get() >= 1 && made.get() <= 2, made.get() + " threads made");
        assertTrue(ran.stream().allMatch(n -> n.startsWith("mine-")), ran.toString());
    }

    @Test
    void defaultWorkers_areNamedDaemonThreads() {
        Set<String> names = ConcurrentHashMap.newKeySet();
        Set<Boolean> daemon = ConcurrentHashMap.newKeySet();
        try (CpuPool pool = Pool.cpu(1)) {
            pool.map(x -> {
                names.add(Thread.currentThread().getName());
                daemon.add(Thread.currentThread().isDaemon());
                return x;
            }, List.of(1, 2, 3));
        }
        assertTrue(names.stream().allMatch(n -> n.matches("speedkit-cpu-\\d+-1")), names.toString());
        assertEquals(Set.of(true), daemon);
    }
}
