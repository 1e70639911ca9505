package io.speedkit.cluster;

import com.hazelcast.core.Hazelcast;
import com.hazelcast.core.HazelcastInstance;
import io.speedkit.cluster.internal.Configs;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * A speedkit cluster member, for {@code Pool.cluster}: run one per machine, with the application's classes on
 * the class path.
 *
 * <pre>
 * java -cp app.jar:speedkit-cluster.jar:speedkit-pool.jar:hazelcast.jar io.speedkit.cluster.Member \
 *      --cluster-name NAME --bind 10.0.0.5 --port 5701 --members 10.0.0.5:5701,10.0.0.6:5701 [--threads N]
 * </pre>
 *
 * It binds to {@code --bind} only (default 127.0.0.1), finds the others through the {@code --members} list
 * only (no multicast), and runs {@code --threads} chunks at once (default: the cores). It prints one line when
 * it is up and runs until it is stopped.
 */
public final class Member {
    private Member() {
    }

    public static void main(String[] args) {
        String clusterName = null;
        String bind = "127.0.0.1";
        int port = 5701;
        List<String> members = new ArrayList<>();
        int threads = Runtime.getRuntime().availableProcessors();
        try {
            for (int i = 0; i < args.length; i++) {
                String a = args[i];
                switch (a) {
                    case "--cluster-name" -> clusterName = value(args, ++i, a);
                    case "--bind" -> bind = value(args, ++i, a);
                    case "--port" -> port = Integer.parseInt(value(args, ++i, a));
                    case "--members" -> members.addAll(Arrays.asList(value(args, ++i, a).split(",")));
                    case "--threads" -> threads = Integer.parseInt(value(args, ++i, a));
                    default -> throw new IllegalArgumentException("unknown option " + a);
                }
            }
            if (clusterName == null) {
                throw new IllegalArgumentException("--cluster-name is required (choose one nobody can guess)");
            }
            if (threads < 1 || port < 1 || port > 65535) {
                throw new IllegalArgumentException("--threads must be >= 1 and --port 1..65535");
            }
        } catch (IllegalArgumentException e) {
            System.err.println("speedkit member: " + e.getMessage());
            System.err.println("usage: Member --cluster-name NAME [--bind ADDRESS] [--port PORT]"
                    + " [--members HOST:PORT,...] [--threads N]");
            System.exit(2);
            return;
        }
        if (members.isEmpty()) {
            members.add(bind + ":" + port);
        }
        HazelcastInstance hz;
        try {
            hz = Hazelcast.newHazelcastInstance(Configs.member(clusterName, bind, port, members, threads));
        } catch (RuntimeException e) {
            System.err.println("speedkit member: could not start on " + bind + ":" + port + ": " + e.getMessage());
            System.exit(1);
            return;
        }
        Runtime.getRuntime().addShutdownHook(new Thread(() -> hz.getLifecycleService().terminate()));
        System.out.println("speedkit member " + bind + ":" + port + " of cluster " + clusterName + ", " + threads
                + " threads, " + hz.getCluster().getMembers().size() + " members");
        System.out.flush();
    }

    private static String value(String[] args, int i, String option) {
        if (i >= args.length) {
            throw new IllegalArgumentException(option + " needs a value");
        }
        return args[i];
    }
}
