package io.speedkit.pool.internal;

import java.util.concurrent.FutureTask;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.ThreadFactory;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * {@code Pool.cpu}: a fixed set of platform threads taking chunks from one queue. A chunk is about 1 ms of work,
 * so the queue's lock is taken about once per millisecond per worker; no work stealing is needed.
 */
public final class ThreadBackend implements Backend {
    private static final AtomicInteger POOLS = new AtomicInteger();

    private final int workers;
    private final ThreadPoolExecutor executor;

    public ThreadBackend(int workers, ThreadFactory factory) {
        this.workers = workers;
        this.executor = new ThreadPoolExecutor(workers, workers, 0, TimeUnit.MILLISECONDS, new LinkedBlockingQueue<>(),
                factory != null ? factory : defaultFactory());
    }

    /**
     * Daemon threads: a pool that was never closed must not keep the JVM alive (Python's pool workers are
     * daemonic too). {@code close()} and {@code join()} are how a program waits for its work.
     */
    private static ThreadFactory defaultFactory() {
        int pool = POOLS.incrementAndGet();
        AtomicInteger n = new AtomicInteger();
        return r -> {
            Thread t = new Thread(r, "speedkit-cpu-" + pool + "-" + n.incrementAndGet());
            t.setDaemon(true);
            return t;
        };
    }

    @Override
    public int workers() {
        return workers;
    }

    @Override
    public void dispatch(JobChunk chunk) {
        FutureTask<Void> task = new FutureTask<>(chunk);
        chunk.attach(task);
        executor.execute(task);
    }

    @Override
    public void shutdown() {
        executor.shutdown();
    }

    @Override
    public void shutdownNow() {
        executor.shutdownNow();
    }

    @Override
    public boolean awaitTermination(long nanos) throws InterruptedException {
        return executor.awaitTermination(nanos, TimeUnit.NANOSECONDS);
    }
}
