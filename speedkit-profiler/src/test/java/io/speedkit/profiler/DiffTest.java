package io.speedkit.profiler;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.speedkit.profiler.data.CallTree;
import io.speedkit.profiler.data.FunctionKey;
import io.speedkit.profiler.data.Metadata;
import io.speedkit.profiler.data.ProfileData;
import io.speedkit.profiler.data.ThreadProfile;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.junit.jupiter.api.Test;

/**
 * A program before and after a fix, in millisecond ticks. Before: main (100 ms in all) calls slow() 10
 * times (80 ms, of which 30 in sort), and log() once (5 ms). After: slow() is replaced by fast() (2 calls,
 * 8 ms) and log() costs 6 ms; main's own time stays 15 ms, so it takes 29 ms in all.
 */
class DiffTest {
    private static final Path GOLDEN = Path.of("src/test/resources/golden");
    private final Locale saved = Locale.getDefault();

    @AfterEach
    void restoreLocale() {
        Locale.setDefault(saved);
    }

    static final FunctionKey MAIN = new FunctionKey("app/Main.java", 10, "Main.main");
    static final FunctionKey SLOW = new FunctionKey("app/Main.java", 20, "Main.slow");
    static final FunctionKey FAST = new FunctionKey("app/Main.java", 30, "Main.fast");
    static final FunctionKey LOG = new FunctionKey("app/Log.java", 5, "Log.log");
    static final FunctionKey SORT = FunctionKey.builtin("method java.util.List.sort");

    static Stats before() {
        CallTree.Builder b = new CallTree.Builder();
        int main = b.child(-1, 0);
        b.add(main, 1, 100);
        int slow = b.child(main, 1);
        b.add(slow, 10, 80);
        b.add(b.child(slow, 2), 10, 30);
        b.add(b.child(main, 3), 1, 5);
        return Stats.of(new ProfileData(List.of(MAIN, SLOW, SORT, LOG), List.of(ThreadProfile.of("main", 1, false, b.build())),
                1e-3, Metadata.empty()));
    }

    static Stats after() {
        CallTree.Builder b = new CallTree.Builder();
        int main = b.child(-1, 0);
        b.add(main, 1, 29);
        b.add(b.child(main, 1), 2, 8);
        b.add(b.child(main, 2), 1, 6);
        return Stats.of(new ProfileData(List.of(MAIN, FAST, LOG), List.of(ThreadProfile.of("main", 1, false, b.build())), 1e-3,
                Metadata.empty()));
    }

    static String print(Diff.Order order, int limit, Unit unit) {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        PrintStream out = new PrintStream(bytes, true, StandardCharsets.UTF_8);
        Diff.of(before(), after()).print(out, "before.prof", "after.prof", order, limit, unit);
        return bytes.toString(StandardCharsets.UTF_8);
    }

    @ParameterizedTest
    @ValueSource(strings = {"ROOT", "GERMANY"})
    void print_matchesGoldenFiles(String localeName) throws IOException {
        Locale.setDefault(localeName.equals("ROOT") ? Locale.ROOT : Locale.GERMANY);
        check("diff_tottime", print(Diff.Order.TOTTIME, -1, Unit.AUTO));
        check("diff_relative_top3_seconds", print(Diff.Order.RELATIVE, 3, Unit.SECONDS));
        check("diff_calls", print(Diff.Order.CALLS, -1, Unit.MILLISECONDS));
    }

    private static void check(String name, String actual) throws IOException {
        if (Boolean.getBoolean("speedkit.golden.update") && Locale.getDefault().equals(Locale.ROOT)) {
            Files.writeString(GOLDEN.resolve(name + ".txt"), actual, StandardCharsets.UTF_8);
        }
        assertEquals(Files.readString(GOLDEN.resolve(name + ".txt"), StandardCharsets.UTF_8), actual, name);
    }

    @Test
    void changes_areDerivedPerFunction() {
        Diff d = Diff.of(before(), after());
        assertEquals(100.0 / 29.0, d.speedup(), 1e-12); // tottime: before 15+50+30+5 = 100 ms, after 15+8+6 = 29
        Diff.Change slow = d.changes(Diff.Order.TOTTIME).get(0);
        assertEquals(SLOW, slow.key());
        assertTrue(slow.disappeared());
        assertEquals(-0.050, slow.tottimeChange(), 1e-12);
        assertEquals(-1.0, slow.relativeTottimeChange());
        Diff.Change main = d.changes().stream().filter(c -> c.key().equals(MAIN)).findFirst().orElseThrow();
        assertEquals(0.0, main.tottimeChange(), 1e-12); // its own 15 ms
        assertEquals(-0.071, main.cumtimeChange(), 1e-12); // 100 ms -> 29 ms
        Diff.Change fast = d.changes().stream().filter(c -> c.key().equals(FAST)).findFirst().orElseThrow();
        assertTrue(fast.appeared());
        assertEquals(Double.POSITIVE_INFINITY, fast.relativeTottimeChange());
        assertEquals(2, fast.callsChange());
    }

    @Test
    void order_parse_rejectsUnknownNames() {
        assertEquals(Diff.Order.CUMTIME, Diff.Order.parse("cumulative"));
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> Diff.Order.parse("speed"));
        assertEquals("unknown diff order 'speed'; valid orders: tottime, time, cumtime, cumulative, calls, ncalls, relative",
                e.getMessage());
    }
}
