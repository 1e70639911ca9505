package io.speedkit.profiler;

import io.speedkit.profiler.data.FunctionKey;
import java.io.PrintStream;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeSet;

/**
 * The "profile again" step: two profiles of the same program, before and after a change, compared
 * function by function — the total time and the speed-up, then the functions whose time or call count
 * changed most, and those that appeared or disappeared.
 *
 * <pre>
 * before    242838 function calls (6 primitive calls) in 23.514 milliseconds    run1.prof
 * after         63 function calls (7 primitive calls) in 0.412 milliseconds    run2.prof
 * speed-up 57.07x: total time -23.102 milliseconds (-98.2%)
 * </pre>
 */
public final class Diff {
    /** How the changed functions are ordered, largest change first. */
    public enum Order {
        /** By the absolute change of tottime. */
        TOTTIME("tottime change"),
        /** By the absolute change of cumtime. */
        CUMTIME("cumtime change"),
        /** By the absolute change of the number of calls. */
        CALLS("call count change"),
        /** By the relative change of tottime; functions that appeared or disappeared first. */
        RELATIVE("relative tottime change");

        private final String description;

        Order(String description) {
            this.description = description;
        }

        public String description() {
            return description;
        }

        /** The order named {@code tottime}/{@code time}, {@code cumtime}/{@code cumulative}, {@code calls}/{@code ncalls} or {@code relative}. */
        public static Order parse(String name) {
            switch (name.toLowerCase(Locale.ROOT)) {
                case "tottime", "time":
                    return TOTTIME;
                case "cumtime", "cumulative":
                    return CUMTIME;
                case "calls", "ncalls":
                    return CALLS;
                case "relative":
                    return RELATIVE;
                default:
                    throw new IllegalArgumentException("unknown diff order '" + name
                            + "'; valid orders: tottime, time, cumtime, cumulative, calls, ncalls, relative");
            }
        }
    }

    /**
     * One function's numbers before and after; {@code before} or {@code after} is null where the function
     * was not called in that profile.
     */
    public record Change(FunctionKey key, FunctionStats before, FunctionStats after) {
        public Change {
            if (key == null || (before == null && after == null)) {
                throw new IllegalArgumentException("a change needs a key and at least one side");
            }
        }

        public boolean appeared() {
            return before == null;
        }

        public boolean disappeared() {
            return after == null;
        }

        public double tottimeChange() {
            return tottime(after) - tottime(before);
        }

        public double cumtimeChange() {
            return cumtime(after) - cumtime(before);
        }

        public long callsChange() {
            return calls(after) - calls(before);
        }

        /**
         * tottime after over tottime before, minus one: -0.25 is a quarter less. Infinite for a function
         * that appeared (or had no time before), -1 for one that disappeared, NaN when both are zero.
         */
        public double relativeTottimeChange() {
            double b = tottime(before);
            double a = tottime(after);
            if (b == 0) {
                return a == 0 ? Double.NaN : Double.POSITIVE_INFINITY;
            }
            return a / b - 1;
        }

        private static double tottime(FunctionStats s) {
            return s == null ? 0 : s.tottime();
        }

        private static double cumtime(FunctionStats s) {
            return s == null ? 0 : s.cumtime();
        }

        private static long calls(FunctionStats s) {
            return s == null ? 0 : s.totalCalls();
        }
    }

    private final Stats before;
    private final Stats after;
    private final List<Change> changes;

    private Diff(Stats before, Stats after, List<Change> changes) {
        this.before = before;
        this.after = after;
        this.changes = changes;
    }

    /** Compares {@code before} with {@code after}, function by function (same file, line and name). */
    public static Diff of(Stats before, Stats after) {
        Map<FunctionKey, FunctionStats> b = before.functions();
        Map<FunctionKey, FunctionStats> a = after.functions();
        TreeSet<FunctionKey> keys = new TreeSet<>(PythonText.KEY_ORDER);
        keys.addAll(b.keySet());
        keys.addAll(a.keySet());
        List<Change> changes = new ArrayList<>(keys.size());
        for (FunctionKey k : keys) {
            changes.add(new Change(k, b.get(k), a.get(k)));
        }
        return new Diff(before, after, List.copyOf(changes));
    }

    /** Every function of either profile, in key order. */
    public List<Change> changes() {
        return changes;
    }

    /** The changes, largest first; ties keep key order. */
    public List<Change> changes(Order order) {
        List<Change> sorted = new ArrayList<>(changes);
        Comparator<Change> c = switch (order) {
            case TOTTIME -> Comparator.comparingDouble(x -> -Math.abs(x.tottimeChange()));
            case CUMTIME -> Comparator.comparingDouble(x -> -Math.abs(x.cumtimeChange()));
            case CALLS -> Comparator.comparingLong(x -> -Math.abs(x.callsChange()));
            case RELATIVE -> Comparator.comparingDouble(Diff::relativeRank);
        };
        sorted.sort(c);
        return sorted;
    }

    /** Appeared and disappeared first, then by the size of the relative change; unchanged-at-zero last. */
    private static double relativeRank(Change x) {
        double r = x.relativeTottimeChange();
        if (x.appeared() || x.disappeared()) {
            return Double.NEGATIVE_INFINITY;
        }
        return Double.isNaN(r) ? Double.POSITIVE_INFINITY : -Math.abs(r);
    }

    /** Total time before over total time after: 2.0 means twice as fast. */
    public double speedup() {
        return after.totalTime() == 0 ? Double.POSITIVE_INFINITY : before.totalTime() / after.totalTime();
    }

    /**
     * Prints the comparison: both totals with the files' names, the speed-up, then the functions in
     * {@code order}, the first {@code limit} of them (negative: all), with times in {@code unit} ({@link Unit#AUTO}:
     * chosen over both profiles' times).
     */
    public void print(PrintStream out, String beforeName, String afterName, Order order, int limit, Unit unit) {
        Unit u = unit == Unit.AUTO ? Unit.auto(times()) : unit;
        StringBuilder sb = new StringBuilder();
        sb.append(total("before", before, u, beforeName)).append('\n');
        sb.append(total("after ", after, u, afterName)).append('\n');
        double change = after.totalTime() - before.totalTime();
        sb.append(String.format(Locale.ROOT, "speed-up %sx: total time %s %s (%s)%n", ratio(speedup()),
                signed(u.fromSeconds(change)), u.label(), percent(before.totalTime() == 0 ? Double.NaN : change / before.totalTime())));
        sb.append('\n').append("   Ordered by: ").append(order.description()).append('\n');
        List<Change> listed = changes(order);
        if (limit >= 0 && limit < listed.size()) {
            sb.append(String.format(Locale.ROOT, "   List reduced from %d to %d due to restriction <%d>%n", listed.size(), limit, limit));
            listed = listed.subList(0, limit);
        }
        sb.append('\n');
        sb.append("      ncalls      ncalls  tottime  tottime  tottime           cumtime  cumtime  cumtime\n");
        sb.append("      before       after   before    after   change        %   before    after   change filename:lineno(function)\n");
        for (Change c : listed) {
            sb.append(PythonText.rjust(c.before() == null ? "-" : c.before().callsText(), 12));
            sb.append(PythonText.rjust(c.after() == null ? "-" : c.after().callsText(), 12));
            sb.append(' ').append(time(c.before() == null ? Double.NaN : c.before().tottime(), u));
            sb.append(' ').append(time(c.after() == null ? Double.NaN : c.after().tottime(), u));
            sb.append(' ').append(PythonText.rjust(signed(u.fromSeconds(c.tottimeChange())), 8));
            sb.append(' ').append(PythonText.rjust(c.appeared() ? "new" : c.disappeared() ? "gone" : percent(c.relativeTottimeChange()), 8));
            sb.append(' ').append(time(c.before() == null ? Double.NaN : c.before().cumtime(), u));
            sb.append(' ').append(time(c.after() == null ? Double.NaN : c.after().cumtime(), u));
            sb.append(' ').append(PythonText.rjust(signed(u.fromSeconds(c.cumtimeChange())), 8));
            sb.append(' ').append(c.key().stdName()).append('\n');
        }
        sb.append("\n\n");
        out.print(sb);
        out.flush();
    }

    private static String total(String label, Stats s, Unit u, String name) {
        String calls = s.totalCalls() == s.primitiveCalls() ? s.totalCalls() + " function calls"
                : s.totalCalls() + " function calls (" + s.primitiveCalls() + " primitive calls)";
        return String.format(Locale.ROOT, "%s %s in %s %s%s", label, PythonText.rjust(calls, 45),
                PythonText.fixed3(u.fromSeconds(s.totalTime())), u.label(), name == null ? "" : "    " + name);
    }

    /** Every nonzero time of both profiles, for {@link Unit#AUTO}. */
    private double[] times() {
        List<Double> all = new ArrayList<>();
        for (Change c : changes) {
            for (FunctionStats s : new FunctionStats[] {c.before(), c.after()}) {
                if (s != null) {
                    add(all, s.tottime());
                    add(all, s.cumtime());
                }
            }
        }
        double[] out = new double[all.size()];
        for (int i = 0; i < out.length; i++) {
            out[i] = all.get(i);
        }
        return out;
    }

    private static void add(List<Double> all, double t) {
        if (t > 0) {
            all.add(t);
        }
    }

    private static String time(double seconds, Unit u) {
        return Double.isNaN(seconds) ? "       -" : PythonText.f8(u.fromSeconds(seconds));
    }

    private static String signed(double x) {
        String s = PythonText.fixed3(x);
        return s.startsWith("-") ? s : "+" + s;
    }

    private static String percent(double fraction) {
        if (Double.isNaN(fraction)) {
            return "-";
        }
        if (Double.isInfinite(fraction)) {
            return "new";
        }
        String s = PythonText.fixed(fraction * 100, 1);
        return (s.startsWith("-") ? s : "+" + s) + "%";
    }

    private static String ratio(double r) {
        return Double.isInfinite(r) ? "inf" : PythonText.fixed(r, 2);
    }
}
