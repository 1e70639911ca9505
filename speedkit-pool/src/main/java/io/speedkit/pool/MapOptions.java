package io.speedkit.pool;

import java.util.Objects;

/**
 * Per-call settings for {@code map}, {@code imap} and friends, Python's keyword arguments as an immutable value:
 *
 * <pre>{@code
 * pool.map(fn, items, MapOptions.defaults().withChunksize(100).withProgress(ProgressBar.stderr()))
 * }</pre>
 *
 * @param chunksize how many items go to a worker at once; 0 = automatic (see {@link Pool}: the items' measured
 *                  cost decides, capped by Python's {@code len / (4 × workers)} when the size is known)
 * @param buffer    the most items taken from the input ahead of the caller (in flight plus finished but not yet
 *                  handed out); 0 = the default {@code max(16384, 2 × workers)}, raised to {@code 2 × workers ×
 *                  chunksize} for a larger explicit chunksize
 * @param total     the number of items when the input is not a {@code Collection} (for progress and the chunk
 *                  heuristic); -1 = unknown or taken from the collection
 * @param progress  who hears about progress; {@link ProgressListener#NONE} by default
 */
public record MapOptions(int chunksize, int buffer, long total, ProgressListener progress) {

    private static final MapOptions DEFAULTS = new MapOptions(0, 0, -1, ProgressListener.NONE);

    public MapOptions {
        if (chunksize < 0) {
            throw new IllegalArgumentException("chunksize must be >= 1, or 0 for automatic, got " + chunksize);
        }
        if (buffer < 0) {
            throw new IllegalArgumentException("buffer must be >= 1, or 0 for the default, got " + buffer);
        }
        if (total < -1) {
            throw new IllegalArgumentException("total must be >= 0, or -1 for unknown, got " + total);
        }
        if (chunksize > 0 && buffer > 0 && chunksize > buffer) {
            throw new IllegalArgumentException("chunksize " + chunksize + " is larger than buffer " + buffer
                    + "; a chunk must fit in the buffer: raise buffer or lower chunksize");
        }
        Objects.requireNonNull(progress, "progress");
    }

    /** Automatic chunks, the default buffer, no progress. */
    public static MapOptions defaults() {
        return DEFAULTS;
    }

    /** These options with an explicit chunk size (≥ 1), or 0 for automatic. */
    public MapOptions withChunksize(int chunksize) {
        return new MapOptions(chunksize, buffer, total, progress);
    }

    /** These options with another bound on items taken ahead of the caller (≥ 1), or 0 for the default. */
    public MapOptions withBuffer(int buffer) {
        return new MapOptions(chunksize, buffer, total, progress);
    }

    /** These options with the number of items of an input that is not a collection (tqdm's {@code total=}). */
    public MapOptions withTotal(long total) {
        return new MapOptions(chunksize, buffer, total, progress);
    }

    /** These options with a progress listener, e.g. {@link ProgressBar#stderr()}. */
    public MapOptions withProgress(ProgressListener progress) {
        return new MapOptions(chunksize, buffer, total, progress);
    }
}
