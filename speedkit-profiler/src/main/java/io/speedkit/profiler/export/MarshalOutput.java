package io.speedkit.profiler.export;

import java.io.IOException;
import java.io.OutputStream;

/**
 * The subset of Python's {@code marshal} format that a pstats file needs (python-tools.md §1.11):
 * dict, tuple, str, int (32-bit and arbitrary size) and binary float, all little-endian.
 *
 * <p>Every reader since marshal version 2 accepts these type codes. Python's own writer also sets
 * {@code FLAG_REF} and uses the short ASCII string codes of version 4; both are optimisations a reader
 * never requires, so this writer omits them and its output is not byte-identical to
 * {@code marshal.dumps} — it loads to an equal value.
 *
 * <p>The caller buffers: every value is written through {@link OutputStream#write(int)}.
 */
final class MarshalOutput {

    private static final int TYPE_DICT = '{';
    private static final int TYPE_NULL = '0';
    private static final int TYPE_TUPLE = '(';
    private static final int TYPE_UNICODE = 'u';
    private static final int TYPE_INT = 'i';
    private static final int TYPE_LONG = 'l';
    private static final int TYPE_BINARY_FLOAT = 'g';

    /** marshal's digits of a big int: 15 bits each ({@code PyLong_MARSHAL_SHIFT}), whatever CPython uses inside. */
    private static final int LONG_SHIFT = 15;
    private static final long LONG_MASK = (1L << LONG_SHIFT) - 1;

    private final OutputStream out;
    /** Reused UTF-8 buffer for {@link #str}; a string needs at most 3 bytes per UTF-16 unit. */
    private byte[] utf8 = new byte[256];

    MarshalOutput(OutputStream out) {
        this.out = out;
    }

    /** Opens a dict; write key, value, key, value … and then {@link #endDict()}. */
    void beginDict() throws IOException {
        out.write(TYPE_DICT);
    }

    /** Closes a dict: marshal ends it with a NULL where the next key would be. */
    void endDict() throws IOException {
        out.write(TYPE_NULL);
    }

    /** Opens a tuple of {@code size} items; the items follow, with no end marker. */
    void tuple(int size) throws IOException {
        out.write(TYPE_TUPLE);
        int32(size);
    }

    /**
     * A {@code str}: its UTF-8 bytes, each Java code point encoded on its own. An unpaired surrogate is
     * encoded as its own three bytes, exactly as marshal's {@code surrogatepass} error handler does, so
     * Python reads back the same (surrogate-holding) string rather than a replacement character.
     */
    void str(String s) throws IOException {
        int max = s.length() * 3;
        if (utf8.length < max) {
            utf8 = new byte[Math.max(max, utf8.length * 2)];
        }
        int n = 0;
        for (int i = 0; i < s.length(); ) {
            // codePointAt returns a lone surrogate itself, which then takes the 3-byte branch below.
            int cp = s.codePointAt(i);
            i += Character.charCount(cp);
            if (cp < 0x80) {
                utf8[n++] = (byte) cp;
            } else if (cp < 0x800) {
                utf8[n++] = (byte) (0xC0 | cp >> 6);
                utf8[n++] = (byte) (0x80 | cp & 0x3F);
            } else if (cp < 0x10000) {
                utf8[n++] = (byte) (0xE0 | cp >> 12);
                utf8[n++] = (byte) (0x80 | cp >> 6 & 0x3F);
                utf8[n++] = (byte) (0x80 | cp & 0x3F);
            } else {
                utf8[n++] = (byte) (0xF0 | cp >> 18);
                utf8[n++] = (byte) (0x80 | cp >> 12 & 0x3F);
                utf8[n++] = (byte) (0x80 | cp >> 6 & 0x3F);
                utf8[n++] = (byte) (0x80 | cp & 0x3F);
            }
        }
        out.write(TYPE_UNICODE);
        int32(n);
        out.write(utf8, 0, n);
    }

    /**
     * An {@code int}: {@code 'i'} with 4 bytes when it fits in 32 bits (as marshal writes it), otherwise
     * {@code 'l'}, the signed digit count and the magnitude's base-2^15 digits, least significant first.
     * Readers reject a most significant digit of zero, so exactly as many digits as needed are written.
     */
    void integer(long v) throws IOException {
        if (v == (int) v) {
            out.write(TYPE_INT);
            int32((int) v);
            return;
        }
        // Two's-complement negation of Long.MIN_VALUE is itself, which read unsigned (>>>) is 2^63: right.
        long magnitude = v < 0 ? -v : v;
        int digits = 0;
        for (long m = magnitude; m != 0; m >>>= LONG_SHIFT) {
            digits++;
        }
        out.write(TYPE_LONG);
        int32(v < 0 ? -digits : digits);
        for (long m = magnitude; m != 0; m >>>= LONG_SHIFT) {
            int digit = (int) (m & LONG_MASK);
            out.write(digit);
            out.write(digit >>> 8);
        }
    }

    /** A {@code float}: the IEEE-754 double, 8 bytes little-endian (marshal version 2 and later). */
    void real(double v) throws IOException {
        long bits = Double.doubleToRawLongBits(v);
        out.write(TYPE_BINARY_FLOAT);
        for (int i = 0; i < 8; i++) {
            out.write((int) (bits >>> (8 * i)));
        }
    }

    private void int32(int v) throws IOException {
        out.write(v);
        out.write(v >>> 8);
        out.write(v >>> 16);
        out.write(v >>> 24);
    }
}
