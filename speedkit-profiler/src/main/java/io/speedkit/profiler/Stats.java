package io.speedkit.profiler;

import io.speedkit.profiler.data.FunctionKey;
import io.speedkit.profiler.data.ProfileData;
import io.speedkit.profiler.data.ProfileReader;
import java.io.BufferedInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;

import java.io.PrintStream;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * cProfile's statistics of one or more profiles, with pstats' API: add, sort, reverse, strip
 * directories, restrict, and print the cProfile table, the callers and the callees.
 *
 * <pre>{@code
 * Stats.of(profile).sortStats("cumulative").withUnit(Unit.SECONDS).printStats(10);
 * Stats.of(profile).sortStats("time", "name").printCallers("fact|odd");
 * }</pre>
 *
 * <p>Unlike pstats' {@code Stats}, which changes itself and returns {@code self}, this one is immutable:
 * every method returns a new {@code Stats} (the print methods return this one). Copies share the
 * function table, so chaining is cheap.
 *
 * <p>The numbers are derived from the recorded call trees exactly as cProfile counts them: a recursive
 * {@code fact(5)} called three times shows {@code 15/3} calls (total/primitive) and its cumulative time
 * once per outermost call. With {@link Unit#SECONDS} the printed text is byte for byte what pstats
 * prints for the same numbers, in any default locale; the default unit is {@link Unit#AUTO}.
 */
public final class Stats {

    private final StatsTable table;
    /** The listing order after sortStats/reverseOrder, or null for "Random listing order was used". */
    private final List<FunctionKey> order;
    private final List<SortKey> sortKeys;
    private final PrintStream out;
    private final Unit unit;
    private final List<String> fileLines;

    private Stats(StatsTable table, List<FunctionKey> order, List<SortKey> sortKeys, PrintStream out, Unit unit,
                  List<String> fileLines) {
        this.table = table;
        this.order = order;
        this.sortKeys = sortKeys;
        this.out = out;
        this.unit = unit;
        this.fileLines = fileLines;
    }

    private static Stats unsorted(StatsTable table) {
        return new Stats(table, null, List.of(), System.out, Unit.AUTO, List.of());
    }

    /**
     * The statistics of {@code profiles}, summed as pstats' {@code add} sums loaded files; no profile
     * gives empty statistics. Each thread's tree is counted separately (recursion never spans threads)
     * and the results are added.
     */
    public static Stats of(ProfileData... profiles) {
        StatsTable table = StatsTable.EMPTY;
        for (ProfileData p : profiles) {
            table = table.plus(StatsTable.of(TreeDerivation.derive(p)));
        }
        return unsorted(table);
    }

    /**
     * The statistics of saved profiles ({@code speedkit profile -o}), added together as pstats'
     * {@code Stats(*filenames)} adds files. Each file becomes a title line of the printed report, as in
     * pstats: its modification time, four spaces, its name.
     *
     * @throws java.nio.file.NoSuchFileException and the like for a file that cannot be read
     * @throws io.speedkit.profiler.data.ProfileFormatException for one that is not a sound profile
     */
    public static Stats load(Path... files) throws IOException {
        Stats stats = unsorted(StatsTable.EMPTY);
        for (Path f : files) {
            stats = stats.add(loadOne(f));
        }
        return stats;
    }

    private static Stats loadOne(Path file) throws IOException {
        ProfileData data;
        try (InputStream in = new BufferedInputStream(Files.newInputStream(file), 1 << 16)) {
            data = ProfileReader.read(in);
        }
        return of(data).withFileLines(List.of(titleLine(file)));
    }

    /** pstats' title line of a loaded file: {@code time.ctime(mtime) + "    " + name}. */
    public static String titleLine(Path file) throws IOException {
        java.time.ZonedDateTime mtime = Files.getLastModifiedTime(file).toInstant().atZone(java.time.ZoneId.systemDefault());
        // C's asctime layout, which time.ctime prints: the day of the month padded with a space.
        return java.time.format.DateTimeFormatter.ofPattern("EEE MMM ppd HH:mm:ss yyyy", java.util.Locale.ROOT).format(mtime)
                + "    " + file;
    }

    /**
     * Statistics from rows computed elsewhere, for example read from a pstats file; the map is copied.
     *
     * @throws IllegalArgumentException for null keys or rows
     */
    public static Stats of(Map<FunctionKey, FunctionStats> functions) {
        return unsorted(StatsTable.of(functions));
    }

    /**
     * Both statistics added: equal functions' rows and caller edges summed, file lines concatenated. Like
     * pstats, the result is unsorted; output and unit are this one's.
     */
    public Stats add(Stats other) {
        List<String> lines = new ArrayList<>(fileLines);
        lines.addAll(other.fileLines);
        return new Stats(table.plus(other.table), null, List.of(), out, unit, List.copyOf(lines));
    }

    /** This plus the statistics of {@code profile}; unsorted, like pstats' {@code add}. */
    public Stats add(ProfileData profile) {
        return add(of(profile));
    }

    /**
     * Sorted by {@code keys}, the first key deciding and each later one breaking ties; the sort is stable
     * over the key order of functions (file, line, name). Key names are pstats': {@code calls},
     * {@code ncalls}, {@code cumulative}, {@code cumtime}, {@code filename}, {@code module},
     * {@code line}, {@code name}, {@code nfl}, {@code pcalls}, {@code stdname}, {@code time},
     * {@code tottime}, or any unique prefix of one ({@code cumu}, {@code file}). No keys means unsorted.
     *
     * @throws IllegalArgumentException for an unknown or ambiguous key, naming it and listing the valid ones
     */
    public Stats sortStats(String... keys) {
        SortKey[] parsed = new SortKey[keys.length];
        for (int i = 0; i < keys.length; i++) {
            parsed[i] = SortKey.parse(keys[i]);
        }
        return sortStats(parsed);
    }

    /**
     * Unsorted again, as pstats' {@code sort_stats()} with no keys: printed as "Random listing order was
     * used", listed in key order (file, line, name).
     */
    public Stats sortStats() {
        return new Stats(table, null, List.of(), out, unit, fileLines);
    }

    /** Sorted by {@code keys}, as {@link #sortStats(String...)}; no keys means unsorted. */
    public Stats sortStats(SortKey... keys) {
        if (keys.length == 0) {
            return sortStats();
        }
        List<SortKey> list = List.of(keys);
        return new Stats(table, table.sorted(list), list, out, unit, fileLines);
    }

    /** The current listing reversed; an unsorted listing stays as it is, as in pstats. */
    public Stats reverseOrder() {
        if (order == null || order.isEmpty()) {
            return this;
        }
        List<FunctionKey> reversed = new ArrayList<>(order);
        Collections.reverse(reversed);
        return new Stats(table, Collections.unmodifiableList(reversed), sortKeys, out, unit, fileLines);
    }

    /**
     * Every file name, also in caller entries, reduced to its last path element; functions (and edges)
     * that become equal are added. Like pstats, this forgets the sort order.
     */
    public Stats stripDirs() {
        return new Stats(table.stripDirs(), null, List.of(), out, unit, fileLines);
    }

    /** The keys the listing is sorted by; empty when it is unsorted. */
    public List<SortKey> sortKeys() {
        return sortKeys;
    }

    /**
     * Every function's row, in the current listing order (unsorted: file, line, name). This is pstats'
     * {@code get_stats_profile()}, but keyed by the whole function key (so equally named functions of
     * different files stay apart) and unrounded.
     */
    public Map<FunctionKey, FunctionStats> functions() {
        if (order == null) {
            return table.functions();
        }
        Map<FunctionKey, FunctionStats> ordered = new LinkedHashMap<>();
        for (FunctionKey k : order) {
            ordered.put(k, table.get(k));
        }
        return Collections.unmodifiableMap(ordered);
    }

    /**
     * What {@code caller} called, each with the edge's numbers (the callee's times while called from
     * {@code caller}), in key order; empty for a function that called nothing or is unknown.
     */
    public Map<FunctionKey, CallStats> callees(FunctionKey caller) {
        return table.callees(caller);
    }

    /** All calls of all functions: the header's "N function calls". */
    public long totalCalls() {
        return table.totalCalls();
    }

    /** All non-recursive calls: the header's "(N primitive calls)". */
    public long primitiveCalls() {
        return table.primitiveCalls();
    }

    /** Σ tottime in seconds: the header's "in ... seconds" (pstats' {@code total_tt}), not wall time. */
    public double totalTime() {
        return table.totalTime();
    }

    /** These statistics printing to {@code stream} (default {@code System.out}). */
    public Stats withOutput(PrintStream stream) {
        if (stream == null) {
            throw new IllegalArgumentException("output stream must not be null");
        }
        return new Stats(table, order, sortKeys, stream, unit, fileLines);
    }

    /**
     * These statistics printing times in {@code unit}; {@link Unit#SECONDS} prints exactly cProfile's
     * text, {@link Unit#AUTO} (the default) chooses one unit for the whole profile.
     */
    public Stats withUnit(Unit unit) {
        if (unit == null) {
            throw new IllegalArgumentException("unit must not be null; use Unit.AUTO to let the profile choose");
        }
        return new Stats(table, order, sortKeys, out, unit, fileLines);
    }

    /**
     * These statistics with the lines {@link #printStats} prints first, followed by a blank line: pstats
     * prints one per loaded file, {@code time.ctime(mtime) + "    " + path}.
     */
    public Stats withFileLines(List<String> lines) {
        return new Stats(table, order, sortKeys, out, unit, List.copyOf(lines));
    }

    /**
     * Prints the cProfile table: pstats' {@code print_stats}. Restrictions are applied left to right:
     * an Integer or Long {@code n} keeps the first n rows, a Double {@code f} in [0, 1) the first
     * fraction, a String keeps the rows whose printed name the regular expression matches anywhere.
     * When nothing is left, only the header is printed.
     *
     * @return this
     * @throws IllegalArgumentException for a restriction of any other type
     */
    public Stats printStats(Object... restrictions) {
        return emit(printer().stats(restrictions));
    }

    /**
     * Prints, for each listed function, who called it and the function's numbers along each of those
     * edges: pstats' {@code print_callers}. Restrictions as {@link #printStats}; when nothing is left,
     * nothing is printed.
     *
     * @return this
     */
    public Stats printCallers(Object... restrictions) {
        return emit(printer().callers(restrictions));
    }

    /**
     * Prints, for each listed function, what it called: pstats' {@code print_callees}. Restrictions as
     * {@link #printStats}; when nothing is left, nothing is printed.
     *
     * @return this
     */
    public Stats printCallees(Object... restrictions) {
        return emit(printer().callees(restrictions));
    }

    /**
     * Writes these statistics as a pstats file, pstats' {@code dump_stats}: one marshalled dict that
     * Python's {@code pstats.Stats(file)}, snakeviz and gprof2dot read. The stream is flushed, not closed.
     */
    public Stats dumpStats(java.io.OutputStream out) throws IOException {
        io.speedkit.profiler.export.PstatsWriter.write(this, out);
        return this;
    }

    private StatsPrinter printer() {
        List<FunctionKey> listing = order != null ? order : List.copyOf(table.functions().keySet());
        String orderedBy = null;
        if (order != null) {
            List<String> parts = new ArrayList<>();
            for (SortKey k : sortKeys) {
                parts.add(k.description());
            }
            orderedBy = String.join(", ", parts);
        }
        return new StatsPrinter(table, listing, orderedBy, unit, fileLines);
    }

    private Stats emit(String text) {
        out.print(text);
        out.flush();
        return this;
    }

    @Override
    public String toString() {
        return String.format(Locale.ROOT, "Stats[%d functions, %d calls, %s]", table.size(), table.totalCalls(),
                order == null ? "unsorted" : "ordered by " + sortKeys);
    }
}
