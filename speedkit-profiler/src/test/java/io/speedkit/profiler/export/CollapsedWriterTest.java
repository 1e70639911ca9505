package io.speedkit.profiler.export;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import io.speedkit.profiler.data.CallTree;
import io.speedkit.profiler.data.FunctionKey;
import io.speedkit.profiler.data.Metadata;
import io.speedkit.profiler.data.ProfileData;
import io.speedkit.profiler.data.ThreadProfile;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Locale;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/** Folded stacks of hand-built call trees, with every expected line derived in the comments. */
class CollapsedWriterTest {

    private static final FunctionKey MAIN = new FunctionKey("Main.java", 3, "Main.main");
    private static final FunctionKey FIB = new FunctionKey("Example03Recursion.java", 5, "Example03Recursion.fib");
    private static final FunctionKey FOR_EACH = FunctionKey.builtin("method java.util.List.forEach");
    private static final FunctionKey LAMBDA = new FunctionKey("Main.java", 7, "Main.main.lambda$0");
    private static final FunctionKey RUN = new FunctionKey("Worker.java", 2, "Worker.run");
    /** A built-in whose name holds a method descriptor, and so a ';'. */
    private static final FunctionKey SPLIT = FunctionKey.builtin("method java.lang.String.split(Ljava/lang/String;)");
    /** A name with both characters the format cannot carry. */
    private static final FunctionKey WEIRD = new FunctionKey("Weird.java", 1, "Weird.odd;name\nline2");
    private static final List<FunctionKey> FUNCTIONS = List.of(MAIN, FIB, FOR_EACH, LAMBDA, RUN, SPLIT, WEIRD);

    private final Locale saved = Locale.getDefault();

    @AfterEach
    void restoreLocale() {
        Locale.setDefault(saved);
    }

    static List<Locale> locales() {
        return List.of(Locale.ROOT, Locale.GERMANY);
    }

    /**
     * Two threads at one microsecond (1000 ns) per tick; (calls, total ticks) per node, self ticks after
     * the arrow (total minus the children's totals).
     *
     * <pre>
     * thread "main"
     *   main (1, 100)                     → 10 = 100 - 50 - 40
     *     fib (1, 50)                     → 20 = 50 - 30
     *       fib (2, 30)                   → 20 = 30 - 10      recursion: the same function nested
     *         fib (4, 10)                 → 10
     *     {forEach} (1, 40)               → 15 = 40 - 25      a built-in ...
     *       lambda$0 (3, 25)              → 20 = 25 - 5       ... with a program callback under it ...
     *         {split} (3, 5)              →  5                ... calling a built-in again
     * thread "worker"
     *   main (1, 30)                      →  0 = 30 - 25 - 5
     *     fib (1, 25)                     → 20 = 25 - 5
     *       Weird (2, 5)                  →  5
     *     {split} (1, 5)                  →  5
     *   run (1, 7)                        →  0 = 7 - 7
     *     fib (1, 7)                      →  7
     * </pre>
     */
    private static ProfileData twoThreads() {
        CallTree.Builder m = new CallTree.Builder();
        int main = node(m, -1, MAIN, 1, 100);
        int fib = node(m, main, FIB, 1, 50);
        fib = node(m, fib, FIB, 2, 30);
        node(m, fib, FIB, 4, 10);
        int forEach = node(m, main, FOR_EACH, 1, 40);
        int lambda = node(m, forEach, LAMBDA, 3, 25);
        node(m, lambda, SPLIT, 3, 5);

        CallTree.Builder w = new CallTree.Builder();
        main = node(w, -1, MAIN, 1, 30);
        fib = node(w, main, FIB, 1, 25);
        node(w, fib, WEIRD, 2, 5);
        node(w, main, SPLIT, 1, 5);
        int run = node(w, -1, RUN, 1, 7);
        node(w, run, FIB, 1, 7);

        return new ProfileData(FUNCTIONS, List.of(ThreadProfile.of("main", 1, false, m.build()),
                ThreadProfile.of("worker", 22, false, w.build())), 1e-6, Metadata.empty());
    }

    /**
     * Paths merged over both threads, ticks × 1000 ns:
     * <ul>
     * <li>main: 10 + 0 = 10 → 10000; main;fib: 20 + 20 = 40 → 40000 (the same path in both threads);</li>
     * <li>main;fib;fib 20 → 20000; main;fib;fib;fib 10 → 10000; main;fib;Weird 5 → 5000;</li>
     * <li>main;{forEach} 15 → 15000; main;{forEach};lambda$0 20 → 20000;
     *     main;{forEach};lambda$0;{split} 5 → 5000; main;{split} 5 → 5000 (worker only);</li>
     * <li>run: 0 → omitted; run;fib 7 → 7000.</li>
     * </ul>
     * Names: program methods by {@code name()}, built-ins in braces; the descriptor's ';' and Weird's ';'
     * become ':', Weird's newline a space. Sorted by bytes: "Main.main" before its extensions; after
     * "Main.main;" comes 'E' (fib) before '{'; within fib, "fib" &lt; "fib;E…" &lt; "fib;W…"; "{method
     * java.lang…" before "{method java.util…" ('l' &lt; 'u'); "Worker" last ('W' &gt; 'M').
     */
    private static final String TWO_THREADS = """
            Main.main 10000
            Main.main;Example03Recursion.fib 40000
            Main.main;Example03Recursion.fib;Example03Recursion.fib 20000
            Main.main;Example03Recursion.fib;Example03Recursion.fib;Example03Recursion.fib 10000
            Main.main;Example03Recursion.fib;Weird.odd:name line2 5000
            Main.main;{method java.lang.String.split(Ljava/lang/String:)} 5000
            Main.main;{method java.util.List.forEach} 15000
            Main.main;{method java.util.List.forEach};Main.main.lambda$0 20000
            Main.main;{method java.util.List.forEach};Main.main.lambda$0;{method java.lang.String.split(Ljava/lang/String:)} 5000
            Worker.run;Example03Recursion.fib 7000
            """;

    @ParameterizedTest(name = "locale [{0}]")
    @MethodSource("locales")
    void write_twoThreads_mergedSortedSanitisedFoldedStacks(Locale locale) throws IOException {
        Locale.setDefault(locale);

        assertEquals(TWO_THREADS, collapsed(twoThreads()));
    }

    /**
     * Rounding happens once per merged path, after the threads' ticks are added: at 0.4 ns per tick
     *
     * <pre>
     * thread 1: main (1, 3) → self 1 tick;  main;fib (1, 2) → 2 ticks
     * thread 2: main (1, 1) → self 1 tick
     * thread 3: run (1, 1)  → self 1 tick
     * </pre>
     *
     * main: 2 ticks = 0.8 ns → 1 (each thread alone would round to 0); main;fib: 0.8 ns → 1;
     * run: 0.4 ns → 0, omitted.
     */
    @Test
    void write_subNanosecondTicks_roundsMergedPathsAndOmitsZeros() throws IOException {
        CallTree.Builder t1 = new CallTree.Builder();
        node(t1, node(t1, -1, MAIN, 1, 3), FIB, 1, 2);
        CallTree.Builder t2 = new CallTree.Builder();
        node(t2, -1, MAIN, 1, 1);
        CallTree.Builder t3 = new CallTree.Builder();
        node(t3, -1, RUN, 1, 1);
        ProfileData data = new ProfileData(FUNCTIONS, List.of(ThreadProfile.of("t1", 1, false, t1.build()),
                ThreadProfile.of("t2", 2, false, t2.build()), ThreadProfile.of("t3", 3, true, t3.build())), 0.4e-9,
                Metadata.empty());

        assertEquals("Main.main 1\nMain.main;Example03Recursion.fib 1\n", collapsed(data));
    }

    @Test
    void write_noThreads_writesNothing() throws IOException {
        assertEquals("", collapsed(new ProfileData(FUNCTIONS, List.of(), 1e-9, Metadata.empty())));
    }

    @Test
    void write_nullArgument_isRejected() {
        assertThrows(IllegalArgumentException.class, () -> CollapsedWriter.write(null, new ByteArrayOutputStream()));
        assertThrows(IllegalArgumentException.class, () -> CollapsedWriter.write(twoThreads(), null));
    }

    private static String collapsed(ProfileData data) throws IOException {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        CollapsedWriter.write(data, out);
        return out.toString(StandardCharsets.UTF_8);
    }

    private static int node(CallTree.Builder b, int parent, FunctionKey function, long count, long total) {
        int n = b.child(parent, FUNCTIONS.indexOf(function));
        b.add(n, count, total);
        return n;
    }
}
