package io.speedkit.pool.internal;

import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.FutureTask;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.ThreadFactory;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * {@code Pool.io}: at most {@code cap} virtual threads at once, and one only while it has work. A task that
 * arrives when all permits are taken waits in a queue as a plain object — no parked thread — and the next
 * thread to finish runs it (clearing any interrupt meant for its previous task first). This is asyncio's
 * {@code Semaphore(n)} idiom without a thread per waiting task: per task it costs one virtual thread start when
 * a permit is free, as raw virtual threads do, and a queue node otherwise.
 */
public final class VirtualBackend implements Backend {
    private static final int RUNNING = 0;
    private static final int SHUTDOWN = 1;
    private static final int STOP = 2;

    private final int cap;
    private final ThreadFactory factory;
    private final ConcurrentLinkedQueue<Runnable> queue = new ConcurrentLinkedQueue<>();
    private final AtomicInteger running = new AtomicInteger();
    private final CountDownLatch terminated = new CountDownLatch(1);
    private volatile int state = RUNNING;

    public VirtualBackend(int cap, ThreadFactory factory) {
        this.cap = cap;
        this.factory = factory != null ? factory : Thread.ofVirtual().factory();
    }

    @Override
    public int workers() {
        return cap;
    }

    @Override
    public void dispatch(JobChunk chunk) {
        FutureTask<Void> task = new FutureTask<>(chunk);
        chunk.attach(task);
        execute(task);
    }

    void execute(Runnable task) {
        if (state != RUNNING) {
            throw new RejectedExecutionException("the io pool has shut down and accepts no more tasks");
        }
        if (tryAcquire()) {
            start(task);
            return;
        }
        queue.offer(task);
        drain(); // a thread may have finished between the failed acquire and the offer
    }

    /** Starts threads for queued tasks while permits are free. */
    private void drain() {
        while (state != STOP && !queue.isEmpty() && tryAcquire()) {
            Runnable task = queue.poll();
            if (task == null) {
                release();
            } else {
                start(task);
            }
        }
    }

    private boolean tryAcquire() {
        for (;;) {
            int r = running.get();
            if (r >= cap) {
                return false;
            }
            if (running.compareAndSet(r, r + 1)) {
                return true;
            }
        }
    }

    private void release() {
        if (running.decrementAndGet() == 0 && state != RUNNING && (state == STOP || queue.isEmpty())) {
            terminated.countDown();
        }
    }

    private void start(Runnable first) {
        try {
            factory.newThread(() -> work(first)).start();
        } catch (RuntimeException | Error e) {
            release();
            throw e;
        }
    }

    private void work(Runnable task) {
        try {
            while (task != null) {
                task.run();
                if (state == STOP) {
                    break;
                }
                task = queue.poll();
                if (task != null) {
                    Thread.interrupted(); // FutureTask delivers a cancel's interrupt before run() returns
                }
            }
        } finally {
            release();
            drain(); // tasks queued after this thread's last poll, while it still held its permit
        }
    }

    @Override
    public void shutdown() {
        if (state == RUNNING) {
            state = SHUTDOWN;
        }
        if (running.get() == 0 && queue.isEmpty()) {
            terminated.countDown();
        }
    }

    @Override
    public void shutdownNow() {
        state = STOP;
        queue.clear();
        if (running.get() == 0) {
            terminated.countDown();
        }
    }

    @Override
    public boolean awaitTermination(long nanos) throws InterruptedException {
        return terminated.await(nanos, TimeUnit.NANOSECONDS);
    }
}
