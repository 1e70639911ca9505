package io.speedkit.profiler;

import io.speedkit.profiler.data.CallTree;
import io.speedkit.profiler.data.ProfileData;
import io.speedkit.profiler.data.ThreadProfile;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.regex.Pattern;

/**
 * Per-thread views of a profile. The report merges every thread, as cProfile does; these pick threads
 * out ({@link #select}) and list them with their totals ({@link #summaries}).
 */
public final class Threads {
    private Threads() {
    }

    /**
     * One thread (or group of finished virtual threads) of a profile with its totals.
     *
     * @param calls   every call recorded on it (frames closed at the end included)
     * @param seconds its total time: the sum of its roots' times, i.e. of its tottime column
     */
    public record Summary(String name, long id, boolean virtual, long threads, long calls, double seconds) {
    }

    /** Every thread of {@code data}, in the profile's order, with its calls and time. */
    public static List<Summary> summaries(ProfileData data) {
        List<Summary> out = new ArrayList<>();
        for (ThreadProfile t : data.threads()) {
            CallTree tree = t.tree();
            long calls = 0;
            for (int i = 0; i < tree.size(); i++) {
                calls += tree.count(i);
            }
            out.add(new Summary(t.name(), t.id(), t.virtual(), t.threads(), calls, tree.rootTotal() * data.secondsPerTick()));
        }
        return out;
    }

    /**
     * The profile restricted to the threads whose name matches {@code pattern}: a name, or a glob with
     * {@code *} and {@code ?} ({@code pool-1-thread-*}).
     *
     * @throws IllegalArgumentException when no thread matches, listing the names there are
     */
    public static ProfileData select(ProfileData data, String pattern) {
        Pattern p = glob(pattern);
        List<ThreadProfile> kept = new ArrayList<>();
        for (ThreadProfile t : data.threads()) {
            if (p.matcher(t.name()).matches()) {
                kept.add(t);
            }
        }
        if (kept.isEmpty()) {
            List<String> names = new ArrayList<>();
            for (ThreadProfile t : data.threads()) {
                if (names.size() == 20) {
                    names.add("...");
                    break;
                }
                names.add("'" + t.name() + "'");
            }
            throw new IllegalArgumentException(String.format(Locale.ROOT, "no thread named '%s'; the profile has %s", pattern,
                    names.isEmpty() ? "no threads" : String.join(", ", names)));
        }
        return new ProfileData(data.functions(), kept, data.secondsPerTick(), data.metadata());
    }

    /**
     * Prints {@link #summaries} as a table: threads, calls and time (in {@code unit}), like
     * <pre>
     *      calls     seconds  thread
     *     242838       0.024  main
     * </pre>
     */
    public static void print(ProfileData data, Unit unit, java.io.PrintStream out) {
        List<Summary> all = summaries(data);
        Unit u = unit;
        if (u == Unit.AUTO) {
            double[] times = new double[all.size()];
            int n = 0;
            for (Summary s : all) {
                if (s.seconds() > 0) {
                    times[n++] = s.seconds();
                }
            }
            u = Unit.auto(java.util.Arrays.copyOf(times, n));
        }
        out.printf(Locale.ROOT, "%12s %12s  %s%n", "calls", u.label(), "thread");
        for (Summary s : all) {
            String name = s.threads() > 1 ? s.name() + " (" + s.threads() + " threads)" : s.name();
            out.printf(Locale.ROOT, "%12d %12.3f  %s%s%n", s.calls(), u.fromSeconds(s.seconds()), name, s.virtual() && s.threads() == 1
                    ? " (virtual)" : "");
        }
    }

    private static Pattern glob(String g) {
        StringBuilder re = new StringBuilder();
        for (char c : g.toCharArray()) {
            if (c == '*') {
                re.append(".*");
            } else if (c == '?') {
                re.append('.');
            } else {
                re.append(Pattern.quote(String.valueOf(c)));
            }
        }
        return Pattern.compile(re.toString());
    }
}
