package io.speedkit.pool.internal;

/** Whoever a chunk reports back to: a {@link Job} (map, imap, ...) or a {@link SubmitFuture}. */
interface ChunkOwner {
    /**
     * The pool's engine: its task policy (timeouts and retries for each item), whether it is terminated (a chunk
     * that starts after that runs nothing), and the nanosecond clock used to time chunks.
     */
    Engine engine();

    /** The chunk ran ({@code chunk.ran} items), or stopped early because it was cancelled. */
    void chunkDone(JobChunk chunk, long runNanos);

    /** The chunk could not run at all. */
    void chunkFailed(JobChunk chunk, Throwable error);
}
