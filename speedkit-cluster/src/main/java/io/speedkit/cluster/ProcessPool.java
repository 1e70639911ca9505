package io.speedkit.cluster;

import com.hazelcast.cluster.Member;
import com.hazelcast.client.HazelcastClient;
import com.hazelcast.client.HazelcastClientOfflineException;
import com.hazelcast.client.config.ClientConfig;
import com.hazelcast.core.HazelcastInstance;
import io.speedkit.cluster.internal.Configs;
import io.speedkit.cluster.internal.Dispatcher;
import io.speedkit.cluster.internal.WorkerJvm;
import io.speedkit.pool.Chunk;
import io.speedkit.pool.RemotePool;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.Executor;
import java.util.concurrent.TimeUnit;
import java.util.function.BooleanSupplier;
import java.util.function.Supplier;

/**
 * {@code Pool.processes(n)}: Python's {@code multiprocessing.Pool(n)} — {@code n} worker JVMs on this machine,
 * each running one item at a time, so a task that crashes its JVM, leaks memory or holds a global lock harms
 * only its worker.
 *
 * <p>The workers form a private Hazelcast cluster: bound to 127.0.0.1, on ports chosen when the pool starts and
 * listed one by one, under a random 128-bit cluster name passed on the workers' stdin (not their command
 * line); no multicast, no auto-detection, no phone-home. This JVM joins it as a client, so it listens on no
 * port. Each worker's stdin is a pipe from this JVM and its lifeline: when the pool closes, or this JVM ends
 * in any way (even {@code kill -9}), the pipe closes and the worker exits.
 *
 * <p>Start-up: worker 0 starts its member alone at once (a member that finds nobody at its listed addresses
 * waits seconds before it makes itself master), the client starts meanwhile, and the other workers are told
 * to join once worker 0 listens. Worker JVMs share a class-data archive ({@link WorkerJvm}). With
 * {@code -Dspeedkit.trace=true} the steps are printed on stderr with their times.
 *
 * <p>Functions, items and results cross JVMs, so they must be {@link java.io.Serializable}; a function that
 * is not is refused before any item runs. The function's class must be on the class path (a program run as a
 * single source file is not). A worker that dies mid-map has its chunks re-run on the others: a chunk may then
 * run twice, and every result is still in the output exactly once. Close the pool (try-with-resources): until
 * it is closed, Hazelcast's threads keep this JVM alive.
 */
public final class ProcessPool extends RemotePool {
    private static final Duration START_TIMEOUT = Duration.ofSeconds(90);

    private final HazelcastInstance client;
    private final Dispatcher dispatcher;
    private final List<Process> processes;
    private final WorkerJvm jvm;
    private final String clusterName;

    private ProcessPool(String name, String clusterName, int workers, HazelcastInstance client, List<Process> processes, List<Integer> ports,
                        WorkerJvm jvm) {
        super(name, workers);
        this.clusterName = clusterName;
        this.client = client;
        this.processes = List.copyOf(processes);
        this.jvm = jvm;
        this.dispatcher = new Dispatcher(name, client);
        Map<Integer, UUID> byPort = new HashMap<>();
        for (Member m : dispatcher.members()) {
            byPort.put(m.getAddress().getPort(), m.getUuid());
        }
        for (int i = 0; i < processes.size(); i++) {
            Process p = processes.get(i);
            int index = i;
            UUID uuid = byPort.get(ports.get(i));
            p.onExit().thenRun(() -> {
                if (uuid != null) {
                    dispatcher.memberGone(uuid, "worker " + index + " (pid " + p.pid() + ") exited with code "
                            + p.exitValue());
                }
            });
        }
    }

    /** {@code workers} worker JVMs with default options. */
    public static ProcessPool start(int workers) {
        return start(workers, List.of());
    }

    /**
     * {@code workers} worker JVMs started with {@code jvmOptions} (for example {@code -Xmx2g}) after speedkit's
     * own flags.
     *
     * @throws IllegalStateException a worker could not start, or the cluster did not form in time
     */
    public static ProcessPool start(int workers, List<String> jvmOptions) {
        if (workers < 1) {
            throw new IllegalArgumentException("workers must be >= 1, got " + workers);
        }
        String name = "Pool.processes(" + workers + ")";
        String clusterName = Configs.randomClusterName();
        List<Integer> ports = freePorts(workers);
        List<String> members = new ArrayList<>();
        for (int port : ports) {
            members.add("127.0.0.1:" + port);
        }
        Configs.quietLogging();
        WorkerJvm jvm = new WorkerJvm(jvmOptions);
        List<Process> processes = new ArrayList<>();
        HazelcastInstance client = null;
        try {
            // Worker 0 is told at once to start alone (a member that finds nobody at its listed addresses waits
            // seconds before it makes itself master); the others are told to join it once it listens.
            for (int i = 0; i < workers; i++) {
                processes.add(jvm.start(i));
            }
            WorkerJvm.sendJoin(processes.get(0), clusterName, ports.get(0), members.subList(0, 1));
            trace("workers launched");
            // The client starts (a second of class loading in a cold JVM) while worker 0 starts.
            ClientConfig config = Configs.client(clusterName, members, START_TIMEOUT.toMillis());
            config.getConnectionStrategyConfig().setAsyncStart(true);
            CompletableFuture<HazelcastInstance> starting = CompletableFuture.supplyAsync(
                    () -> HazelcastClient.newHazelcastClient(config));
            try {
                awaitListening(name, processes.get(0), ports.get(0));
                trace("worker 0 listens");
                for (int i = 1; i < workers; i++) {
                    WorkerJvm.sendJoin(processes.get(i), clusterName, ports.get(i),
                            List.of(members.get(0), members.get(i)));
                }
            } finally {
                client = join(starting);
            }
            trace("client started");
            awaitMembers(name, client, processes, workers);
            awaitOnline(name, client);
            trace("workers joined");
            return new ProcessPool(name, clusterName, workers, client, processes, ports, jvm);
        } catch (IOException | RuntimeException | InterruptedException e) {
            if (e instanceof InterruptedException) {
                Thread.currentThread().interrupt();
            }
            for (Process p : processes) {
                p.destroyForcibly();
            }
            if (client != null) {
                client.getLifecycleService().terminate();
            }
            if (e instanceof IllegalStateException ise) {
                throw ise;
            }
            throw new IllegalStateException(name + " could not start its workers: " + e, e);
        }
    }

    private static final long T0 = System.nanoTime();

    private static void trace(String what) {
        if (Boolean.getBoolean("speedkit.trace")) {
            System.err.printf("[%.3f s] %s%n", (System.nanoTime() - T0) / 1e9, what);
        }
    }

    private static HazelcastInstance join(CompletableFuture<HazelcastInstance> starting) {
        try {
            return starting.join();
        } catch (CompletionException e) {
            throw e.getCause() instanceof RuntimeException r ? r : e;
        }
    }

    /**
     * Waits until the client can invoke: it may list the members (from its first connection) a moment before it
     * counts as connected.
     */
    private static void awaitOnline(String name, HazelcastInstance client) throws InterruptedException {
        await(name, List.of(), () -> "the workers started but did not accept a connection within "
                + START_TIMEOUT.toSeconds() + " s", () -> {
            try {
                client.getExecutorService(Configs.EXECUTOR); // the proxy's creation is an invocation
                return true;
            } catch (HazelcastClientOfflineException notYet) {
                return false;
            }
        });
    }

    /** Waits until worker 0's member accepts connections on its port. */
    private static void awaitListening(String name, Process worker0, int port) throws InterruptedException {
        await(name, List.of(worker0), () -> "worker 0 did not start within " + START_TIMEOUT.toSeconds() + " s", () -> {
            try (Socket s = new Socket()) {
                s.connect(new InetSocketAddress(InetAddress.getLoopbackAddress(), port), 1_000);
                return true;
            } catch (IOException notYet) {
                return false;
            }
        });
    }

    /** Waits until {@code workers} members that run chunks are in the client's view of the cluster. */
    private static void awaitMembers(String name, HazelcastInstance client, List<Process> processes, int workers)
            throws InterruptedException {
        int[] joined = new int[1];
        await(name, processes, () -> "only " + joined[0] + " of " + workers + " workers joined within "
                + START_TIMEOUT.toSeconds() + " s", () -> {
            joined[0] = 0;
            try {
                for (Member m : client.getCluster().getMembers()) {
                    if (m.getAttribute(Configs.SLOTS_ATTRIBUTE) != null) {
                        joined[0]++;
                    }
                }
            } catch (HazelcastClientOfflineException notYet) {
                // the client has not connected yet
            }
            return joined[0] >= workers;
        });
    }

    /**
     * Polls {@code done} every few milliseconds until it holds. Fails with one line when a watched worker
     * (worker i = {@code watched.get(i)}) exits meanwhile, or after {@link #START_TIMEOUT}.
     */
    private static void await(String name, List<Process> watched, Supplier<String> timedOut, BooleanSupplier done)
            throws InterruptedException {
        long deadline = System.nanoTime() + START_TIMEOUT.toNanos();
        while (!done.getAsBoolean()) {
            for (int i = 0; i < watched.size(); i++) {
                Process p = watched.get(i);
                if (!p.isAlive()) {
                    throw new IllegalStateException(name + ": worker " + i + " exited with code " + p.exitValue()
                            + " while starting (its output, if any, is above)");
                }
            }
            if (System.nanoTime() > deadline) {
                throw new IllegalStateException(name + ": " + timedOut.get());
            }
            Thread.sleep(5);
        }
    }

    private static List<Integer> freePorts(int n) {
        List<ServerSocket> sockets = new ArrayList<>();
        try {
            List<Integer> ports = new ArrayList<>();
            for (int i = 0; i < n; i++) {
                ServerSocket s = new ServerSocket();
                s.setReuseAddress(true);
                s.bind(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0));
                sockets.add(s);
                ports.add(s.getLocalPort());
            }
            return ports;
        } catch (IOException e) {
            throw new UncheckedIOException("no free port on 127.0.0.1", e);
        } finally {
            for (ServerSocket s : sockets) {
                try {
                    s.close();
                } catch (IOException ignored) {
                    // nothing to do
                }
            }
        }
    }

    /** The worker processes, in start order (a test kills one by its pid). */
    public List<ProcessHandle> workerProcesses() {
        List<ProcessHandle> out = new ArrayList<>();
        for (Process p : processes) {
            out.add(p.toHandle());
        }
        return out;
    }

    /** The pool's cluster name: random, never on a command line. */
    String clusterName() {
        return clusterName;
    }

    /** The ports the workers' members listen on (all on 127.0.0.1). */
    public Set<Integer> memberPorts() {
        Set<Integer> out = new TreeSet<>();
        for (Member m : dispatcher.members()) {
            out.add(m.getAddress().getPort());
        }
        return out;
    }

    /** Chunk attempts sent again because their worker was gone. */
    public long reruns() {
        return dispatcher.reruns();
    }

    /** Chunks each worker process completed, by pid. */
    public Map<Long, Long> chunksByPid() {
        return dispatcher.chunksByPid();
    }

    @Override
    protected void dispatch(Chunk chunk) {
        dispatcher.dispatch(chunk);
    }

    /**
     * What a chunk costs beyond its items, when the cores are busy: about 0.45 ms of this JVM's CPU (serializing,
     * Hazelcast's invocation, its threads' hand-offs) and 0.2-0.4 ms of a worker's, plus a round trip of
     * 0.4-0.7 ms during which the worker idles (benchmarks/cluster). Counted as 2 ms, so that automatic chunks
     * take about 128 ms and the per-chunk cost stays near 1% of the work; the tail is balanced by the guided
     * sizes near the end of a map.
     */
    @Override
    protected long dispatchCostNanos() {
        return 2_000_000L;
    }

    @Override
    protected void shutdown() {
        dispatcher.closing();
        closeLifelines();
        client.getLifecycleService().terminate();
    }

    /**
     * The chunks were cancelled (their running items interrupted) before this is called. The workers are told to
     * exit as after a close; one still alive {@link #KILL_AFTER} later is killed.
     */
    @Override
    protected void shutdownNow() {
        dispatcher.closing();
        closeLifelines();
        client.getLifecycleService().terminate();
        Executor later = CompletableFuture.delayedExecutor(KILL_AFTER.toMillis(), TimeUnit.MILLISECONDS);
        for (Process p : processes) {
            later.execute(p::destroyForcibly);
        }
    }

    private static final Duration KILL_AFTER = Duration.ofSeconds(5);

    /** Closes each worker's stdin: it terminates its member and exits. */
    private void closeLifelines() {
        for (Process p : processes) {
            try {
                p.getOutputStream().close();
            } catch (IOException ignored) {
                // already gone
            }
        }
    }

    @Override
    protected boolean awaitTermination(long nanos) throws InterruptedException {
        long deadline = System.nanoTime() + nanos;
        for (Process p : processes) {
            long left = deadline - System.nanoTime();
            if (left <= 0 || !p.waitFor(left, TimeUnit.NANOSECONDS)) {
                return false;
            }
        }
        return true;
    }
}
