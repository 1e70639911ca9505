package io.speedkit.timeit;

import java.lang.management.ManagementFactory;
import java.lang.ref.WeakReference;
import java.util.List;

/**
 * Consumes a value so that the JIT cannot delete the computation that produced it (dead-code
 * elimination), at a cost of about a cycle. {@link Timer} consumes what a value-returning statement
 * returns; the code {@code speedkit timeit} generates consumes expression values and the statement's
 * local variables; write {@code Blackhole.consume(x)} yourself inside a {@code Runnable} when it
 * computes more than one result.
 *
 * <h2>Why this works — two modes, like JMH's</h2>
 * <ul>
 *   <li><b>Compiler blackholes</b> (JDK 17+, used by the JVM {@code speedkit timeit} forks): started with
 *       {@link #JVM_OPTIONS}, HotSpot's C1 and C2 treat every {@code consumeCompiler} method as an
 *       intrinsic that keeps its argument alive — the value must be computed — but emits no call and no
 *       memory access. HotSpot accepts only methods that are {@code static}, return {@code void} and are
 *       empty; anything else is refused with a VM warning and left a normal method (checked on
 *       JDK 25: "Blackhole compile option only works for static methods / methods with void type /
 *       empty methods"). Without the option, those empty methods would be inlined and the value
 *       deleted, so they are only called when the option is known to be on ({@link #mode()}).</li>
 *   <li><b>Full</b> (everywhere else): the value is compared with two volatile fields that always hold
 *       different values, so the comparison is never true — but the JIT cannot know that, because a
 *       volatile field may change at any time. It must therefore compute the value and compare; the
 *       volatile reads are plain loads on x86 and ARM (acquire only orders later accesses). Objects
 *       are kept with a pseudo-random test that stores a reference only very rarely (JMH's scheme).</li>
 * </ul>
 * The mode is fixed when this class is initialised ({@code static final}, so the branch costs nothing
 * once compiled): the system property {@value #MODE_PROPERTY} ({@code compiler} or {@code full}) if it
 * is set, else {@code compiler} exactly when this JVM's own arguments contain the blackhole
 * {@code CompileCommand} for this class and unlock experimental options.
 */
public final class Blackhole {
    /** System property that fixes the mode: {@code compiler} or {@code full}. */
    public static final String MODE_PROPERTY = "speedkit.timeit.blackhole";

    /** The JVM options that make {@code consumeCompiler} compiler blackholes, silently (no "CompileCommand:" line). */
    public static final List<String> JVM_OPTIONS = List.of(
            "-XX:+UnlockExperimentalVMOptions",
            "-XX:CompileCommand=quiet",
            "-XX:CompileCommand=blackhole,io/speedkit/timeit/Blackhole.consumeCompiler",
            "-D" + MODE_PROPERTY + "=compiler");

    /** How values are consumed in this JVM. */
    public enum Mode {
        /** HotSpot's compiler blackhole intrinsic. */
        COMPILER,
        /** Comparisons with volatile fields that the JIT cannot see through. */
        FULL
    }

    private static final boolean COMPILER = detectCompilerMode();

    // FULL mode state. Each pair always holds two different values; volatile, so the JIT cannot know.
    private static volatile boolean bool1 = false;
    private static volatile boolean bool2 = true;
    private static volatile byte b1 = 1;
    private static volatile byte b2 = 2;
    private static volatile char c1 = 'A';
    private static volatile char c2 = 'B';
    private static volatile short s1 = 1;
    private static volatile short s2 = 2;
    private static volatile int i1 = 1;
    private static volatile int i2 = 2;
    private static volatile long l1 = 1;
    private static volatile long l2 = 2;
    private static volatile float f1 = 1;
    private static volatile float f2 = 2;
    private static volatile double d1 = 1;
    private static volatile double d2 = 2;
    // Objects: a linear congruential generator decides, rarely and ever more rarely, to keep the reference.
    private static int tlr = (int) System.nanoTime();
    private static volatile int tlrMask = 1;
    private static volatile Object kept;

    private Blackhole() {
    }

    /** The mode this JVM runs in. */
    public static Mode mode() {
        return COMPILER ? Mode.COMPILER : Mode.FULL;
    }

    /** Consumes {@code v}. */
    public static void consume(boolean v) {
        if (COMPILER) {
            consumeCompiler(v);
        } else if (v == bool1 & v == bool2) {
            fail();
        }
    }

    /** Consumes {@code v}. */
    public static void consume(byte v) {
        if (COMPILER) {
            consumeCompiler(v);
        } else if ((v ^ b1) == (v ^ b2)) {
            fail();
        }
    }

    /** Consumes {@code v}. */
    public static void consume(char v) {
        if (COMPILER) {
            consumeCompiler(v);
        } else if ((v ^ c1) == (v ^ c2)) {
            fail();
        }
    }

    /** Consumes {@code v}. */
    public static void consume(short v) {
        if (COMPILER) {
            consumeCompiler(v);
        } else if ((v ^ s1) == (v ^ s2)) {
            fail();
        }
    }

    /** Consumes {@code v}. */
    public static void consume(int v) {
        if (COMPILER) {
            consumeCompiler(v);
        } else if ((v ^ i1) == (v ^ i2)) {
            fail();
        }
    }

    /** Consumes {@code v}. */
    public static void consume(long v) {
        if (COMPILER) {
            consumeCompiler(v);
        } else if ((v ^ l1) == (v ^ l2)) {
            fail();
        }
    }

    /** Consumes {@code v}. */
    public static void consume(float v) {
        if (COMPILER) {
            consumeCompiler(v);
        } else if (v == f1 & v == f2) { // non-short-circuit: one branch, not two
            fail();
        }
    }

    /** Consumes {@code v}. */
    public static void consume(double v) {
        if (COMPILER) {
            consumeCompiler(v);
        } else if (v == d1 & v == d2) {
            fail();
        }
    }

    /** Consumes {@code v}: the reference, not what it refers to (a lazily computed value stays lazy). */
    public static void consume(Object v) {
        if (COMPILER) {
            consumeCompiler(v);
        } else {
            int mask = tlrMask;
            int r = tlr * 1664525 + 1013904223;
            tlr = r;
            if ((r & mask) == 0) {
                // Almost never, and less often each time: the store makes the reference escape, so
                // the JIT must have computed it; a weak reference does not keep it alive.
                kept = new WeakReference<>(v);
                tlrMask = (mask << 1) + 1;
            }
        }
    }

    // The compiler blackholes: static, void and empty, or HotSpot refuses them (see the class comment).
    // Never called unless COMPILER; do not add a body.

    private static void consumeCompiler(boolean v) {
    }

    private static void consumeCompiler(byte v) {
    }

    private static void consumeCompiler(char v) {
    }

    private static void consumeCompiler(short v) {
    }

    private static void consumeCompiler(int v) {
    }

    private static void consumeCompiler(long v) {
    }

    private static void consumeCompiler(float v) {
    }

    private static void consumeCompiler(double v) {
    }

    private static void consumeCompiler(Object v) {
    }

    private static void fail() {
        // Unreachable: the pairs of volatile fields never hold equal values. Reading `kept` keeps the
        // compiler from proving anything about this method.
        throw new IllegalStateException("Blackhole failure: volatile sentinels changed " + kept);
    }

    private static boolean detectCompilerMode() {
        String forced = System.getProperty(MODE_PROPERTY);
        if (forced != null) {
            return forced.equalsIgnoreCase("compiler");
        }
        try {
            List<String> args = ManagementFactory.getRuntimeMXBean().getInputArguments();
            boolean unlocked = false;
            boolean blackhole = false;
            for (String a : args) {
                unlocked |= a.equals("-XX:+UnlockExperimentalVMOptions");
                blackhole |= a.startsWith("-XX:CompileCommand=blackhole,")
                        && (a.contains("io/speedkit/timeit/Blackhole.consumeCompiler")
                        || a.contains("io.speedkit.timeit.Blackhole::consumeCompiler"));
            }
            return unlocked && blackhole;
        } catch (RuntimeException | LinkageError noManagement) {
            return false; // e.g. a runtime image without java.management: the safe mode
        }
    }
}
