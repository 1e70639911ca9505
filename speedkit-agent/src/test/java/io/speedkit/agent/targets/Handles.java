package io.speedkit.agent.targets;

import io.speedkit.agent.Ticks;
import java.lang.invoke.MethodHandle;
import java.lang.invoke.MethodHandles;
import java.lang.invoke.MethodType;

/** A MethodHandle.invokeExact call site: signature-polymorphic, wrapped without changing its descriptor. */
public final class Handles {
    static final MethodHandle TWICE;

    static {
        try {
            TWICE = MethodHandles.lookup().findStatic(Handles.class, "twice", MethodType.methodType(int.class, int.class));
        } catch (ReflectiveOperationException e) {
            throw new ExceptionInInitializerError(e);
        }
    }

    private Handles() {
    }

    static int twice(int x) {                       // calls=1
        Ticks.advance(1);
        return 2 * x;
    }

    public static int run(int x) throws Throwable { // calls=1
        return (int) TWICE.invokeExact(x);          // {method java.lang.invoke.MethodHandle.invokeExact} calls=1
    }
}
