package io.speedkit.timeit.internal;

import io.speedkit.timeit.Blackhole;
import java.util.function.DoubleSupplier;
import java.util.function.IntSupplier;
import java.util.function.LongSupplier;
import java.util.function.Supplier;

/**
 * The timing loops of {@link io.speedkit.timeit.Timer}. Never used as it is: {@link Loops} defines a
 * fresh hidden class from this class's bytes for every Timer, so each Timer's loop has its own
 * profile and its own compiled code (see {@link Loops} for why).
 *
 * <p>HAZARD, do not "simplify" the loops:
 * <ul>
 *   <li>The volatile read of {@link #halt} in every iteration is the hoisting guard (JMH's
 *       {@code isDone}): a volatile read is an acquire, after which the JIT must load memory again, so
 *       it cannot hoist the statement's reads of its inputs — and with them the whole computation —
 *       out of the loop as loop-invariant. Nothing ever sets the flag.</li>
 *   <li>Values are consumed by {@link Blackhole} (dead-code elimination).</li>
 *   <li>{@link #stmt} is a plain field, read once per call: the JIT must not see the statement object
 *       as a constant (a static final would let it fold the lambda and its captured values).</li>
 * </ul>
 */
final class LoopTemplate implements TimedLoop {
    static final int RUNNABLE = 0;
    static final int SUPPLIER = 1;
    static final int LONG = 2;
    static final int DOUBLE = 3;
    static final int INT = 4;

    private Object stmt;
    private int kind;
    private volatile boolean halt;

    LoopTemplate(Object stmt, int kind) {
        this.stmt = stmt;
        this.kind = kind;
    }

    @Override
    public void run(long number) {
        // JMH's loop shape (one exit, at the bottom, on the volatile flag and the count), as the code
        // speedkit timeit generates; see SnippetCompiler.
        switch (kind) {
            case RUNNABLE -> runnable((Runnable) stmt, number);
            case SUPPLIER -> supplier((Supplier<?>) stmt, number);
            case LONG -> longs((LongSupplier) stmt, number);
            case DOUBLE -> doubles((DoubleSupplier) stmt, number);
            case INT -> ints((IntSupplier) stmt, number);
            default -> throw new IllegalStateException("unknown statement kind " + kind);
        }
    }

    private void runnable(Runnable s, long number) {
        if (number <= 0) {
            return;
        }
        long i = number;
        do {
            s.run();
            i--;
        } while (!halt & i != 0);
    }

    private void supplier(Supplier<?> s, long number) {
        if (number <= 0) {
            return;
        }
        long i = number;
        do {
            Blackhole.consume(s.get());
            i--;
        } while (!halt & i != 0);
    }

    private void longs(LongSupplier s, long number) {
        if (number <= 0) {
            return;
        }
        long i = number;
        do {
            Blackhole.consume(s.getAsLong());
            i--;
        } while (!halt & i != 0);
    }

    private void doubles(DoubleSupplier s, long number) {
        if (number <= 0) {
            return;
        }
        long i = number;
        do {
            Blackhole.consume(s.getAsDouble());
            i--;
        } while (!halt & i != 0);
    }

    private void ints(IntSupplier s, long number) {
        if (number <= 0) {
            return;
        }
        long i = number;
        do {
            Blackhole.consume(s.getAsInt());
            i--;
        } while (!halt & i != 0);
    }
}
