package io.speedkit.timeit.internal;

import java.lang.management.CompilationMXBean;
import java.lang.management.ManagementFactory;
import java.util.function.LongSupplier;

/**
 * A counter that moves whenever the JIT finishes compiling something: the JVM's total compilation time
 * in milliseconds. It only moves when a compilation <em>ends</em>, which is why the warm-up also asks for
 * a minimum stable time span (see {@link io.speedkit.timeit.Warmup}).
 */
public final class JitActivity {
    private JitActivity() {
    }

    /** This JVM's counter, or a constant when the JVM does not report compilation time. */
    public static LongSupplier ofThisJvm() {
        try {
            CompilationMXBean jit = ManagementFactory.getCompilationMXBean();
            if (jit != null && jit.isCompilationTimeMonitoringSupported()) {
                return jit::getTotalCompilationTime;
            }
        } catch (RuntimeException | LinkageError noManagement) {
            // no java.management in this runtime image
        }
        return () -> 0;
    }
}
