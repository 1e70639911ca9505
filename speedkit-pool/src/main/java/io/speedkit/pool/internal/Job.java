package io.speedkit.pool.internal;

import io.speedkit.pool.Fn;
import io.speedkit.pool.Outcome;
import io.speedkit.pool.PoolInterruptedException;
import io.speedkit.pool.ProgressListener;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.concurrent.CancellationException;
import java.util.concurrent.CompletionException;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.locks.Condition;
import java.util.concurrent.locks.ReentrantLock;

/**
 * One map over an input: reads the input in chunks, hands them to the backend, and gives the results to one
 * consumer (the thread in {@code map}, or whoever iterates an {@code imap}) in input or completion order.
 *
 * <h2>Bounded buffering</h2>
 * {@code permits} starts at the buffer size B. Taking k items from the input costs k permits; the consumer gives
 * a chunk's permits back when it has moved past the chunk. So at every instant
 * {@code taken ≤ handed to the consumer + B}: an infinite input with a slow consumer holds at most B items (in
 * flight or finished and waiting), and the input is read only as fast as results are consumed. At most
 * {@code 2 × workers} chunks are in flight, so chunks queue in the backend only a little.
 *
 * <h2>Who reads the input</h2>
 * Whoever has a reason to: the caller when the map starts, a worker when its chunk completes (so the next chunk
 * leaves without waiting for the caller to wake up), the consumer when it frees permits. One thread at a time
 * ({@code wip}, the drain-loop idiom: a thread that finds the pump busy leaves a note and the pumping thread
 * goes round once more), so the input iterator needs no thread safety of its own; every read is ordered by
 * {@code wip}'s atomic updates.
 *
 * <h2>Failure and cancellation</h2>
 * In fail-fast mode the first failed item stops the job: no more input is read, every chunk in flight is
 * cancelled (queued ones never start, running ones are interrupted and stop before their next item) and the
 * consumer's next call throws. Results finished before the failure but not yet consumed are dropped. The
 * exception is built in the consumer's thread, so its stack trace shows the caller; the function's own
 * exception, with the worker's stack, is the cause.
 *
 * <h2>Waking the consumer</h2>
 * An imap's reader is woken as soon as its next chunk is ready. A {@code map}'s caller, which only copies results
 * into a list, is woken at the end, on a failure, and when it can take results (in input order: the head chunk
 * is done) and should: while the input is being read, only once half the buffer holds finished results — a few
 * times per buffer instead of once per chunk, so that on a machine with as many workers as cores it does not
 * keep taking a core away from them.
 */
public final class Job implements ChunkOwner {
    private final Engine engine;
    private final String what;
    private final Fn<Object, Object> fn;
    private final Iterator<?> input;
    private final boolean ordered;
    private final boolean collect;
    private final ProgressListener listener;
    private final boolean listening;
    private final ChunkSizer sizer;
    private final int maxChunks;
    private final long total;
    // A map that returns a whole list need not wake its caller for every chunk: only when the buffer is half
    // full of finished results, or at the end. Fewer wake-ups leave the cores to the workers.
    private final boolean wholeList;
    private final long lowWater;

    // The pump: `nextIndex` is only touched by the thread holding `wip`.
    private final AtomicInteger wip = new AtomicInteger();
    private long nextIndex;
    private volatile boolean exhausted;
    private final AtomicLong permits;
    private final AtomicInteger inFlight = new AtomicInteger();

    // Chunks dispatched and not yet handed out, in input order; guarded by `lock`.
    private final ReentrantLock lock = new ReentrantLock();
    private final Condition changed = lock.newCondition();
    private JobChunk head;
    private JobChunk tail;
    private final ArrayDeque<JobChunk> completed; // unordered mode: done, in completion order
    private Stop stop;
    private int waiting;
    private volatile boolean stopped;
    private final ReentrantLock finishing = new ReentrantLock();
    private volatile boolean finished;

    Job(Engine engine, String what, Fn<Object, Object> fn, Iterator<?> input, boolean ordered, boolean collect,
        boolean wholeList, ProgressListener listener, ChunkSizer sizer, int buffer, int maxChunks, long total) {
        this.engine = engine;
        this.wholeList = wholeList;
        // At or below this many free permits the pump may be short of them: wake the caller to give some back.
        this.lowWater = Math.max(buffer / 2, sizer.largest());
        this.what = what;
        this.fn = fn;
        this.input = input;
        this.ordered = ordered;
        this.collect = collect;
        this.listener = listener;
        this.listening = listener != ProgressListener.NONE;
        this.sizer = sizer;
        this.maxChunks = maxChunks;
        this.total = total;
        this.permits = new AtomicLong(buffer);
        this.completed = ordered ? null : new ArrayDeque<>();
    }

    void begin() {
        if (listening) {
            try {
                listener.started(total);
            } catch (RuntimeException ignored) {
                // a listener must not break the map
            }
        }
        pump();
    }

    /** The total if known (collection size or hint), else -1. */
    public long total() {
        return total;
    }

    @Override
    public Engine engine() {
        return engine;
    }

    // ------------------------------------------------------------------ the consumer

    /**
     * Gives back the permits of {@code consumed} (the chunk the consumer has just moved past, or null), then
     * waits for the next chunk to hand out: the head chunk in ordered mode, any completed chunk otherwise.
     *
     * @return the chunk, or null at the end of the input
     * @throws io.speedkit.pool.TaskFailedException (fail-fast), {@link CancellationException} (cancelled, terminated),
     *                             {@link CompletionException} (the input or the backend failed),
     *                             {@link PoolInterruptedException} (this thread was interrupted: the job is
     *                             cancelled and the interrupt flag set again)
     */
    public JobChunk take(JobChunk consumed) {
        if (consumed != null && !exhausted) { // once the input is read to its end, permits no longer matter
            permits.addAndGet(consumed.size);
            pump();
        }
        InterruptedException interrupted = null;
        boolean end = false;
        lock.lock();
        try {
            for (;;) {
                if (stop != null) {
                    throw stop.exception();
                }
                JobChunk c = ordered ? head : completed.poll();
                if (c != null && c.done) {
                    unlink(c);
                    return c;
                }
                if (head == null && exhausted) {
                    end = true;
                    break;
                }
                waiting++;
                try {
                    changed.await();
                } finally {
                    waiting--;
                }
            }
        } catch (InterruptedException e) {
            interrupted = e;
        } finally {
            lock.unlock();
        }
        if (end) {
            checkFinished(); // so that the listener has finished before the caller sees the end
            return null;
        }
        stop(Stop.cancelled(what + " was cancelled because its caller was interrupted"));
        Thread.currentThread().interrupt();
        throw new PoolInterruptedException(what + " was interrupted while waiting; its unfinished work was cancelled"
                + " and the thread's interrupt flag is set again", interrupted);
    }

    /** The consumer gives up (an imap closed before its end): cancels whatever is still running. */
    public void cancel(String reason) {
        stop(Stop.cancelled(reason));
    }

    /** The outcome of a handed-out chunk's slot {@code i}. */
    static Outcome<Object> outcome(JobChunk c, int i) {
        Object s = c.slots[i];
        return s instanceof Failure f ? f.outcome(c.first + i) : new Outcome.Ok<>(c.first + i, s, c.retriesAt(i));
    }

    private void unlink(JobChunk c) {
        JobChunk p = c.prev;
        JobChunk n = c.next;
        if (p == null) {
            head = n;
        } else {
            p.next = n;
        }
        if (n == null) {
            tail = p;
        } else {
            n.prev = p;
        }
        c.prev = null;
        c.next = null;
    }

    // ------------------------------------------------------------------ the workers

    @Override
    public void chunkDone(JobChunk c, long runNanos) {
        if (c.cancelled || stopped) {
            inFlight.decrementAndGet();
            checkFinished();
            return;
        }
        if (c.ran > 0 && !exhausted) { // sizes only matter for chunks still to be read; the sizer is a monitor
            sizer.record(c.ran, runNanos);
        }
        if (listening) {
            report(c);
        }
        if (!collect && c.failedAt >= 0) {
            inFlight.decrementAndGet();
            stop(Stop.item(c.first + c.failedAt, (Failure) c.slots[c.failedAt]));
            return;
        }
        // In flight no more before it can be handed out: a consumer that takes the last chunk then sees
        // inFlight == 0 and can finish the job itself, before it returns to its caller.
        inFlight.decrementAndGet();
        lock.lock();
        try {
            c.done = true;
            if (!ordered) {
                completed.add(c);
            }
            // A whole-list caller is woken for the end (any chunk may be the last), and otherwise only when it
            // can take something — in input order, when the head is done — and has a reason to: to give permits
            // back while the input is being read, or, once it is read, to take results as they come rather than
            // all at the end (which would keep every finished chunk alive until then). A chunk that ends behind
            // an unfinished head does not wake it: with many I/O tasks ending out of order, that was a futex
            // wake-up per chunk for nothing.
            boolean wake = wholeList
                    ? (exhausted && inFlight.get() == 0)
                            || ((exhausted || permits.get() <= lowWater) && (!ordered || head.done))
                    : !ordered || c == head;
            if (waiting > 0 && wake) {
                changed.signal();
            }
        } finally {
            lock.unlock();
        }
        checkFinished();
        if (!exhausted) {
            pump();
        }
    }

    @Override
    public void chunkFailed(JobChunk c, Throwable error) {
        inFlight.decrementAndGet();
        stop(Stop.backend("the pool could not run items " + c.first + ".." + (c.first + c.size - 1) + ": "
                + ValueText.oneLine(String.valueOf(error)), error));
    }

    private void report(JobChunk c) {
        for (int i = 0; i < c.ran; i++) {
            try {
                listener.completed(outcome(c, i));
            } catch (RuntimeException ignored) {
                // a listener must not break the map
            }
        }
    }

    // ------------------------------------------------------------------ the pump

    /** Reads and dispatches chunks while the bounds allow; see the class comment. */
    void pump() {
        if (wip.getAndIncrement() != 0) {
            return;
        }
        int missed = 1;
        do {
            fill();
            missed = wip.addAndGet(-missed);
        } while (missed != 0);
    }

    private void fill() {
        while (!stopped && !exhausted && inFlight.get() < maxChunks) {
            int want = sizer.next(nextIndex);
            long available = permits.get();
            if (available < want) {
                if (available <= 0 || inFlight.get() > 0) {
                    return; // more permits come back when the consumer moves on
                }
                want = (int) available; // nothing in flight: send what fits rather than idle
            }
            permits.addAndGet(-want);
            Object[] items = new Object[want];
            int k = 0;
            try {
                while (k < want && input.hasNext()) {
                    Object item = input.next();
                    items[k++] = item;
                }
            } catch (Throwable t) {
                permits.addAndGet(want);
                stop(Stop.input(what, nextIndex + k, t));
                return;
            }
            if (k < want) {
                permits.addAndGet(want - k);
            }
            if (k > 0 && !dispatch(items, k)) {
                return;
            }
            if (k < want) {
                exhausted = true;
                lock.lock();
                try {
                    changed.signalAll();
                } finally {
                    lock.unlock();
                }
                checkFinished();
                return;
            }
        }
    }

    private boolean dispatch(Object[] items, int k) {
        JobChunk c = new JobChunk(this, fn, nextIndex, items, k, !collect);
        nextIndex += k;
        lock.lock();
        try {
            if (stopped) {
                return false;
            }
            if (tail == null) {
                head = c;
            } else {
                tail.next = c;
                c.prev = tail;
            }
            tail = c;
            inFlight.incrementAndGet();
        } finally {
            lock.unlock();
        }
        if (listening) {
            try {
                listener.dispatched(c.first, k);
            } catch (RuntimeException ignored) {
                // a listener must not break the map
            }
        }
        c.dispatchedAt = engine.ticker.getAsLong();
        try {
            engine.backend.dispatch(c);
        } catch (RejectedExecutionException e) {
            inFlight.decrementAndGet();
            stop(Stop.cancelled(what + " was cancelled: the pool was terminated"));
            return false;
        } catch (RuntimeException e) {
            inFlight.decrementAndGet();
            stop(Stop.backend("the pool could not send items " + c.first + ".." + (c.first + k - 1) + " to a worker: "
                    + ValueText.oneLine(String.valueOf(e)), e));
            return false;
        }
        return true;
    }

    // ------------------------------------------------------------------ the end

    /**
     * Stops the job: no more input, every chunk in flight cancelled, the listener finished — and only then is
     * the reason published to the consumer, so that whatever the caller sees next happens after all that.
     */
    private void stop(Stop s) {
        Runnable rest = halt(s);
        if (rest != null) {
            rest.run();
        }
    }

    /**
     * The first half of a stop, for {@code terminate()}: marks the job and its chunks cancelled (so nothing more
     * starts and nothing that ends counts) without interrupting anyone yet. Returns the second half —
     * interrupt the running chunks, finish, tell the consumer — or null if the job had already stopped.
     */
    Runnable halt(String reason) {
        return halt(Stop.cancelled(reason));
    }

    private Runnable halt(Stop s) {
        List<JobChunk> running = new ArrayList<>();
        lock.lock();
        try {
            if (stopped) {
                return null;
            }
            stopped = true;
            for (JobChunk c = head; c != null; c = c.next) {
                if (!c.done) {
                    running.add(c);
                }
            }
        } finally {
            lock.unlock();
        }
        for (JobChunk c : running) {
            c.cancelled = true;
        }
        return () -> {
            for (JobChunk c : running) {
                c.interrupt();
            }
            checkFinished();
            lock.lock();
            try {
                stop = s;
                head = null; // results nobody will read
                tail = null;
                if (completed != null) {
                    completed.clear();
                }
                changed.signalAll();
            } finally {
                lock.unlock();
            }
        };
    }

    /**
     * Finishes the job once it has stopped or has no more work: the listener's {@code finished}, then the
     * engine's count of live work. Under a lock, so that a consumer that reaches the end while a worker is in
     * the middle of finishing waits for it: the caller never sees the end before the listener has.
     */
    private void checkFinished() {
        if (finished || !(stopped || (exhausted && inFlight.get() == 0))) {
            return;
        }
        finishing.lock();
        try {
            if (finished) {
                return;
            }
            if (listening) {
                try {
                    listener.finished();
                } catch (RuntimeException ignored) {
                    // a listener must not break the map
                }
            }
            engine.jobDone(this);
            finished = true; // last: the lock-free check above must not let anyone past before all this is done
        } finally {
            finishing.unlock();
        }
    }

    /** Why a job stopped early; the exception is built fresh for the thread that throws it. */
    private record Stop(int kind, String message, Throwable cause, long index, Failure failure) {
        static final int ITEM = 0;
        static final int CANCELLED = 1;
        static final int INPUT = 2;
        static final int BACKEND = 3;

        static Stop item(long index, Failure f) {
            return new Stop(ITEM, null, f.error, index, f);
        }

        static Stop cancelled(String message) {
            return new Stop(CANCELLED, message, null, -1, null);
        }

        static Stop input(String what, long index, Throwable cause) {
            return new Stop(INPUT, "reading item " + index + " of the input of " + what + " failed: "
                    + ValueText.oneLine(String.valueOf(cause)), cause, index, null);
        }

        static Stop backend(String message, Throwable cause) {
            return new Stop(BACKEND, message, cause, -1, null);
        }

        RuntimeException exception() {
            return switch (kind) {
                case ITEM -> failure.exception(index);
                case CANCELLED -> new CancellationException(message);
                default -> new CompletionException(message, cause);
            };
        }
    }
}
