package io.speedkit.cluster;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.speedkit.cluster.internal.Configs;
import io.speedkit.cluster.internal.WorkerJvm;
import io.speedkit.pool.Pool;
import io.speedkit.pool.RemotePool;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
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
    private static final List<Process> MEMBERS = new ArrayList<>();
    private static final List<String> ADDRESSES = new ArrayList<>();

    @BeforeAll
    static void startTwoMembers() throws IOException {
        int[] ports = {freePort(), freePort()};
        for (int port : ports) {
            ADDRESSES.add("127.0.0.1:" + port);
        }
        for (int i = 0; i < 2; i++) {
            List<String> cmd = new ArrayList<>();
            cmd.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
            cmd.addAll(WorkerJvm.baseFlags());
            cmd.add("-Dhazelcast.logging.type=none");
            // the members get this JVM's class path: the application's classes (the test's lambdas) are on it
            cmd.addAll(List.of("-cp", System.getProperty("java.class.path"), Member.class.getName(), "--cluster-name",
                    NAME, "--port", Integer.toString(ports[i]), "--members", String.join(",", ADDRESSES), "--threads", "2"));
            Process p = new ProcessBuilder(cmd).redirectErrorStream(true).start();
            MEMBERS.add(p);
            String line = new BufferedReader(new InputStreamReader(p.getInputStream(), StandardCharsets.UTF_8)).readLine();
            assertTrue(line != null && line.startsWith("speedkit member 127.0.0.1:" + ports[i] + " of cluster " + NAME),
                    "member said: " + line);
            // the second one starts after the first is up, so it joins it rather than waiting to become master
        }
    }

    @AfterAll
    static void stopMembers() {
        for (Process p : MEMBERS) {
            p.destroyForcibly();
        }
    }

    private static int freePort() throws IOException {
        try (ServerSocket s = new ServerSocket()) {
            s.bind(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0));
            return s.getLocalPort();
        }
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
