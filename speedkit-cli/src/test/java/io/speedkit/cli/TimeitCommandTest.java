package io.speedkit.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import picocli.CommandLine;

/**
 * {@code speedkit timeit} end to end, in-process, each run timing in a forked JVM. The numbers depend on
 * the machine, so the output's shape and wording are checked exactly and its numbers parsed; most runs
 * skip the warm-up and give the loop count, to take a fraction of a second.
 */
class TimeitCommandTest {
    private static final String NUM = "(\\d+(?:\\.\\d+)?(?:e[-+]\\d\\d)?)";
    private static final Pattern RESULT = Pattern.compile("(\\d+) loops?, best of (\\d+): " + NUM + " (nsec|usec|msec|sec) per loop");

    private final Locale saved = Locale.getDefault();

    @AfterEach
    void restoreLocale() {
        Locale.setDefault(saved);
    }

    record Result(int code, String out, String err) {
    }

    /** Runs {@code speedkit timeit ARGS} as Cli runs a command (also before Cli registers timeit itself). */
    static Result timeit(String... args) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        ByteArrayOutputStream err = new ByteArrayOutputStream();
        PrintStream o = new PrintStream(out, true, StandardCharsets.UTF_8);
        PrintStream e = new PrintStream(err, true, StandardCharsets.UTF_8);
        Cli cli = new Cli(new ByteArrayInputStream(new byte[0]), o, e, Map.of(), false);
        List<String> all = new ArrayList<>();
        all.add("timeit");
        all.addAll(List.of(args));
        int code;
        if (registered()) {
            code = cli.run(all.toArray(new String[0]));
        } else {
            // Cli.run's handlers, for a Cli that does not list timeit yet
            CommandLine cl = new CommandLine(new SpeedkitCommand(cli));
            cl.addSubcommand(new TimeitCommand(cli));
            cl.setOut(new PrintWriter(o, true));
            cl.setErr(new PrintWriter(e, true));
            cl.setParameterExceptionHandler((ex, a) -> {
                String cmd = ex.getCommandLine().getCommandSpec().qualifiedName();
                e.println(cmd + ": " + ex.getMessage() + " (see " + cmd + " --help)");
                return ExitCodes.USAGE;
            });
            cl.setExecutionExceptionHandler((ex, command, parsed) -> {
                if (ex instanceof UserError u) {
                    e.println("speedkit: " + u.getMessage());
                    return u.exitCode;
                }
                throw ex;
            });
            code = cl.execute(all.toArray(new String[0]));
        }
        return new Result(code, out.toString(StandardCharsets.UTF_8), err.toString(StandardCharsets.UTF_8));
    }

    private static Boolean registered;

    private static boolean registered() {
        if (registered == null) {
            ByteArrayOutputStream sink = new ByteArrayOutputStream();
            PrintStream p = new PrintStream(sink, true, StandardCharsets.UTF_8);
            new Cli(new ByteArrayInputStream(new byte[0]), p, p, Map.of(), false).run("timeit", "-u", "parsec");
            registered = sink.toString(StandardCharsets.UTF_8).contains("unrecognized unit");
        }
        return registered;
    }

    private static Matcher result(String line) {
        Matcher m = RESULT.matcher(line);
        assertTrue(m.matches(), "not python's result line: '" + line + "'");
        return m;
    }

    @ParameterizedTest
    @ValueSource(strings = {"ROOT", "de-DE"})
    void resultLine_isPythons(String locale) {
        Locale.setDefault(locale.equals("ROOT") ? Locale.ROOT : Locale.forLanguageTag(locale));
        Result r = timeit("--warmup", "0", "-n", "1000", "-r", "3", "-s", "double x = 2.5", "Math.sqrt(x)");
        assertEquals(0, r.code(), r.err());
        // cold code (no warm-up) varies from repeat to repeat: then Python's warning, exactly
        assertTrue(r.err().isEmpty() || r.err().matches(":0: UserWarning: The test results are likely unreliable\\. The worst "
                + "time \\(" + NUM + " \\w+\\) was more than four times slower than the best time \\(" + NUM + " \\w+\\)\\.\n"), r.err());
        assertTrue(r.out().endsWith("\n") && r.out().lines().count() == 1, r.out());
        Matcher m = result(r.out().strip());
        assertEquals("1000", m.group(1));
        assertEquals("3", m.group(2));
        assertTrue(Double.parseDouble(m.group(3)) > 0);
    }

    @Test
    void oneLoop_isSingular() {
        Result r = timeit("--warmup", "0", "-n", "1", "-r", "1", "-u", "nsec", "");
        assertEquals(0, r.code(), r.err());
        Matcher m = result(r.out().strip());
        assertTrue(r.out().startsWith("1 loop, best of 1: "), r.out());
        assertEquals("nsec", m.group(4));
    }

    @Test
    void seedExample_runsWithAutorangeAndTheDefaultWarmup() {
        Result r = timeit("-v", "-t", "0.002", "int a = 42, b = 101; int t = a; a = b; b = t;");
        assertEquals(0, r.code(), r.err());
        List<String> lines = r.out().lines().toList();
        assertTrue(lines.get(0).matches("warm-up: \\d+ batch(es)? in " + NUM + " secs, JIT (settled at|not settled within the "
                + "time allowed \\(best) " + NUM + " (nsec|usec|msec|sec) per loop\\)?"), lines.get(0));
        int blank = lines.indexOf("");
        assertTrue(blank >= 2, r.out());
        long last = 0;
        for (String trial : lines.subList(1, blank)) {
            Matcher t = Pattern.compile("(\\d+) loops? -> " + NUM + " secs").matcher(trial);
            assertTrue(t.matches(), trial);
            last = Long.parseLong(t.group(1));
        }
        assertTrue(lines.get(blank + 1).matches("raw times: " + NUM + " \\w+(, " + NUM + " \\w+){4}"), lines.get(blank + 1));
        assertEquals("", lines.get(blank + 2));
        Matcher m = result(lines.get(blank + 3));
        assertEquals(last, Long.parseLong(m.group(1)), "the repeats run autorange's last loop count");
        assertEquals("5", m.group(2));
        assertEquals(blank + 4, lines.size());
    }

    @Test
    void unit_andPrecision() {
        Result r = timeit("--warmup", "0", "-n", "10", "-r", "2", "-u", "sec", "-vv", "Math.sqrt(2.0)");
        assertEquals(0, r.code(), r.err());
        List<String> lines = r.out().lines().toList();
        assertTrue(lines.get(0).matches("raw times: " + NUM + " sec, " + NUM + " sec"), lines.get(0));
        assertEquals("sec", result(lines.get(2)).group(4));
    }

    @Test
    void compileError_javacsMessageAgainstTheStatement_exit1() {
        Result r = timeit("-s", "double x = 2", "Math.sqrt(y)");
        assertEquals(1, r.code());
        assertEquals("", r.out());
        assertEquals("""
                statement:1: error: cannot find symbol
                Math.sqrt(y)
                          ^
                  symbol:   variable y
                1 error
                """, r.err());
    }

    @Test
    void exception_printedAgainstTheSnippet_exit1() {
        Result r = timeit("--warmup", "0", "-n", "5", "-s", "int zero = 0", "int q = 1 / zero;");
        assertEquals(1, r.code());
        assertEquals("", r.out());
        assertEquals("java.lang.ArithmeticException: / by zero\n\tat statement:1: int q = 1 / zero;\n", r.err());
    }

    @Test
    void snippetOutput_goesToStandardOutputFirst() {
        Result r = timeit("--warmup", "0", "-n", "2", "-r", "1", "System.out.print(\"hi \");");
        assertEquals(0, r.code(), r.err());
        assertTrue(r.out().startsWith("hi hi 2 loops, best of 1: "), r.out());
    }

    @Test
    void badOptions_exit2WithOneLine() {
        Result unit = timeit("-u", "parsec", "1");
        assertEquals(2, unit.code());
        assertEquals("speedkit: unrecognized unit 'parsec'; valid units: nsec, usec, msec, sec\n", unit.err());
        Result unknown = timeit("--bogus", "1");
        assertEquals(2, unknown.code());
        assertEquals(1, unknown.err().lines().count(), unknown.err());
        assertTrue(unknown.err().contains("--bogus"), unknown.err());
        Result negative = timeit("-n", "-5", "1");
        assertEquals(2, negative.code());
        assertEquals("speedkit: --number must be >= 0 (0: autorange), got -5\n", negative.err());
        Result imp = timeit("--import", "java util", "1");
        assertEquals(2, imp.code());
        assertTrue(imp.err().startsWith("speedkit: --import 'java util' is not an import;"), imp.err());
        Result target = timeit("-t", "0", "1");
        assertEquals(2, target.code());
        assertEquals("speedkit: --target-time must be a number of seconds > 0, got 0.0\n", target.err());
    }

    @Test
    void classPath_addsTheUsersClasses() throws Exception {
        String picocli = java.nio.file.Path.of(CommandLine.class.getProtectionDomain().getCodeSource().getLocation().toURI())
                .toString();
        Result without = timeit("--warmup", "0", "-n", "1", "--import", "picocli.CommandLine", "CommandLine.VERSION");
        assertEquals(1, without.code());
        assertTrue(without.err().startsWith("error: package picocli does not exist") || without.err().contains("picocli"),
                without.err());
        Result with = timeit("--warmup", "0", "-n", "1", "-cp", picocli, "--import", "picocli.CommandLine", "CommandLine.VERSION");
        assertEquals(0, with.code(), with.err());
    }

    @Test
    void systemExitInTheSnippet_exit1() {
        Result r = timeit("--warmup", "0", "-n", "1", "System.exit(4);");
        assertEquals(1, r.code());
        assertEquals("speedkit: the JVM timing the snippet ended with exit code 4 before it finished (System.exit in the "
                + "snippet, or a crash: see its output above)\n", r.err());
    }
}
