package io.speedkit.timeit.snippet;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.speedkit.timeit.Autorange;
import io.speedkit.timeit.Warmup;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import org.junit.jupiter.api.Test;

/** speedkit timeit's JVM, for real: a fork per test. Nothing here depends on how fast the machine is. */
class SnippetForkTest {
    private static final SnippetCompiler COMPILER = new SnippetCompiler();
    private static final Path JAVA = Path.of(System.getProperty("java.home"), "bin", "java");

    private record Run(Measurement measurement, String out, String err) {
    }

    private static Run fork(Snippet snippet, RunOptions options) throws Exception {
        try (SnippetFork fork = SnippetFork.start(JAVA, List.of(), COMPILER.classPath(), false)) {
            CompletableFuture<String> out = read(fork.process().getInputStream());
            CompletableFuture<String> err = read(fork.process().getErrorStream());
            Measurement m = fork.run(COMPILER.compile(snippet), options);
            return new Run(m, out.get(), err.get());
        }
    }

    private static CompletableFuture<String> read(java.io.InputStream in) {
        return CompletableFuture.supplyAsync(() -> {
            try {
                return new String(in.readAllBytes(), StandardCharsets.UTF_8);
            } catch (IOException e) {
                throw new java.io.UncheckedIOException(e);
            }
        });
    }

    @Test
    void seedSwap_isTimedWithAutorange() throws Exception {
        Run r = fork(new Snippet("", "int a = 42, b = 101; int t = a; a = b; b = t;"),
                new RunOptions(0, 3, 1_000_000, Warmup.DEFAULT.withBudget(java.time.Duration.ofMillis(100)), false, false));
        Measurement m = r.measurement();
        assertTrue(Autorange.inSequence(m.number()), "autorange's loop count " + m.number());
        assertEquals(m.number(), m.trials().get(m.trials().size() - 1).number());
        assertEquals(3, m.raw().size());
        assertTrue(m.warmup().batches() > 0);
        assertEquals("", r.out());
        assertEquals("", r.err(), "the JVM options are silent (CompileCommand=quiet) and HotSpot accepts every blackhole");
    }

    @Test
    void theForkUsesCompilerBlackholes() throws Exception {
        // consumes every type many times, so that C1 and C2 compile the blackholes (a refused shape warns then)
        Run r = fork(new Snippet("boolean z = true; byte b = 1; char c = 'c'; short s = 2; int i = 3; long l = 4; float f = 5; double d = 6;"
                + " Object o = \"o\";", "var z2 = !z; var b2 = b; var c2 = c; var s2 = s; var i2 = i; var l2 = l; var f2 = f; var d2 = d; var o2 = o;"),
                new RunOptions(100_000, 20, 1, Warmup.NONE, false, false));
        assertEquals("", r.err());
        Run mode = fork(new Snippet("", "System.out.print(io.speedkit.timeit.Blackhole.mode());"),
                new RunOptions(1, 1, 1, Warmup.NONE, false, false));
        assertEquals("COMPILER", mode.out());
    }

    @Test
    void cpuTime_andGc() throws Exception {
        Run r = fork(new Snippet("", "new StringBuilder(\"x\").append(1)"), new RunOptions(1000, 2, 1, Warmup.NONE, true, true));
        assertEquals(List.of(), r.measurement().trials());
        assertEquals(2, r.measurement().raw().size());
    }

    @Test
    void anException_comesBackAgainstTheSnippet() throws Exception {
        Snippet s = new Snippet("int zero = 0;", "int q = 1 / zero;");
        try (SnippetFork fork = SnippetFork.start(JAVA, List.of(), COMPILER.classPath(), false)) {
            SnippetException e = assertThrows(SnippetException.class,
                    () -> fork.run(COMPILER.compile(s), new RunOptions(1, 1, 1, Warmup.NONE, false, false)));
            assertEquals("java.lang.ArithmeticException: / by zero\n\tat statement:1: int q = 1 / zero;\n", e.getMessage());
        }
    }

    @Test
    void systemExit_isReportedWithTheExitCode() throws Exception {
        Snippet s = new Snippet("", "System.exit(3);");
        try (SnippetFork fork = SnippetFork.start(JAVA, List.of(), COMPILER.classPath(), false)) {
            IOException e = assertThrows(IOException.class,
                    () -> fork.run(COMPILER.compile(s), new RunOptions(1, 1, 1, Warmup.NONE, false, false)));
            assertEquals("the JVM timing the snippet ended with exit code 3 before it finished (System.exit in the snippet, "
                    + "or a crash: see its output above)", e.getMessage());
        }
    }

    @Test
    void closingBeforeRunning_endsTheJvm() throws Exception {
        SnippetFork fork = SnippetFork.start(JAVA, List.of(), COMPILER.classPath(), false);
        Process p = fork.process();
        fork.close();
        p.waitFor();
        assertTrue(!p.isAlive());
    }
}
