package io.speedkit.agent;

import io.speedkit.probe.Control;
import java.io.PrintStream;
import java.lang.instrument.ClassFileTransformer;
import java.security.ProtectionDomain;
import java.util.Map;
import java.util.WeakHashMap;

/**
 * The ClassFileTransformer: picks classes, instruments them, and never lets a failure reach the
 * program. The JVM swallows exceptions thrown by a transformer, so every failure is logged here (once
 * per class) and the class is left exactly as it was.
 */
final class ProfilingTransformer implements ClassFileTransformer {
    /** After this many "left uninstrumented" lines, the rest are only counted (classes.skipped in the profile). */
    private static final int LOG_LIMIT = 30;
    private static final String PROBE_CLASS = "io.speedkit.probe.Probe";

    private final Instrumenter instrumenter;
    private final ClassFilter filter;
    private final boolean verbose;
    private final PrintStream log;
    private final Class<?> probe;
    /** Class loaders that can or cannot see the probe (a loader that does not delegate to the boot loader). */
    private final Map<ClassLoader, Boolean> probeVisible = new WeakHashMap<>();
    /** Set while this thread transforms: a class loaded by the transformer itself is left alone. */
    private final ThreadLocal<Boolean> busy = new ThreadLocal<Boolean>();
    private int logged;

    ProfilingTransformer(Instrumenter instrumenter, ClassFilter filter, boolean verbose, PrintStream log, Class<?> probe) {
        this.instrumenter = instrumenter;
        this.filter = filter;
        this.verbose = verbose;
        this.log = log;
        this.probe = probe;
    }

    @Override
    public byte[] transform(ClassLoader loader, String className, Class<?> redefined, ProtectionDomain domain, byte[] bytes) {
        if (redefined != null || !filter.accepts(loader, className) || busy.get() != null) {
            return null;
        }
        busy.set(Boolean.TRUE);
        try {
            if (!seesProbe(loader)) {
                return null;
            }
            Instrumenter.Result r = instrumenter.instrument(bytes);
            if (r == null) {
                return null;
            }
            Control.countClass(true);
            if (verbose) {
                for (String note : r.notes()) {
                    say("speedkit: " + className.replace('/', '.') + "." + note);
                }
            }
            return r.bytes();
        } catch (Throwable t) {
            Control.countClass(false);
            say("speedkit: left " + className.replace('/', '.') + " uninstrumented: " + describe(t));
            return null;
        } finally {
            busy.remove();
        }
    }

    private boolean seesProbe(ClassLoader loader) {
        synchronized (probeVisible) {
            Boolean known = probeVisible.get(loader);
            if (known != null) {
                return known;
            }
        }
        boolean sees;
        try {
            sees = Class.forName(PROBE_CLASS, false, loader) == probe;
        } catch (Throwable t) {
            sees = false;
        }
        synchronized (probeVisible) {
            probeVisible.put(loader, sees);
        }
        if (!sees) {
            say("speedkit: classes of " + loader + " are left uninstrumented: that class loader does not delegate "
                    + "io.speedkit.probe to the boot class path (OSGi? add io.speedkit.probe.* to its boot delegation)");
        }
        return sees;
    }

    private void say(String line) {
        synchronized (this) {
            if (!verbose && logged > LOG_LIMIT) {
                return;
            }
            logged++;
            if (!verbose && logged > LOG_LIMIT) {
                log.println("speedkit: more classes left uninstrumented; the profile's metadata counts them (classes.skipped)");
                return;
            }
        }
        log.println(line);
    }

    private static String describe(Throwable t) {
        String m = t.getMessage();
        String text = t.getClass().getSimpleName() + (m == null ? "" : ": " + m);
        return text.replace('\n', ' ');
    }
}
