package io.speedkit.pool;

import io.speedkit.pool.internal.Cursor;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Spliterator;
import java.util.Spliterators;
import java.util.stream.Stream;
import java.util.stream.StreamSupport;

/**
 * The lazy results of {@link Pool#imap}, {@link Pool#imapUnordered} or {@link Pool#imapOutcomes}: iterate them
 * once, like Python's {@code for r in pool.imap(f, xs)}, or stream them.
 *
 * <pre>{@code
 * try (Results<Row> rows = pool.imap(this::parse, lines)) {
 *     for (Row r : rows) {
 *         save(r);
 *     }
 * }
 * }</pre>
 *
 * Like {@link java.nio.file.DirectoryStream}, it is an {@link Iterable} whose {@link #iterator()} may be called
 * only once. Reading the last result ends the map; {@link #close()} ends it early, cancelling what still runs
 * — close an imap you stop reading before its end (a pool's {@code join()} waits for maps that are still going).
 * The iterator's {@code hasNext()} and {@code next()} block until the next result is ready, and throw what
 * {@link Pool#map} throws. Not thread-safe: one reader at a time.
 *
 * @param <R> the result type
 */
public final class Results<R> implements Iterable<R>, AutoCloseable {
    private final Cursor<R> cursor;
    private boolean iterated;

    Results(Cursor<R> cursor) {
        this.cursor = cursor;
    }

    /** The results, as they become available; may be called once. */
    @Override
    public Iterator<R> iterator() {
        if (iterated) {
            throw new IllegalStateException("these results were already iterated: iterator() may be called once;"
                    + " keep the iterator, or collect the results with toList()");
        }
        iterated = true;
        return cursor;
    }

    /** The results as a sequential stream; closing the stream closes these results. */
    public Stream<R> stream() {
        return StreamSupport.stream(Spliterators.spliteratorUnknownSize(iterator(), Spliterator.ORDERED), false)
                .onClose(this::close);
    }

    /** Waits for all remaining results and returns them in a list. */
    public List<R> toList() {
        List<R> out = new ArrayList<>();
        iterator().forEachRemaining(out::add);
        return out;
    }

    /** Ends the map if it has not ended: no more input is read and running items are interrupted. */
    @Override
    public void close() {
        cursor.close();
    }
}
