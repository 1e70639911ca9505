package io.speedkit.timeit.snippet;

import io.speedkit.timeit.Blackhole;

/**
 * The superclass of the class {@link SnippetCompiler} generates. Its members are named with a
 * {@code $} so that they can hide none of the names a snippet uses (a member method would hide a
 * statically imported method of the same name).
 *
 * <p>The generated class looks like this for {@code -s 'double x = 2' 'Math.sqrt(x)'}:
 * <pre>{@code
 * public final class $Snippet extends SnippetBase {
 *     double x;                                  // setup variables: non-final fields, never constants
 *     public void $setup() throws Throwable {
 *         x = 2;
 *     }
 *     private void $stmt() throws Throwable {
 *         $consume(Math.sqrt(x));               // values and the statement's locals are consumed
 *     }
 *     public void $loop(long $n) throws Throwable {
 *         if ($n <= 0) { return; }
 *         long $i = $n;
 *         do {                                   // JMH's loop shape
 *             $stmt();
 *             $i--;
 *         } while (!$halt & $i != 0);            // the hoisting guard: a volatile read per iteration
 *     }
 * }
 * }</pre>
 */
public abstract class SnippetBase {
    /**
     * Read in every iteration of the timing loop and never set. A volatile read is an acquire: the JIT
     * must load memory again after it, so it cannot hoist the statement's reads of the setup's fields —
     * and the computation on them — out of the loop (JMH reads its {@code isDone} flag the same way).
     */
    protected volatile boolean $halt;

    protected SnippetBase() {
    }

    /** Runs the setup: assigns the setup's variables and runs its other statements. */
    public abstract void $setup() throws Throwable;

    /** Runs the statement {@code number} times. */
    public abstract void $loop(long number) throws Throwable;

    /** Consumes a value ({@link Blackhole}). */
    protected static void $consume(boolean v) {
        Blackhole.consume(v);
    }

    /** Consumes a value ({@link Blackhole}). */
    protected static void $consume(byte v) {
        Blackhole.consume(v);
    }

    /** Consumes a value ({@link Blackhole}). */
    protected static void $consume(char v) {
        Blackhole.consume(v);
    }

    /** Consumes a value ({@link Blackhole}). */
    protected static void $consume(short v) {
        Blackhole.consume(v);
    }

    /** Consumes a value ({@link Blackhole}). */
    protected static void $consume(int v) {
        Blackhole.consume(v);
    }

    /** Consumes a value ({@link Blackhole}). */
    protected static void $consume(long v) {
        Blackhole.consume(v);
    }

    /** Consumes a value ({@link Blackhole}). */
    protected static void $consume(float v) {
        Blackhole.consume(v);
    }

    /** Consumes a value ({@link Blackhole}). */
    protected static void $consume(double v) {
        Blackhole.consume(v);
    }

    /** Consumes a value ({@link Blackhole}). */
    protected static void $consume(Object v) {
        Blackhole.consume(v);
    }
}
