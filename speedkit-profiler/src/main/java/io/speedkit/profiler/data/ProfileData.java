package io.speedkit.profiler.data;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * A complete recorded profile: the function table, one call tree per thread (or thread group), the
 * clock's tick length and the run's metadata. This is what {@link ProfileWriter} saves and
 * {@link ProfileReader} loads; everything printed is derived from it.
 */
public final class ProfileData {

    private final List<FunctionKey> functions;
    private final List<ThreadProfile> threads;
    private final double secondsPerTick;
    private final Metadata metadata;

    /**
     * @throws IllegalArgumentException if a tree names a function the table does not have, or the tick
     *                                  length is not a positive finite number
     */
    public ProfileData(List<FunctionKey> functions, List<ThreadProfile> threads, double secondsPerTick, Metadata metadata) {
        if (!(secondsPerTick > 0) || Double.isInfinite(secondsPerTick)) {
            throw new IllegalArgumentException("seconds per tick must be a positive number, got " + secondsPerTick);
        }
        this.functions = List.copyOf(functions);
        this.threads = List.copyOf(threads);
        this.secondsPerTick = secondsPerTick;
        this.metadata = metadata == null ? Metadata.empty() : metadata;
        for (ThreadProfile t : this.threads) {
            int max = t.tree().maxFunction();
            if (max >= this.functions.size()) {
                throw new IllegalArgumentException("thread '" + t.name() + "' uses function " + max + " but the table has "
                        + this.functions.size());
            }
        }
    }

    public List<FunctionKey> functions() {
        return functions;
    }

    public List<ThreadProfile> threads() {
        return threads;
    }

    /** Length of one clock tick in seconds: 1e-9 for {@code System.nanoTime}, the user's for a custom timer. */
    public double secondsPerTick() {
        return secondsPerTick;
    }

    public Metadata metadata() {
        return metadata;
    }

    public ProfileData withMetadata(Metadata m) {
        return new ProfileData(functions, threads, secondsPerTick, m);
    }

    /**
     * Both profiles' threads in one profile, over one function table; trees stay per thread. Times are
     * kept in ticks, so both profiles must have been recorded with the same clock.
     *
     * @throws IllegalArgumentException when the tick lengths differ
     */
    public ProfileData plus(ProfileData other) {
        if (Double.compare(secondsPerTick, other.secondsPerTick) != 0) {
            throw new IllegalArgumentException("cannot add profiles recorded with different clocks (" + secondsPerTick
                    + " and " + other.secondsPerTick + " seconds per tick)");
        }
        List<FunctionKey> merged = new ArrayList<>(functions);
        Map<FunctionKey, Integer> index = new HashMap<>();
        for (int i = 0; i < merged.size(); i++) {
            index.putIfAbsent(merged.get(i), i);
        }
        int[] map = new int[other.functions.size()];
        for (int i = 0; i < map.length; i++) {
            FunctionKey k = other.functions.get(i);
            Integer at = index.get(k);
            if (at == null) {
                at = merged.size();
                merged.add(k);
                index.put(k, at);
            }
            map[i] = at;
        }
        List<ThreadProfile> all = new ArrayList<>(threads);
        for (ThreadProfile t : other.threads) {
            CallTree remapped = new CallTree.Builder().addAll(t.tree(), map).build();
            all.add(new ThreadProfile(t.name(), t.id(), t.virtual(), t.threads(), remapped));
        }
        return new ProfileData(merged, all, secondsPerTick, metadata);
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof ProfileData p && functions.equals(p.functions) && threads.equals(p.threads)
                && Double.compare(secondsPerTick, p.secondsPerTick) == 0 && metadata.equals(p.metadata);
    }

    @Override
    public int hashCode() {
        return functions.hashCode() * 31 + threads.hashCode();
    }

    @Override
    public String toString() {
        return "ProfileData[" + functions.size() + " functions, " + threads.size() + " threads]";
    }
}
