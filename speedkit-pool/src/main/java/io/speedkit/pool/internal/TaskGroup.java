package io.speedkit.pool.internal;

import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;

/**
 * A few tasks on virtual threads whose completions are read in completion order: the core of
 * {@code Async.gather}, {@code timeout} and {@code firstSuccessful}, built without the preview
 * {@code StructuredTaskScope}. Results and errors are published through the completion queue, which orders
 * each task's writes before the reader sees its index.
 */
public final class TaskGroup {
    private final List<? extends Callable<?>> tasks;
    private final Thread[] threads;
    private final Object[] results;
    private final Throwable[] errors;
    private final boolean[] ended;
    private final LinkedBlockingQueue<Integer> completions = new LinkedBlockingQueue<>();

    public TaskGroup(List<? extends Callable<?>> tasks) {
        this.tasks = tasks;
        int n = tasks.size();
        this.threads = new Thread[n];
        this.results = new Object[n];
        this.errors = new Throwable[n];
        this.ended = new boolean[n];
    }

    public int size() {
        return tasks.size();
    }

    /** Starts task {@code i} on a new virtual thread. */
    public void start(int i) {
        Callable<?> task = tasks.get(i);
        threads[i] = Thread.ofVirtual().start(() -> {
            try {
                results[i] = task.call();
            } catch (Throwable t) {
                errors[i] = t;
            }
            completions.add(i);
        });
    }

    /** Waits for the next task to complete and returns its index. */
    public int next() throws InterruptedException {
        int i = completions.take();
        ended[i] = true;
        return i;
    }

    /** Like {@link #next()}, but gives up after {@code nanos} and returns -1. */
    public int next(long nanos) throws InterruptedException {
        Integer i = completions.poll(nanos, TimeUnit.NANOSECONDS);
        if (i == null) {
            return -1;
        }
        ended[i] = true;
        return i;
    }

    public Object result(int i) {
        return results[i];
    }

    public Throwable error(int i) {
        return errors[i];
    }

    /** Interrupts every started task that has not been seen to complete. */
    public void cancelAll() {
        for (int i = 0; i < threads.length; i++) {
            if (threads[i] != null && !ended[i]) {
                threads[i].interrupt();
            }
        }
    }

    /**
     * Waits until every started task has ended, even if this thread is interrupted meanwhile (the interrupt is
     * kept for the caller): a structured end, no task outlives the call.
     */
    public void joinAll() {
        boolean interrupted = false;
        for (Thread t : threads) {
            while (t != null) {
                try {
                    t.join();
                    break;
                } catch (InterruptedException e) {
                    interrupted = true;
                }
            }
        }
        if (interrupted) {
            Thread.currentThread().interrupt();
        }
    }
}
