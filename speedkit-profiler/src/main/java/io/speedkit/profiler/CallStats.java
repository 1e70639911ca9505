package io.speedkit.profiler;

import java.util.Locale;

/**
 * One caller→callee edge: how often, and with how much time, a function was called from one
 * particular caller. This is the value of pstats' callers dictionary, in the same field order
 * {@code (nc, cc, tt, ct)} — note that this order is swapped against {@link FunctionStats}, exactly as
 * in pstats.
 *
 * @param totalCalls     calls made along this edge ({@code nc})
 * @param primitiveCalls calls that were not already running along this same edge ({@code cc}); a
 *                       recursive self-edge {@code fact→fact} counts only the outermost one
 * @param tottime        the callee's own time while called from this caller, seconds
 * @param cumtime        the callee's inclusive time while called from this caller, counted once per
 *                       outermost activation of the edge, seconds
 */
public record CallStats(long totalCalls, long primitiveCalls, double tottime, double cumtime) {

    /** The edge that was never taken; the identity of {@link #plus}. */
    public static final CallStats ZERO = new CallStats(0, 0, 0.0, 0.0);

    public CallStats {
        FunctionStats.checkCounts("call edge", primitiveCalls, totalCalls);
        FunctionStats.checkTime("call edge tottime", tottime);
        FunctionStats.checkTime("call edge cumtime", cumtime);
    }

    /** Both edges' numbers added, as pstats' {@code add} merges caller entries. */
    public CallStats plus(CallStats other) {
        return new CallStats(totalCalls + other.totalCalls, primitiveCalls + other.primitiveCalls,
                tottime + other.tottime, cumtime + other.cumtime);
    }

    /** The count column as pstats prints it: {@code nc}, or {@code nc/cc} when they differ. */
    public String callsText() {
        return FunctionStats.callsText(totalCalls, primitiveCalls);
    }

    @Override
    public String toString() {
        return String.format(Locale.ROOT, "CallStats[%s, tottime=%s, cumtime=%s]", callsText(), tottime, cumtime);
    }
}
