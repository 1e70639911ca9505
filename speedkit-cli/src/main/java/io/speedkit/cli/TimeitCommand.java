package io.speedkit.cli;

import io.speedkit.timeit.TimeitReport;
import io.speedkit.timeit.Warmup;
import io.speedkit.timeit.snippet.CompiledSnippet;
import io.speedkit.timeit.snippet.Measurement;
import io.speedkit.timeit.snippet.RunOptions;
import io.speedkit.timeit.snippet.Snippet;
import io.speedkit.timeit.snippet.SnippetCompileException;
import io.speedkit.timeit.snippet.SnippetCompiler;
import io.speedkit.timeit.snippet.SnippetException;
import io.speedkit.timeit.snippet.SnippetFork;
import java.io.File;
import java.io.IOException;
import java.io.InputStream;
import java.io.PrintStream;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/**
 * {@code speedkit timeit [-n N] [-r R] [-s SETUP]... [-u UNIT] [-p] [-v] [--import X]... STATEMENT...}:
 * {@code python -m timeit} for Java snippets, with JMH's guards. The snippet is compiled in this JVM
 * while a fresh JVM starts to time it (see {@link SnippetFork}); the output is Python's, byte for byte.
 *
 * <h2>Why the defaults differ from Python's where they do</h2>
 * Python's answer takes 1.5–2.5 s; so should ours. The JVM spends about 0.75 s of that before the first
 * loop runs (0.2 s to start speedkit, 0.5 s for javac's two passes, cold; the timing JVM boots meanwhile)
 * and the warm-up typically 0.03–0.1 s (at most {@value #WARMUP_SECONDS} s). Five repeats of Python's
 * 0.2 s autorange target would not fit: with 1-2-5 loop counts a repeat takes between 1 and 2.5 times
 * the target, so five repeats of a 306-ns statement (a million loops, 0.31 s each) alone take 1.5 s.
 * The target is therefore {@value #TARGET_SECONDS} s ({@code -t} to change it, as in Python 3.15),
 * which bounds autorange and the repeats at about (2 + 5) × 2.5 × 0.05 s = 0.9 s. After the warm-up
 * the code is compiled and such short repeats are stable; the minimum of five skips a disturbed one.
 * Autorange itself continues the 1-2-5 sequence where the warm-up's batches stopped growing
 * ({@link io.speedkit.timeit.snippet.SnippetRunner}), so the warm-up pays for the small trials.
 */
@Command(name = "timeit", mixinStandardHelpOptions = true, sortOptions = false,
        description = {"Time a Java snippet, as python -m timeit does: a warmed-up JIT, values consumed, setup variables "
                + "kept out of constant folding, timed in a fresh JVM.", "",
                "  speedkit timeit -s 'double x = 2' 'Math.sqrt(x)'",
                "  speedkit timeit 'int a = 42, b = 101; int t = a; a = b; b = t;'", "",
                "The statement's top-level expression values and local variables are consumed (Blackhole); a last "
                        + "expression without ';' is consumed. The setup's variables become fields. java.util.*, "
                        + "java.util.function.*, java.util.stream.*, java.util.concurrent.*, java.util.regex.*, java.io.*, "
                        + "java.nio.file.*, java.net.* and java.math.* are imported.", ""},
        footer = {"", "Output: 'N loops, best of R: T per loop' - the fastest repeat divided by N, as Python prints it."})
final class TimeitCommand implements Callable<Integer> {
    /** Autorange's target per repeat (Python: 0.2 s); see the class comment. */
    static final double TARGET_SECONDS = 0.05;
    /** The most wall time the warm-up may take. */
    static final double WARMUP_SECONDS = 0.4;

    @Option(names = {"-n", "--number"}, paramLabel = "N",
            description = "How many times to run the statement per repeat; 0 (default): the first of 1, 2, 5, 10, 20, 50, ... "
                    + "that takes at least the target time.")
    long number;

    @Option(names = {"-r", "--repeat"}, paramLabel = "R", description = "How many times to repeat the timer (default: 5).")
    int repeat = 5;

    @Option(names = {"-s", "--setup"}, paramLabel = "SETUP",
            description = "Statements run, untimed, before each timed run of the loop; repeatable (joined by line breaks). "
                    + "'import x.y.*;' is allowed here.")
    List<String> setup = new ArrayList<>();

    @Option(names = {"-u", "--unit"}, paramLabel = "UNIT", description = "The unit of the output: nsec, usec, msec or sec.")
    String unit;

    @Option(names = {"-p", "--process"},
            description = "Measure the CPU time of the timing thread instead of wall time (Python: process time).")
    boolean cpuTime;

    @Option(names = {"-v", "--verbose"},
            description = "Print the warm-up, the autorange trials and the raw times; repeat for more digits.")
    boolean[] verbose = new boolean[0];

    @Option(names = "--import", paramLabel = "IMPORT",
            description = "An import, e.g. java.util.concurrent.atomic.* or 'static java.lang.Math.*'; repeatable.")
    List<String> imports = new ArrayList<>();

    @Option(names = {"-t", "--target-time"}, paramLabel = "SECS",
            description = "Autorange's target time per repeat in seconds (default: " + TARGET_SECONDS + "; Python's is 0.2).")
    double targetTime = TARGET_SECONDS;

    @Option(names = "--warmup", paramLabel = "SECS",
            description = "The most time the warm-up may take, in seconds; 0: none, time the cold code (default: "
                    + WARMUP_SECONDS + ").")
    double warmupTime = WARMUP_SECONDS;

    @Option(names = "--gc", description = "Run System.gc() before each repeat (Python switches its GC off while timing; "
            + "the JVM's cannot be).")
    boolean gc;

    @Option(names = {"-cp", "--class-path"}, paramLabel = "PATH",
            description = "More classes for the snippet: directories and jars, separated as java's -cp separates them.")
    String classPath;

    @Option(names = "-J", paramLabel = "OPTION",
            description = "Pass OPTION to the JVM that times the snippet, e.g. -J-XX:+UseParallelGC; repeatable.")
    List<String> jvmOptions = new ArrayList<>();

    @Parameters(arity = "0..*", paramLabel = "STATEMENT",
            description = "The statement to time; several are joined by line breaks (default: an empty statement).")
    List<String> statement = new ArrayList<>();

    private final Cli cli;

    TimeitCommand(Cli cli) {
        this.cli = cli;
    }

    @Override
    public Integer call() throws IOException, InterruptedException {
        TimeitReport.Unit u = null;
        if (unit != null) {
            try {
                u = TimeitReport.Unit.parse(unit);
            } catch (IllegalArgumentException e) {
                throw UserError.usage(e.getMessage());
            }
        }
        if (number < 0) {
            throw UserError.usage("--number must be >= 0 (0: autorange), got " + number);
        }
        if (!(targetTime > 0) || Double.isInfinite(targetTime)) {
            throw UserError.usage("--target-time must be a number of seconds > 0, got " + targetTime);
        }
        if (!(warmupTime >= 0) || Double.isInfinite(warmupTime)) {
            throw UserError.usage("--warmup must be a number of seconds >= 0, got " + warmupTime);
        }
        Snippet snippet;
        try {
            snippet = Snippet.of(setup, statement, imports);
        } catch (IllegalArgumentException e) {
            throw UserError.usage("--import " + e.getMessage());
        }
        List<Path> extra = new ArrayList<>();
        if (classPath != null) {
            for (String p : classPath.split(File.pathSeparator)) {
                if (!p.isEmpty()) {
                    extra.add(Path.of(p));
                }
            }
        }
        RunOptions options = new RunOptions(number, Math.max(1, repeat), Math.round(targetTime * 1e9),
                Warmup.DEFAULT.withBudget(Duration.ofNanos(Math.round(warmupTime * 1e9))), cpuTime, gc);

        SnippetCompiler compiler;
        try {
            compiler = new SnippetCompiler(extra);
        } catch (IllegalStateException noJavac) {
            throw UserError.input(noJavac.getMessage());
        }
        // The timing JVM boots while javac compiles (both take a few hundred ms; this machine has cores).
        Path java = Path.of(System.getProperty("java.home"), "bin", "java");
        try (SnippetFork fork = SnippetFork.start(java, jvmOptions, compiler.classPath(), cli.inheritIo)) {
            List<Thread> pumps = new ArrayList<>();
            if (!cli.inheritIo) {
                pumps.add(pump(fork.process().getInputStream(), cli.out));
                pumps.add(pump(fork.process().getErrorStream(), cli.err));
            }
            CompiledSnippet compiled;
            try {
                compiled = compiler.compile(snippet);
            } catch (SnippetCompileException e) {
                cli.err.println(e.getMessage());
                return ExitCodes.FAILURE;
            }
            Measurement m;
            try {
                m = fork.run(compiled, options);
            } catch (SnippetException e) {
                join(pumps);
                cli.err.print(e.getMessage());
                return ExitCodes.FAILURE;
            } catch (IOException e) {
                join(pumps);
                throw UserError.input(e.getMessage());
            }
            join(pumps);
            TimeitReport report = m.report(verbose.length, u);
            cli.out.print(report.output());
            cli.out.flush();
            report.warning().ifPresent(cli.err::print);
            return ExitCodes.OK;
        }
    }

    private static Thread pump(InputStream from, PrintStream to) {
        Thread t = new Thread(() -> {
            try {
                from.transferTo(to);
            } catch (IOException ignored) {
                // the JVM closed its stream
            }
            to.flush();
        }, "speedkit-timeit-pump");
        t.setDaemon(true);
        t.start();
        return t;
    }

    private static void join(List<Thread> pumps) throws InterruptedException {
        for (Thread t : pumps) {
            t.join();
        }
    }
}
