package io.speedkit.probe;

import io.speedkit.profiler.data.FunctionKey;
import java.util.Arrays;

/**
 * The table of profiled functions. The instrumenter registers each method it instruments, and each
 * JDK method whose call sites it times, and bakes the returned id into the bytecode as a constant.
 * Registration happens at class-load time, never on the hot path.
 */
public final class Functions {
    private static final Object LOCK = new Object();
    private static String[] files = new String[4096];
    private static int[] lines = new int[4096];
    private static String[] names = new String[4096];
    private static int size;

    private Functions() {
    }

    /** Registers a function and returns its id. The same key may be registered twice (two class loaders). */
    public static int register(String file, int line, String name) {
        synchronized (LOCK) {
            if (size == files.length) {
                files = Arrays.copyOf(files, size * 2);
                lines = Arrays.copyOf(lines, size * 2);
                names = Arrays.copyOf(names, size * 2);
            }
            files[size] = file;
            lines[size] = line;
            names[size] = name;
            return size++;
        }
    }

    /** Number of functions registered. */
    public static int count() {
        synchronized (LOCK) {
            return size;
        }
    }

    static FunctionKey key(int id) {
        synchronized (LOCK) {
            return new FunctionKey(files[id], lines[id], names[id]);
        }
    }
}
