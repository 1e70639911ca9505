package io.speedkit.cluster.internal;

import com.hazelcast.cluster.Member;
import com.hazelcast.cluster.MembershipEvent;
import com.hazelcast.cluster.MembershipListener;
import com.hazelcast.core.HazelcastInstance;
import com.hazelcast.core.IExecutorService;
import com.hazelcast.core.MemberLeftException;
import com.hazelcast.spi.exception.TargetDisconnectedException;
import com.hazelcast.spi.exception.TargetNotMemberException;
import io.speedkit.pool.Chunk;
import io.speedkit.pool.Fn;
import io.speedkit.pool.Outcome;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.UUID;
import java.util.concurrent.CancellationException;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.Executor;
import java.util.concurrent.Future;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicLong;

/**
 * Moves chunks to members and their outcomes back; shared by the worker-JVM and the cluster pools.
 *
 * <h2>Where a chunk goes</h2>
 * To a member with a free executor thread ({@link Configs#SLOTS_ATTRIBUTE}), with {@code submitToMember}; when
 * every thread is busy the chunk waits here, and goes to the first member that finishes one. So no chunk ever
 * queues behind a slow one on a member — as in Python's Pool, whose workers take tasks from one shared queue —
 * and a fast member gets more chunks than a slow one. The price is one round trip per chunk during which its
 * member is idle; chunks are sized to make that small.
 *
 * <h2>When a member dies</h2>
 * Hazelcast's own re-submission only covers partition-routed tasks, and {@code submitToMember} fails its
 * tasks with {@link MemberLeftException} and does not retry. So the dispatcher keeps every chunk's attempt
 * with its member: when the member is gone — its process ended (the worker pool watches its processes), the
 * cluster removed it, or an invocation failed with a member-left error — each unfinished attempt is sent again
 * to a member still alive, exactly once per attempt. A chunk may so run twice (its first run may have been
 * under way); only one run's outcomes are kept, so every result is in the output exactly once. When no member
 * is left, the chunk fails with {@link #noMembers()}'s message, and so does the map: it never hangs.
 */
public final class Dispatcher implements MembershipListener {
    /**
     * How often a chunk is sent again after lost connections before its map fails. With the back-off below
     * (25 ms doubling to 1 s) that spans about 25 s: longer than a cluster takes to drop a member that stopped
     * answering ({@link Configs#HEARTBEAT_TIMEOUT_SECONDS}), after which the chunk goes elsewhere.
     */
    private static final int MAX_RESENDS = 30;
    /** A member whose connection just closed is chosen last for this long. */
    private static final long SUSPECT_NANOS = 2_000_000_000L;
    private final String poolName;
    private final IExecutorService executor;
    private final Map<UUID, Worker> workers = new ConcurrentHashMap<>();
    private final Set<UUID> gone = ConcurrentHashMap.newKeySet();
    private final AtomicLong reruns = new AtomicLong();
    private final Map<Long, AtomicLong> chunksByPid = new ConcurrentHashMap<>();
    private final List<String> departures = new ArrayList<>();
    private volatile boolean closing;

    /** The last function serialized, and its bytes: a map sends the same function with every chunk. */
    private record Encoded(Fn<?, ?> fn, byte[] bytes) {
    }

    private volatile Encoded lastFunction;

    private static final class Worker {
        final Member member;
        final int slots;
        int inFlight; // under the dispatcher's lock
        final Set<Attempt> attempts = ConcurrentHashMap.newKeySet();
        volatile boolean gone;
        volatile long suspectUntil;

        Worker(Member member, int slots) {
            this.member = member;
            this.slots = slots;
        }

        boolean suspect(long now) {
            return now - suspectUntil < 0;
        }
    }

    /** One try of one chunk on one member; settled once, by its result or by its member's departure. */
    private static final class Attempt {
        final Chunk chunk;
        final ChunkTask task;
        final Worker on;
        final int resends;
        final AtomicBoolean settled = new AtomicBoolean();

        Attempt(Chunk chunk, ChunkTask task, Worker on, int resends) {
            this.chunk = chunk;
            this.task = task;
            this.on = on;
            this.resends = resends;
        }
    }

    public Dispatcher(String poolName, HazelcastInstance instance) {
        this.poolName = poolName;
        this.executor = instance.getExecutorService(Configs.EXECUTOR);
        instance.getCluster().addMembershipListener(this);
        for (Member m : instance.getCluster().getMembers()) {
            add(m);
        }
    }

    /** Executor threads over all live members. */
    public int slots() {
        int n = 0;
        for (Worker w : workers.values()) {
            n += w.slots;
        }
        return n;
    }

    /** The live members that run chunks. */
    public List<Member> members() {
        List<Member> out = new ArrayList<>();
        for (Worker w : workers.values()) {
            out.add(w.member);
        }
        return out;
    }

    /** How many chunk attempts were sent again because their member was gone. */
    public long reruns() {
        return reruns.get();
    }

    /** Chunks completed per worker process id (from the members' own reports). */
    public Map<Long, Long> chunksByPid() {
        Map<Long, Long> out = new TreeMap<>();
        chunksByPid.forEach((pid, n) -> out.put(pid, n.get()));
        return out;
    }

    /** The pool is shutting down: members leaving now are expected, not failures. */
    public void closing() {
        closing = true;
    }

    // ------------------------------------------------------------------ membership

    @Override
    public void memberAdded(MembershipEvent event) {
        add(event.getMember());
    }

    @Override
    public void memberRemoved(MembershipEvent event) {
        memberGone(event.getMember().getUuid(), "member " + event.getMember().getAddress() + " left the cluster");
    }

    private void add(Member m) {
        String slots = m.getAttribute(Configs.SLOTS_ATTRIBUTE);
        if (m.isLiteMember() || slots == null || gone.contains(m.getUuid())) {
            return;
        }
        workers.putIfAbsent(m.getUuid(), new Worker(m, Math.max(1, Integer.parseInt(slots))));
    }

    /**
     * The member is gone (or must be treated so): its unfinished attempts go to the members left. Called by the
     * membership listener, by invocations that failed with a member error, and by the worker pool when a worker
     * process ended — whichever comes first.
     */
    public void memberGone(UUID uuid, String why) {
        gone.add(uuid);
        Worker w = workers.remove(uuid);
        if (TRACE) {
            trace("member gone " + uuid + ": " + why + "; attempts " + (w == null ? 0 : w.attempts.size()));
        }
        if (w == null) {
            return;
        }
        w.gone = true;
        synchronized (departures) {
            departures.add(why);
        }
        for (Attempt a : w.attempts) {
            if (a.settled.compareAndSet(false, true)) {
                w.attempts.remove(a);
                again(a);
            }
        }
        drain();
    }

    // ------------------------------------------------------------------ chunks

    /** Sends a chunk from the engine; a chunk that cannot be sent at all throws (the map fails with it). */
    public void dispatch(Chunk chunk) {
        byte[] fn = encodeFunction(chunk.function());
        byte[] items = encodeItems(chunk);
        send(chunk, new ChunkTask(fn, items, chunk.firstIndex(), chunk.failFast()), true, 0);
    }

    private byte[] encodeFunction(Fn<Object, Object> fn) {
        Encoded last = lastFunction;
        if (last != null && last.fn == fn) {
            return last.bytes;
        }
        try {
            byte[] bytes = Codec.serialize(fn);
            lastFunction = new Encoded(fn, bytes);
            return bytes;
        } catch (Codec.NotSendableException e) {
            throw new IllegalArgumentException(poolName + " cannot send the function to its workers: it holds a "
                    + e.className() + ", which is not Serializable. Functions cross JVMs: let the lambda capture only"
                    + " Serializable values (or none), or pass what it needs in the items", e);
        }
    }

    private byte[] encodeItems(Chunk chunk) {
        List<Object> items = new ArrayList<>(chunk.items());
        try {
            return Codec.serialize(items);
        } catch (Codec.NotSendableException e) {
            for (int i = 0; i < items.size(); i++) {
                try {
                    Codec.serialize(items.get(i));
                } catch (Codec.NotSendableException one) {
                    throw new IllegalArgumentException(poolName + " cannot send item " + (chunk.firstIndex() + i)
                            + " to its workers: it holds a " + one.className() + ", which is not Serializable", one);
                }
            }
            throw e;
        }
    }

    /**
     * The handle a chunk gets: cancelling it asks the member to interrupt the chunk, on another thread — a
     * client's cancel waits for the member's answer, and a member that is gone never answers.
     */
    private record Cancel(Future<?> remote) implements Future<Object> {
        private static final Executor CANCELLER = task -> Thread.ofVirtual()
                .name("speedkit-cancel").start(task);

        @Override
        public boolean cancel(boolean mayInterruptIfRunning) {
            CANCELLER.execute(() -> {
                try {
                    remote.cancel(mayInterruptIfRunning);
                } catch (RuntimeException gone) {
                    // the member or the connection is gone: nothing left to interrupt
                }
            });
            return true;
        }

        @Override
        public boolean isCancelled() {
            return remote.isCancelled();
        }

        @Override
        public boolean isDone() {
            return remote.isDone();
        }

        @Override
        public Object get() throws InterruptedException, ExecutionException {
            return remote.get();
        }

        @Override
        public Object get(long timeout, TimeUnit unit)
                throws InterruptedException, ExecutionException, TimeoutException {
            return remote.get(timeout, unit);
        }
    }

    /** A chunk waiting for a free executor thread. */
    private record Pending(Chunk chunk, ChunkTask task, int resends) {
    }

    private final Object lock = new Object();
    private final ArrayDeque<Pending> waiting = new ArrayDeque<>();

    private void send(Chunk chunk, ChunkTask task, boolean first, int resends) {
        String none = null;
        synchronized (lock) {
            if (workers.isEmpty()) {
                none = noMembers();
            } else if (first) {
                waiting.addLast(new Pending(chunk, task, resends));
            } else {
                waiting.addFirst(new Pending(chunk, task, resends)); // a re-run goes before new work
            }
        }
        if (none != null) {
            if (TRACE) {
                trace("no members for " + chunk + ": " + none);
            }
            if (first) {
                throw new RejectedExecutionException(none);
            }
            chunk.fail(new IllegalStateException(none)); // outside the lock: the engine may call back
            return;
        }
        drain();
    }

    /** Sends waiting chunks to free executor threads, while there are both. */
    private void drain() {
        List<Pending> orphans = null;
        while (true) {
            Attempt a;
            synchronized (lock) {
                Pending p = waiting.peekFirst();
                while (p != null && p.chunk.isCancelled()) {
                    waiting.pollFirst();
                    p = waiting.peekFirst();
                }
                if (p == null) {
                    return;
                }
                if (workers.isEmpty()) {
                    orphans = new ArrayList<>(waiting);
                    waiting.clear();
                    break;
                }
                Worker w = free();
                if (w == null) {
                    return;
                }
                waiting.pollFirst();
                w.inFlight++;
                a = new Attempt(p.chunk, p.task, w, p.resends);
                w.attempts.add(a);
            }
            submit(a);
        }
        String message = noMembers();
        for (Pending p : orphans) { // no worker is left; failed outside the lock, as the engine may call back
            p.chunk.fail(new IllegalStateException(message));
        }
    }

    private void submit(Attempt a) {
        Future<ChunkTask.Result> f;
        try {
            f = executor.submitToMember(a.task, a.on.member);
        } catch (RuntimeException e) {
            done(a, null, e);
            return;
        }
        a.chunk.attach(new Cancel(f));
        if (!(f instanceof CompletionStage<?>)) {
            throw new IllegalStateException("Hazelcast returned a " + f.getClass().getName() + ", not a CompletionStage");
        }
        @SuppressWarnings("unchecked")
        CompletionStage<ChunkTask.Result> stage = (CompletionStage<ChunkTask.Result>) f;
        stage.whenComplete((r, err) -> done(a, r, err));
        if (a.on.gone && a.settled.compareAndSet(false, true)) {
            // the member went away while this attempt was being sent, after its attempts were re-sent
            a.on.attempts.remove(a);
            again(a);
        }
    }

    /**
     * The live worker with the most free executor threads — one whose connection did not just close, if there
     * is such a one with a free thread — or null if all are busy. Under the lock.
     */
    private Worker free() {
        long now = System.nanoTime();
        Worker best = null;
        int most = 0;
        boolean bestSuspect = true;
        for (Worker w : workers.values()) {
            int free = w.slots - w.inFlight;
            if (w.gone || free <= 0) {
                continue;
            }
            boolean suspect = w.suspect(now);
            if (best == null || (bestSuspect && !suspect) || (bestSuspect == suspect && free > most)) {
                best = w;
                most = free;
                bestSuspect = suspect;
            }
        }
        return best;
    }

    /** {@code -Dspeedkit.trace=true}: chunks re-sent and members gone, on stderr. Read once. */
    private static final boolean TRACE = Boolean.getBoolean("speedkit.trace");

    private static void trace(String what) {
        System.err.println("[dispatcher] " + what);
    }

    /** Sends a chunk whose attempt was lost again (its thread was released already). */
    private void resend(Attempt a) {
        if (a.chunk.isCancelled()) {
            return;
        }
        reruns.incrementAndGet();
        send(a.chunk, a.task, false, a.resends + 1);
    }

    private void again(Attempt a) {
        if (TRACE) {
            trace("again " + a.chunk + " cancelled=" + a.chunk.isCancelled());
        }
        synchronized (lock) {
            a.on.inFlight--;
        }
        if (a.chunk.isCancelled()) {
            drain();
            return;
        }
        resend(a);
    }

    private void done(Attempt a, ChunkTask.Result r, Throwable err) {
        if (!a.settled.compareAndSet(false, true)) {
            return; // re-sent already, because its member went away
        }
        a.on.attempts.remove(a);
        Throwable cause = unwrap(err);
        if (TRACE) {
            trace("done " + a.chunk + " on " + a.on.member.getAddress() + ": " + cause);
        }
        if (cause instanceof MemberLeftException || cause instanceof TargetNotMemberException) {
            memberGone(a.on.member.getUuid(), "member " + a.on.member.getAddress() + " left: " + cause);
            again(a);
            return;
        }
        if (cause instanceof TargetDisconnectedException && a.resends < MAX_RESENDS) {
            // The connection that carried it closed. The member may be dead and not yet dropped by the cluster
            // (that takes up to the heartbeat timeout), or alive behind a connection that will be re-opened:
            // the outcome is lost either way. Send the chunk again after a back-off, preferring other members
            // meanwhile; once the member is dropped (process watcher, membership event) it goes elsewhere.
            a.on.suspectUntil = System.nanoTime() + SUSPECT_NANOS;
            synchronized (lock) {
                a.on.inFlight--;
            }
            long delay = Math.min(1_000, 25L << Math.min(a.resends, 6));
            CompletableFuture.delayedExecutor(delay, TimeUnit.MILLISECONDS).execute(() -> resend(a));
            drain();
            return;
        }
        synchronized (lock) {
            a.on.inFlight--;
        }
        drain();
        if (cause instanceof CancellationException) {
            return;
        }
        if (cause != null) {
            a.chunk.fail(cause);
            return;
        }
        List<Outcome<?>> outcomes;
        try {
            outcomes = decode(r.outcomes(), a.chunk.function());
        } catch (ClassNotFoundException | RuntimeException e) {
            a.chunk.fail(new IllegalStateException(poolName + " could not read the results of items "
                    + a.chunk.firstIndex() + "..: " + e, e));
            return;
        }
        chunksByPid.computeIfAbsent(r.pid(), p -> new AtomicLong()).incrementAndGet();
        a.chunk.complete(outcomes, r.computeNanos());
    }

    @SuppressWarnings("unchecked")
    private static List<Outcome<?>> decode(byte[] bytes, Fn<?, ?> fn) throws ClassNotFoundException {
        ClassLoader loader = fn.getClass().getClassLoader();
        return (List<Outcome<?>>) Codec.deserialize(bytes, loader != null ? loader : ClassLoader.getSystemClassLoader());
    }

    private static Throwable unwrap(Throwable t) {
        while ((t instanceof CompletionException || t instanceof ExecutionException) && t.getCause() != null) {
            t = t.getCause();
        }
        return t;
    }

    /** Why no chunk can run: every worker is gone, with what is known of their departures. */
    public String noMembers() {
        List<String> why;
        synchronized (departures) {
            why = new ArrayList<>(departures);
        }
        if (closing) {
            return poolName + " is shutting down";
        }
        return poolName + ": every worker is gone" + (why.isEmpty() ? "" : " (" + String.join("; ", why) + ")");
    }
}
