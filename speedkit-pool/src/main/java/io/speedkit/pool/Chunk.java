package io.speedkit.pool;

import io.speedkit.pool.internal.ChunkRunner;
import java.util.List;
import java.util.concurrent.Future;

/**
 * A run of consecutive items on its way to a worker: what a {@link RemotePool} ships to another JVM. The items
 * are at input positions {@code firstIndex() .. firstIndex() + size() - 1}. The remote side runs them with
 * {@link #run(Fn, List, long, boolean)} (the same loop the local pools use) and the result comes back through
 * {@link #complete(List, long)}; a chunk that could not run at all is {@link #fail(Throwable) failed}.
 *
 * <p>Exactly one of {@code complete} or {@code fail} should be called, once; later calls, and calls after the
 * chunk was {@linkplain #isCancelled() cancelled}, are ignored. A backend that re-runs a chunk elsewhere after a
 * worker died simply calls {@code complete} when the second run returns.
 */
public interface Chunk {

    /** The input position of the first item. */
    long firstIndex();

    /** How many items the chunk holds (at least 1). */
    int size();

    /** The items, in input order (an unmodifiable view, valid until the chunk is completed or failed). */
    List<Object> items();

    /** The function to apply to each item. */
    Fn<Object, Object> function();

    /**
     * True in fail-fast mode: the remote loop may stop at the first failed item (the map is failing anyway).
     * False in collect mode: every item must run.
     */
    boolean failFast();

    /** True once the map no longer wants this chunk (fail-fast failure elsewhere, terminate, caller gone). */
    boolean isCancelled();

    /**
     * Lets the pool cancel the remote work: when the chunk is cancelled, {@code handle.cancel(true)} is called
     * (at once if it already was cancelled).
     */
    void attach(Future<?> handle);

    /**
     * The chunk ran: one outcome per item that ran, in order, with indices {@code firstIndex() + i}. In fail-fast
     * mode the list may stop after the first {@link Outcome.Failed} or {@link Outcome.TimedOut}.
     *
     * @param computeNanos how long the items took on the worker (for automatic chunk sizing), or -1 if unknown,
     *                     in which case the time since dispatch is used
     */
    void complete(List<? extends Outcome<?>> outcomes, long computeNanos);

    /** The chunk could not run (e.g. every worker is gone): the map fails with {@code error} as the cause. */
    void fail(Throwable error);

    /**
     * Runs {@code items} through {@code fn} here and returns their outcomes, exactly as a local pool does: an
     * exception thrown by the function becomes {@link Outcome.Failed}; in fail-fast mode the loop stops after
     * the first failure. A worker JVM calls this with what it received.
     */
    static List<Outcome<Object>> run(Fn<Object, Object> fn, List<?> items, long firstIndex, boolean failFast) {
        return ChunkRunner.run(fn, items, firstIndex, failFast);
    }
}
