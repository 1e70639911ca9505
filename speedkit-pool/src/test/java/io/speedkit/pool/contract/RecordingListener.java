package io.speedkit.pool.contract;

import io.speedkit.pool.Outcome;
import io.speedkit.pool.ProgressListener;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;

/** Remembers everything a map told its listener; thread-safe. */
public final class RecordingListener implements ProgressListener {
    public final AtomicInteger starts = new AtomicInteger();
    public final AtomicLong total = new AtomicLong(-2);
    public final List<long[]> chunks = new CopyOnWriteArrayList<>(); // {firstIndex, size}
    public final AtomicInteger completions = new AtomicInteger();
    public final AtomicInteger failures = new AtomicInteger();
    public final Set<Long> completedIndices = ConcurrentHashMap.newKeySet();
    public final AtomicInteger finishes = new AtomicInteger();

    @Override
    public void started(long total) {
        starts.incrementAndGet();
        this.total.set(total);
    }

    @Override
    public void dispatched(long firstIndex, int size) {
        chunks.add(new long[] {firstIndex, size});
    }

    @Override
    public void completed(Outcome<?> outcome) {
        completions.incrementAndGet();
        completedIndices.add(outcome.index());
        if (!outcome.isOk()) {
            failures.incrementAndGet();
        }
    }

    @Override
    public void finished() {
        finishes.incrementAndGet();
    }

    /** How many chunks were dispatched. */
    public int chunkCount() {
        return chunks.size();
    }

    /** The largest chunk dispatched. */
    public long largestChunk() {
        return chunks.stream().mapToLong(c -> c[1]).max().orElse(0);
    }
}
