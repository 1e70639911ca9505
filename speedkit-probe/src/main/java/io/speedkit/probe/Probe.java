package io.speedkit.probe;

import java.util.function.LongSupplier;

/**
 * The static methods instrumented code calls. Every instrumented method body becomes
 *
 * <pre>
 *   int t = Probe.enter(FUNCTION_ID);          // at offset 0 (constructors too: static, legal before super())
 *   ...
 *   Probe.exit(t);                             // before every return, return value left on the stack
 *   ...
 *   handler (catch-all, last in the table):    Probe.exit(t); athrow
 *   start of every existing handler:           Probe.repair(t)
 *   around a call into the JDK:                int s = Probe.enter(JDK_FUNCTION_ID); invoke...; Probe.exit(s)
 * </pre>
 *
 * A token is the shadow-stack depth below the frame it opened, tagged with the recording epoch. Exits
 * pop to that depth, so a frame that was never closed — a JDK call that threw, a constructor that failed
 * before {@code super()}, a frame from before a session began — is closed by the next exit or repair
 * below it. That is what makes the stack self-healing without a handler around every call site.
 *
 * <p>HAZARD: this class is on the hot path of every call. It takes and returns only {@code int}s,
 * allocates nothing per call, takes no lock and never throws into the program. Do not add lambdas,
 * string concatenation or JDK collections here.
 */
public final class Probe {
    /** Bits of a token that hold the depth; the bits above hold the epoch. */
    static final int DEPTH_BITS = 20;
    static final int DEPTH_MASK = (1 << DEPTH_BITS) - 1;
    /** Largest epoch; epochs cycle in {@code 0..MAX_EPOCH} so that no token ever equals -1's high bits. */
    static final int MAX_EPOCH = (1 << (31 - DEPTH_BITS)) - 2;
    /** The token of a frame entered while no session recorded: an epoch no session ever has. */
    static final int OUTSIDE = (MAX_EPOCH + 1) << DEPTH_BITS;

    /**
     * The recording epoch, or -1 when nothing is recorded. One volatile read per probe: it gates
     * recording and makes tokens of an earlier session (or of a stopped one) stale in a single compare.
     */
    static volatile int epoch = -1;

    /** A user-supplied clock ({@code Profile(timer, secondsPerTick)}); null means {@link System#nanoTime()}. */
    static LongSupplier clock;

    static final ThreadLocal<ThreadState> STATE = new ThreadLocal<ThreadState>() {
        @Override
        protected ThreadState initialValue() {
            return new ThreadState(Thread.currentThread());
        }
    };

    /** See {@link #state()}. Platform threads usually have small, distinct ids. */
    private static final ThreadState[] CACHE = new ThreadState[1024];

    private Probe() {
    }

    /**
     * Opens a frame for {@code function}; returns its token: {@link #OUTSIDE} when no session records, -1
     * when this frame is not recorded (inside a user clock, beyond the depth limit).
     */
    public static int enter(int function) {
        int e = epoch;
        if (e < 0) {
            return OUTSIDE;
        }
        return state().enter(function, e);
    }

    /** Closes the frame {@code token} opened, and any frame still open above it. */
    public static void exit(int token) {
        if ((token >>> DEPTH_BITS) != epoch) {
            outside(token);
            return;
        }
        state().exit(token & DEPTH_MASK);
    }

    /**
     * At the start of an exception handler: closes frames left open above the handler's own frame — JDK
     * calls that threw, constructors that failed before {@code super()}.
     */
    public static void repair(int token) {
        if ((token >>> DEPTH_BITS) != epoch) {
            outside(token);
            return;
        }
        state().exit((token & DEPTH_MASK) + 1);
    }

    /**
     * A frame entered before the current session (no session, or an earlier one) exits or catches: every
     * frame this session recorded on this thread is above it, so all of them are closed. Without this, a
     * JDK call that throws into such a frame would stay open, and everything after it would nest under it.
     */
    private static void outside(int token) {
        int e = epoch;
        if (token == -1 || e < 0) {
            return; // an unrecorded frame of this session, or nothing records
        }
        ThreadState s = state();
        if (s.epoch == e && s.depth > 0) {
            s.exit(0);
        }
    }

    /**
     * This thread's state. A ThreadLocal lookup walks the thread's hash map; most calls are answered by a
     * small table indexed by thread id instead, checked against the thread (a racy slot is harmless: a
     * wrong or stale entry fails the check and the ThreadLocal answers).
     */
    static ThreadState state() {
        Thread t = Thread.currentThread();
        ThreadState[] tab = CACHE;
        int i = (int) t.threadId() & (tab.length - 1);
        ThreadState s = tab[i];
        if (s != null && s.thread == t) {
            return s;
        }
        s = STATE.get();
        tab[i] = s;
        return s;
    }

    /** Forgets a retired state (a virtual thread's), so the cache does not keep it alive. */
    static void forget(ThreadState s) {
        ThreadState[] tab = CACHE;
        int i = (int) s.threadId & (tab.length - 1);
        if (tab[i] == s) {
            tab[i] = null;
        }
    }

    static long now(ThreadState s) {
        LongSupplier c = clock;
        return c == null ? System.nanoTime() : userClock(c, s);
    }

    /**
     * Reads a user-supplied clock. The clock is program code and may itself be instrumented: calls made
     * while it runs are not recorded, and if it throws, the profile gets a zero-length interval instead of
     * the program getting the exception.
     */
    private static long userClock(LongSupplier c, ThreadState s) {
        // Plain field writes, no calls: a StackOverflowError here must not leave the thread "in the clock".
        try {
            s.inClock = true;
            s.ready = -2;
            long t = c.getAsLong();
            s.lastClock = t;
            return t;
        } catch (Throwable ignored) {
            return s.lastClock;
        } finally {
            s.inClock = false;
            s.ready = s.epoch;
        }
    }

    /** Starts recording a new session with epoch {@code e}. */
    static void start(int e) {
        epoch = e;
    }

    /** Stops recording: from now on every probe returns at its first compare. */
    static void stop() {
        epoch = -1;
    }
}
