package io.speedkit.probe;

import io.speedkit.profiler.data.Metadata;
import io.speedkit.profiler.data.ProfileData;
import io.speedkit.profiler.data.ProfileWriter;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.nio.file.StandardCopyOption;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.locks.LockSupport;
import java.util.function.LongSupplier;

/**
 * Starts and ends recording sessions, and turns them into saved-profile bytes.
 *
 * <p>Two modes. Whole-program ({@code speedkit profile}, or the agent's {@code output=} option): one
 * session from premain to JVM exit, saved by a shutdown hook — which also runs on {@code System.exit},
 * an uncaught exception and SIGTERM/SIGINT; frames still open then are closed at that moment. In-process
 * ({@code io.speedkit.profiler.Profile}): sessions between {@link #enable} and {@link #disable}; the
 * profiler library reaches this class reflectively in the boot loader (as java.lang.SpeedkitControl), so only JDK types cross.
 */
public final class Control {
    private static final Object LOCK = new Object();
    /** How long to let probes already past their epoch check finish before reading the trees. */
    private static final long GRACE_NANOS = 2_000_000;

    private static int nextEpoch;
    private static int sessionEpoch = -1;
    private static boolean wholeProgram;
    private static double secondsPerTick = 1e-9;
    private static long startNanos;
    private static long startMillis;
    private static final Map<String, String> facts = new LinkedHashMap<>();
    private static long instrumentedClasses;
    private static long skippedClasses;
    static volatile long clockSink;

    private Control() {
    }

    /** Loads and links everything a session needs, and measures the clock, before any class is instrumented. */
    public static void warmUp() {
        int e = 0;
        Probe.start(e);
        int f = Functions.register("~", 0, "<speedkit warm-up>");
        long t0 = System.nanoTime();
        for (int i = 0; i < 20_000; i++) {
            int outer = Probe.enter(f);
            Probe.repair(Probe.enter(f));
            Probe.exit(outer);
        }
        long perCall = (System.nanoTime() - t0) / 20_000;
        Probe.stop();
        Recorder.Snapshot snap = Recorder.snapshot(e, System.nanoTime());
        try {
            encode(new ProfileData(snap.functions, snap.threads, 1e-9, Metadata.empty()), OutputStream.nullOutputStream());
        } catch (IOException impossible) {
            throw new IllegalStateException(impossible);
        }
        long c0 = System.nanoTime();
        long sum = 0;
        for (int i = 0; i < 10_000; i++) {
            sum += System.nanoTime();
        }
        long clockCost = (System.nanoTime() - c0) / 10_000;
        clockSink = sum; // keeps the JIT from dropping the loop
        synchronized (LOCK) {
            nextEpoch = 1;
            facts.put(Metadata.CLOCK_COST_NANOS, Long.toString(clockCost));
            facts.put("probe.warmup.nanos.per.call", Long.toString(perCall));
            String source = clockSource();
            if (source != null) {
                facts.put(Metadata.CLOCK_SOURCE, source);
            }
        }
    }

    /** A fact about this run for the profile's metadata, e.g. the command line or the untimed JDK calls. */
    public static void putFact(String key, String value) {
        synchronized (LOCK) {
            facts.put(key, value);
        }
    }

    /** Counts a class the agent instrumented, or left alone because instrumenting it failed. */
    public static void countClass(boolean instrumented) {
        synchronized (LOCK) {
            if (instrumented) {
                instrumentedClasses++;
            } else {
                skippedClasses++;
            }
        }
    }

    /**
     * Records the whole program from now to JVM exit, then saves the profile to {@code output}. An empty
     * file marks the place at once: whoever waits for the profile can tell a JVM that never started the
     * agent (no file) from one that ended without saving it (an empty file: SIGKILL, Runtime.halt).
     */
    public static void recordWholeProgram(String output) {
        try {
            Files.newOutputStream(Paths.get(output)).close();
        } catch (IOException e) {
            System.err.println("speedkit: cannot write the profile to " + output + ": " + e);
        }
        synchronized (LOCK) {
            if (sessionEpoch >= 0) {
                throw new IllegalStateException("speedkit is already recording");
            }
            wholeProgram = true;
            begin(null, 1e-9);
        }
        Runtime.getRuntime().addShutdownHook(new SaveOnExit(Paths.get(output)));
    }

    /**
     * Starts an in-process session. {@code clock} null means {@link System#nanoTime()}.
     *
     * @throws IllegalStateException when a session is already active, or the whole program is being profiled
     */
    public static void enable(LongSupplier clock, double secondsPerTickOfClock) {
        synchronized (LOCK) {
            if (wholeProgram) {
                throw new IllegalStateException(
                        "speedkit is already profiling this whole program (speedkit profile / agent output option); "
                                + "an in-process Profile cannot record at the same time");
            }
            if (sessionEpoch >= 0) {
                throw new IllegalStateException("another Profile is already enabled; disable it first");
            }
            begin(clock, secondsPerTickOfClock);
        }
    }

    /** Ends the in-process session and returns it in the saved-profile format; empty when none was active. */
    public static byte[] disable() {
        synchronized (LOCK) {
            if (wholeProgram || sessionEpoch < 0) {
                return new byte[0];
            }
            ByteArrayOutputStream out = new ByteArrayOutputStream();
            try {
                encode(end("disable"), out);
            } catch (IOException impossible) {
                throw new IllegalStateException(impossible);
            }
            return out.toByteArray();
        }
    }

    /** True while a session records. */
    public static boolean isRecording() {
        return Probe.epoch >= 0;
    }

    private static void begin(LongSupplier clock, double spt) {
        Recorder.forgetSessions();
        int e = nextEpoch;
        nextEpoch = e == Probe.MAX_EPOCH ? 0 : e + 1;
        sessionEpoch = e;
        secondsPerTick = spt;
        Probe.clock = clock;
        startMillis = System.currentTimeMillis();
        startNanos = System.nanoTime();
        Probe.start(e);
    }

    /** Stops the session and copies it out. Caller holds LOCK. */
    private static ProfileData end(String how) {
        LongSupplier clock = Probe.clock;
        Probe.stop();
        long wall = System.nanoTime() - startNanos;
        long now = clock == null ? System.nanoTime() : readUserClock(clock);
        // Probes that read the epoch just before stop() may still be writing their last frame.
        LockSupport.parkNanos(GRACE_NANOS);
        Recorder.Snapshot snap;
        try {
            snap = Recorder.snapshot(sessionEpoch, now);
        } finally {
            sessionEpoch = -1;
            Probe.clock = null;
        }
        Map<String, String> meta = new LinkedHashMap<>();
        meta.put(Metadata.JVM, System.getProperty("java.vm.name") + " " + System.getProperty("java.runtime.version"));
        meta.put(Metadata.START_MILLIS, Long.toString(startMillis));
        meta.put(Metadata.WALL_NANOS, Long.toString(wall));
        meta.put(Metadata.CLOCK, clock == null ? "System.nanoTime" : "custom timer");
        meta.put(Metadata.END, how);
        meta.put(Metadata.OPEN_FRAMES, Long.toString(snap.openFrames));
        meta.put(Metadata.INSTRUMENTED_CLASSES, Long.toString(instrumentedClasses));
        meta.put(Metadata.SKIPPED_CLASSES, Long.toString(skippedClasses));
        meta.putAll(facts);
        return new ProfileData(snap.functions, snap.threads, secondsPerTick, Metadata.of(meta));
    }

    private static long readUserClock(LongSupplier clock) {
        try {
            return clock.getAsLong();
        } catch (Throwable t) {
            return 0;
        }
    }

    private static void encode(ProfileData data, OutputStream out) throws IOException {
        ProfileWriter.write(data, out);
    }

    private static String clockSource() {
        try {
            Path p = Paths.get("/sys/devices/system/clocksource/clocksource0/current_clocksource");
            return Files.isReadable(p) ? new String(Files.readAllBytes(p), StandardCharsets.US_ASCII).trim() : null;
        } catch (IOException | RuntimeException e) {
            return null;
        }
    }

    /** The shutdown hook of whole-program mode: closes open frames, writes the profile, atomically. */
    private static final class SaveOnExit extends Thread {
        private final Path output;

        SaveOnExit(Path output) {
            super("speedkit-save-profile");
            this.output = output.toAbsolutePath();
        }

        @Override
        public void run() {
            try {
                ProfileData data;
                synchronized (LOCK) {
                    data = end("jvm exit");
                }
                Path dir = output.getParent();
                Path tmp = Files.createTempFile(dir, ".speedkit-", ".tmp");
                try (OutputStream out = new java.io.BufferedOutputStream(Files.newOutputStream(tmp), 1 << 16)) {
                    encode(data, out);
                }
                try {
                    Files.move(tmp, output, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
                } catch (AtomicMoveNotSupportedException e) {
                    Files.move(tmp, output, StandardCopyOption.REPLACE_EXISTING);
                }
            } catch (Throwable t) {
                System.err.println("speedkit: could not save the profile to " + output + ": " + t);
            }
        }
    }
}
