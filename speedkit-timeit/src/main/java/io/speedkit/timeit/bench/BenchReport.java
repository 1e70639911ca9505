package io.speedkit.timeit.bench;

import java.io.PrintStream;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * The human report of {@code speedkit bench}, hyperfine's layout with pyperf's stability warnings, in
 * ASCII ({@code +-}, {@code ..}) so that it reads the same in any terminal encoding. Numbers are formatted
 * with {@link Locale#ROOT}, never the user's locale.
 *
 * <pre>
 * Benchmark: /jdk/bin/java &lt;set&gt; -cp classes com.acme.Main
 * Runs: 1 warm-up run and 10 measured runs per set, each a new process
 *
 * Set 1/2: -Xint
 *   Time (mean +- sd):   2.345 s +- 0.012 s
 *   Range (min .. max):  2.330 s .. 2.371 s    10 runs
 *   CPU (mean):          user 2.401 s, system 0.045 s
 *   Peak RSS (max):      45.2 MiB
 *
 * Set 2/2: (no options)
 *   ...
 *
 * Summary: mean wall time relative to set 1
 *   1  -Xint           1.00x (reference)
 *   2  (no options)    6.02x faster (+- 0.15)
 * </pre>
 *
 * The header and each set's block can be printed as soon as they are known ({@link #printHeader},
 * {@link #printSet}), the summary at the end ({@link #printSummary}).
 */
public final class BenchReport {
    /** pyperf's threshold: a standard deviation above 10% of the mean makes a result unstable. */
    static final double MAX_STDEV_FRACTION = 0.10;
    /** pyperf's threshold: a minimum or maximum 50% or more away from the mean. */
    static final double MAX_OUTLIER_FRACTION = 0.50;

    private static final int LABEL_WIDTH = 21;
    private static final int PROGRESS_LABEL_MAX = 32;

    private BenchReport() {
    }

    /** The command and the number of runs; a blank line follows. */
    public static void printHeader(BenchPlan plan, PrintStream out) {
        StringBuilder cmd = new StringBuilder(ShellWords.join(plan.launch()));
        boolean anyOptions = plan.sets().stream().anyMatch(s -> !s.options().isEmpty());
        if (anyOptions) {
            cmd.append(" <set>");
        }
        if (!plan.program().isEmpty()) {
            cmd.append(' ').append(ShellWords.join(plan.program()));
        }
        out.println("Benchmark: " + cmd);
        String warmup = plan.warmup() == 0 ? "no warm-up run" : plural(plan.warmup(), "warm-up run");
        out.println("Runs: " + warmup + " and " + plural(plan.runs(), "measured run") + " per set, each a new process");
        out.println();
    }

    /** One set's block: its statistics, or how it failed; a blank line follows. */
    public static void printSet(SetResult set, int setCount, PrintStream out) {
        out.println(String.format(Locale.ROOT, "Set %d/%d: %s", set.index(), setCount, set.set().label()));
        if (set.failure().isPresent()) {
            Failure f = set.failure().get();
            String after = set.samples().isEmpty() ? "" : ", after " + plural(set.samples().size(), "successful run");
            out.println("  Failed: " + f.describe() + after + "; the set was stopped and is not summarized");
            out.println();
            return;
        }
        Summary s = set.summary().orElseThrow();
        Unit unit = Unit.of(s.meanNanos());
        line(out, "Time (mean +- sd):", unit.format(s.meanNanos()) + " +- " + unit.format(s.stdevNanos()));
        line(out, "Range (min .. max):", unit.format(s.minNanos()) + " .. " + unit.format(s.maxNanos())
                + "    " + plural(s.runs(), "run"));
        line(out, "CPU (mean):", "user " + unit.format(s.meanUserNanos()) + ", system " + unit.format(s.meanSystemNanos()));
        line(out, "Peak RSS (max):", formatBytes(s.peakRssBytes()));
        List<String> warnings = warnings(s);
        for (String w : warnings) {
            out.println("  Warning: " + w);
        }
        if (!warnings.isEmpty()) {
            out.println("  The result may be unstable: rerun with more runs (--runs) on a quieter machine.");
        }
        out.println();
    }

    /**
     * Each set's mean wall time relative to the reference, when there is more than one set; nothing for
     * a single set.
     */
    public static void printSummary(BenchResult result, PrintStream out) {
        List<SetResult> sets = result.sets();
        if (sets.size() < 2) {
            return;
        }
        SetResult ref = result.reference().orElse(null);
        if (ref == null) {
            out.println("Summary: every set failed");
        } else if (ref.index() == 1) {
            out.println("Summary: mean wall time relative to set 1");
        } else {
            out.println("Summary: mean wall time relative to set " + ref.index() + ", the first that did not fail");
        }
        int width = 0;
        for (SetResult s : sets) {
            width = Math.max(width, s.set().label().length());
        }
        int indexWidth = Integer.toString(sets.size()).length();
        List<String> whats = new ArrayList<>();
        int factorWidth = 0; // the factors are right-aligned on their "x"
        for (SetResult s : sets) {
            String what;
            if (s.failure().isPresent()) {
                what = "failed (" + s.failure().get().describe() + ")";
            } else if (s == ref) {
                what = "1.00x (reference)";
            } else {
                Ratio r = result.ratio(s).orElseThrow();
                String sd = r.describeStdev();
                what = r.describe() + (sd.equals("n/a") ? "" : " (+- " + sd + ")");
            }
            if (s.failure().isEmpty()) {
                factorWidth = Math.max(factorWidth, what.indexOf('x'));
            }
            whats.add(what);
        }
        for (int i = 0; i < sets.size(); i++) {
            SetResult s = sets.get(i);
            String what = whats.get(i);
            if (s.failure().isEmpty()) {
                what = " ".repeat(factorWidth - what.indexOf('x')) + what;
            }
            out.println(String.format(Locale.ROOT, "  %" + indexWidth + "d  %-" + width + "s  %s", s.index(), s.set().label(), what));
        }
    }

    /**
     * pyperf's stability checks of one set, as sentences: the standard deviation above 10% of the mean,
     * the minimum or maximum 50% or more away from the mean.
     */
    public static List<String> warnings(Summary s) {
        List<String> out = new ArrayList<>();
        Unit unit = Unit.of(s.meanNanos());
        double mean = s.meanNanos();
        if (mean <= 0) {
            return out;
        }
        if (!Double.isNaN(s.stdevNanos()) && s.stdevNanos() / mean > MAX_STDEV_FRACTION) {
            out.add(String.format(Locale.ROOT, "the standard deviation (%s) is %.0f%% of the mean (%s)",
                    unit.format(s.stdevNanos()), 100 * s.stdevNanos() / mean, unit.format(mean)));
        }
        if ((s.maxNanos() - mean) / mean >= MAX_OUTLIER_FRACTION) {
            out.add(String.format(Locale.ROOT, "the maximum (%s) is %.0f%% greater than the mean (%s)",
                    unit.format(s.maxNanos()), 100 * (s.maxNanos() - mean) / mean, unit.format(mean)));
        }
        if ((mean - s.minNanos()) / mean >= MAX_OUTLIER_FRACTION) {
            out.add(String.format(Locale.ROOT, "the minimum (%s) is %.0f%% smaller than the mean (%s)",
                    unit.format(s.minNanos()), 100 * (mean - s.minNanos()) / mean, unit.format(mean)));
        }
        return out;
    }

    /**
     * The live progress line's text (without {@code \r}): {@code Set 2/3 -Xint: run 4/10, mean 2.345 s}
     * or {@code Set 1/3 -Xint: warm-up 1/1}. A long option set is shortened to keep it on one line.
     */
    public static String progressLine(Bench.Progress p) {
        String label = p.options().label();
        if (label.length() > PROGRESS_LABEL_MAX) {
            label = label.substring(0, PROGRESS_LABEL_MAX - 3) + "...";
        }
        StringBuilder sb = new StringBuilder(String.format(Locale.ROOT, "Set %d/%d %s: ", p.set(), p.sets(), label));
        if (p.warmup()) {
            sb.append(String.format(Locale.ROOT, "warm-up %d/%d", p.run(), p.runs()));
        } else {
            sb.append(String.format(Locale.ROOT, "run %d/%d", p.run(), p.runs()));
            if (!Double.isNaN(p.meanNanos())) {
                sb.append(", mean ").append(Unit.of(p.meanNanos()).format(p.meanNanos()));
            }
        }
        return sb.toString();
    }

    /** Bytes in MiB with one decimal (KiB below 1 MiB), or {@code n/a}. */
    public static String formatBytes(long bytes) {
        if (bytes == RunSample.NOT_AVAILABLE) {
            return "n/a";
        }
        if (bytes < 1024 * 1024) {
            return String.format(Locale.ROOT, "%.1f KiB", bytes / 1024.0);
        }
        return String.format(Locale.ROOT, "%.1f MiB", bytes / (1024.0 * 1024.0));
    }

    private static void line(PrintStream out, String label, String value) {
        out.println("  " + String.format(Locale.ROOT, "%-" + LABEL_WIDTH + "s", label) + value);
    }

    private static String plural(int n, String what) {
        return n + " " + what + (n == 1 ? "" : "s");
    }

    /** One unit for all times of a block, chosen by the mean as hyperfine does: s, ms or us. */
    enum Unit {
        S(1e9, "%.3f s"), MS(1e6, "%.1f ms"), US(1e3, "%.1f us");

        private final double nanos;
        private final String pattern;

        Unit(double nanos, String pattern) {
            this.nanos = nanos;
            this.pattern = pattern;
        }

        static Unit of(double meanNanos) {
            if (meanNanos >= 1e9) {
                return S;
            }
            return meanNanos >= 1e6 ? MS : US;
        }

        String format(double valueNanos) {
            return Double.isNaN(valueNanos) ? "n/a" : String.format(Locale.ROOT, pattern, valueNanos / nanos);
        }
    }
}
