package io.speedkit.pool;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.speedkit.pool.internal.ProgressFormat;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.PrintStream;
import java.io.UncheckedIOException;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Locale;
import java.util.stream.IntStream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * The bar's output is sealed by golden files: a scripted map (a fake clock, items completing every 37 ms, a few
 * failing) rendered in terminal style and as plain lines, under {@link Locale#ROOT} and a comma-decimal locale.
 * Set {@code -Dspeedkit.golden.update=true} to rewrite the files after an intended change.
 */
class ProgressBarTest {
    private static final Locale DEFAULT = Locale.getDefault();

    @AfterEach
    void restoreLocale() {
        Locale.setDefault(DEFAULT);
    }

    /** A clock that moves only when told. */
    static final class TickClock {
        long now = 5_000_000_000L;

        long read() {
            return now;
        }

        void advanceMillis(long ms) {
            now += ms * 1_000_000L;
        }
    }

    /** 200 items expected; 150 complete, one every 37 ms, every 40th fails; then the map ends. */
    private static String script(boolean terminal, long total, Charset charset, Duration interval) {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        PrintStream out = new PrintStream(bytes, true, charset);
        TickClock clock = new TickClock();
        ProgressBar bar = ProgressBar.to(out, terminal).withClock(clock::read).withDescription("fetch");
        if (interval != null) {
            bar = bar.withInterval(interval);
        }
        bar.started(total);
        for (int i = 0; i < 150; i++) {
            clock.advanceMillis(37);
            bar.completed(i % 40 == 39 ? new Outcome.Failed<>(i, new IOException("x"), 0) : new Outcome.Ok<>(i, i, 0));
        }
        clock.advanceMillis(5);
        bar.finished();
        return bytes.toString(charset);
    }

    private static void assertGolden(String name, String actual) {
        Path source = Path.of("src/test/resources/io/speedkit/pool", name);
        if (Boolean.getBoolean("speedkit.golden.update")) {
            try {
                Files.writeString(source, actual, StandardCharsets.UTF_8);
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }
        try (InputStream in = ProgressBarTest.class.getResourceAsStream(name)) {
            assertTrue(in != null, "missing golden file " + name);
            assertEquals(new String(in.readAllBytes(), StandardCharsets.UTF_8), actual, name);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    @ParameterizedTest
    @ValueSource(strings = {"ROOT", "de-DE"})
    void terminal_redrawsOneLineInPlace(String locale) {
        Locale.setDefault(locale.equals("ROOT") ? Locale.ROOT : Locale.forLanguageTag(locale));
        assertGolden("progress-terminal.txt", script(true, 200, StandardCharsets.UTF_8, null));
    }

    @ParameterizedTest
    @ValueSource(strings = {"ROOT", "de-DE"})
    void plain_writesPeriodicLines(String locale) {
        Locale.setDefault(locale.equals("ROOT") ? Locale.ROOT : Locale.forLanguageTag(locale));
        assertGolden("progress-plain.txt", script(false, 200, StandardCharsets.UTF_8, Duration.ofSeconds(1)));
    }

    @Test
    void unknownTotal_countsWithoutPercentOrEta() {
        assertGolden("progress-unknown-total.txt", script(false, -1, StandardCharsets.UTF_8, Duration.ofSeconds(2)));
    }

    @Test
    void terminal_fallsBackToAsciiWhenTheStreamCannotEncodeBlocks() {
        assertGolden("progress-terminal-ascii.txt", script(true, 200, StandardCharsets.US_ASCII, Duration.ofSeconds(1)));
    }

    @Test
    void terminal_lastDrawEndsTheLine() {
        String out = script(true, 200, StandardCharsets.UTF_8, null);
        assertTrue(out.startsWith("\rfetch:   0%|"), out);
        assertTrue(out.endsWith("| 150/200 [00:05<00:01, 27.00it/s, failed=3]" + System.lineSeparator()), out);
    }

    @Test
    void format_pieces() {
        assertEquals("00:00", ProgressFormat.clock(0.4));
        assertEquals("01:05", ProgressFormat.clock(65));
        assertEquals("1:02:05", ProgressFormat.clock(3725));
        assertEquals("?it/s", ProgressFormat.rate(0));
        assertEquals(" 2.00s/it", ProgressFormat.rate(0.5));
        assertEquals("12.50it/s", ProgressFormat.rate(12.5));
        assertEquals("############5            ", ProgressFormat.bar(0.5, false));
        assertEquals("#########################", ProgressFormat.bar(1.0, false));
        assertEquals("                         ", ProgressFormat.bar(0.0, false));
        assertEquals("████▌                    ", ProgressFormat.bar(0.18, true));
    }

    @Test
    void inAMap_theListenerHearsEveryItemAndTheLastLineSaysAllDone() {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        ProgressBar bar = ProgressBar.to(new PrintStream(bytes, true, StandardCharsets.UTF_8), false);
        try (Pool pool = Pool.cpu(2)) {
            pool.map(x -> x, IntStream.range(0, 500).boxed().toList(), MapOptions.defaults().withProgress(bar));
        }
        assertEquals(500, bar.count());
        List<String> lines = bytes.toString(StandardCharsets.UTF_8).lines().toList();
        assertTrue(lines.get(lines.size() - 1).startsWith("500/500 100% ["), lines.toString());
    }
}
