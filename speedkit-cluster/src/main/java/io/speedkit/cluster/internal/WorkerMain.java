package io.speedkit.cluster.internal;

import com.hazelcast.config.Config;
import com.hazelcast.core.Hazelcast;
import com.hazelcast.core.HazelcastInstance;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.List;

/**
 * A worker JVM of {@code Pool.processes(n)}. Its lifeline is stdin, a pipe from the parent:
 *
 * <ol>
 *   <li>the JVM starts and loads Hazelcast's configuration classes while the parent starts its own member;</li>
 *   <li>the first line says where to join: {@code CLUSTER_NAME PORT MEMBER,MEMBER,...} (on stdin, not the
 *       command line, so the cluster name does not show in {@code ps});</li>
 *   <li>it starts a member with one executor thread on 127.0.0.1:PORT, which joins the parent's cluster;</li>
 *   <li>it reads stdin until the end: when the parent closes the pipe or dies (the kernel closes it then, even
 *       after {@code kill -9}), the worker ends at once. A worker is never orphaned.</li>
 * </ol>
 *
 * Exit codes: 0 when the parent closed stdin, 2 for a bad first line, 3 when the member could not start.
 */
public final class WorkerMain {
    private WorkerMain() {
    }

    private static void trace(String what) {
        if (Boolean.getBoolean("speedkit.trace")) {
            System.err.printf("[worker %d, %d ms since JVM start] %s%n", ProcessHandle.current().pid(),
                    java.lang.management.ManagementFactory.getRuntimeMXBean().getUptime(), what);
        }
    }

    public static void main(String[] args) throws IOException {
        // Load the configuration classes now, while the parent's member starts: the real member starts sooner.
        Configs.member("warm-up", "127.0.0.1", 1, List.of("127.0.0.1:1"), 1);
        BufferedReader in = new BufferedReader(new InputStreamReader(System.in, StandardCharsets.UTF_8));
        String line = in.readLine();
        if (line == null) {
            Runtime.getRuntime().halt(0); // the parent went away before the pool started
        }
        String[] parts = line.trim().split(" ");
        if (parts.length != 3) {
            System.err.println("speedkit worker: expected 'CLUSTER PORT MEMBERS' on stdin, got '" + line + "'");
            Runtime.getRuntime().halt(2);
        }
        HazelcastInstance member;
        try {
            Config config = Configs.member(parts[0], "127.0.0.1", Integer.parseInt(parts[1]),
                    Arrays.asList(parts[2].split(",")), 1);
            trace("join line read");
            member = Hazelcast.newHazelcastInstance(config);
            trace("member up, cluster of " + member.getCluster().getMembers().size());
        } catch (RuntimeException e) {
            System.err.println("speedkit worker: the member could not start: " + e);
            Runtime.getRuntime().halt(3);
            return;
        }
        while (in.read() >= 0) {
            // the parent sends nothing more; the end of stdin is the signal
        }
        member.getLifecycleService().terminate();
        System.exit(0); // not halt: a worker that records the class-data archive writes it at exit
    }
}
