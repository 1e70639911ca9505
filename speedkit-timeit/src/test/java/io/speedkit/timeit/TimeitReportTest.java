package io.speedkit.timeit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Locale;
import java.util.Optional;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * Seals python -m timeit's output. The expected texts are CPython 3.11's for the same raw times
 * (python-tools.md §2.2, and Lib/timeit.py's main() run on them), plus the warm-up line of -v; each is
 * checked under the root locale and a decimal-comma one.
 */
class TimeitReportTest {
    private static final Warmup.Result WARMED = new Warmup.Result(true, 500_000, 183, 214_000_000, 2.3149);
    private final Locale saved = Locale.getDefault();

    @AfterEach
    void restoreLocale() {
        Locale.setDefault(saved);
    }

    @ParameterizedTest
    @ValueSource(strings = {"ROOT", "de-DE"})
    void resultLine_isPythons(String locale) {
        setLocale(locale);
        TimeitReport r = new TimeitReport(0, null, WARMED, List.of(), 200_000,
                List.of(0.125, 0.13, 0.1251, 0.14, 0.126));
        assertEquals("200000 loops, best of 5: 625 nsec per loop\n", r.output());
        assertEquals(Optional.empty(), r.warning());
    }

    @ParameterizedTest
    @ValueSource(strings = {"ROOT", "de-DE"})
    void oneLoop_isSingular(String locale) {
        setLocale(locale);
        TimeitReport r = new TimeitReport(0, null, Warmup.Result.SKIPPED, List.of(), 1, List.of(9.91e-7));
        assertEquals("1 loop, best of 1: 991 nsec per loop\n", r.output());
    }

    @ParameterizedTest
    @ValueSource(strings = {"ROOT", "de-DE"})
    void verbose_showsWarmupTrialsAndRawTimes(String locale) {
        setLocale(locale);
        TimeitReport r = new TimeitReport(1, null, WARMED,
                List.of(new Autorange(500_000, 0.00116), new Autorange(1_000_000, 0.00232),
                        new Autorange(100_000_000, 0.2315)),
                100_000_000, List.of(0.2315, 0.2401, 0.2326, 0.233, 0.25));
        assertEquals("""
                warm-up: 183 batches in 0.214 secs, JIT settled at 2.31 nsec per loop
                500000 loops -> 0.00116 secs
                1000000 loops -> 0.00232 secs
                100000000 loops -> 0.232 secs

                raw times: 232 msec, 240 msec, 233 msec, 233 msec, 250 msec

                100000000 loops, best of 5: 2.31 nsec per loop
                """, r.output());
    }

    @ParameterizedTest
    @ValueSource(strings = {"ROOT", "de-DE"})
    void doubleVerboseAndAUnit_addADigit(String locale) {
        setLocale(locale);
        // python -m timeit -vv -n 1000 -r 3 -u msec "sum(range(100))"  (python-tools.md §2.2)
        TimeitReport r = new TimeitReport(2, TimeitReport.Unit.MSEC, Warmup.Result.SKIPPED, List.of(), 1000,
                List.of(0.0005509, 0.0004967, 0.0005331));
        assertEquals("""
                raw times: 0.5509 msec, 0.4967 msec, 0.5331 msec

                1000 loops, best of 3: 0.0004967 msec per loop
                """, r.output());
    }

    @ParameterizedTest
    @ValueSource(strings = {"ROOT", "de-DE"})
    void unreliable_warnsAsPythonDoes(String locale) {
        setLocale(locale);
        TimeitReport r = new TimeitReport(0, null, Warmup.Result.SKIPPED, List.of(), 1,
                List.of(2.7e-7, 1.23e-6, 3e-7, 2.8e-7, 2.9e-7));
        assertEquals(Optional.of(":0: UserWarning: The test results are likely unreliable. The worst time (1.23 usec) "
                + "was more than four times slower than the best time (270 nsec).\n"), r.warning());
        TimeitReport fourExactly = new TimeitReport(0, null, Warmup.Result.SKIPPED, List.of(), 1, List.of(1.0, 4.0));
        assertTrue(fourExactly.warning().isPresent(), "Python's test is >=, though it says 'more than'");
    }

    @ParameterizedTest
    @ValueSource(strings = {"ROOT", "de-DE"})
    void notSettled_saysSo(String locale) {
        setLocale(locale);
        TimeitReport r = new TimeitReport(1, TimeitReport.Unit.USEC, new Warmup.Result(false, 2000, 400, 400_300_000, 1520.0),
                List.of(), 2000, List.of(0.00304));
        assertEquals("""
                warm-up: 400 batches in 0.4 secs, JIT not settled within the time allowed (best 1.52 usec per loop)

                raw times: 3.04e+03 usec

                2000 loops, best of 1: 1.52 usec per loop
                """, r.output());
    }

    @ParameterizedTest
    @ValueSource(strings = {"ROOT", "de-DE"})
    void formatTime_picksPythonsUnit(String locale) {
        setLocale(locale);
        // values printed by CPython's format_time
        assertEquals("625 nsec", TimeitReport.formatTime(6.25e-07, null, 3));
        assertEquals("0.25 nsec", TimeitReport.formatTime(2.5e-10, null, 3));
        assertEquals("497 usec", TimeitReport.formatTime(0.0004967, null, 3));
        assertEquals("1.5 sec", TimeitReport.formatTime(1.5, null, 3));
        assertEquals("1e+03 nsec", TimeitReport.formatTime(9.999e-07, null, 3));
        assertEquals("1500 msec", TimeitReport.formatTime(1.5, TimeitReport.Unit.MSEC, 4));
        assertEquals("6.25e-07 sec", TimeitReport.formatTime(6.25e-07, TimeitReport.Unit.SEC, 3));
    }

    @ParameterizedTest
    @ValueSource(strings = {"nsec", "usec", "msec", "sec"})
    void unit_parsesPythonsNames(String name) {
        assertEquals(name, TimeitReport.Unit.parse(name).label());
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> TimeitReport.Unit.parse("ms"));
        assertEquals("unrecognized unit 'ms'; valid units: nsec, usec, msec, sec", e.getMessage());
    }

    private void setLocale(String tag) {
        Locale.setDefault(tag.equals("ROOT") ? Locale.ROOT : Locale.forLanguageTag(tag));
    }
}
