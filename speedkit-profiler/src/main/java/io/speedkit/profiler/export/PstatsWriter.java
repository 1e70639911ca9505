package io.speedkit.profiler.export;

import io.speedkit.profiler.CallStats;
import io.speedkit.profiler.FunctionStats;
import io.speedkit.profiler.Stats;
import io.speedkit.profiler.data.FunctionKey;

import java.io.BufferedOutputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.util.Map;

/**
 * Writes {@link Stats} as a pstats file: what cProfile's {@code dump_stats} writes and
 * {@code pstats.Stats(path)}, snakeviz and gprof2dot read (python-tools.md §1.11). The file is exactly
 * one marshalled dict and has no header, magic or version of its own:
 *
 * <pre>
 * {(file, line, name): (cc, nc, tt, ct, {(callerFile, callerLine, callerName): (nc, cc, tt, ct), ...}), ...}
 * </pre>
 *
 * <p>Note the caller edge's {@code (nc, cc, ...)}: swapped against the entry's {@code (cc, nc, ...)},
 * as in cProfile. Times are seconds. Keys are written as {@link FunctionKey} holds them, which already
 * follows cProfile's conventions (built-ins are {@code ("~", 0, "<method java.lang.String.split>")}).
 *
 * <p>The output is deterministic: the same statistics give the same bytes, whatever their sort order.
 * Functions and callers are written in pstats' key order — file, line, name, strings compared by code
 * point as Python compares them — which is the order of the unsorted {@link Stats} listing. Python keeps
 * a dict's insertion order, so pstats' "Random listing order" and its sort tie-breaks then agree with
 * speedkit's own report.
 *
 * <p>Strings are UTF-8; an unpaired surrogate in a Java string is written as marshal's
 * {@code surrogatepass} writes it, so Python reads the same string back. Counts beyond 32 bits are
 * written as marshal big ints.
 */
public final class PstatsWriter {

    private PstatsWriter() {
    }

    /**
     * Writes {@code stats} to {@code out} as one marshalled pstats dict, then flushes {@code out}; the
     * stream is not closed.
     *
     * @throws IllegalArgumentException when {@code stats} or {@code out} is null
     * @throws IOException              when {@code out} fails
     */
    public static void write(Stats stats, OutputStream out) throws IOException {
        if (stats == null || out == null) {
            throw new IllegalArgumentException("pstats export needs statistics and an output stream, got stats=" + stats
                    + ", out=" + out);
        }
        // MarshalOutput writes byte by byte: buffer here, not in every caller.
        BufferedOutputStream buffered = new BufferedOutputStream(out, 1 << 16);
        MarshalOutput m = new MarshalOutput(buffered);
        m.beginDict();
        // sortStats() with no keys is the unsorted view, whose functions() iterate in pstats' key order.
        for (Map.Entry<FunctionKey, FunctionStats> e : stats.sortStats().functions().entrySet()) {
            FunctionStats f = e.getValue();
            key(m, e.getKey());
            m.tuple(5);
            m.integer(f.primitiveCalls());
            m.integer(f.totalCalls());
            m.real(f.tottime());
            m.real(f.cumtime());
            // FunctionStats keeps its callers in the same key order.
            m.beginDict();
            for (Map.Entry<FunctionKey, CallStats> c : f.callers().entrySet()) {
                CallStats edge = c.getValue();
                key(m, c.getKey());
                m.tuple(4);
                // Swapped on purpose: pstats unpacks a caller edge as nc, cc, tt, ct.
                m.integer(edge.totalCalls());
                m.integer(edge.primitiveCalls());
                m.real(edge.tottime());
                m.real(edge.cumtime());
            }
            m.endDict();
        }
        m.endDict();
        buffered.flush();
    }

    /**
     * The bytes {@link #write} writes.
     *
     * @throws IllegalArgumentException when {@code stats} is null
     */
    public static byte[] toBytes(Stats stats) {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        try {
            write(stats, bytes);
        } catch (IOException e) {
            throw new UncheckedIOException("a byte array stream does not fail", e);
        }
        return bytes.toByteArray();
    }

    private static void key(MarshalOutput m, FunctionKey k) throws IOException {
        m.tuple(3);
        m.str(k.file());
        m.integer(k.line());
        m.str(k.name());
    }
}
