package io.speedkit.pool;

/**
 * Hears how a map advances: Python users reach for tqdm here, programs want numbers. {@link ProgressBar} is the
 * ready-made tqdm-like one; attach any listener with {@link MapOptions#withProgress(ProgressListener)}.
 *
 * <p>{@link #started} comes first and {@link #finished} last, each once. {@link #dispatched} and
 * {@link #completed} are called from the pool's threads, several at a time: implementations must be
 * thread-safe and quick (they run between tasks). Every item that ran is {@code completed} exactly once, whether
 * it succeeded or not; after a fail-fast failure or a cancellation, items that never ran are not reported.
 * A listener that throws does not stop the map: the exception is swallowed.
 */
public interface ProgressListener {
    /** A listener that ignores everything (the default: no progress output in libraries). */
    ProgressListener NONE = new ProgressListener() {
    };

    /** The map starts; {@code total} is the number of items if known (a collection, or a hint), else -1. */
    default void started(long total) {
    }

    /** A chunk of {@code size} items, the first at input position {@code firstIndex}, went to a worker. */
    default void dispatched(long firstIndex, int size) {
    }

    /** One item finished, successfully or not. */
    default void completed(Outcome<?> outcome) {
    }

    /** The map ended: all items done, or it failed, or it was cancelled. */
    default void finished() {
    }
}
