package io.speedkit.pool.internal;

import io.speedkit.pool.Fn;
import io.speedkit.pool.MapOptions;
import io.speedkit.pool.PoolInterruptedException;
import io.speedkit.pool.Task;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Iterator;
import java.util.List;
import java.util.Objects;
import java.util.Set;
import java.util.concurrent.Callable;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Future;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.locks.Condition;
import java.util.concurrent.locks.ReentrantLock;
import java.util.function.LongSupplier;

/**
 * Everything a pool does that does not depend on where chunks run: jobs (map, imap, ...), submitted tasks,
 * and the lifecycle — Python's {@code close} / {@code join} / {@code terminate}.
 *
 * <p>Lifecycle: RUNNING accepts work. {@link #close()} → CLOSED: new work is rejected, work already accepted
 * (submitted tasks, maps and imaps already started) goes on, and the backend's threads end once it is all done.
 * {@link #terminate()} → TERMINATED: every job and task is cancelled (running ones interrupted, queued ones
 * never started) and the backend stops. {@link #join()} waits for the end, after close or terminate.
 */
public final class Engine {
    /** The default buffer: enough for ~1 ms chunks of µs tasks on every worker, twice over. */
    public static final int MIN_BUFFER = 16_384;

    private static final int RUNNING = 0;
    private static final int CLOSED = 1;
    private static final int TERMINATED = 2;
    private static final Fn<Object, Object> CALL = task -> ((Callable<?>) task).call();

    final Backend backend;
    final TaskPolicy policy;
    final LongSupplier ticker;
    private final String name;

    private volatile int state = RUNNING;
    private final AtomicInteger live = new AtomicInteger();
    private final Set<Job> jobs = ConcurrentHashMap.newKeySet();
    private final Set<SubmitFuture<?>> tasks = ConcurrentHashMap.newKeySet();
    private final AtomicBoolean backendStopped = new AtomicBoolean();
    private final ReentrantLock lock = new ReentrantLock();
    private final Condition idle = lock.newCondition();

    /**
     * @param name    how the pool presents itself in messages, e.g. {@code Pool.cpu(4)}
     * @param backend where chunks run
     * @param policy  timeouts and retries per item
     * @param ticker  the nanosecond clock for chunk timing
     */
    public Engine(String name, Backend backend, TaskPolicy policy, LongSupplier ticker) {
        this.name = Objects.requireNonNull(name, "name");
        this.backend = Objects.requireNonNull(backend, "backend");
        this.policy = Objects.requireNonNull(policy, "policy");
        this.ticker = Objects.requireNonNull(ticker, "ticker");
    }

    public int workers() {
        return backend.workers();
    }

    /** The default bound on items taken ahead of the consumer. */
    public static int defaultBuffer(int workers, int chunksize) {
        long b = Math.max(MIN_BUFFER, 2L * workers);
        if (chunksize > 0) {
            b = Math.max(b, 2L * workers * chunksize);
        }
        return (int) Math.min(Integer.MAX_VALUE - 8, b);
    }

    /**
     * Starts a map.
     *
     * @param what    the API call, for messages ({@code "map"}, {@code "imap"}, ...)
     * @param ordered results in input order, else in completion order
     * @param collect   every item's outcome comes back, else the first failure stops everything
     * @param wholeList the caller collects everything into a list (map), so it need not be woken per chunk
     */
    @SuppressWarnings("unchecked")
    public Job start(String what, Fn<?, ?> fn, Iterable<?> items, MapOptions options, boolean ordered, boolean collect,
                     boolean wholeList) {
        Objects.requireNonNull(fn, "fn");
        Objects.requireNonNull(items, "items");
        Objects.requireNonNull(options, "options");
        long total = options.total() >= 0 ? options.total() : items instanceof Collection<?> c ? c.size() : -1;
        int workers = backend.workers();
        int buffer = options.buffer() > 0 ? options.buffer() : defaultBuffer(workers, options.chunksize());
        ChunkSizer sizer = ChunkSizer.of(options.chunksize(), total, workers, buffer, backend.dispatchCostNanos());
        int maxChunks = (int) Math.min(Integer.MAX_VALUE, 2L * workers);
        checkOpen(what);
        Iterator<?> input = Objects.requireNonNull(items.iterator(), "items.iterator()");
        Job job = new Job(this, what, (Fn<Object, Object>) fn, input, ordered, collect, wholeList, options.progress(), sizer,
                buffer, maxChunks, total);
        live.incrementAndGet();
        jobs.add(job);
        if (state != RUNNING) {
            jobDone(job);
            throw rejected(what);
        }
        job.begin();
        return job;
    }

    /** Submits one task; see {@link SubmitFuture}. */
    public <R> Future<R> submit(Task<? extends R> task) {
        Objects.requireNonNull(task, "task");
        checkOpen("submit");
        SubmitFuture<R> f = new SubmitFuture<>(this);
        JobChunk c = new JobChunk(f, CALL, 0, new Object[] {task}, 1, true);
        f.chunk = c;
        live.incrementAndGet();
        tasks.add(f);
        if (state != RUNNING) {
            submitDone(f);
            throw rejected("submit");
        }
        c.dispatchedAt = ticker.getAsLong();
        try {
            backend.dispatch(c);
        } catch (RejectedExecutionException e) {
            submitDone(f);
            throw rejected("submit");
        } catch (RuntimeException e) {
            submitDone(f);
            throw e;
        }
        return f;
    }

    private void checkOpen(String what) {
        if (state != RUNNING) {
            throw rejected(what);
        }
    }

    private RejectedExecutionException rejected(String what) {
        return new RejectedExecutionException(what + "() on " + name + " after "
                + (state == TERMINATED ? "terminate()" : "close()")
                + ": a closed pool accepts no new work; submit before closing, or use a new pool");
    }

    void jobDone(Job job) {
        if (jobs.remove(job)) {
            liveDone();
        }
    }

    void submitDone(SubmitFuture<?> f) {
        if (tasks.remove(f)) {
            liveDone();
        }
    }

    private void liveDone() {
        if (live.decrementAndGet() == 0 && state != RUNNING) {
            stopBackend();
        }
    }

    private void stopBackend() {
        if (backendStopped.compareAndSet(false, true)) {
            backend.shutdown();
            policy.shutdown();
        }
        lock.lock();
        try {
            idle.signalAll();
        } finally {
            lock.unlock();
        }
    }

    /** True after {@link #terminate()}: chunks that start from now on run nothing. */
    boolean isTerminated() {
        return state == TERMINATED;
    }

    public boolean isClosed() {
        return state != RUNNING;
    }

    public void close() {
        if (state == RUNNING) {
            state = CLOSED;
        }
        if (live.get() == 0) {
            stopBackend();
        }
    }

    /**
     * Cancels everything, in two passes. First every job and task is marked cancelled — a queued chunk that a
     * worker picks up meanwhile sees the flag (or the TERMINATED state) and runs nothing, and an item that ends
     * now is not reported — then the backend drops its queue, and only then are the running items interrupted
     * and the waiting callers told. So "queued work never starts" holds without a lock, and no interrupt can
     * be mistaken for an item's failure.
     */
    public void terminate() {
        state = TERMINATED;
        List<Runnable> interrupts = new ArrayList<>();
        for (Job job : jobs) {
            Runnable r = job.halt("the pool was terminated while this map was running");
            if (r != null) {
                interrupts.add(r);
            }
        }
        for (SubmitFuture<?> f : tasks) {
            Runnable r = f.halt();
            if (r != null) {
                interrupts.add(r);
            }
        }
        backend.shutdownNow();
        policy.shutdown();
        backendStopped.set(true);
        interrupts.forEach(Runnable::run);
        lock.lock();
        try {
            idle.signalAll();
        } finally {
            lock.unlock();
        }
    }

    public void join() {
        if (state == RUNNING) {
            throw new IllegalStateException("join() on " + name + " that is still running: call close() (or terminate())"
                    + " first, as with Python's Pool");
        }
        try {
            lock.lockInterruptibly();
            try {
                while (live.get() > 0 && state != TERMINATED) {
                    idle.await();
                }
            } finally {
                lock.unlock();
            }
            while (!backend.awaitTermination(Long.MAX_VALUE)) {
                Thread.onSpinWait();
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new PoolInterruptedException("join() on " + name + " was interrupted while waiting; the pool's work"
                    + " goes on and the thread's interrupt flag is set again", e);
        }
    }

    @Override
    public String toString() {
        return name;
    }
}
