package io.speedkit.cluster;

import com.hazelcast.client.HazelcastClient;
import com.hazelcast.core.HazelcastInstance;
import io.speedkit.cluster.internal.Configs;
import io.speedkit.cluster.internal.Dispatcher;
import io.speedkit.pool.Chunk;
import io.speedkit.pool.RemotePool;
import java.time.Duration;
import java.util.List;

/**
 * {@code Pool.cluster(clusterName, addresses)}: the Pool API on an existing cluster of speedkit members
 * ({@link Member}, started on each machine with the application's classes on their class path), joined as a
 * Hazelcast client. Chunks go to the member with the fewest in flight per executor thread; a member that leaves
 * mid-map has its chunks re-run on the others (a chunk may then run twice; each result is kept once). Members
 * that join later get chunks too.
 *
 * <p>Functions, items and results must be {@link java.io.Serializable}, and the function's class must be on the
 * members' class path.
 */
public final class ClusterPool extends RemotePool {
    /** How long to try the addresses before giving up. */
    public static final Duration CONNECT_TIMEOUT = Duration.ofSeconds(15);

    private final HazelcastInstance client;
    private final Dispatcher dispatcher;

    private ClusterPool(String name, HazelcastInstance client, Dispatcher dispatcher) {
        super(name, Math.max(1, dispatcher.slots()));
        this.client = client;
        this.dispatcher = dispatcher;
    }

    /**
     * Connects to the cluster {@code clusterName} through any of {@code addresses} ({@code host:port}).
     *
     * @throws IllegalStateException no member answered within {@link #CONNECT_TIMEOUT}, the cluster has another
     *                               name, or it has no speedkit members
     */
    public static ClusterPool connect(String clusterName, List<String> addresses) {
        return connect(clusterName, addresses, CONNECT_TIMEOUT);
    }

    /** As above, trying for at most {@code timeout}. */
    public static ClusterPool connect(String clusterName, List<String> addresses, Duration timeout) {
        if (addresses.isEmpty()) {
            throw new IllegalArgumentException("Pool.cluster needs at least one member address (host:port)");
        }
        String name = "Pool.cluster(" + clusterName + ")";
        HazelcastInstance client;
        try {
            client = HazelcastClient.newHazelcastClient(Configs.client(clusterName, addresses, timeout.toMillis()));
        } catch (RuntimeException e) {
            throw new IllegalStateException(name + ": no member of cluster '" + clusterName + "' answered at "
                    + String.join(", ", addresses) + " within " + timeout.toSeconds() + " s (is the address right, is a"
                    + " member running, does it use this cluster name?)", e);
        }
        Dispatcher dispatcher = new Dispatcher(name, client);
        if (dispatcher.slots() == 0) {
            client.getLifecycleService().terminate();
            throw new IllegalStateException(name + ": the cluster has no speedkit members to run chunks (start them"
                    + " with io.speedkit.cluster.Member)");
        }
        return new ClusterPool(name, client, dispatcher);
    }

    /** Chunk attempts sent again because their member was gone. */
    public long reruns() {
        return dispatcher.reruns();
    }

    @Override
    protected void dispatch(Chunk chunk) {
        dispatcher.dispatch(chunk);
    }

    @Override
    protected void shutdown() {
        dispatcher.closing();
        client.getLifecycleService().shutdown();
    }

    @Override
    protected void shutdownNow() {
        dispatcher.closing();
        client.getLifecycleService().terminate();
    }

    @Override
    protected boolean awaitTermination(long nanos) {
        return !client.getLifecycleService().isRunning();
    }
}
