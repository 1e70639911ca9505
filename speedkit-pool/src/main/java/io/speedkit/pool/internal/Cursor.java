package io.speedkit.pool.internal;

import io.speedkit.pool.Outcome;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.NoSuchElementException;

/**
 * The consumer's side of a {@link Job}: walks the handed-out chunks item by item, giving each chunk's permits
 * back when it moves past it. Used by one thread at a time.
 */
public final class Cursor<R> implements Iterator<R> {
    private final Job job;
    private final boolean outcomes;
    private JobChunk current;
    private int position;
    private boolean ended;

    /** @param outcomes hand out {@link Outcome}s (collect mode) rather than values */
    public Cursor(Job job, boolean outcomes) {
        this.job = job;
        this.outcomes = outcomes;
    }

    @Override
    public boolean hasNext() {
        if (current != null && position < current.size) {
            return true;
        }
        if (ended) {
            return false;
        }
        JobChunk consumed = current;
        current = null;
        JobChunk c = job.take(consumed);
        if (c == null) {
            ended = true;
            return false;
        }
        current = c;
        position = 0;
        return true;
    }

    @Override
    @SuppressWarnings("unchecked")
    public R next() {
        if (!hasNext()) {
            throw new NoSuchElementException("no more results");
        }
        int i = position++;
        return (R) (outcomes ? Job.outcome(current, i) : current.slots[i]);
    }

    /** Stops the job if it has not ended: what closing an imap early does. */
    public void close() {
        if (!ended) {
            ended = true;
            current = null;
            job.cancel("the imap was closed before its end");
        }
    }

    /** Reads everything into a list: what {@code map} and {@code mapOutcomes} do. */
    @SuppressWarnings("unchecked")
    public static <R> List<R> drain(Job job, boolean outcomes) {
        long total = job.total();
        // Sized once when the length is known: growing a list of millions of results by copying it costs more
        // than the dispatching does.
        List<Object> out = new ArrayList<>(total >= 0 ? (int) Math.min(total, Integer.MAX_VALUE - 8) : 16);
        JobChunk c = null;
        while ((c = job.take(c)) != null) {
            if (outcomes) {
                for (int i = 0; i < c.size; i++) {
                    out.add(Job.outcome(c, i));
                }
            } else {
                Object[] slots = c.slots;
                for (int i = 0; i < c.size; i++) { // no list views: a map of 100,000 one-item chunks copies here
                    out.add(slots[i]);
                }
            }
        }
        return (List<R>) out;
    }
}
