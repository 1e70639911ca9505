package io.speedkit.profiler;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import org.junit.jupiter.api.Test;

class UnitTest {

    @Test
    void auto_picksTheLargestUnitShowingTheSmallestTime() {
        assertEquals(Unit.MICROSECONDS, Unit.auto(30e-9));   // 30 ns reads 0.030 us
        assertEquals(Unit.SECONDS, Unit.auto(0.002));        // 2 ms reads 0.002 s
        assertEquals(Unit.SECONDS, Unit.auto(0.001));
        assertEquals(Unit.MILLISECONDS, Unit.auto(0.000999));
        assertEquals(Unit.MILLISECONDS, Unit.auto(1e-6));    // exactly 0.001 ms despite 1e-6 * 1e3 rounding
        assertEquals(Unit.MICROSECONDS, Unit.auto(1e-9));
        assertEquals(Unit.NANOSECONDS, Unit.auto(0.9e-9));
        assertEquals(Unit.NANOSECONDS, Unit.auto(1e-15));    // nothing finer exists
        assertEquals(Unit.SECONDS, Unit.auto(0));            // no nonzero time at all
        assertEquals(Unit.SECONDS, Unit.auto(Double.NaN));
        assertEquals(Unit.SECONDS, Unit.auto(12345));
    }

    @Test
    void fromSeconds_multiplies_andSecondsIsTheIdentity() {
        assertEquals(0.1 + 0.2, Unit.SECONDS.fromSeconds(0.1 + 0.2));
        assertEquals(1500.0, Unit.MILLISECONDS.fromSeconds(1.5));
        assertEquals(2.0, Unit.MICROSECONDS.fromSeconds(2e-6), 1e-12);
        assertEquals(30.0, Unit.NANOSECONDS.fromSeconds(30e-9), 1e-9);
        assertEquals("microseconds", Unit.MICROSECONDS.label());
        assertThrows(IllegalStateException.class, () -> Unit.AUTO.fromSeconds(1));
    }

    @Test
    void parse_acceptsSymbolsAndLabels() {
        assertEquals(Unit.SECONDS, Unit.parse("s"));
        assertEquals(Unit.MILLISECONDS, Unit.parse("ms"));
        assertEquals(Unit.MICROSECONDS, Unit.parse("us"));
        assertEquals(Unit.MICROSECONDS, Unit.parse("µs"));
        assertEquals(Unit.NANOSECONDS, Unit.parse("NS"));
        assertEquals(Unit.AUTO, Unit.parse("auto"));
        assertEquals(Unit.MILLISECONDS, Unit.parse("milliseconds"));
        assertEquals("unknown time unit 'min'; valid units: auto, s, ms, us, ns",
                assertThrows(IllegalArgumentException.class, () -> Unit.parse("min")).getMessage());
    }

    @Test
    void auto_ofAProfile_isChosenForItsLowerQuartile() {
        // Three quarters of these read 0.001 or more in milliseconds; the two fastest would need microseconds.
        assertEquals(Unit.MILLISECONDS, Unit.auto(new double[] {45.0, 3e-3, 2e-4, 5e-5, 1e-5, 4e-6, 3e-8, 2e-8}));
        assertEquals(Unit.MICROSECONDS, Unit.auto(new double[] {45.0, 3e-8, 2e-8, 1e-8}));
        assertEquals(Unit.SECONDS, Unit.auto(new double[] {45.0}));
        assertEquals(Unit.SECONDS, Unit.auto(new double[0]));
    }
}
