package io.speedkit.cluster;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.speedkit.cluster.internal.Configs;
import io.speedkit.pool.Pool;
import io.speedkit.pool.RemotePool;
import java.io.IOException;
import java.time.Duration;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.TimeUnit;
import java.util.stream.IntStream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/**
 * A two-"machine" cluster on loopback: two {@link Member} JVMs started the way the README says, then pools that
 * join it as clients — and the ways joining goes wrong.
 */
@Timeout(value = 120, unit = TimeUnit.SECONDS)
class ClusterPoolTest {
    private static final String NAME = Configs.randomClusterName();
    private static Members members;
    private static List<Process> MEMBERS;
    private static List<String> ADDRESSES;

    @BeforeAll
    static void startTwoMembers() throws IOException {
        members = Members.start(NAME, 2, 2);
        MEMBERS = members.processes;
        ADDRESSES = members.addresses;
    }

    @AfterAll
    static void stopMembers() {
        members.close();
    }

    private static int freePort() throws IOException {
        return Members.freePort();
    }

    @Test
    void aClientPoolMapsOverBothMembers_resultsInOrder() {
        // Only the first address: the client learns the rest of the cluster from it.
        try (RemotePool pool = Pool.cluster(NAME, ADDRESSES.get(0))) {
            assertEquals(4, pool.workers(), "2 members x 2 threads");
            List<Integer> items = IntStream.range(0, 2_000).boxed().toList();
            List<Long> pids = pool.map(i -> {
                Thread.sleep(1);
                return ProcessHandle.current().pid();
            }, items);
            assertEquals(2_000, pids.size());
            Set<Long> ran = new TreeSet<>(pids);
            Set<Long> members = new TreeSet<>();
            for (Process p : MEMBERS) {
                members.add(p.pid());
            }
            assertEquals(members, ran, "the items ran on both members, and only there");
            assertEquals(items.stream().map(i -> i * 3).toList(), pool.map(i -> i * 3, items), "results in input order");
        }
    }

    @Test
    void anUnreachableAddress_failsWithinTheTimeoutWithOneLine() throws IOException {
        int nobody = freePort();
        long t0 = System.nanoTime();
        IllegalStateException e = assertThrows(IllegalStateException.class,
                () -> ClusterPool.connect(NAME, List.of("127.0.0.1:" + nobody), Duration.ofSeconds(3)));
        long seconds = TimeUnit.NANOSECONDS.toSeconds(System.nanoTime() - t0);
        assertTrue(seconds < 30, "took " + seconds + " s");
        assertEquals("Pool.cluster(" + NAME + "): no member of cluster '" + NAME + "' answered at 127.0.0.1:" + nobody
                + " within 3 s (is the address right, is a member running, does it use this cluster name?)", e.getMessage());
    }

    @Test
    void aWrongClusterName_failsWithinTheTimeout() {
        long t0 = System.nanoTime();
        IllegalStateException e = assertThrows(IllegalStateException.class,
                () -> ClusterPool.connect("not-" + NAME, ADDRESSES, Duration.ofSeconds(3)));
        long seconds = TimeUnit.NANOSECONDS.toSeconds(System.nanoTime() - t0);
        assertTrue(seconds < 30, "took " + seconds + " s");
        assertTrue(e.getMessage().startsWith("Pool.cluster(not-" + NAME + "): no member of cluster 'not-" + NAME
                + "' answered at "), e.getMessage());
    }

    @Test
    void noAddress_isAnArgumentError() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> Pool.cluster(NAME));
        assertEquals("Pool.cluster needs at least one member address (host:port)", e.getMessage());
    }
}
