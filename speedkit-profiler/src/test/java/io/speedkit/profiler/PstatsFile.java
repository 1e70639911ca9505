package io.speedkit.profiler;

import io.speedkit.profiler.data.FunctionKey;

import java.io.ByteArrayOutputStream;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.util.Map;

/**
 * A minimal pstats file writer for tests: the {@code marshal} subset of python-tools.md §1.11 (dict,
 * tuple, str, 32-bit int, binary float), enough for {@code pstats.Stats(path)} to load what
 * {@link Stats#functions()} holds. Entries are written in the map's order, which becomes the Python
 * dict's order, and so pstats' "random" listing order and its sort's tie order.
 */
final class PstatsFile {

    private final ByteArrayOutputStream out = new ByteArrayOutputStream();

    private PstatsFile() {
    }

    /** {@code {key: (cc, nc, tt, ct, {caller: (nc, cc, tt, ct)})}} for every function. */
    static byte[] marshal(Map<FunctionKey, FunctionStats> functions) {
        PstatsFile f = new PstatsFile();
        f.out.write('{');
        for (Map.Entry<FunctionKey, FunctionStats> e : functions.entrySet()) {
            FunctionStats s = e.getValue();
            f.key(e.getKey());
            f.tupleHeader(5);
            f.integer(s.primitiveCalls());
            f.integer(s.totalCalls());
            f.real(s.tottime());
            f.real(s.cumtime());
            f.out.write('{');
            for (Map.Entry<FunctionKey, CallStats> c : s.callers().entrySet()) {
                CallStats edge = c.getValue();
                f.key(c.getKey());
                f.tupleHeader(4);
                f.integer(edge.totalCalls());
                f.integer(edge.primitiveCalls());
                f.real(edge.tottime());
                f.real(edge.cumtime());
            }
            f.out.write('0');
        }
        f.out.write('0');
        return f.out.toByteArray();
    }

    private void key(FunctionKey k) {
        tupleHeader(3);
        string(k.file());
        integer(k.line());
        string(k.name());
    }

    private void tupleHeader(int count) {
        out.write('(');
        int32(count);
    }

    private void string(String s) {
        byte[] utf8 = s.getBytes(StandardCharsets.UTF_8);
        out.write('u');
        int32(utf8.length);
        out.writeBytes(utf8);
    }

    private void integer(long v) {
        if (v != (int) v) {
            throw new IllegalArgumentException("this test writer only writes 32-bit ints, got " + v);
        }
        out.write('i');
        int32((int) v);
    }

    private void real(double v) {
        out.write('g');
        out.writeBytes(ByteBuffer.allocate(8).order(ByteOrder.LITTLE_ENDIAN).putDouble(v).array());
    }

    private void int32(int v) {
        out.writeBytes(ByteBuffer.allocate(4).order(ByteOrder.LITTLE_ENDIAN).putInt(v).array());
    }
}
