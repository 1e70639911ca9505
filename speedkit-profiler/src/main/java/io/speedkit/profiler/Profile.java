package io.speedkit.profiler;

import io.speedkit.profiler.data.ProfileData;
import io.speedkit.profiler.data.ProfileReader;
import io.speedkit.profiler.data.ProfileWriter;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.io.PrintStream;
import java.io.UncheckedIOException;
import java.lang.invoke.MethodHandle;
import java.lang.invoke.MethodHandles;
import java.lang.invoke.MethodType;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.function.LongSupplier;

/**
 * cProfile's {@code Profile} for Java: record a part of a running program, then look at it as cProfile
 * would print it.
 *
 * <pre>{@code
 * Profile p = new Profile();
 * try (p) {
 *     p.enable();
 *     addNumbers();
 * }
 * p.printStats("cumulative");            // or: p.stats().sortStats("time").printStats(10)
 *
 * Profile.run(() -> addNumbers());       // cProfile.run('add_numbers()')
 * }</pre>
 *
 * <p>The program's classes must be instrumented, so the JVM runs with speedkit's agent:
 * {@code java -javaagent:speedkit-agent.jar ...} ({@code speedkit agent} prints the path). With the agent
 * attached and no profile enabled, nothing is recorded. Every thread is recorded while a profile is
 * enabled (cProfile 3.12+ does the same); only one profile can be enabled at a time.
 *
 * <p>Like cProfile's, a profile accumulates: enabling it again adds to what it already holds.
 */
public final class Profile implements AutoCloseable {
    /** The probe's session control, defined in the boot loader by the agent (speedkit-probe's boot jar). */
    private static final String CONTROL = "java.lang.SpeedkitControl";

    private final LongSupplier timer;
    private final double secondsPerTick;
    private ProfileData data;
    private boolean enabled;

    /** A profile timed by {@link System#nanoTime()}, the wall clock cProfile uses by default. */
    public Profile() {
        this.timer = null;
        this.secondsPerTick = 1e-9;
    }

    /**
     * A profile timed by a custom clock, as {@code cProfile.Profile(timer, timeunit)}: every time is a
     * difference of two {@code timer} readings, times {@code secondsPerTick}. Calls made by the timer itself
     * are not recorded.
     *
     * @throws IllegalArgumentException for a null timer or a tick that is not a positive number
     */
    public Profile(LongSupplier timer, double secondsPerTick) {
        if (timer == null) {
            throw new IllegalArgumentException("timer must not be null; use new Profile() for the wall clock");
        }
        if (!(secondsPerTick > 0) || Double.isInfinite(secondsPerTick)) {
            throw new IllegalArgumentException("secondsPerTick must be a positive number, got " + secondsPerTick);
        }
        this.timer = timer;
        this.secondsPerTick = secondsPerTick;
    }

    /** True when speedkit's agent instruments this JVM, so that a profile can record. */
    public static boolean isAgentAttached() {
        return control() != null;
    }

    /**
     * Starts recording, on every thread.
     *
     * @throws IllegalStateException when the agent is not attached, another profile is enabled, or
     *                               {@code speedkit profile} is already recording the whole program
     */
    public Profile enable() {
        Class<?> c = control();
        if (c == null) {
            throw new IllegalStateException("speedkit's agent is not attached to this JVM, so nothing can be recorded: "
                    + "start java with -javaagent:<path to speedkit-agent.jar> (`speedkit agent` prints the path)");
        }
        if (enabled) {
            return this;
        }
        try {
            MethodHandle enable = MethodHandles.publicLookup().findStatic(c, "enable",
                    MethodType.methodType(void.class, LongSupplier.class, double.class));
            enable.invoke(timer, secondsPerTick);
        } catch (RuntimeException | Error e) {
            throw e;
        } catch (Throwable t) {
            throw new IllegalStateException("cannot start speedkit's recorder: " + t, t);
        }
        enabled = true;
        return this;
    }

    /** Stops recording and adds what was recorded to this profile. Frames still open are closed now. */
    public Profile disable() {
        if (!enabled) {
            return this;
        }
        enabled = false;
        byte[] bytes;
        try {
            MethodHandle disable = MethodHandles.publicLookup().findStatic(control(), "disable", MethodType.methodType(byte[].class));
            bytes = (byte[]) disable.invoke();
        } catch (RuntimeException | Error e) {
            throw e;
        } catch (Throwable t) {
            throw new IllegalStateException("cannot stop speedkit's recorder: " + t, t);
        }
        if (bytes.length > 0) {
            ProfileData session;
            try {
                session = ProfileReader.read(new ByteArrayInputStream(bytes));
            } catch (IOException e) {
                throw new IllegalStateException("speedkit's recorder returned an unreadable profile: " + e.getMessage(), e);
            }
            data = data == null ? session : data.plus(session);
        }
        return this;
    }

    /** Same as {@link #disable()}: a profile used in try-with-resources records the block. */
    @Override
    public void close() {
        disable();
    }

    /** Runs {@code fn} with this profile enabled and returns its result, as cProfile's {@code runcall}. */
    public <T> T runcall(Callable<T> fn) throws Exception {
        enable();
        try {
            return fn.call();
        } finally {
            disable();
        }
    }

    /** Runs {@code fn} with this profile enabled. */
    public void runcall(Runnable fn) {
        enable();
        try {
            fn.run();
        } finally {
            disable();
        }
    }

    /** Everything recorded so far (empty before the first {@link #disable()}). */
    public ProfileData data() {
        return data != null ? data : new ProfileData(List.of(), List.of(), secondsPerTick, null);
    }

    /** cProfile's numbers of what was recorded, to sort, restrict and print. */
    public Stats stats() {
        return Stats.of(data());
    }

    /**
     * Prints the statistics to {@code out} as cProfile's {@code Profile.print_stats(sort)} does: directories
     * stripped, sorted by {@code sortKeys} (none: standard name, cProfile's default for this call).
     */
    public void printStats(PrintStream out, String... sortKeys) {
        stats().stripDirs().sortStats(sortKeys.length == 0 ? new String[] {"stdname"} : sortKeys).withOutput(out).printStats();
    }

    /** {@link #printStats(PrintStream, String...)} to standard output, where cProfile prints. */
    public void printStats(String... sortKeys) {
        printStats(System.out, sortKeys);
    }

    /** Saves what was recorded in speedkit's profile format, for {@code speedkit stats} to read. */
    public void save(OutputStream out) {
        try {
            ProfileWriter.write(data(), out);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /**
     * {@code cProfile.run}: runs {@code block} under a new profile and prints its statistics to standard
     * output, sorted by {@code sortKeys} (none: standard name).
     */
    public static void run(Runnable block, String... sortKeys) {
        run(block, System.out, sortKeys);
    }

    /** {@link #run(Runnable, String...)} printing to {@code out}. */
    public static void run(Runnable block, PrintStream out, String... sortKeys) {
        Profile p = new Profile();
        p.runcall(block);
        p.printStats(out, sortKeys);
    }

    private static Class<?> control() {
        try {
            return Class.forName(CONTROL, true, null);
        } catch (ClassNotFoundException | LinkageError e) {
            return null;
        }
    }
}
