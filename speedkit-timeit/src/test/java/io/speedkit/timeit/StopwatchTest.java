package io.speedkit.timeit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class StopwatchTest {
    private final Locale saved = Locale.getDefault();
    private final TickClock clock = new TickClock();

    @AfterEach
    void restoreLocale() {
        Locale.setDefault(saved);
    }

    @ParameterizedTest(name = "{0} ns = {1}")
    @CsvSource(delimiter = '|', value = {
        "0|0 ns", "999|999 ns", "1000|1.00 µs", "1234|1.23 µs", "1235|1.24 µs", "12345|12.3 µs", "123456|123 µs",
        "999499|999 µs", "999500|1.00 ms", "1230000|1.23 ms", "45600000|45.6 ms", "999999999|1.00 s",
        "1234567890|1.23 s", "123456789012|123 s", "999500000000|1000 s", "1234567890123|1235 s", "-1234|-1.23 µs"})
    void format_threeSignificantDigitsInEveryLocale(long nanos, String expected) {
        assertEquals(expected, Stopwatch.format(nanos));
        Locale.setDefault(Locale.GERMANY);
        assertEquals(expected, Stopwatch.format(nanos));
    }

    @Test
    void close_printsTheTimeOnce() {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        PrintStream out = new PrintStream(bytes, true, StandardCharsets.UTF_8);
        List<String> lines = new ArrayList<>();
        try (Stopwatch sw = Stopwatch.start("addNumbers", lines::add, clock)) {
            clock.advance(1_234_000);
            sw.close();
        }
        assertEquals(List.of("addNumbers took 1.23 ms"), lines);
        try (Stopwatch sw = Stopwatch.start("x", out)) {
            sw.getClass();
        }
        assertEquals(true, bytes.toString(StandardCharsets.UTF_8).matches("x took [0-9.]+ (ns|µs|ms|s)\\R"));
    }

    @Test
    void laps_timeTheStretchSinceThePreviousLap() {
        List<String> lines = new ArrayList<>();
        try (Stopwatch sw = Stopwatch.start("render", lines::add, clock)) {
            clock.advance(456_000);
            assertEquals(Duration.ofNanos(456_000), sw.lap("parse"));
            clock.advance(774_000);
            sw.lap("layout");
            clock.advance(4_000);
            assertEquals(Duration.ofNanos(1_234_000), sw.elapsed());
            assertEquals(List.of(new Stopwatch.Lap("parse", Duration.ofNanos(456_000)),
                    new Stopwatch.Lap("layout", Duration.ofNanos(774_000))), sw.laps());
        }
        assertEquals(List.of("render took 1.23 ms (parse 456 µs, layout 774 µs)"), lines);
    }

    @Test
    void stop_freezesTheTime() {
        Stopwatch sw = Stopwatch.start(clock);
        clock.advance(5_000);
        assertEquals(Duration.ofNanos(5_000), sw.stop());
        clock.advance(5_000);
        assertEquals(5_000, sw.elapsedNanos());
        assertEquals("5.00 µs", sw.toString());
        assertEquals("stopwatch took 5.00 µs", sw.report());
        IllegalStateException e = assertThrows(IllegalStateException.class, () -> sw.lap("late"));
        assertEquals("the stopwatch is stopped; take laps before closing it", e.getMessage());
    }
}
