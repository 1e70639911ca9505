package io.speedkit.profiler;

import io.speedkit.profiler.data.FunctionKey;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * pstats' {@code stats} dictionary with the totals pstats keeps beside it: every function's row, in key
 * order, plus total calls, primitive calls, total time and the longest printed name. Immutable, so any
 * number of {@link Stats} views share one table; the callee inversion is computed once, on first use.
 */
final class StatsTable {

    /** One function as the sort comparators see it: pstats' sort tuple without the copying. */
    record Row(FunctionKey key, FunctionStats stats, String stdName) {
    }

    static final StatsTable EMPTY = new StatsTable(new TreeMap<>(PythonText.KEY_ORDER));

    private final Map<FunctionKey, FunctionStats> functions;
    private final long totalCalls;
    private final long primitiveCalls;
    private final double totalTime;
    private final int maxNameLength;
    private final boolean anyCallers;
    /** Callee maps by caller, built lazily; a benign race may build it twice, never wrongly. */
    private volatile Map<FunctionKey, Map<FunctionKey, CallStats>> callees;

    private StatsTable(TreeMap<FunctionKey, FunctionStats> functions) {
        this.functions = Collections.unmodifiableMap(functions);
        long calls = 0;
        long primitive = 0;
        double time = 0;
        int width = 0;
        boolean callers = false;
        // Summed in key order, the same order a pstats file written from this table is summed in.
        for (Map.Entry<FunctionKey, FunctionStats> e : functions.entrySet()) {
            FunctionStats s = e.getValue();
            calls += s.totalCalls();
            primitive += s.primitiveCalls();
            time += s.tottime();
            width = Math.max(width, PythonText.length(e.getKey().stdName()));
            callers |= !s.callers().isEmpty();
        }
        this.totalCalls = calls;
        this.primitiveCalls = primitive;
        this.totalTime = time;
        this.maxNameLength = width;
        this.anyCallers = callers;
    }

    /** A table holding a copy of {@code functions}. */
    static StatsTable of(Map<FunctionKey, FunctionStats> functions) {
        for (Map.Entry<FunctionKey, FunctionStats> e : functions.entrySet()) {
            if (e.getKey() == null || e.getValue() == null) {
                throw new IllegalArgumentException("stats must not hold null functions or rows, got " + e);
            }
        }
        // Already in key order (as TreeDerivation returns them): copied in linear time, no re-sorting.
        if (functions instanceof java.util.SortedMap<FunctionKey, FunctionStats> sorted && sorted.comparator() == PythonText.KEY_ORDER) {
            return new StatsTable(new TreeMap<>(sorted));
        }
        TreeMap<FunctionKey, FunctionStats> copy = new TreeMap<>(PythonText.KEY_ORDER);
        copy.putAll(functions);
        return new StatsTable(copy);
    }

    /** Both tables, equal keys' rows added: pstats' {@code add}. */
    StatsTable plus(StatsTable other) {
        if (other.functions.isEmpty()) {
            return this;
        }
        if (functions.isEmpty()) {
            return other;
        }
        TreeMap<FunctionKey, FunctionStats> merged = new TreeMap<>(PythonText.KEY_ORDER);
        merged.putAll(functions);
        for (Map.Entry<FunctionKey, FunctionStats> e : other.functions.entrySet()) {
            merged.merge(e.getKey(), e.getValue(), FunctionStats::plus);
        }
        return new StatsTable(merged);
    }

    /**
     * Every key, and every caller key, reduced to its base file name; rows and edges that collide are
     * added. (pstats merges colliding rows but lets one colliding caller edge overwrite another; adding
     * them is what the numbers mean, and a pstats file written afterwards then adds up.)
     */
    StatsTable stripDirs() {
        TreeMap<FunctionKey, FunctionStats> stripped = new TreeMap<>(PythonText.KEY_ORDER);
        for (Map.Entry<FunctionKey, FunctionStats> e : functions.entrySet()) {
            FunctionStats s = e.getValue();
            Map<FunctionKey, CallStats> callers = new TreeMap<>(PythonText.KEY_ORDER);
            for (Map.Entry<FunctionKey, CallStats> c : s.callers().entrySet()) {
                callers.merge(c.getKey().stripDirs(), c.getValue(), CallStats::plus);
            }
            FunctionStats row = new FunctionStats(s.primitiveCalls(), s.totalCalls(), s.tottime(), s.cumtime(), callers);
            stripped.merge(e.getKey().stripDirs(), row, FunctionStats::plus);
        }
        return new StatsTable(stripped);
    }

    /** All rows, in key order. */
    Map<FunctionKey, FunctionStats> functions() {
        return functions;
    }

    int size() {
        return functions.size();
    }

    FunctionStats get(FunctionKey key) {
        return functions.get(key);
    }

    long totalCalls() {
        return totalCalls;
    }

    long primitiveCalls() {
        return primitiveCalls;
    }

    /** Σ tottime: pstats' {@code total_tt}, the header's "in ... seconds". */
    double totalTime() {
        return totalTime;
    }

    /** Length in code points of the longest printed name: pstats' {@code max_name_len}. */
    int maxNameLength() {
        return maxNameLength;
    }

    /** Whether any function has a caller; pstats prints the callers/callees sub-header only then. */
    boolean anyCallers() {
        return anyCallers;
    }

    /** The keys sorted by {@code keys}, stable over key order, as pstats' {@code sort_stats}. */
    List<FunctionKey> sorted(List<SortKey> keys) {
        List<Row> rows = new ArrayList<>(functions.size());
        for (Map.Entry<FunctionKey, FunctionStats> e : functions.entrySet()) {
            rows.add(new Row(e.getKey(), e.getValue(), e.getKey().stdName()));
        }
        rows.sort(SortKey.comparator(keys)); // List.sort is stable, as Python's list.sort
        List<FunctionKey> order = new ArrayList<>(rows.size());
        for (Row r : rows) {
            order.add(r.key());
        }
        return Collections.unmodifiableList(order);
    }

    /** What {@code caller} called, each with the edge's numbers, in key order: pstats' {@code calc_callees}. */
    Map<FunctionKey, CallStats> callees(FunctionKey caller) {
        Map<FunctionKey, Map<FunctionKey, CallStats>> all = callees;
        if (all == null) {
            all = invertCallers();
            callees = all;
        }
        return all.getOrDefault(caller, Map.of());
    }

    private Map<FunctionKey, Map<FunctionKey, CallStats>> invertCallers() {
        Map<FunctionKey, Map<FunctionKey, CallStats>> all = new TreeMap<>(PythonText.KEY_ORDER);
        for (Map.Entry<FunctionKey, FunctionStats> e : functions.entrySet()) {
            for (Map.Entry<FunctionKey, CallStats> c : e.getValue().callers().entrySet()) {
                all.computeIfAbsent(c.getKey(), k -> new TreeMap<>(PythonText.KEY_ORDER)).put(e.getKey(), c.getValue());
            }
        }
        for (Map.Entry<FunctionKey, Map<FunctionKey, CallStats>> e : all.entrySet()) {
            e.setValue(Collections.unmodifiableMap(e.getValue()));
        }
        return all;
    }
}
