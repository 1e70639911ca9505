package io.speedkit.pool.internal;

/**
 * Where chunks run: platform threads ({@link ThreadBackend}), capped virtual threads ({@link VirtualBackend}),
 * or another JVM (a {@code RemotePool}). Everything else — ordering, buffering, chunk sizing, errors,
 * progress, lifecycle — is the {@link Engine}'s and the same for all.
 */
public interface Backend {
    /** How many items run at once: the parallelism the chunking and buffering are sized for. */
    int workers();

    /** What sending one chunk costs, for automatic chunk sizing; 0 when it is negligible next to 1 ms. */
    default long dispatchCostNanos() {
        return 0;
    }

    /**
     * Runs the chunk, eventually: locally through {@link JobChunk#call()} in a {@code FutureTask} that is
     * {@linkplain JobChunk#attach attached} to it; remotely through {@link JobChunk#complete} or
     * {@link JobChunk#fail}. Must not block for long: it is called from the pool's own threads.
     *
     * @throws java.util.concurrent.RejectedExecutionException after {@link #shutdown()}
     */
    void dispatch(JobChunk chunk);

    /** No new chunks; those already dispatched still run. Called once the pool is closed and idle. */
    void shutdown();

    /** Drops queued chunks (their tasks are cancelled by the engine) and stops accepting. */
    void shutdownNow();

    /** Waits until everything dispatched has ended, after a shutdown. */
    boolean awaitTermination(long nanos) throws InterruptedException;
}
