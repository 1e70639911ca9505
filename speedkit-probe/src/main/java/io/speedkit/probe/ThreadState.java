package io.speedkit.probe;

/**
 * One thread's shadow stack and calling-context tree.
 *
 * <p>Frame {@code d} (1-based; 0 is the root) is open in node {@code stack[d]} since clock value
 * {@code starts[d]}. Leaving a frame adds one call and its elapsed time to its node; self time is
 * derived later (a node's total minus its children's), so the hot path touches only the frame it
 * closes.
 *
 * <p>Only the owning thread mutates a state while recording. The snapshot reads it after
 * {@link Probe#stop()}, so plain fields suffice (see {@link Recorder#snapshot}).
 */
final class ThreadState {
    /** Deepest shadow stack recorded; deeper frames are charged to the frame at the limit. */
    static final int MAX_DEPTH = Probe.DEPTH_MASK - 1;

    final Thread thread;
    final long threadId;
    final boolean virtual;

    /** The recording epoch this state's tree belongs to; a new session resets the tree lazily. */
    int epoch = -1;
    Node root = new Node(-1, null);
    int depth;
    Node[] stack = new Node[32];
    long[] starts = new long[32];

    /** True while this thread runs a user-supplied clock: calls made by the clock are not recorded. */
    boolean inClock;
    /** {@link #epoch} while recording is possible, -2 while {@link #inClock}: one compare on the hot path. */
    int ready = -1;
    /** The user clock's last reading, reused if it ever throws. */
    long lastClock;

    /** Links of the registry's list of live states ({@link Recorder}). */
    ThreadState prev;
    ThreadState next;
    boolean registered;
    /** The session in which this (virtual) thread was last counted into the group of finished ones. */
    int countedEpoch = -1;

    ThreadState(Thread thread) {
        this.thread = thread;
        this.threadId = thread.threadId();
        this.virtual = thread.isVirtual();
        stack[0] = root;
    }

    /** Opens a frame for {@code function}; returns the token that closes it, or -1 when not recorded. */
    int enter(int function, int e) {
        if (ready != e && !prepare(e)) {
            return -1;
        }
        int d = depth;
        Node parent = stack[d];
        // Predict the child: what followed the previous child last time (loops cycle through the same
        // callees in the same order), or the previous child again (recursion, tight loops).
        Node previous = parent.last;
        Node n;
        if (previous == null) {
            n = parent.child(function);
        } else {
            n = previous.next;
            if (n == null || n.function != function) {
                n = previous.function == function ? previous : parent.child(function);
                previous.next = n;
            }
        }
        parent.last = n;
        if (++d == stack.length && !grow()) {
            return -1;
        }
        // The clock first: if reading it fails (a StackOverflowError at the call), no frame is left pushed.
        long t = Probe.now(this);
        stack[d] = n;
        starts[d] = t;
        depth = d;
        return (e << Probe.DEPTH_BITS) | (d - 1);
    }

    /** Closes every frame deeper than {@code target}: the caller's own frame and anything left open above it. */
    void exit(int target) {
        long t = Probe.now(this);
        int d = depth;
        if (d <= target) {
            return; // already closed: a stale token, or a frame closed by repair
        }
        Node[] s = stack;
        long[] st = starts;
        do {
            Node n = s[d];
            n.count++;
            n.total += Math.max(0, t - st[d]); // a user clock may step back; nanoTime never does
            d--;
        } while (d > target);
        depth = d;
        if (d == 0 && virtual) {
            Recorder.retire(this);
        }
    }

    private boolean grow() {
        if (stack.length > MAX_DEPTH) {
            return false; // frames deeper than this are not recorded: their token is -1
        }
        // Both copies first, then both stores: a StackOverflowError in a copy leaves the arrays matched.
        Node[] bigger = java.util.Arrays.copyOf(stack, stack.length * 2);
        long[] biggerStarts = java.util.Arrays.copyOf(starts, bigger.length);
        stack = bigger;
        starts = biggerStarts;
        return true;
    }

    /** The slow half of the entry check: a new session to start, or a clock call in progress. */
    private boolean prepare(int e) {
        if (epoch != e) {
            reset(e);
        }
        return !inClock;
    }

    /** Drops everything recorded in an earlier session (or, with -1, marks the tree as belonging to none). */
    void reset(int e) {
        epoch = e;
        ready = inClock ? -2 : e;
        root = new Node(-1, null);
        java.util.Arrays.fill(stack, null);
        stack[0] = root;
        depth = 0;
        if (!registered && e >= 0) {
            Recorder.register(this);
        }
    }
}
