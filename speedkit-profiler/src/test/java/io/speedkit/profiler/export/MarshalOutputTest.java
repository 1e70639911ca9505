package io.speedkit.profiler.export;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HexFormat;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The marshal encoding of each value type, byte by byte, and Python's reading of it. */
class MarshalOutputTest {

    @TempDir
    Path dir;

    /** Hex of what {@code body} writes. */
    private static String hex(IoConsumer body) throws IOException {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        body.accept(new MarshalOutput(bytes));
        return HexFormat.of().formatHex(bytes.toByteArray());
    }

    @FunctionalInterface
    private interface IoConsumer {
        void accept(MarshalOutput m) throws IOException;
    }

    @Test
    void integer_fitsIn32Bits_isTypeInt() throws IOException {
        assertEquals("6900000000", hex(m -> m.integer(0)));
        assertEquals("69ffffff7f", hex(m -> m.integer(Integer.MAX_VALUE)));
        assertEquals("6900000080", hex(m -> m.integer(Integer.MIN_VALUE)));
        assertEquals("69ffffffff", hex(m -> m.integer(-1)));
    }

    @Test
    void integer_beyond32Bits_isBase2To15Digits() throws IOException {
        // 2^31 = 2 * (2^15)^2: digits 0, 0, 2 (least significant first), count 3.
        assertEquals("6c03000000" + "0000" + "0000" + "0200", hex(m -> m.integer(1L << 31)));
        // -(2^31 + 1): count -3 carries the sign, digits are the magnitude's: 1, 0, 2.
        assertEquals("6cfdffffff" + "0100" + "0000" + "0200", hex(m -> m.integer(-(1L << 31) - 1)));
        // 2^63 - 1 = 60 one-bits in four digits plus 7 in the fifth: 7fff x4, 0007.
        assertEquals("6c05000000" + "ff7f".repeat(4) + "0700", hex(m -> m.integer(Long.MAX_VALUE)));
        // -2^63: magnitude 2^63 = 8 * (2^15)^4, count -5; its negation overflows in Java and must not matter.
        assertEquals("6cfbffffff" + "0000".repeat(4) + "0800", hex(m -> m.integer(Long.MIN_VALUE)));
    }

    @Test
    void str_isUtf8WithSurrogatePass() throws IOException {
        assertEquals("7500000000", hex(m -> m.str("")));
        // é is 2 bytes, € 3, 😀 (one surrogate pair in Java) 4: 9 bytes in all.
        assertEquals("7509000000" + "c3a9" + "e282ac" + "f09f9880", hex(m -> m.str("é€😀")));
        // A lone high surrogate U+D800 encoded like any BMP code point: ED A0 80, as surrogatepass does.
        assertEquals("7504000000" + "eda080" + "78", hex(m -> m.str("\ud800x")));
    }

    @Test
    void containers_haveCountsAndEndMarkers() throws IOException {
        assertEquals("280200000069010000006902000000", hex(m -> {
            m.tuple(2);
            m.integer(1);
            m.integer(2);
        }));
        assertEquals("7b30", hex(m -> {
            m.beginDict();
            m.endDict();
        }));
        // 0.1 = 0x3FB999999999999A, little-endian.
        assertEquals("679a9999999999b93f", hex(m -> m.real(0.1)));
    }

    @Test
    void everyType_readsBackInPython() throws Exception {
        Path file = dir.resolve("values.marshal");
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        MarshalOutput m = new MarshalOutput(bytes);
        m.beginDict();
        m.str("k");
        m.tuple(10);
        m.integer(Integer.MAX_VALUE);
        m.integer(Integer.MIN_VALUE);
        m.integer(1L << 31);
        m.integer(-(1L << 31) - 1);
        m.integer(Long.MAX_VALUE);
        m.integer(Long.MIN_VALUE);
        m.integer(1L << 45);
        m.str("\ud800x");
        m.str("😀é");
        m.real(0.1);
        m.endDict();
        Files.write(file, bytes.toByteArray());

        String printed = Python3.run(dir, "import marshal, sys\nprint(ascii(marshal.load(open(sys.argv[1], 'rb'))))",
                file.getFileName().toString());

        assertEquals("{'k': (2147483647, -2147483648, 2147483648, -2147483649, 9223372036854775807, "
                + "-9223372036854775808, 35184372088832, '\\ud800x', '\\U0001f600\\xe9', 0.1)}\n", printed);
    }
}
