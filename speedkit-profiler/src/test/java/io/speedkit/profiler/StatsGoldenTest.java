package io.speedkit.profiler;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Seals every report of {@link DemoReport#ALL} with its golden file, under the root locale and under a
 * decimal-comma locale: the bytes must not depend on the user's locale.
 *
 * <p>To regenerate the golden files after an intended change, run with
 * {@code -Dspeedkit.golden.update=true} and review the diff; the seconds reports are also checked
 * against Python's pstats by {@link PstatsCompatibilityTest}.
 */
class StatsGoldenTest {

    private static final Path GOLDEN_SOURCE = Path.of("src/test/resources/golden");
    private final Locale saved = Locale.getDefault();

    @AfterEach
    void restoreLocale() {
        Locale.setDefault(saved);
    }

    static List<Arguments> reportsAndLocales() {
        List<Arguments> out = new ArrayList<>();
        for (DemoReport r : DemoReport.ALL) {
            out.add(Arguments.of(r, Locale.ROOT));
            out.add(Arguments.of(r, Locale.GERMANY));
        }
        return out;
    }

    @ParameterizedTest(name = "{0} in {1}")
    @MethodSource("reportsAndLocales")
    void report_matchesGoldenFile(DemoReport report, Locale locale) throws IOException {
        Locale.setDefault(locale);
        String actual = report.render(DemoReport.demo());
        if (Boolean.getBoolean("speedkit.golden.update") && locale.equals(Locale.ROOT)) {
            Files.writeString(GOLDEN_SOURCE.resolve(report.name() + ".txt"), actual, StandardCharsets.UTF_8);
        }
        assertEquals(golden(report.name()), actual, report.name());
    }

    /** The demo's cumulative listing is §1.7's verbatim `python -m cProfile demo.py` output (3.13). */
    @Test
    void cumulativeListing_isVerbatimCProfileOutput() throws IOException {
        String verbatim = """
                         30 function calls (15 primitive calls) in 0.010 seconds

                   Ordered by: cumulative time

                   ncalls  tottime  percall  cumtime  percall filename:lineno(function)
                        1    0.000    0.000    0.010    0.010 {built-in method builtins.exec}
                        1    0.000    0.000    0.010    0.010 demo.py:1(<module>)
                        1    0.000    0.000    0.010    0.010 demo.py:8(work)
                        1    0.010    0.010    0.010    0.010 {built-in method time.sleep}
                        1    0.000    0.000    0.000    0.000 {method 'disable' of '_lsprof.Profiler' objects}
                     15/3    0.000    0.000    0.000    0.000 demo.py:2(fact)
                      3/1    0.000    0.000    0.000    0.000 demo.py:4(even)
                        1    0.000    0.000    0.000    0.000 {built-in method builtins.sorted}
                        1    0.000    0.000    0.000    0.000 {method 'join' of 'str' objects}
                      2/1    0.000    0.000    0.000    0.000 demo.py:6(odd)
                        3    0.000    0.000    0.000    0.000 {method 'append' of 'list' objects}


                """;
        assertEquals(verbatim, golden("stats_cumulative"));
    }

    /** §1.7's verbatim callers excerpt (its "Ordered by" block and first lines). */
    @Test
    void callersOfFactAndOdd_areVerbatimPstatsOutput() throws IOException {
        String verbatim = """
                   Ordered by: internal time, function name
                   List reduced from 11 to 2 due to restriction <'fact|odd'>

                Function         was called by...
                                     ncalls  tottime  cumtime
                demo.py:2(fact)  <-    12/3    0.000    0.000  demo.py:2(fact)
                                          3    0.000    0.000  demo.py:8(work)
                demo.py:6(odd)   <-     2/1    0.000    0.000  demo.py:4(even)


                """;
        assertEquals(verbatim, golden("callers_fact_odd"));
    }

    static String golden(String name) throws IOException {
        try (InputStream in = StatsGoldenTest.class.getResourceAsStream("/golden/" + name + ".txt")) {
            if (in == null) {
                throw new IOException("no golden file golden/" + name + ".txt; run with -Dspeedkit.golden.update=true"
                        + " to create it, then review it");
            }
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }
    }
}
