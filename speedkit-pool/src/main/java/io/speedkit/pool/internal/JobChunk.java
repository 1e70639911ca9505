package io.speedkit.pool.internal;

import io.speedkit.pool.Chunk;
import io.speedkit.pool.Fn;
import io.speedkit.pool.Outcome;
import java.lang.invoke.MethodHandles;
import java.lang.invoke.VarHandle;
import java.util.Arrays;
import java.util.Collections;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.Future;

/**
 * A chunk of consecutive items and, after it ran, their results: the array that held the items is overwritten
 * in place with the results (a value, or a {@link Failure}), so a chunk costs one array however it ends.
 * Local backends run it as a {@link Callable} inside a {@code FutureTask} (which gives cancellation with a
 * race-free interrupt); remote backends see it as a {@link Chunk}.
 */
public final class JobChunk implements Chunk, Callable<Void> {
    private static final VarHandle SETTLED;

    static {
        try {
            SETTLED = MethodHandles.lookup().findVarHandle(JobChunk.class, "settled", int.class);
        } catch (ReflectiveOperationException e) {
            throw new ExceptionInInitializerError(e);
        }
    }

    final ChunkOwner owner;
    final Fn<Object, Object> fn;
    final long first;
    final Object[] slots;
    final int size;
    final boolean failFast;

    /** How many slots hold results (the rest were never run); written before the owner is told. */
    int ran;
    /** The first slot holding a Failure, or -1. */
    int failedAt = -1;
    /** Retries used per slot, allocated only if some item was retried. */
    int[] retries;
    long dispatchedAt;

    volatile boolean cancelled;
    private volatile Future<?> handle;
    @SuppressWarnings("unused") // through SETTLED
    private volatile int settled;

    // Owned by the Job, under its lock.
    boolean done;
    JobChunk prev;
    JobChunk next;

    JobChunk(ChunkOwner owner, Fn<Object, Object> fn, long first, Object[] items, int size, boolean failFast) {
        this.owner = owner;
        this.fn = fn;
        this.first = first;
        this.slots = items;
        this.size = size;
        this.failFast = failFast;
    }

    /** Runs the items here (a local backend's worker thread). */
    @Override
    public Void call() {
        Engine engine = owner.engine();
        if (engine.isTerminated()) {
            cancelled = true;
            if (settle()) {
                owner.chunkDone(this, 0);
            }
            return null;
        }
        TaskPolicy policy = engine.policy;
        long t0 = engine.ticker.getAsLong();
        Object[] s = slots;
        Fn<Object, Object> f = fn;
        int i = 0;
        if (policy.plain()) {
            // The hot loop of every local map: keep it this small. `cancelled` is a plain volatile read.
            for (; i < size; i++) {
                if (cancelled) {
                    break;
                }
                Object item = s[i];
                try {
                    s[i] = f.apply(item);
                } catch (Throwable t) {
                    s[i] = Failure.failed(t, item, 0);
                    if (failedAt < 0) {
                        failedAt = i;
                    }
                    if (failFast) {
                        i++;
                        break;
                    }
                }
            }
        } else {
            for (; i < size; i++) {
                if (cancelled) {
                    break;
                }
                Object r = policy.run(f, s[i], this, i);
                s[i] = r;
                if (r instanceof Failure && failedAt < 0) {
                    failedAt = i;
                    if (failFast) {
                        i++;
                        break;
                    }
                }
            }
        }
        ran = i;
        if (settle()) {
            owner.chunkDone(this, engine.ticker.getAsLong() - t0);
        }
        return null;
    }

    void retried(int slot, int count) {
        if (retries == null) {
            retries = new int[size];
        }
        retries[slot] = count;
    }

    int retriesAt(int slot) {
        return retries == null ? 0 : retries[slot];
    }

    /** Cancels the chunk: it will not start, or it stops before its next item and its thread is interrupted. */
    void cancel() {
        cancelled = true;
        interrupt();
    }

    /** Cancels the chunk's handle: a queued task never starts, a running one is interrupted. */
    void interrupt() {
        Future<?> h = handle;
        if (h != null) {
            try {
                h.cancel(true);
            } catch (RuntimeException e) {
                // a remote backend's handle may fail to reach a worker that is gone: the chunk is cancelled anyway
            }
        }
    }

    private boolean settle() {
        return SETTLED.compareAndSet(this, 0, 1);
    }

    // ---- Chunk, for remote backends ----

    @Override
    public long firstIndex() {
        return first;
    }

    @Override
    public int size() {
        return size;
    }

    @Override
    public List<Object> items() {
        return Collections.unmodifiableList(Arrays.asList(slots).subList(0, size));
    }

    @Override
    public Fn<Object, Object> function() {
        return fn;
    }

    @Override
    public boolean failFast() {
        return failFast;
    }

    @Override
    public boolean isCancelled() {
        return cancelled;
    }

    @Override
    public void attach(Future<?> handle) {
        this.handle = handle;
        if (cancelled) {
            interrupt();
        }
    }

    @Override
    public void complete(List<? extends Outcome<?>> outcomes, long computeNanos) {
        if (cancelled) {
            return;
        }
        String problem = check(outcomes);
        if (problem != null) {
            fail(new IllegalStateException(problem));
            return;
        }
        if (!settle()) {
            return;
        }
        int n = outcomes.size();
        for (int i = 0; i < n; i++) {
            Outcome<?> o = outcomes.get(i);
            switch (o) {
                case Outcome.Ok<?> ok -> {
                    slots[i] = ok.value();
                    if (ok.retries() > 0) {
                        retried(i, ok.retries());
                    }
                }
                case Outcome.Failed<?> f -> slots[i] = Failure.failed(f.error(), slots[i], f.retries());
                case Outcome.TimedOut<?> t -> slots[i] = Failure.timedOut(t.timeout(), slots[i], t.retries());
            }
            if (!o.isOk() && failedAt < 0) {
                failedAt = i;
            }
        }
        ran = n;
        owner.chunkDone(this, computeNanos >= 0 ? computeNanos : owner.engine().ticker.getAsLong() - dispatchedAt);
    }

    private String check(List<? extends Outcome<?>> outcomes) {
        int n = outcomes.size();
        if (n > size) {
            return "a backend returned " + n + " outcomes for a chunk of " + size + " items at index " + first;
        }
        for (int i = 0; i < n; i++) {
            Outcome<?> o = outcomes.get(i);
            if (o == null || o.index() != first + i) {
                return "a backend returned outcome " + (o == null ? "null" : "for index " + o.index())
                        + " where index " + (first + i) + " was expected";
            }
        }
        if (n < size) {
            boolean stoppedAtFailure = failFast && n > 0 && !outcomes.get(n - 1).isOk();
            if (!stoppedAtFailure) {
                return "a backend returned " + n + " outcomes for a chunk of " + size + " items at index " + first
                        + "; only a fail-fast chunk may stop early, and only after a failure";
            }
        }
        return null;
    }

    @Override
    public void fail(Throwable error) {
        if (!cancelled && settle()) {
            owner.chunkFailed(this, error);
        }
    }

    @Override
    public String toString() {
        return "chunk[" + first + ".." + (first + size - 1) + "]";
    }
}
