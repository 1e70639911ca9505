package io.speedkit.profiler.export;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.speedkit.profiler.CallStats;
import io.speedkit.profiler.FunctionStats;
import io.speedkit.profiler.Stats;
import io.speedkit.profiler.Unit;
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
import java.util.HexFormat;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * The pstats file: exact bytes for a tiny table, and Python's {@code pstats} reading a profile derived
 * from a real call tree. The demo profile's full round trip through Python is in
 * {@code PstatsCompatibilityTest}, next to the demo.
 */
class PstatsWriterTest {

    private static final FunctionKey F = new FunctionKey("a.py", 1, "f");
    private static final FunctionKey M = FunctionKey.builtin("m");

    @TempDir
    Path dir;
    private final Locale saved = Locale.getDefault();

    @AfterEach
    void restoreLocale() {
        Locale.setDefault(saved);
    }

    static List<Locale> locales() {
        return List.of(Locale.ROOT, Locale.GERMANY);
    }

    /** One function f, called 2^31 times (once primitively), by the built-in m along a 3/2 edge. */
    private static Stats tiny() {
        return Stats.of(Map.of(F, new FunctionStats(1, 1L << 31, 0.5, 1.0, Map.of(M, new CallStats(3, 2, 0.25, 0.75)))));
    }

    /** The golden bytes of {@link #tiny()}, one marshal value per line. */
    private static final String TINY_HEX = String.join("",
            "7b",                                                         // {  the stats dict
            "2803000000",                                                 // (  key tuple of 3
            "7504000000" + "612e7079",                                    //    u "a.py"
            "6901000000",                                                 //    i 1
            "7501000000" + "66",                                          //    u "f"
            "2805000000",                                                 // (  entry tuple of 5
            "6901000000",                                                 //    cc = i 1
            "6c03000000" + "0000" + "0000" + "0200",                      //    nc = l 2^31: digits 0, 0, 2
            "67" + "000000000000e03f",                                    //    tt = g 0.5
            "67" + "000000000000f03f",                                    //    ct = g 1.0
            "7b",                                                         //    {  callers
            "2803000000",                                                 //    (  caller key tuple of 3
            "7501000000" + "7e",                                          //       u "~"
            "6900000000",                                                 //       i 0
            "7503000000" + "3c6d3e",                                      //       u "<m>"
            "2804000000",                                                 //    (  edge tuple of 4, swapped:
            "6903000000",                                                 //       nc = i 3 first,
            "6902000000",                                                 //       cc = i 2 second
            "67" + "000000000000d03f",                                    //       tt = g 0.25
            "67" + "000000000000e83f",                                    //       ct = g 0.75
            "30",                                                         //    0  end of callers
            "30");                                                        // 0  end of stats

    @ParameterizedTest(name = "locale [{0}]")
    @MethodSource("locales")
    void write_tinyStats_exactMarshalBytes(Locale locale) throws IOException {
        Locale.setDefault(locale);
        ByteArrayOutputStream out = new ByteArrayOutputStream();

        PstatsWriter.write(tiny(), out);

        assertEquals(TINY_HEX, HexFormat.of().formatHex(out.toByteArray()));
        assertEquals(TINY_HEX, HexFormat.of().formatHex(PstatsWriter.toBytes(tiny())));
    }

    @Test
    void write_tinyStats_readsBackInPython() throws Exception {
        Path file = dir.resolve("tiny.prof");
        Files.write(file, PstatsWriter.toBytes(tiny()));

        String printed = Python3.run(dir, "import pstats, sys\nprint(pstats.Stats(sys.argv[1]).stats)",
                file.getFileName().toString());

        assertEquals("{('a.py', 1, 'f'): (1, 2147483648, 0.5, 1.0, {('~', 0, '<m>'): (3, 2, 0.25, 0.75)})}\n", printed);
    }

    @Test
    void toBytes_sameStatsInAnyOrder_sameBytes() {
        Stats stats = Stats.of(recursionProfile());

        byte[] unsorted = PstatsWriter.toBytes(stats);

        assertArrayEquals(unsorted, PstatsWriter.toBytes(stats.sortStats("cumulative")));
        assertArrayEquals(unsorted, PstatsWriter.toBytes(stats.sortStats("time", "name").reverseOrder()));
        assertArrayEquals(unsorted, PstatsWriter.toBytes(Stats.of(recursionProfile())));
    }

    @Test
    void write_nullArgument_isRejectedWithMessage() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> PstatsWriter.write(null, new ByteArrayOutputStream()));
        assertTrue(e.getMessage().startsWith("pstats export needs statistics and an output stream"), e.getMessage());
        assertThrows(IllegalArgumentException.class, () -> PstatsWriter.write(tiny(), null));
    }

    // --- A profile derived from a real call tree --------------------------------------------------------

    private static final FunctionKey MAIN = new FunctionKey("Main.java", 3, "Main.main");
    private static final FunctionKey LAMBDA = new FunctionKey("Main.java", 5, "Main.main.lambda$0");
    private static final FunctionKey FACT = new FunctionKey("Main.java", 10, "Main.fact");
    private static final FunctionKey EVEN = new FunctionKey("Main.java", 14, "Main.even");
    private static final FunctionKey ODD = new FunctionKey("Main.java", 18, "Main.odd");
    private static final FunctionKey FOR_EACH = FunctionKey.builtin("method java.util.List.forEach");
    private static final List<FunctionKey> FUNCTIONS = List.of(MAIN, FACT, EVEN, ODD, FOR_EACH, LAMBDA);

    /**
     * One thread, one tick = 1 ms; (calls, total ticks) per node, self ticks after the arrow:
     *
     * <pre>
     * main (1, 100)                       → 10   = 100 - 30 - 20 - 40
     *   fact (2, 30)                      → 10      fact recursion, 3 levels, called twice
     *     fact (2, 20)                    → 10
     *       fact (2, 10)                  → 10
     *   even (1, 20)                      →  8      mutual recursion even→odd→even
     *     odd (1, 12)                     →  7
     *       even (1, 5)                   →  5
     *   {forEach} (1, 40)                 → 15      a built-in ...
     *     lambda$0 (3, 25)                → 16      ... calling back into the program ...
     *       fact (3, 9)                   →  9      ... which calls fact, not recursively here
     * </pre>
     *
     * Hence, as cProfile counts:
     * fact 9/5 (2+2+2+3 calls; primitive where no fact is above: 2 under main, 3 under lambda),
     * even 2/1, odd 1, forEach 1, lambda 3, main 1: total_calls 17, prim_calls 12, Σ tottime 100 ticks.
     * Callers of fact: main 2 (tt 10, ct 30); lambda 3 (tt 9, ct 9); fact itself 4/2 (tt 10+10,
     * ct 20: only the outer fact→fact activation, node "fact (2, 20)", counts).
     * Callers of lambda: forEach 3 (tt 16, ct 25).
     */
    private static ProfileData recursionProfile() {
        CallTree.Builder b = new CallTree.Builder();
        int main = node(b, -1, MAIN, 1, 100);
        int fact = main;
        for (long total : new long[] {30, 20, 10}) {
            fact = node(b, fact, FACT, 2, total);
        }
        int even = node(b, main, EVEN, 1, 20);
        int odd = node(b, even, ODD, 1, 12);
        node(b, odd, EVEN, 1, 5);
        int forEach = node(b, main, FOR_EACH, 1, 40);
        int lambda = node(b, forEach, LAMBDA, 3, 25);
        node(b, lambda, FACT, 3, 9);
        return new ProfileData(FUNCTIONS, List.of(ThreadProfile.of("main", 1, false, b.build())), 1e-3, Metadata.empty());
    }

    private static int node(CallTree.Builder b, int parent, FunctionKey function, long count, long total) {
        int n = b.child(parent, FUNCTIONS.indexOf(function));
        b.add(n, count, total);
        return n;
    }

    @ParameterizedTest(name = "locale [{0}]")
    @MethodSource("locales")
    void write_profileFromCallTree_pythonCountsAsCProfile(Locale locale) throws Exception {
        Locale.setDefault(locale);
        Stats stats = Stats.of(recursionProfile()).withUnit(Unit.SECONDS);
        Path file = dir.resolve("tree.prof");
        Files.write(file, PstatsWriter.toBytes(stats));

        String python = Python3.run(dir, """
                import pstats, sys
                s = pstats.Stats(sys.argv[1])
                print(s.total_calls, s.prim_calls, '%.6f' % s.total_tt)
                s.print_callers('lambda|fact')
                """, file.getFileName().toString());

        String counts = python.substring(0, python.indexOf('\n') + 1);
        String callers = python.substring(counts.length());
        assertEquals("17 12 0.100000\n", counts);
        // The listed names are padded to the longest, 31 characters; "<-" then the count right-aligned in 7.
        assertTrue(callers.contains(
                "Main.java:5(Main.main.lambda$0)  <-       3    0.016    0.025  {method java.util.List.forEach}\n"),
                callers);
        // A continuation line right-aligns its count under the first one: 31 + 4 + 1 + 7 - "4/2" = 40 spaces.
        assertTrue(callers.contains("\n" + " ".repeat(40) + "4/2    0.020    0.020  Main.java:10(Main.fact)\n"), callers);
        assertEquals(callers, render(s -> s.printCallers("lambda|fact"), stats));
    }

    private static String render(java.util.function.Consumer<Stats> report, Stats stats) {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        report.accept(stats.withOutput(new PrintStream(bytes, true, StandardCharsets.UTF_8)));
        return bytes.toString(StandardCharsets.UTF_8);
    }
}
