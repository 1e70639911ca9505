package io.speedkit.pool.internal;

/**
 * Picks how many items go to a worker at once. An explicit chunksize is used as is. Otherwise the size adapts
 * to the items' measured cost, so that tiny tasks are sent in runs long enough to amortise the dispatch:
 *
 * <ol>
 *   <li>Until the first chunk has been timed, chunks hold one item: a 100 ms task must not be sent in bulk
 *       before anyone knows it takes 100 ms.</li>
 *   <li>Then each chunk is sized to take about {@code target} nanoseconds (1 ms, or 64 dispatch costs for a
 *       backend whose dispatch is expensive), from a decaying average of the cost per item weighted by items
 *       (see {@link #record}), so that a cold first call — class loading, the interpreter — is forgotten within
 *       a few chunks.</li>
 *   <li>A chunk is never more than 16 times the largest one timed so far (one lucky fast measurement must not
 *       produce a chunk that keeps one worker busy while the others idle), never more than
 *       {@code buffer / (2 × workers)} (so at least two chunks per worker fit in the buffer), and, when the
 *       number of items is known, never more than Python's {@code ceil(len / (4 × workers))} (every worker
 *       still gets about four chunks), and never more than {@code ceil(remaining / (2 × workers))}, so that
 *       the last chunks are short and the tail is balanced.</li>
 * </ol>
 *
 * Timings are reported by several workers at once; {@link #next()} reads the last average without a lock.
 */
public final class ChunkSizer {
    /** The time one automatic chunk should take, when dispatching is cheap. */
    public static final long TARGET_NANOS = 1_000_000L;
    static final int GROWTH = 16;

    private final int explicit;
    private final int cap;
    private final long total;
    private final int workers;
    private final long targetNanos;
    private volatile double costPerItem = -1;
    private double sumNanos;
    private double sumItems;
    private volatile int largestTimed;

    ChunkSizer(int explicit, int cap, long targetNanos) {
        this(explicit, cap, targetNanos, -1, 1);
    }

    ChunkSizer(int explicit, int cap, long targetNanos, long total, int workers) {
        this.explicit = explicit;
        this.cap = Math.max(1, cap);
        this.targetNanos = targetNanos;
        this.total = total;
        this.workers = Math.max(1, workers);
    }

    /**
     * The sizer for one map.
     *
     * @param explicit      the caller's chunksize, or 0 for automatic
     * @param total         the number of items if known, else -1
     * @param workers       how many items the backend runs at once
     * @param buffer        the bound on items taken ahead of the caller
     * @param dispatchNanos what sending one chunk costs the backend (0 if negligible)
     */
    public static ChunkSizer of(int explicit, long total, int workers, int buffer, long dispatchNanos) {
        long cap = Math.max(1, buffer / (2L * workers));
        if (total >= 0) {
            long python = (total + 4L * workers - 1) / (4L * workers); // divmod(len, 4 * workers), rounded up
            cap = Math.min(cap, Math.max(1, python));
        }
        long target = Math.max(TARGET_NANOS, 64 * Math.max(0, dispatchNanos));
        return new ChunkSizer(explicit, (int) Math.min(Integer.MAX_VALUE, cap), target, total, workers);
    }

    /** The size of the next chunk, not knowing how many items were taken. */
    public int next() {
        return next(-1);
    }

    /**
     * The size of the next chunk after {@code taken} items. When the number of items is known, a chunk is also
     * never more than {@code ceil(remaining / (2 × workers))}: near the end chunks shrink, so that the last ones
     * are short and no worker idles long while another finishes a big one (OpenMP's "guided" schedule). Until
     * half the items are taken this is no tighter than Python's share.
     */
    public int next(long taken) {
        if (explicit > 0) {
            return explicit;
        }
        double cost = costPerItem;
        if (cost < 0) {
            return 1;
        }
        double want = cost <= 0 ? cap : Math.ceil(targetNanos / cost);
        long limit = Math.min(cap, (long) largestTimed * GROWTH);
        if (taken >= 0 && taken < total) { // past a total that was only a hint, the rest is unknown
            long remaining = total - taken;
            limit = Math.min(limit, (remaining + 2L * workers - 1) / (2L * workers));
        }
        return (int) Math.max(1, Math.min(want, limit));
    }

    /**
     * A chunk of {@code items} items took {@code nanos} on its worker. The cost per item is a decaying,
     * item-weighted average — total time over total items, both halved at each new chunk — so a large chunk
     * outweighs a small one, and an old measurement fades. Called about once per millisecond per worker: the
     * lock costs nothing that matters.
     */
    public synchronized void record(int items, long nanos) {
        if (explicit > 0 || items <= 0) {
            return;
        }
        sumNanos = sumNanos / 2 + Math.max(0, nanos);
        sumItems = sumItems / 2 + items;
        costPerItem = sumNanos / sumItems;
        if (items > largestTimed) {
            largestTimed = items;
        }
    }

    /** The largest size {@link #next()} can return. */
    public int largest() {
        return explicit > 0 ? explicit : cap;
    }

    /** The largest size {@link #next()} can return in automatic mode. */
    public int cap() {
        return cap;
    }
}
