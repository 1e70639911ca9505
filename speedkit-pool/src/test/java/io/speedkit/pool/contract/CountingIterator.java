package io.speedkit.pool.contract;

import java.util.Iterator;
import java.util.NoSuchElementException;
import java.util.concurrent.atomic.AtomicLong;

/** 0, 1, 2, ... up to {@code limit} (or forever), counting how many items the pool has taken. */
public final class CountingIterator implements Iterator<Integer>, Iterable<Integer> {
    private final long limit;
    private final AtomicLong taken = new AtomicLong();

    private CountingIterator(long limit) {
        this.limit = limit;
    }

    /** An endless input. */
    public static CountingIterator infinite() {
        return new CountingIterator(Long.MAX_VALUE);
    }

    /** {@code n} items, of a length the pool cannot know in advance (not a Collection). */
    public static CountingIterator of(int n) {
        return new CountingIterator(n);
    }

    /** Items handed out so far. */
    public long taken() {
        return taken.get();
    }

    @Override
    public boolean hasNext() {
        return taken.get() < limit;
    }

    @Override
    public Integer next() {
        long n = taken.get();
        if (n >= limit) {
            throw new NoSuchElementException();
        }
        taken.incrementAndGet();
        return (int) n;
    }

    /** Itself, once: an input that can be read only once, like a stream. */
    @Override
    public Iterator<Integer> iterator() {
        return this;
    }
}
