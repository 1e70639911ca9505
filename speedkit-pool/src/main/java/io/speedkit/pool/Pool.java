package io.speedkit.pool;

import io.speedkit.pool.internal.Cursor;
import io.speedkit.pool.internal.Engine;
import java.util.List;
import java.util.concurrent.CancellationException;
import java.util.concurrent.CompletionException;
import java.util.concurrent.Future;
import java.util.concurrent.RejectedExecutionException;
import java.util.stream.Stream;

/**
 * Python's {@code multiprocessing.Pool} for Java: one call to spread a function over many items.
 *
 * <pre>{@code
 * try (Pool pool = Pool.cpu()) {                       // CPU-bound: one platform thread per core
 *     List<Long> sums = pool.map(this::checksum, files);
 * }
 * try (Pool pool = Pool.io(200)) {                     // I/O-bound: virtual threads, at most 200 at once
 *     for (String body : pool.imap(this::fetch, urls)) { ... }
 * }
 * }</pre>
 *
 * <h2>Which pool</h2>
 * The seed's rule: CPU-bound work gets the cores — {@link #cpu()}, one worker per core; more workers than cores
 * only adds switching (allowed, and warned about once). I/O-bound work gets many cheap waits —
 * {@link #io(int)}, virtual threads with a cap on how many run at once, a per-task timeout and retries with
 * backoff ({@link IoPool#builder(int)}). Both share this API, and so do the worker-JVM and cluster pools of
 * {@code speedkit-cluster} ({@link RemotePool}). Tasks share nothing through the pool: give each item what it
 * needs and return what it computed, and there is nothing to race on.
 *
 * <h2>The calls</h2>
 * <table>
 *   <caption>Python to speedkit</caption>
 *   <tr><th>Python</th><th>speedkit</th><th>results</th></tr>
 *   <tr><td>{@code pool.map(f, xs)}</td><td>{@link #map(Fn, Iterable)}</td><td>a list, input order</td></tr>
 *   <tr><td>{@code pool.imap(f, xs)}</td><td>{@link #imap(Fn, Iterable)}</td><td>lazy, input order</td></tr>
 *   <tr><td>{@code pool.imap_unordered(f, xs)}</td><td>{@link #imapUnordered(Fn, Iterable)}</td><td>lazy, as they complete</td></tr>
 *   <tr><td>{@code pool.starmap(f, pairs)}</td><td>{@link #starmap(Fn2, Iterable)}</td><td>a list, input order</td></tr>
 *   <tr><td>{@code pool.apply_async(f, args)}</td><td>{@link #submit(Task)}</td><td>a {@link Future}</td></tr>
 *   <tr><td>{@code gather(..., return_exceptions=True)}</td><td>{@link #mapOutcomes(Fn, Iterable)}, {@link #imapOutcomes(Fn, Iterable)}</td><td>an {@link Outcome} per item</td></tr>
 *   <tr><td>{@code close()}, {@code join()}, {@code terminate()}</td><td>{@link #close()}, {@link #join()}, {@link #terminate()}</td><td></td></tr>
 * </table>
 * Per-call settings (chunksize, buffer, progress) go in a {@link MapOptions}.
 *
 * <h2>Chunks</h2>
 * Items travel to the workers in chunks, so a 1 µs task does not pay a 1 µs hand-off. An explicit
 * {@linkplain MapOptions#withChunksize(int) chunksize} is honoured exactly (the last chunk may be shorter).
 * Automatic chunks start at one item, time the chunks as they complete, and grow so that a chunk takes about
 * 1 ms — capped, when the number of items is known, by Python's {@code ceil(len / (4 × workers))}, so that
 * every worker still gets several chunks. This works for inputs of unknown length, too.
 *
 * <h2>Bounded buffering and laziness</h2>
 * The input is read as the work proceeds, never all at once: at most {@linkplain MapOptions#buffer() buffer}
 * items ({@code max(16384, 2 × workers)} by default) are taken from it beyond the results the caller has
 * received. So an {@code imap} over an infinite iterator works, reading only as fast as its results are
 * consumed, and a {@code map} over a huge input holds its results plus at most that many items. The input is
 * read by one thread at a time (the caller's or a worker's), so any {@link java.util.Iterator} will do.
 * A {@link Stream} input is not closed by the pool.
 *
 * <h2>Errors</h2>
 * By default the first failure stops the map: no more input is read, running items are interrupted, queued ones
 * are dropped, and the caller gets a {@link TaskFailedException} naming the item's index and value, with the
 * function's exception as the cause. {@code mapOutcomes} and {@code imapOutcomes} run every item instead and
 * return each one's {@link Outcome}; nothing that finished is lost. The input's own exceptions come back as a
 * {@link CompletionException}.
 *
 * <h2>Interruption</h2>
 * A thread interrupted while it waits in {@code map}, in an {@code imap} iterator or in {@link #join()} stops
 * waiting, cancels the work that call started, <b>sets its interrupt flag again</b> and throws a
 * {@link PoolInterruptedException}. Items are interrupted when they are cancelled; an item that ignores
 * interrupts runs on until it returns, and its result is dropped.
 *
 * <h2>Lifecycle</h2>
 * {@link #close()} refuses new work and returns at once; work already accepted goes on. {@link #join()} waits
 * for it, after {@code close()}. {@link #terminate()} cancels everything. A pool's threads are daemon threads,
 * so a pool that is never closed does not keep the JVM alive — and does not finish its work either. Unlike
 * Python's {@code with Pool()}, which terminates, try-with-resources calls {@code close()}: results of calls
 * that returned are complete, and submitted tasks still finish.
 *
 * <p>All methods are thread-safe; several maps may run at once on one pool and share its workers. A task must
 * not wait for another map on the same {@code cpu} pool: all workers could end up waiting.
 */
public sealed interface Pool extends AutoCloseable permits CpuPool, IoPool, RemotePool {

    /** A pool of platform threads, one per core ({@link Runtime#availableProcessors()}). */
    static CpuPool cpu() {
        return CpuPool.builder().build();
    }

    /**
     * A pool of {@code workers} platform threads. More than the cores is allowed, and warned about once through
     * {@link System.Logger}: for CPU-bound work it only adds switching.
     */
    static CpuPool cpu(int workers) {
        return CpuPool.builder().workers(workers).build();
    }

    /**
     * A pool of virtual threads running at most {@code maxInFlight} tasks at once; {@link IoPool#builder(int)}
     * adds timeouts and retries.
     */
    static IoPool io(int maxInFlight) {
        return IoPool.builder(maxInFlight).build();
    }

    /**
     * Python's {@code multiprocessing.Pool(n)}: {@code workers} worker JVMs on this machine, each running one item
     * at a time, in a private cluster with this JVM. Functions, items and results cross JVMs, so they must be
     * {@link java.io.Serializable}, and the function's class must be on this JVM's class path. Needs
     * {@code speedkit-cluster} on the class path; see {@code io.speedkit.cluster.ProcessPool}.
     *
     * @throws IllegalStateException speedkit-cluster is missing, or the workers could not be started
     */
    static RemotePool processes(int workers) {
        return RemoteBackends.load("Pool.processes").processes(workers);
    }

    /**
     * A pool on an existing cluster of speedkit members ({@code io.speedkit.cluster.Member}), joined as a client:
     * the same map, on other machines. Needs {@code speedkit-cluster}; see {@code io.speedkit.cluster.ClusterPool}.
     *
     * @param clusterName the cluster's name, which members and clients must share
     * @param addresses   {@code host:port} of one or more members
     * @throws IllegalStateException speedkit-cluster is missing, or no member could be reached in time
     */
    static RemotePool cluster(String clusterName, String... addresses) {
        return RemoteBackends.load("Pool.cluster").cluster(clusterName, List.of(addresses));
    }

    /** How many items run at once: the threads of a cpu pool, the cap of an io pool. */
    default int workers() {
        return engine().workers();
    }

    /**
     * Applies {@code fn} to every item and returns the results in input order (a new, mutable list).
     *
     * @throws TaskFailedException        an item failed: its index, value and exception; the rest was cancelled
     * @throws CancellationException      the pool was terminated meanwhile
     * @throws PoolInterruptedException   the calling thread was interrupted (its flag is set again)
     * @throws RejectedExecutionException the pool is closed
     * @throws CompletionException        reading the input failed
     */
    default <T, R> List<R> map(Fn<? super T, ? extends R> fn, Iterable<? extends T> items) {
        return map(fn, items, MapOptions.defaults());
    }

    /** {@link #map(Fn, Iterable)} with options: chunksize, buffer, total, progress. */
    default <T, R> List<R> map(Fn<? super T, ? extends R> fn, Iterable<? extends T> items, MapOptions options) {
        return Cursor.drain(engine().start("map", fn, items, options, true, false, true), false);
    }

    /** {@link #map(Fn, Iterable)} over a stream's elements (the stream is consumed, not closed). */
    default <T, R> List<R> map(Fn<? super T, ? extends R> fn, Stream<? extends T> items) {
        return map(fn, iterable(items), MapOptions.defaults());
    }

    /**
     * Applies {@code fn} to the items lazily: results come in input order as the caller iterates, and the input
     * is read only as far as the buffer allows. Throws, from the iterator, what {@link #map(Fn, Iterable)}
     * throws. Close the results if you stop before their end.
     */
    default <T, R> Results<R> imap(Fn<? super T, ? extends R> fn, Iterable<? extends T> items) {
        return imap(fn, items, MapOptions.defaults());
    }

    /** {@link #imap(Fn, Iterable)} with options. */
    default <T, R> Results<R> imap(Fn<? super T, ? extends R> fn, Iterable<? extends T> items, MapOptions options) {
        return new Results<>(new Cursor<>(engine().start("imap", fn, items, options, true, false, false), false));
    }

    /** {@link #imap(Fn, Iterable)} over a stream's elements (the stream is consumed, not closed). */
    default <T, R> Results<R> imap(Fn<? super T, ? extends R> fn, Stream<? extends T> items) {
        return imap(fn, iterable(items), MapOptions.defaults());
    }

    /**
     * Like {@link #imap(Fn, Iterable)}, but results come as they complete (a whole chunk at a time), so one slow
     * item does not hold back the others.
     */
    default <T, R> Results<R> imapUnordered(Fn<? super T, ? extends R> fn, Iterable<? extends T> items) {
        return imapUnordered(fn, items, MapOptions.defaults());
    }

    /** {@link #imapUnordered(Fn, Iterable)} with options. */
    default <T, R> Results<R> imapUnordered(Fn<? super T, ? extends R> fn, Iterable<? extends T> items,
                                            MapOptions options) {
        return new Results<>(new Cursor<>(engine().start("imapUnordered", fn, items, options, false, false, false), false));
    }

    /** {@link #imapUnordered(Fn, Iterable)} over a stream's elements (the stream is consumed, not closed). */
    default <T, R> Results<R> imapUnordered(Fn<? super T, ? extends R> fn, Stream<? extends T> items) {
        return imapUnordered(fn, iterable(items), MapOptions.defaults());
    }

    /**
     * Collect mode: runs every item, whatever happens to the others, and returns each item's {@link Outcome} in
     * input order — a value, an exception, or a timeout, with the retries used.
     */
    default <T, R> List<Outcome<R>> mapOutcomes(Fn<? super T, ? extends R> fn, Iterable<? extends T> items) {
        return mapOutcomes(fn, items, MapOptions.defaults());
    }

    /** {@link #mapOutcomes(Fn, Iterable)} with options. */
    default <T, R> List<Outcome<R>> mapOutcomes(Fn<? super T, ? extends R> fn, Iterable<? extends T> items,
                                                MapOptions options) {
        return Cursor.drain(engine().start("mapOutcomes", fn, items, options, true, true, true), true);
    }

    /**
     * Collect mode, lazily and in completion order: every item's {@link Outcome} as it completes; each outcome
     * carries its item's {@link Outcome#index() index}.
     */
    default <T, R> Results<Outcome<R>> imapOutcomes(Fn<? super T, ? extends R> fn, Iterable<? extends T> items) {
        return imapOutcomes(fn, items, MapOptions.defaults());
    }

    /** {@link #imapOutcomes(Fn, Iterable)} with options. */
    default <T, R> Results<Outcome<R>> imapOutcomes(Fn<? super T, ? extends R> fn, Iterable<? extends T> items,
                                                    MapOptions options) {
        return new Results<>(new Cursor<>(engine().start("imapOutcomes", fn, items, options, false, true, false), true));
    }

    /** Python's {@code starmap}: each pair is unpacked into {@code fn}'s two arguments; results in input order. */
    default <A, B, R> List<R> starmap(Fn2<? super A, ? super B, ? extends R> fn,
                                      Iterable<? extends Args.Two<? extends A, ? extends B>> items) {
        return starmap(fn, items, MapOptions.defaults());
    }

    /** {@link #starmap(Fn2, Iterable)} with options. */
    default <A, B, R> List<R> starmap(Fn2<? super A, ? super B, ? extends R> fn,
                                      Iterable<? extends Args.Two<? extends A, ? extends B>> items, MapOptions options) {
        Fn<Args.Two<? extends A, ? extends B>, R> unpack = t -> fn.apply(t.first(), t.second());
        return map(unpack, items, options);
    }

    /** Python's {@code starmap} for three arguments. */
    default <A, B, C, R> List<R> starmap(Fn3<? super A, ? super B, ? super C, ? extends R> fn,
                                         Iterable<? extends Args.Three<? extends A, ? extends B, ? extends C>> items) {
        return starmap(fn, items, MapOptions.defaults());
    }

    /** {@link #starmap(Fn3, Iterable)} with options. */
    default <A, B, C, R> List<R> starmap(Fn3<? super A, ? super B, ? super C, ? extends R> fn,
                                         Iterable<? extends Args.Three<? extends A, ? extends B, ? extends C>> items,
                                         MapOptions options) {
        Fn<Args.Three<? extends A, ? extends B, ? extends C>, R> unpack = t -> fn.apply(t.first(), t.second(), t.third());
        return map(unpack, items, options);
    }

    /**
     * Runs one task (Python's {@code apply_async}), with the pool's timeout and retries. {@link Future#get()}
     * throws an {@link java.util.concurrent.ExecutionException} whose cause is what the task threw (a
     * {@link java.util.concurrent.TimeoutException} if it timed out); {@code cancel(true)} interrupts it.
     *
     * @throws RejectedExecutionException the pool is closed
     */
    default <R> Future<R> submit(Task<? extends R> task) {
        return engine().submit(task);
    }

    /**
     * Refuses new work from now on and returns at once (Python's {@code close}). Work already accepted goes on;
     * the pool's threads end when it is done. Idempotent.
     */
    @Override
    default void close() {
        engine().close();
    }

    /**
     * Waits until all accepted work has ended and the pool's threads are gone (Python's {@code join}). Maps and
     * imaps started before {@code close()} are waited for too: an imap ends when its results were read to the
     * end or {@linkplain Results#close() closed}.
     *
     * @throws IllegalStateException    the pool was neither closed nor terminated
     * @throws PoolInterruptedException the waiting thread was interrupted (its flag is set again; the work goes on)
     */
    default void join() {
        engine().join();
    }

    /**
     * Stops now (Python's {@code terminate}): new work is refused, queued items and tasks never start, running
     * ones are interrupted, and every caller waiting in {@code map} or an {@code imap} gets a
     * {@link CancellationException} at once.
     */
    default void terminate() {
        engine().terminate();
    }

    /** True after {@link #close()} or {@link #terminate()}. */
    default boolean isClosed() {
        return engine().isClosed();
    }

    private Engine engine() {
        return switch (this) {
            case CpuPool p -> p.engine;
            case IoPool p -> p.engine;
            case RemotePool p -> p.engine;
        };
    }

    private static <T> Iterable<T> iterable(Stream<T> items) {
        return items::iterator;
    }
}
