package io.speedkit.profiler;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.speedkit.profiler.data.FunctionKey;

import org.junit.jupiter.api.Test;

/** Expected values are what CPython 3.11/3.13 prints for the same input. */
class PythonTextTest {

    @Test
    void f8_roundsTheExactBinaryValueHalfToEven() {
        assertEquals("   1.000", PythonText.f8(1.0005));  // 1.000499999... in binary; String.format says 1.001
        assertEquals("   0.062", PythonText.f8(0.0625));  // an exact tie goes to even
        assertEquals("   0.010", PythonText.f8(0.010132));
        assertEquals("  -0.000", PythonText.f8(-1e-10));  // Python keeps the sign
        assertEquals("  -0.000", PythonText.f8(-0.0));
        assertEquals("10124000.000", PythonText.f8(10124000.0)); // wider than 8: the field grows
        assertEquals("     nan", PythonText.f8(Double.NaN));
        assertEquals("     inf", PythonText.f8(Double.POSITIVE_INFINITY));
    }

    @Test
    void repr_ofFloats_isPythonsShortestForm() {
        assertEquals("0.5", PythonText.repr(0.5));
        assertEquals("0.1", PythonText.repr(0.1));
        assertEquals("0.30000000000000004", PythonText.repr(0.1 + 0.2));
        assertEquals("0.0001", PythonText.repr(1e-4));
        assertEquals("1e-05", PythonText.repr(1e-5));
        assertEquals("1.5e-07", PythonText.repr(1.5e-7));
        assertEquals("1000000000000000.0", PythonText.repr(1e15));
        assertEquals("1e+16", PythonText.repr(1e16));
        assertEquals("123.0", PythonText.repr(123.0));
        assertEquals("0.0", PythonText.repr(0.0));
        assertEquals("-0.0", PythonText.repr(-0.0));
    }

    @Test
    void repr_ofStrings_quotesAndEscapesLikePython() {
        assertEquals("'fact|odd'", PythonText.repr("fact|odd"));
        assertEquals("\"it's\"", PythonText.repr("it's"));
        assertEquals("'a\"b'", PythonText.repr("a\"b"));
        assertEquals("'it\\'s \"x\"'", PythonText.repr("it's \"x\""));
        assertEquals("'\\\\d+'", PythonText.repr("\\d+"));
        assertEquals("'\\x7fé\\u200b\\t'", PythonText.repr("\u007f\u00e9\u200b\t"));
        assertEquals("'2'", PythonText.repr((Object) "2"));
        assertEquals("2", PythonText.repr((Object) 2));
        assertEquals("7", PythonText.repr((Object) 7L));
    }

    @Test
    void justify_countsCodePoints() {
        String clef = "\uD834\uDD1E"; // one code point, two UTF-16 units
        assertEquals(clef + "  ", PythonText.ljust(clef, 3));
        assertEquals("  " + clef, PythonText.rjust(clef, 3));
        assertEquals("abcd", PythonText.ljust("abcd", 2));
    }

    @Test
    void keyOrder_comparesStringsByCodePointLikePython() {
        FunctionKey supplementary = new FunctionKey("\uD834\uDD1E.java", 1, "f"); // U+1D11E
        FunctionKey highBmp = new FunctionKey("\uFF21.java", 1, "f");             // U+FF21
        assertTrue(PythonText.KEY_ORDER.compare(highBmp, supplementary) < 0);
        assertTrue(highBmp.compareTo(supplementary) > 0, "String.compareTo orders UTF-16 units differently");
        assertTrue(PythonText.KEY_ORDER.compare(new FunctionKey("a", 2, "f"), new FunctionKey("a", 10, "f")) < 0);
        assertTrue(PythonText.KEY_ORDER.compare(new FunctionKey("~", 0, "<x>"), new FunctionKey("z.py", 1, "f")) > 0);
        assertEquals(0, PythonText.compare("ab", "ab"));
        assertTrue(PythonText.compare("ab", "abc") < 0);
    }
}
