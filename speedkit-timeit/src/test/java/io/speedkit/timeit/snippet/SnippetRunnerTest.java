package io.speedkit.timeit.snippet;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import io.speedkit.timeit.Autorange;
import io.speedkit.timeit.Warmup;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** The measuring schedule of speedkit timeit, run in-process on a fake clock that the statement moves. */
class SnippetRunnerTest {
    private static final SnippetCompiler COMPILER;

    static {
        try {
            COMPILER = new SnippetCompiler(List.of(Path.of(Counter.class.getProtectionDomain().getCodeSource().getLocation().toURI())));
        } catch (java.net.URISyntaxException e) {
            throw new ExceptionInInitializerError(e);
        }
    }

    @BeforeEach
    void reset() {
        Counter.reset();
    }

    private static SnippetBase instance(CompiledSnippet c) throws Exception {
        return (SnippetBase) SnippetCompilerTest.load(c).getDeclaredConstructor().newInstance();
    }

    private static Measurement run(RunOptions options) throws Throwable {
        CompiledSnippet c = COMPILER.compile(new Snippet("io.speedkit.timeit.snippet.Counter.setup();",
                "io.speedkit.timeit.snippet.Counter.hit();"));
        return SnippetRunner.run(instance(c), options, () -> Counter.now, () -> Counter.now, () -> 0);
    }

    @Test
    void autorange_thenRepeats_countsExact() throws Throwable {
        Measurement m = run(new RunOptions(0, 3, 200_000_000L, Warmup.NONE, false, false));
        assertEquals(List.of(new Autorange(1, 0.001), new Autorange(2, 0.002), new Autorange(5, 0.005), new Autorange(10, 0.01),
                new Autorange(20, 0.02), new Autorange(50, 0.05), new Autorange(100, 0.1), new Autorange(200, 0.2)), m.trials());
        assertEquals(200, m.number());
        assertEquals(List.of(0.2, 0.2, 0.2), m.raw());
        assertEquals(1 + 2 + 5 + 10 + 20 + 50 + 100 + 200 + 3 * 200, Counter.hits);
        assertEquals(8 + 3, Counter.setups, "the setup runs before every trial and repeat, as in Python");
    }

    @Test
    void givenNumber_noAutorange() throws Throwable {
        Measurement m = run(new RunOptions(7, 2, 200_000_000L, Warmup.NONE, false, false));
        assertEquals(List.of(), m.trials());
        assertEquals(List.of(0.007, 0.007), m.raw());
        assertEquals(14, Counter.hits);
        assertEquals(2, Counter.setups);
    }

    @Test
    void autorange_continuesFromTheWarmupsLoopCount() throws Throwable {
        // 1 ms per loop: the warm-up's first batch is full-sized already, so it stays at 1 loop per batch
        Measurement m = run(new RunOptions(0, 1, 5_000_000L, Warmup.DEFAULT, false, false));
        assertEquals(1, m.warmup().number());
        assertEquals(List.of(1L, 2L, 5L), m.trials().stream().map(Autorange::number).toList());
        assertEquals(m.warmup().batches() + 1 + 2 + 5 + 5, Counter.hits);
    }

    @Test
    void exceptions_comeOutAgainstTheSnippetsLines() throws Exception {
        CompiledSnippet c = COMPILER.compile(new Snippet("int[] a = new int[1];", "int x = a[0];\nint q = a[x + 2];"));
        SnippetBase s = instance(c);
        Throwable t = assertThrows(ArrayIndexOutOfBoundsException.class,
                () -> SnippetRunner.run(s, new RunOptions(1, 1, 1, Warmup.NONE, false, false), System::nanoTime, System::nanoTime, () -> 0));
        assertEquals("""
                java.lang.ArrayIndexOutOfBoundsException: Index 2 out of bounds for length 1
                \tat statement:2: int q = a[x + 2];
                """, SnippetFailure.of(t, c.className()).format(c));
    }

    @Test
    void exceptions_fromTheJdkKeepItsFramesAndTheCause() throws Exception {
        CompiledSnippet c = COMPILER.compile(new Snippet("String s = \"x\";",
                "try {\n  Integer.parseInt(s);\n} catch (NumberFormatException e) {\n  throw new IllegalStateException(\"bad\", e);\n}"));
        SnippetBase s = instance(c);
        Throwable t = assertThrows(IllegalStateException.class,
                () -> SnippetRunner.run(s, new RunOptions(1, 1, 1, Warmup.NONE, false, false), System::nanoTime, System::nanoTime, () -> 0));
        String text = SnippetFailure.of(t, c.className()).format(c);
        List<String> lines = text.lines().toList();
        assertEquals("java.lang.IllegalStateException: bad", lines.get(0));
        assertEquals("\tat statement:4: throw new IllegalStateException(\"bad\", e);", lines.get(1));
        assertEquals("Caused by: java.lang.NumberFormatException: For input string: \"x\"", lines.get(2));
        assertEquals("\tat statement:2: Integer.parseInt(s);", lines.get(lines.size() - 1));
        assertEquals(true, lines.get(3).startsWith("\tat java.base/java.lang.NumberFormatException.forInputString("), text);
    }

    @Test
    void exceptions_inTheSetup() throws Exception {
        CompiledSnippet c = COMPILER.compile(new Snippet("int zero = 0;\nint q = 1 / zero;", ""));
        SnippetBase s = instance(c);
        Throwable t = assertThrows(ArithmeticException.class,
                () -> SnippetRunner.run(s, new RunOptions(1, 1, 1, Warmup.NONE, false, false), System::nanoTime, System::nanoTime, () -> 0));
        assertEquals("java.lang.ArithmeticException: / by zero\n\tat setup:2: int q = 1 / zero;\n",
                SnippetFailure.of(t, c.className()).format(c));
    }
}
