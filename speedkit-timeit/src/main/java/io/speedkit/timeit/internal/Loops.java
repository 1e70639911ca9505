package io.speedkit.timeit.internal;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.lang.invoke.MethodHandle;
import java.lang.invoke.MethodHandles;
import java.lang.invoke.MethodType;
import java.util.function.DoubleSupplier;
import java.util.function.IntSupplier;
import java.util.function.LongSupplier;
import java.util.function.Supplier;

/**
 * Makes the timing loop for one statement, each in a class of its own.
 *
 * <p>Why a class per loop (JMH's "profile pollution", JMHSample_12): the JIT inlines the statement's
 * {@code run()} into the loop only while the loop's call site has seen one or two receiver classes. With
 * one shared loop class, the third Timer in a JVM would find the call site megamorphic and measure a
 * virtual call instead of its statement — and the first two would have been measured differently.
 * JMH forks a JVM per benchmark; in-process, a hidden class defined anew from {@link LoopTemplate}'s
 * bytes gives each Timer a fresh method with a fresh profile, for about a millisecond. Should the JVM
 * refuse (it should not), the shared template is used.
 */
public final class Loops {
    private static final byte[] TEMPLATE = templateBytes();

    private Loops() {
    }

    /** The loop for a Runnable, Supplier, LongSupplier, DoubleSupplier or IntSupplier. */
    public static TimedLoop of(Object stmt) {
        int kind;
        if (stmt instanceof Runnable) {
            kind = LoopTemplate.RUNNABLE;
        } else if (stmt instanceof Supplier<?>) {
            kind = LoopTemplate.SUPPLIER;
        } else if (stmt instanceof LongSupplier) {
            kind = LoopTemplate.LONG;
        } else if (stmt instanceof DoubleSupplier) {
            kind = LoopTemplate.DOUBLE;
        } else if (stmt instanceof IntSupplier) {
            kind = LoopTemplate.INT;
        } else {
            throw new IllegalArgumentException("stmt is neither a Runnable nor a Supplier, LongSupplier, DoubleSupplier or IntSupplier: "
                    + stmt.getClass().getName());
        }
        if (TEMPLATE != null) {
            try {
                MethodHandles.Lookup lookup = MethodHandles.lookup().defineHiddenClass(TEMPLATE, true);
                // Instances of the hidden class are TimedLoops but not LoopTemplates (another class
                // with the same bytes), hence the constructor handle and the interface.
                MethodHandle ctor = lookup.findConstructor(lookup.lookupClass(),
                        MethodType.methodType(void.class, Object.class, int.class));
                return (TimedLoop) ctor.invoke(stmt, kind);
            } catch (Throwable refused) {
                // fall through to the shared class
            }
        }
        return new LoopTemplate(stmt, kind);
    }

    private static byte[] templateBytes() {
        try (InputStream in = LoopTemplate.class.getResourceAsStream("LoopTemplate.class")) {
            return in == null ? null : in.readAllBytes();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
