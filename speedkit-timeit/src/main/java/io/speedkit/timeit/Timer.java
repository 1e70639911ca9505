package io.speedkit.timeit;

import io.speedkit.timeit.internal.JitActivity;
import io.speedkit.timeit.internal.Loops;
import io.speedkit.timeit.internal.TimedLoop;
import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.function.DoubleSupplier;
import java.util.function.IntSupplier;
import java.util.function.LongSupplier;
import java.util.function.Supplier;

/**
 * Python's {@code timeit.Timer} for Java lambdas, with JMH's guards:
 *
 * <pre>{@code
 * double[] data = ...;                                   // inputs in a field, array or object: see below
 * Timer t = new Timer(() -> Arrays.stream(data).sum());  // a DoubleSupplier: the sum is consumed
 * Autorange r = t.autorange();                           // 1, 2, 5, 10, ... loops until >= 0.2 s
 * List<Double> times = t.repeat(5, r.number());          // seconds per run of r.number() loops
 * double best = Collections.min(times) / r.number();     // "apply common sense rather than statistics"
 * }</pre>
 *
 * <h2>What it guards against</h2>
 * <ul>
 *   <li><b>Warm-up</b>: before the first measurement the statement runs until the JIT has settled
 *       ({@link Warmup}); {@link #warmup()} says what happened. {@code withWarmup(Warmup.NONE)} times the
 *       cold code, as Python does.</li>
 *   <li><b>Dead code</b>: what a {@code Supplier}, {@code LongSupplier}, {@code DoubleSupplier} or
 *       {@code IntSupplier} returns goes to a {@link Blackhole}; a {@code Runnable} must have an effect
 *       of its own (or call {@code Blackhole.consume}). Java picks the value-returning constructor for
 *       {@code () -> expression} whenever the expression has a value.</li>
 *   <li><b>Hoisting</b>: the loop reads a volatile flag every iteration, so the JIT cannot move the
 *       statement's reads out of the loop.</li>
 *   <li><b>Profile pollution</b>: each Timer's loop is a class of its own, so timing a second lambda does
 *       not make the first one's call site megamorphic.</li>
 * </ul>
 * What no harness can guard against is constant folding of inputs the JIT can see: a captured local or
 * a {@code static final} is a constant to it. Read inputs from a mutable field or array (JMH's
 * {@code @State}), as {@code data} above. {@code speedkit timeit} does this for its setup variables.
 *
 * <h2>Differences from Python</h2>
 * The setup runs before every {@link #timeit(long)} (every warm-up batch, autorange trial and
 * repeat), as in Python. Python switches its GC off while timing; the JVM's GC cannot be switched off,
 * so {@link #withGcBeforeEachRepeat(boolean)} runs {@code System.gc()} before each repeat instead,
 * keeping one repeat's garbage out of the next — off by default, as in JMH. The timer is
 * {@code System.nanoTime} (monotonic), or the thread's CPU time with {@link #withCpuTime()}
 * ({@code -p}). A Timer is not thread-safe.
 */
public final class Timer {
    /** Python's default loop count for {@link #timeit()} and {@link #repeat()}. */
    public static final long DEFAULT_NUMBER = 1_000_000;
    /** Python's default repeat count. */
    public static final int DEFAULT_REPEAT = 5;

    private static final Runnable NO_SETUP = () -> {
    };

    private final Runnable setup;
    private final Object stmt;
    private final LongSupplier ticker;
    private final LongSupplier wallClock;
    private final LongSupplier jitActivity;
    private final Warmup warmupPolicy;
    private final boolean gcBeforeEachRepeat;

    private TimedLoop loop;
    private Warmup.Result warmed;

    /** Times {@code stmt}; it must have an effect the JIT cannot delete. */
    public Timer(Runnable stmt) {
        this(NO_SETUP, (Object) stmt);
    }

    /** Times {@code stmt} after running {@code setup} before each run. */
    public Timer(Runnable setup, Runnable stmt) {
        this(setup, (Object) stmt);
    }

    /** Times {@code stmt}, consuming what it returns. */
    public Timer(Supplier<?> stmt) {
        this(NO_SETUP, (Object) stmt);
    }

    /** Times {@code stmt} after running {@code setup} before each run, consuming what it returns. */
    public Timer(Runnable setup, Supplier<?> stmt) {
        this(setup, (Object) stmt);
    }

    /** Times {@code stmt}, consuming what it returns (no boxing). */
    public Timer(LongSupplier stmt) {
        this(NO_SETUP, (Object) stmt);
    }

    /** Times {@code stmt} after running {@code setup} before each run, consuming what it returns. */
    public Timer(Runnable setup, LongSupplier stmt) {
        this(setup, (Object) stmt);
    }

    /** Times {@code stmt}, consuming what it returns (no boxing). */
    public Timer(DoubleSupplier stmt) {
        this(NO_SETUP, (Object) stmt);
    }

    /** Times {@code stmt} after running {@code setup} before each run, consuming what it returns. */
    public Timer(Runnable setup, DoubleSupplier stmt) {
        this(setup, (Object) stmt);
    }

    /** Times {@code stmt}, consuming what it returns (no boxing). */
    public Timer(IntSupplier stmt) {
        this(NO_SETUP, (Object) stmt);
    }

    /** Times {@code stmt} after running {@code setup} before each run, consuming what it returns. */
    public Timer(Runnable setup, IntSupplier stmt) {
        this(setup, (Object) stmt);
    }

    private Timer(Runnable setup, Object stmt) {
        this(Objects.requireNonNull(setup, "setup"), Objects.requireNonNull(stmt, "stmt"), System::nanoTime,
                System::nanoTime, null, Warmup.DEFAULT, false);
    }

    private Timer(Runnable setup, Object stmt, LongSupplier ticker, LongSupplier wallClock, LongSupplier jitActivity,
            Warmup warmup, boolean gcBeforeEachRepeat) {
        this.setup = setup;
        this.stmt = stmt;
        this.ticker = ticker;
        this.wallClock = wallClock;
        this.jitActivity = jitActivity;
        this.warmupPolicy = warmup;
        this.gcBeforeEachRepeat = gcBeforeEachRepeat;
    }

    /**
     * This statement timed by another clock, in nanoseconds (Python's {@code timer=}); it also drives the
     * warm-up's budget, so a fake clock makes everything deterministic.
     */
    public Timer withTicker(LongSupplier nanos) {
        Objects.requireNonNull(nanos, "nanos");
        return new Timer(setup, stmt, nanos, nanos, jitActivity, warmupPolicy, gcBeforeEachRepeat);
    }

    /**
     * This statement timed by the current thread's CPU time (Python's {@code -p}, which uses the
     * process's: on the JVM, that would add the JIT's and the GC's threads). The warm-up's budget stays
     * wall time.
     */
    public Timer withCpuTime() {
        ThreadMXBean threads = ManagementFactory.getThreadMXBean();
        if (!threads.isCurrentThreadCpuTimeSupported()) {
            throw new UnsupportedOperationException("this JVM cannot measure a thread's CPU time");
        }
        return new Timer(setup, stmt, threads::getCurrentThreadCpuTime, wallClock, jitActivity, warmupPolicy,
                gcBeforeEachRepeat);
    }

    /** This statement with another warm-up policy ({@link Warmup#NONE} for none). */
    public Timer withWarmup(Warmup warmup) {
        return new Timer(setup, stmt, ticker, wallClock, jitActivity, Objects.requireNonNull(warmup, "warmup"),
                gcBeforeEachRepeat);
    }

    /** This statement with {@code System.gc()} before each repeat (or not). */
    public Timer withGcBeforeEachRepeat(boolean gc) {
        return new Timer(setup, stmt, ticker, wallClock, jitActivity, warmupPolicy, gc);
    }

    /**
     * This statement with another JIT activity counter for the warm-up (tests; see {@link Warmup#run}).
     * The default is {@link #jitActivity()}.
     */
    public Timer withJitActivity(LongSupplier counter) {
        return new Timer(setup, stmt, ticker, wallClock, Objects.requireNonNull(counter, "counter"), warmupPolicy,
                gcBeforeEachRepeat);
    }

    /** This JVM's JIT activity counter: its total compilation time in ms, which moves when a compilation ends. */
    public static LongSupplier jitActivity() {
        return JitActivity.ofThisJvm();
    }

    /** Runs the warm-up if it has not run yet, and says what it did. */
    public Warmup.Result warmup() {
        if (warmed == null) {
            warmed = warmupPolicy.run(this::batch, wallClock, jitActivity != null ? jitActivity : JitActivity.ofThisJvm());
        }
        return warmed;
    }

    /** {@link #timeit(long)} with Python's default of a million loops. */
    public double timeit() {
        return timeit(DEFAULT_NUMBER);
    }

    /** Runs the setup, then the statement {@code number} times, and returns the seconds the loop took. */
    public double timeit(long number) {
        if (number < 0) {
            throw new IllegalArgumentException("number must be >= 0, got " + number);
        }
        warmup();
        return batch(number) / 1e9;
    }

    /** {@link #repeat(int, long)} with Python's defaults: 5 repeats of a million loops. */
    public List<Double> repeat() {
        return repeat(DEFAULT_REPEAT, DEFAULT_NUMBER);
    }

    /** {@link #timeit(long)} {@code repeat} times: the seconds of each. Take the minimum, as Python advises. */
    public List<Double> repeat(int repeat, long number) {
        if (repeat < 1) {
            throw new IllegalArgumentException("repeat must be >= 1, got " + repeat);
        }
        List<Double> times = new ArrayList<>(repeat);
        for (int i = 0; i < repeat; i++) {
            if (gcBeforeEachRepeat) {
                System.gc();
            }
            times.add(timeit(number));
        }
        return List.copyOf(times);
    }

    /** Python's autorange: 1, 2, 5, 10, 20, 50, ... loops until a run takes at least 0.2 s. */
    public Autorange autorange() {
        return autorange(null);
    }

    /** {@link #autorange()}, telling {@code callback} about each trial. */
    public Autorange autorange(Autorange.Callback callback) {
        return autorange(Autorange.TARGET_SECONDS, callback);
    }

    /** Autorange to another target time (Python 3.15's {@code target_time}). */
    public Autorange autorange(double targetSeconds, Autorange.Callback callback) {
        if (!(targetSeconds >= 0) || Double.isInfinite(targetSeconds)) {
            throw new IllegalArgumentException("targetSeconds must be a finite time >= 0, got " + targetSeconds);
        }
        warmup();
        return Autorange.search(this::batch, 1, Math.round(targetSeconds * 1e9), callback);
    }

    private long batch(long number) {
        if (loop == null) {
            loop = Loops.of(stmt);
        }
        setup.run();
        long t0 = ticker.getAsLong();
        loop.run(number);
        return ticker.getAsLong() - t0;
    }
}
