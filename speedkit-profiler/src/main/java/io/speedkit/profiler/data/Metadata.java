package io.speedkit.profiler.data;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * What a profile says about the run that produced it: ordered string entries, with typed access to the
 * well-known keys. Unknown keys are kept, so a newer writer's extra facts survive a round trip.
 */
public final class Metadata {

    /** The command line that was profiled, as the user typed it. */
    public static final String COMMAND = "command";
    /** The profiled JVM: {@code java.vm.name java.runtime.version}. */
    public static final String JVM = "jvm";
    /** Wall-clock start of recording, milliseconds since the epoch. */
    public static final String START_MILLIS = "start.millis";
    /** Wall duration of recording in nanoseconds. */
    public static final String WALL_NANOS = "wall.nanos";
    /** The clock the times were read from, e.g. {@code System.nanoTime}. */
    public static final String CLOCK = "clock";
    /** The operating system's clock source, where known (Linux: tsc, kvm-clock, hpet...). */
    public static final String CLOCK_SOURCE = "clock.source";
    /** Measured cost of one clock read, nanoseconds. */
    public static final String CLOCK_COST_NANOS = "clock.cost.nanos";
    /** How the recording ended: exit, System.exit, signal, disable... */
    public static final String END = "end";
    /** Frames still open when recording ended, closed at that moment. */
    public static final String OPEN_FRAMES = "frames.open.at.end";
    /** Classes left uninstrumented because instrumenting them failed. */
    public static final String SKIPPED_CLASSES = "classes.skipped";
    /** Number of classes instrumented. */
    public static final String INSTRUMENTED_CLASSES = "classes.instrumented";
    /** JDK methods whose call sites are not timed (their time stays in the caller's tottime). */
    public static final String UNTIMED_JDK_CALLS = "jdk.calls.untimed";

    private static final Metadata EMPTY = new Metadata(new LinkedHashMap<>());

    private final Map<String, String> entries;

    private Metadata(LinkedHashMap<String, String> entries) {
        this.entries = Collections.unmodifiableMap(entries);
    }

    public static Metadata empty() {
        return EMPTY;
    }

    /** Metadata holding a copy of {@code entries}, in their iteration order. */
    public static Metadata of(Map<String, String> entries) {
        LinkedHashMap<String, String> copy = new LinkedHashMap<>();
        for (Map.Entry<String, String> e : entries.entrySet()) {
            if (e.getKey() == null || e.getValue() == null) {
                throw new IllegalArgumentException("metadata entries must not be null: " + e);
            }
            copy.put(e.getKey(), e.getValue());
        }
        return new Metadata(copy);
    }

    /** A copy with one entry added or replaced. */
    public Metadata with(String key, String value) {
        LinkedHashMap<String, String> copy = new LinkedHashMap<>(entries);
        copy.put(key, value);
        return new Metadata(copy);
    }

    public Map<String, String> asMap() {
        return entries;
    }

    public String get(String key) {
        return entries.get(key);
    }

    /** The entry as a long, or {@code fallback} when absent or not a number. */
    public long getLong(String key, long fallback) {
        String v = entries.get(key);
        if (v == null) {
            return fallback;
        }
        try {
            return Long.parseLong(v.trim());
        } catch (NumberFormatException e) {
            return fallback;
        }
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof Metadata m && entries.equals(m.entries);
    }

    @Override
    public int hashCode() {
        return entries.hashCode();
    }

    @Override
    public String toString() {
        return entries.toString();
    }
}
