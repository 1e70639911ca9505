package io.speedkit.cluster;

import static org.junit.jupiter.api.Assertions.assertTrue;

import io.speedkit.cluster.internal.WorkerJvm;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/** {@link Member} JVMs on loopback for the cluster tests, started the way the README says. */
final class Members implements AutoCloseable {
    final List<Process> processes = new ArrayList<>();
    final List<String> addresses = new ArrayList<>();

    /** Starts {@code n} members of {@code clusterName}, each with {@code threads} executor threads, one after another. */
    static Members start(String clusterName, int n, int threads) throws IOException {
        Members m = new Members();
        List<Integer> ports = new ArrayList<>();
        for (int i = 0; i < n; i++) {
            ports.add(freePort());
            m.addresses.add("127.0.0.1:" + ports.get(i));
        }
        for (int i = 0; i < n; i++) {
            List<String> cmd = java(Member.class, "--cluster-name", clusterName, "--port", Integer.toString(ports.get(i)),
                    "--members", String.join(",", m.addresses), "--threads", Integer.toString(threads));
            Process p = new ProcessBuilder(cmd).redirectErrorStream(true).start();
            m.processes.add(p);
            // each starts after the one before is up, so that it joins it rather than waiting to become master
            String line = new BufferedReader(new InputStreamReader(p.getInputStream(), StandardCharsets.UTF_8)).readLine();
            assertTrue(line != null && line.startsWith("speedkit member 127.0.0.1:" + ports.get(i) + " of cluster "
                    + clusterName), "member said: " + line);
        }
        return m;
    }

    /**
     * {@code java <Hazelcast's flags> -cp <this JVM's class path> main args}: the JVM gets the application's
     * classes (the test's lambdas) as a worker does, and Hazelcast's logging off.
     */
    static List<String> java(Class<?> main, String... args) {
        List<String> cmd = new ArrayList<>();
        cmd.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
        cmd.addAll(WorkerJvm.baseFlags());
        cmd.add("-Dhazelcast.logging.type=none");
        cmd.addAll(List.of("-cp", System.getProperty("java.class.path"), main.getName()));
        cmd.addAll(List.of(args));
        return cmd;
    }

    static int freePort() throws IOException {
        try (ServerSocket s = new ServerSocket()) {
            s.bind(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0));
            return s.getLocalPort();
        }
    }

    @Override
    public void close() {
        for (Process p : processes) {
            p.destroyForcibly();
        }
    }
}
