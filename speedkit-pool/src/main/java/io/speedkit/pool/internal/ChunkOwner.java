package io.speedkit.pool.internal;

import java.util.function.LongSupplier;

/** Whoever a chunk reports back to: a {@link Job} (map, imap, ...) or a {@link SubmitFuture}. */
interface ChunkOwner {
    /** Timeouts and retries for each item. */
    TaskPolicy policy();

    /** True once the pool is terminated: a chunk that starts after that runs nothing. */
    boolean terminated();

    /** The nanosecond clock used to time chunks. */
    LongSupplier ticker();

    /** The chunk ran ({@code chunk.ran} items), or stopped early because it was cancelled. */
    void chunkDone(JobChunk chunk, long runNanos);

    /** The chunk could not run at all. */
    void chunkFailed(JobChunk chunk, Throwable error);
}
