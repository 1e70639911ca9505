package io.speedkit.timeit.bench;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.junit.jupiter.api.Test;

/** {@link Summary}, {@link Ratio}, {@link RunSample} and {@link Failure}: the arithmetic and the rules. */
class StatisticsTest {
    private static final long NA = RunSample.NOT_AVAILABLE;

    @Test
    void summary_meanSampleStdevMinMax() {
        Summary s = Summary.of(List.of(
                new RunSample(1_000, 100, 10, 5_000),
                new RunSample(2_000, 200, 20, 7_000),
                new RunSample(3_000, 300, 30, 6_000),
                new RunSample(4_000, 400, 40, 1_000)));
        assertEquals(4, s.runs());
        assertEquals(2_500.0, s.meanNanos());
        assertEquals(Math.sqrt(5_000_000.0 / 3), s.stdevNanos(), 1e-9); // n - 1, not n
        assertEquals(1_000, s.minNanos());
        assertEquals(4_000, s.maxNanos());
        assertEquals(250.0, s.meanUserNanos());
        assertEquals(25.0, s.meanSystemNanos());
        assertEquals(7_000, s.peakRssBytes()); // the largest, not the mean
    }

    @Test
    void summary_ofLargeEqualValues_hasZeroStdev() {
        long t = 1_234_567_890_123L;
        Summary s = Summary.of(List.of(RunSample.wallOnly(t), RunSample.wallOnly(t), RunSample.wallOnly(t)));
        assertEquals(0.0, s.stdevNanos());
        assertEquals((double) t, s.meanNanos());
    }

    @Test
    void summary_ofOneRun_hasNoStdev() {
        Summary s = Summary.of(List.of(new RunSample(5, 1, 1, 1)));
        assertTrue(Double.isNaN(s.stdevNanos()));
        assertEquals(5.0, s.meanNanos());
    }

    @Test
    void summary_unavailableNumbers_areNotMadeUp() {
        Summary s = Summary.of(List.of(new RunSample(10, 5, NA, NA), new RunSample(20, NA, 3, 100)));
        assertTrue(Double.isNaN(s.meanUserNanos()), "a mean over some runs only would be made up");
        assertTrue(Double.isNaN(s.meanSystemNanos()));
        assertEquals(100, s.peakRssBytes(), "the largest peak seen");
        assertEquals(NA, Summary.of(List.of(RunSample.wallOnly(1))).peakRssBytes());
    }

    @Test
    void summary_rules() {
        assertEquals("no runs to summarize", assertThrows(IllegalArgumentException.class, () -> Summary.of(List.of())).getMessage());
        assertThrows(IllegalArgumentException.class, () -> new Summary(1, 5, 0, 5, 5, 0, 0, 0)); // one run: NaN stdev
        assertThrows(IllegalArgumentException.class, () -> new Summary(2, 9, 1, 5, 6, 0, 0, 0)); // mean outside range
        assertEquals("wallNanos must be >= 0, got -5", assertThrows(IllegalArgumentException.class,
                () -> new RunSample(-5, 0, 0, 0)).getMessage());
        assertEquals("peakRssBytes must be >= 0 or NOT_AVAILABLE (-1), got -2", assertThrows(IllegalArgumentException.class,
                () -> new RunSample(1, 0, 0, -2)).getMessage());
        assertThrows(IllegalArgumentException.class, () -> new ProcessExit(0, -3, 0, 0));
    }

    @Test
    void ratio_valueAndPropagatedStdev() {
        Summary ref = new Summary(3, 100, 10, 90, 110, 0, 0, 0);
        Summary slow = new Summary(3, 250, 25, 225, 275, 0, 0, 0);
        Ratio r = Ratio.of(slow, ref);
        assertEquals(2.5, r.value(), 1e-12);
        assertEquals(2.5 * Math.hypot(0.1, 0.1), r.stdev(), 1e-12);
        assertEquals("2.50x slower", r.describe());
        assertEquals("0.35", r.describeStdev());

        Ratio back = Ratio.of(ref, slow);
        assertEquals(0.4, back.value(), 1e-12);
        assertEquals("2.50x faster", back.describe());
        assertEquals("0.35", back.describeStdev(), "the stdev of the factor shown, 1 / value");
    }

    @Test
    void ratio_wording() {
        assertEquals("1.00x", new Ratio(1.0, 0).describe());
        assertEquals("1.00x", new Ratio(1.004, 0).describe(), "no 1.00x slower");
        assertEquals("1.00x", new Ratio(0.996, 0).describe());
        assertEquals("1.01x slower", new Ratio(1.01, 0).describe());
        assertEquals("16.74x faster", new Ratio(1 / 16.74, 0).describe());
        assertEquals("n/a", Ratio.of(new Summary(1, 5, Double.NaN, 5, 5, 0, 0, 0), new Summary(1, 5, Double.NaN, 5, 5, 0, 0, 0))
                .describeStdev());
        assertThrows(IllegalArgumentException.class, () -> new Ratio(0, 0));
        assertThrows(IllegalArgumentException.class, () -> new Ratio(Double.NaN, 0));
    }

    @Test
    void failure_describesWhichRun() {
        assertEquals("exit code 3 in run 4 of 10", new Failure(3, false, 4, 10).describe());
        assertEquals("exit code 1 in warm-up run 1 of 1", new Failure(1, true, 1, 1).describe());
        assertThrows(IllegalArgumentException.class, () -> new Failure(0, false, 1, 1));
        assertThrows(IllegalArgumentException.class, () -> new Failure(2, false, 3, 2));
    }
}
