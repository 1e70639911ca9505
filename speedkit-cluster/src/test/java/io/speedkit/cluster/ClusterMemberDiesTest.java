package io.speedkit.cluster;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.speedkit.cluster.internal.Configs;
import io.speedkit.pool.MapOptions;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicReference;
import java.util.concurrent.atomic.AtomicLong;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/**
 * A member of a {@code Pool.cluster} dies mid-map: unlike a worker JVM, nobody watches its process, so the pool
 * learns it from Hazelcast (lost connections, then the member's removal) and must still finish the map on the
 * other member, every result once.
 */
@Timeout(value = 120, unit = TimeUnit.SECONDS)
class ClusterMemberDiesTest {
    @Test
    void aMemberKilledMidMap_theMapFinishesOnTheOther_everyResultOnce() throws Exception {
        String name = Configs.randomClusterName();
        try (Members members = Members.start(name, 2, 1);
             ClusterPool pool = ClusterPool.connect(name, members.addresses)) {
            Process victim = members.processes.get(0);
            List<Integer> items = IntStream.range(0, 300).boxed().toList();
            AtomicReference<List<Long>> result = new AtomicReference<>();
            AtomicReference<Throwable> thrown = new AtomicReference<>();
            AtomicLong done = new AtomicLong();
            Thread caller = new Thread(() -> {
                try {
                    result.set(pool.map(i -> {
                        Thread.sleep(10);
                        return ProcessHandle.current().pid() * 1_000 + i;
                    }, items, MapOptions.defaults().withChunksize(10).withProgress(new io.speedkit.pool.ProgressListener() {
                        @Override
                        public void completed(io.speedkit.pool.Outcome<?> outcome) {
                            done.incrementAndGet();
                        }
                    })));
                } catch (Throwable t) {
                    thrown.set(t);
                }
            });
            caller.start();
            long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(60);
            while (done.get() < 60) {
                assertTrue(System.nanoTime() < deadline, "the map did not get going");
                Thread.sleep(5);
            }
            victim.destroyForcibly(); // SIGKILL
            caller.join(TimeUnit.SECONDS.toMillis(90));
            assertNull(thrown.get(), () -> "the map failed: " + thrown.get());
            List<Long> out = result.get();
            assertEquals(300, out.size());
            for (int i = 0; i < 300; i++) {
                assertEquals(i, out.get(i) % 1_000, "result " + i + " is another item's");
            }
            long survivor = members.processes.get(1).pid();
            assertTrue(out.stream().anyMatch(v -> v / 1_000 == survivor), "nothing ran on the survivor");
            assertTrue(pool.reruns() >= 1, "no chunk was sent again");
        }
    }
}
