package io.speedkit.pool;

import io.speedkit.pool.internal.Backend;
import io.speedkit.pool.internal.Engine;
import io.speedkit.pool.internal.JobChunk;
import io.speedkit.pool.internal.TaskPolicy;
import java.util.function.LongSupplier;

/**
 * The extension point for pools whose workers live elsewhere — worker JVMs, a cluster ({@code speedkit-cluster}).
 * A subclass only moves {@link Chunk}s: it ships each one's function and items to a worker, runs them there with
 * {@link Chunk#run}, and reports the outcomes with {@link Chunk#complete}. Everything else — map, imap and
 * their orders, chunk sizing, bounded buffering, fail-fast and collect modes, progress, submit, close, join,
 * terminate — is the same code the local pools run, so the Pool contract tests apply unchanged.
 *
 * <p>Functions and items cross JVMs, so they must be serializable; {@link Fn} and {@link Task} are
 * {@link java.io.Serializable} for that reason (a lambda is serializable when what it captures is).
 *
 * <p>Chunks are sized so that one takes about 64 dispatch costs ({@link #dispatchCostNanos()}), at least 1 ms.
 */
public abstract non-sealed class RemotePool implements Pool {
    final Engine engine;

    /**
     * @param name    how the pool presents itself in messages, e.g. {@code Pool.processes(4)}
     * @param workers how many items run at once across all workers (sizes the buffer and the chunks)
     */
    protected RemotePool(String name, int workers) {
        this(name, workers, System::nanoTime);
    }

    /** As above, with the nanosecond clock used to time chunks. */
    protected RemotePool(String name, int workers, LongSupplier ticker) {
        if (workers < 1) {
            throw new IllegalArgumentException("workers must be >= 1, got " + workers);
        }
        this.engine = new Engine(name, new Bridge(this, workers), TaskPolicy.PLAIN, ticker);
    }

    /**
     * Sends the chunk to a worker, without waiting for it. Called from several threads at once (the caller's and
     * the threads that report completions). Must eventually call {@link Chunk#complete} or {@link Chunk#fail},
     * unless the chunk is cancelled; {@link Chunk#attach} a handle so that cancellation reaches the worker.
     *
     * @throws java.util.concurrent.RejectedExecutionException when it cannot accept chunks any more
     */
    protected abstract void dispatch(Chunk chunk);

    /** What sending one chunk and getting its result costs, in nanoseconds; 1 ms unless overridden. */
    protected long dispatchCostNanos() {
        return 1_000_000L;
    }

    /** The pool is closed and all its work is done: release the workers (called once). */
    protected abstract void shutdown();

    /** The pool is terminated: its chunks have been cancelled; stop the workers now. */
    protected abstract void shutdownNow();

    /** Waits up to {@code nanos} until the workers are gone, after a shutdown; true if they are. */
    protected abstract boolean awaitTermination(long nanos) throws InterruptedException;

    @Override
    public String toString() {
        return engine.toString();
    }

    private record Bridge(RemotePool pool, int workers) implements Backend {
        @Override
        public long dispatchCostNanos() {
            return pool.dispatchCostNanos();
        }

        @Override
        public void dispatch(JobChunk chunk) {
            pool.dispatch(chunk);
        }

        @Override
        public void shutdown() {
            pool.shutdown();
        }

        @Override
        public void shutdownNow() {
            pool.shutdownNow();
        }

        @Override
        public boolean awaitTermination(long nanos) throws InterruptedException {
            return pool.awaitTermination(nanos);
        }
    }
}
