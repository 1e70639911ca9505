package io.speedkit.profiler;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.Map;
import java.util.TreeMap;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class SortKeyTest {

    private static final String VALID = "valid keys: calls, cumtime, cumulative, file, filename, line, module, name,"
            + " ncalls, nfl, pcalls, stdname, time, tottime";

    /** Every abbreviation pstats 3.13's get_sort_arg_defs() accepts, computed by running it. */
    @Test
    void parse_acceptsExactlyPstatsAbbreviations() {
        Map<String, SortKey> expected = new TreeMap<>();
        put(expected, SortKey.CALLS, "ca", "cal", "call", "calls", "nc", "nca", "ncal", "ncall", "ncalls");
        put(expected, SortKey.CUMULATIVE, "cu", "cumt", "cumti", "cumtim", "cumtime", "cumu", "cumul", "cumula",
                "cumulat", "cumulati", "cumulativ", "cumulative");
        put(expected, SortKey.FILENAME, "f", "fi", "fil", "file", "filen", "filena", "filenam", "filename", "m", "mo",
                "mod", "modu", "modul", "module");
        put(expected, SortKey.LINE, "l", "li", "lin", "line");
        put(expected, SortKey.NAME, "na", "nam", "name");
        put(expected, SortKey.NFL, "nf", "nfl");
        put(expected, SortKey.PCALLS, "p", "pc", "pca", "pcal", "pcall", "pcalls");
        put(expected, SortKey.STDNAME, "s", "st", "std", "stdn", "stdna", "stdnam", "stdname");
        put(expected, SortKey.TIME, "ti", "tim", "time", "to", "tot", "tott", "totti", "tottim", "tottime");
        assertEquals(66, expected.size());
        for (Map.Entry<String, SortKey> e : expected.entrySet()) {
            assertEquals(e.getValue(), SortKey.parse(e.getKey()), e.getKey());
        }
    }

    @Test
    void parse_unknownKey_namesItAndListsTheValidOnes() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> SortKey.parse("cumtme"));
        assertEquals("unknown sort key 'cumtme'; " + VALID, e.getMessage());
        assertEquals("unknown sort key 'Time'; " + VALID,
                assertThrows(IllegalArgumentException.class, () -> SortKey.parse("Time")).getMessage());
        assertEquals("unknown sort key ''; " + VALID,
                assertThrows(IllegalArgumentException.class, () -> SortKey.parse("")).getMessage());
        assertEquals("unknown sort key 'null'; " + VALID,
                assertThrows(IllegalArgumentException.class, () -> SortKey.parse(null)).getMessage());
    }

    @ParameterizedTest
    @ValueSource(strings = {"c", "cum", "n", "t"})
    void parse_ambiguousAbbreviation_isRejectedAsPstatsDoes(String key) {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> SortKey.parse(key));
        assertEquals(true, e.getMessage().startsWith("ambiguous sort key '" + key + "' abbreviates "), e.getMessage());
        assertEquals(true, e.getMessage().endsWith("; " + VALID), e.getMessage());
    }

    @Test
    void parse_ambiguousAbbreviation_saysWhichKeysItCouldMean() {
        assertEquals("ambiguous sort key 'cum' abbreviates cumtime, cumulative; write more of the name; " + VALID,
                assertThrows(IllegalArgumentException.class, () -> SortKey.parse("cum")).getMessage());
        assertEquals("ambiguous sort key 'n' abbreviates name, ncalls, nfl; write more of the name; " + VALID,
                assertThrows(IllegalArgumentException.class, () -> SortKey.parse("n")).getMessage());
    }

    @Test
    void statsSortStats_badKey_throwsBeforeSorting() {
        Stats stats = DemoReport.demo();
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> stats.sortStats("time", "cumtme"));
        assertEquals("unknown sort key 'cumtme'; " + VALID, e.getMessage());
        assertThrows(IllegalArgumentException.class, () -> stats.sortStats("t"));
    }

    @Test
    void descriptions_arePstatsOrderedByTexts() {
        assertEquals("call count", SortKey.CALLS.description());
        assertEquals("cumulative time", SortKey.CUMULATIVE.description());
        assertEquals("file name", SortKey.FILENAME.description());
        assertEquals("line number", SortKey.LINE.description());
        assertEquals("function name", SortKey.NAME.description());
        assertEquals("name/file/line", SortKey.NFL.description());
        assertEquals("primitive call count", SortKey.PCALLS.description());
        assertEquals("standard name", SortKey.STDNAME.description());
        assertEquals("internal time", SortKey.TIME.description());
        assertEquals(java.util.List.of("cumulative", "cumtime"), SortKey.CUMULATIVE.names());
    }

    private static void put(Map<String, SortKey> map, SortKey key, String... names) {
        for (String n : names) {
            map.put(n, key);
        }
    }
}
