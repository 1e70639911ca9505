package io.speedkit.profiler;

import io.speedkit.profiler.data.FunctionKey;

import java.util.Collections;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;

/**
 * One function's row of the cProfile table, unrounded: pstats' {@code (cc, nc, tt, ct, callers)}.
 *
 * @param primitiveCalls calls that were not recursive, i.e. made while the function was not already
 *                       running on the same thread ({@code cc})
 * @param totalCalls     all calls ({@code nc})
 * @param tottime        time spent in the function itself, callees excluded, seconds
 * @param cumtime        time spent in the function and everything it called, counted once per outermost
 *                       activation so recursion is not counted twice, seconds
 * @param callers        who called this function, each with the edge's numbers; unmodifiable, ordered
 *                       as pstats sorts them (file, line, name; strings by code point)
 */
public record FunctionStats(long primitiveCalls, long totalCalls, double tottime, double cumtime,
                            Map<FunctionKey, CallStats> callers) {

    public FunctionStats {
        checkCounts("function", primitiveCalls, totalCalls);
        checkTime("function tottime", tottime);
        checkTime("function cumtime", cumtime);
        if (callers == null) {
            throw new IllegalArgumentException("function callers must not be null; pass an empty map for a root");
        }
        // TreeDerivation's maps are immutable, in key order and free of nulls already (a million nodes'
        // worth of edges); anything else is checked and copied.
        if (!KeyOrderedMap.isKeyOrdered(callers)) {
            TreeMap<FunctionKey, CallStats> copy = new TreeMap<>(PythonText.KEY_ORDER);
            for (Map.Entry<FunctionKey, CallStats> e : callers.entrySet()) {
                if (e.getKey() == null || e.getValue() == null) {
                    throw new IllegalArgumentException("function callers must not hold null keys or values, got " + e);
                }
                copy.put(e.getKey(), e.getValue());
            }
            callers = Collections.unmodifiableMap(copy);
        }
    }

    /** Both rows added, callers merged edge by edge: pstats' {@code add_func_stats}. */
    public FunctionStats plus(FunctionStats other) {
        TreeMap<FunctionKey, CallStats> merged = new TreeMap<>(PythonText.KEY_ORDER);
        merged.putAll(callers);
        for (Map.Entry<FunctionKey, CallStats> e : other.callers.entrySet()) {
            merged.merge(e.getKey(), e.getValue(), CallStats::plus);
        }
        return new FunctionStats(primitiveCalls + other.primitiveCalls, totalCalls + other.totalCalls,
                tottime + other.tottime, cumtime + other.cumtime, merged);
    }

    /** The ncalls column as pstats prints it: {@code nc}, or {@code nc/cc} when they differ. */
    public String callsText() {
        return callsText(totalCalls, primitiveCalls);
    }

    @Override
    public String toString() {
        return String.format(Locale.ROOT, "FunctionStats[%s, tottime=%s, cumtime=%s, %d callers]", callsText(), tottime,
                cumtime, callers.size());
    }

    static String callsText(long total, long primitive) {
        return total == primitive ? Long.toString(total) : total + "/" + primitive;
    }

    static void checkCounts(String what, long primitive, long total) {
        if (primitive < 0 || total < 0 || primitive > total) {
            throw new IllegalArgumentException(String.format(Locale.ROOT,
                    "%s calls must satisfy 0 <= primitive <= total, got primitive=%d, total=%d", what, primitive, total));
        }
    }

    static void checkTime(String what, double seconds) {
        // Not NaN (which also keeps the sort comparators consistent), not infinite, not negative.
        if (!(seconds >= 0) || Double.isInfinite(seconds)) {
            throw new IllegalArgumentException(String.format(Locale.ROOT,
                    "%s must be a finite number of seconds >= 0, got %s", what, seconds));
        }
    }
}
