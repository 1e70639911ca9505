package io.speedkit.agent;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.speedkit.probe.Control;
import io.speedkit.profiler.data.Metadata;
import io.speedkit.profiler.data.ThreadProfile;
import java.util.function.LongSupplier;
import org.junit.jupiter.api.Test;

/** In-process sessions ({@link Control#enable}/{@link Control#disable}). Target: {@code targets/Sessions.java}. */
class SessionsTest {
    /** Epochs cycle through 0..Probe.MAX_EPOCH (2046): the same epoch comes back every 2047 sessions. */
    private static final int EPOCH_CYCLE = 2047;

    private final InstrumentingLoader loader = new InstrumentingLoader();

    @Test
    void noSession_nothingRecorded() throws Throwable {
        loader.call("Sessions", "plain"); // probes run, but no session records

        Recording r = Recording.of(() -> null);

        assertEquals("", r.tree());
        assertEquals(0, r.data().threads().size());
        assertEquals(0, r.data().functions().size());
    }

    @Test
    void disable_withoutSession_returnsNoBytes() {
        assertEquals(0, Control.disable().length);
        assertTrue(!Control.isRecording());
    }

    @Test
    void enable_twice_throwsAndTheFirstSessionGoesOn() throws Throwable {
        Recording r = Recording.of(() -> {
            IllegalStateException e = assertThrows(IllegalStateException.class, () -> Control.enable(Ticks::now, 1.0));
            assertEquals("another Profile is already enabled; disable it first", e.getMessage());
            return loader.call("Sessions", "plain");
        });

        assertEquals("""
                Sessions.plain count=1 total=10
                  Sessions.leaf count=1 total=7
                """, r.tree());
    }

    @Test
    void disable_withFramesOpen_closesAndCountsThem() throws Throwable {
        byte[][] saved = new byte[1][];
        Ticks.reset();
        Control.enable(Ticks::now, 1.0);
        try {
            loader.call("Sessions", "outer", (Runnable) () -> saved[0] = Control.disable());
        } finally {
            Control.disable(); // no-op when the target disabled; a safety net when it failed before
        }
        Recording r = Recording.of(saved[0]);

        // Disabled at tick 3, inside Runnable.run inside inner inside outer: the three open frames are closed
        // then, each counted once, as cProfile does at the end of a profile. leaf() ran after: not recorded.
        assertEquals("""
                Sessions.outer count=1 total=3
                  Sessions.inner count=1 total=2
                    {method java.lang.Runnable.run} count=1 total=0
                """, r.tree());
        assertEquals(3, r.metadataLong(Metadata.OPEN_FRAMES));
        assertEquals("disable", r.data().metadata().get(Metadata.END));
        assertEquals("custom timer", r.data().metadata().get(Metadata.CLOCK));
        assertEquals(1.0, r.data().secondsPerTick());
    }

    @Test
    void enable_midCall_framesEnteredBeforeAreIgnored() throws Throwable {
        Ticks.reset();
        byte[] bytes;
        try {
            loader.call("Sessions", "outer", (Runnable) () -> Control.enable(Ticks::now, 1.0));
        } finally {
            bytes = Control.disable();
        }
        Recording r = Recording.of(bytes);

        // outer, inner and Runnable.run were entered with no session: their exits are ignored, and leaf,
        // the first frame entered in the session, is a root.
        assertEquals("""
                Sessions.leaf count=1 total=7
                """, r.tree());
        assertEquals(0, r.metadataLong(Metadata.OPEN_FRAMES));
    }

    /**
     * BUG: a frame entered before the session began holds token -1 (or, entered in an earlier session, a
     * stale epoch), and Probe.repair/exit ignore such tokens. So when a JDK call made during the session
     * throws into that frame's handler, nothing closes its pseudo-frame: every later call of the thread
     * nests under it (here a chain parseInt → leaf, parseInt → ...), and the frames are "open at end".
     * In-process profiling enabled from inside a long-running loop or request handler hits this.
     * Fix: let enter() return a distinct "entered outside this session" token when not recording (not -1,
     * which the clock and depth-limit paths also use), and make exit/repair with such a token (or a stale
     * epoch) pop the shadow stack to depth 0: every frame on it was entered after that frame began.
     */
    @Test
    void enable_midCall_jdkCallThrowsIntoFrameEnteredBefore_pseudoFrameClosed() throws Throwable {
        Ticks.reset();
        byte[] bytes;
        try {
            loader.call("Sessions", "catchAcrossEnable", (Runnable) () -> Control.enable(Ticks::now, 1.0));
        } finally {
            bytes = Control.disable();
        }
        Recording r = Recording.of(bytes);

        assertEquals("""
                {built-in method java.lang.Integer.parseInt} count=3 total=0
                Sessions.leaf count=3 total=21
                """, r.tree());
        assertEquals(0, r.metadataLong(Metadata.OPEN_FRAMES));
    }

    @Test
    void secondSession_startsFromAnEmptyTree() throws Throwable {
        Recording first = Recording.of(() -> {
            loader.call("Sessions", "plain");
            return loader.call("Sessions", "plain");
        });
        Recording second = Recording.of(() -> loader.call("Sessions", "plain"));

        assertEquals("""
                Sessions.plain count=2 total=20
                  Sessions.leaf count=2 total=14
                """, first.tree());
        assertEquals("""
                Sessions.plain count=1 total=10
                  Sessions.leaf count=1 total=7
                """, second.tree());
    }

    @Test
    void secondSession_afterFramesLeftOpen_startsAtDepthZero() throws Throwable {
        Ticks.reset();
        Control.enable(Ticks::now, 1.0);
        try {
            loader.call("Sessions", "outer", (Runnable) Control::disable);
        } finally {
            Control.disable();
        }
        Recording r = Recording.of(() -> loader.call("Sessions", "plain"));

        assertEquals("""
                Sessions.plain count=1 total=10
                  Sessions.leaf count=1 total=7
                """, r.tree());
    }

    @Test
    void clock_instrumentedProgramCode_itsCallsAreNotRecorded() throws Throwable {
        LongSupplier clock = (LongSupplier) loader.construct("CountingClock");
        Ticks.reset();
        Control.enable(clock, 1.0);
        byte[] bytes;
        try {
            loader.call("Sessions", "plain");
        } finally {
            bytes = Control.disable();
        }
        Recording r = Recording.of(bytes);

        assertEquals("""
                Sessions.plain count=1 total=10
                  Sessions.leaf count=1 total=7
                """, r.tree());
    }

    @Test
    void clock_null_usesNanoTime() throws Throwable {
        Control.enable(null, 1e-9);
        byte[] bytes;
        try {
            loader.call("Sessions", "plain");
        } finally {
            bytes = Control.disable();
        }
        Recording r = Recording.of(bytes);

        assertEquals("System.nanoTime", r.data().metadata().get(Metadata.CLOCK));
        assertEquals(1e-9, r.data().secondsPerTick());
        ThreadProfile t = r.thread(Thread.currentThread().getName());
        assertEquals(1, r.calls(t, "Sessions.plain"));
        assertEquals(1, r.calls(t, "Sessions.leaf"));
        assertTrue(t.tree().total(0) >= t.tree().total(1), "a parent's time includes its child's");
    }

    @Test
    void clock_throws_programRunsOnAndCountsAreKept() throws Throwable {
        long[] reads = new long[1];
        LongSupplier flaky = () -> {
            if (++reads[0] % 3 == 0) {
                throw new IllegalStateException("clock failure " + reads[0]);
            }
            return Ticks.now();
        };
        Ticks.reset();
        Control.enable(flaky, 1.0);
        byte[] bytes;
        try {
            loader.call("Sessions", "plain");
            loader.call("Sessions", "plain");
        } finally {
            bytes = Control.disable();
        }
        Recording r = Recording.of(bytes);

        ThreadProfile t = r.thread(Thread.currentThread().getName());
        assertEquals(2, r.calls(t, "Sessions.plain"));
        assertEquals(2, r.calls(t, "Sessions.leaf"));
    }

    /**
     * BUG: a user clock that steps backwards (Profile(timer, ...) takes any LongSupplier; a wall clock
     * does this when NTP adjusts it) makes a frame's elapsed time negative: ThreadState.exit adds
     * {@code t - starts[d]} unchecked, and the snapshot's CallTree.of refuses the negative total with an
     * IllegalArgumentException out of Control.disable(). Worse, Control.end() throws before
     * {@code sessionEpoch = -1}, so the session can never be ended or replaced: every later enable()
     * says "another Profile is already enabled" and every disable() throws again.
     * Fix: clamp each interval at 0 in ThreadState.exit (as the snapshot already does for open frames),
     * and end the session in a finally block.
     */
    @Test
    void clock_stepsBackwards_disableStillReturnsAProfile() throws Throwable {
        LongSupplier backwards = () -> -Ticks.now();
        Ticks.reset();
        Control.enable(backwards, 1.0);
        byte[] bytes;
        try {
            loader.call("Sessions", "plain");
        } finally {
            bytes = Control.disable();
        }
        Recording r = Recording.of(bytes);

        assertEquals("""
                Sessions.plain count=1 total=0
                  Sessions.leaf count=1 total=0
                """, r.tree());
        assertTrue(!Control.isRecording());
        Recording.of(() -> null); // a new session can start
    }

    /**
     * BUG: a ThreadState (and the virtual-thread group) remembers the epoch it recorded in, and is reset
     * only when a probe sees a different epoch. Epochs are 11 bits and cycle every 2047 sessions, so a
     * thread that recorded in session N and not since is taken as current in session N + 2047: its old
     * tree is merged into (or, if it makes no call, reported as) the new session's. A long-running
     * server that profiles itself in-process every few minutes reaches that in days.
     */
    @Test
    void session_epochComesBack_oldTreeIsNotReported() throws Throwable {
        Recording.of(() -> loader.call("Sessions", "plain"));
        for (int i = 0; i < EPOCH_CYCLE - 1; i++) {
            Control.enable(Ticks::now, 1.0);
            Control.disable();
        }
        Recording r = Recording.of(() -> loader.call("Sessions", "plain"));

        assertEquals("""
                Sessions.plain count=1 total=10
                  Sessions.leaf count=1 total=7
                """, r.tree());
    }
}
