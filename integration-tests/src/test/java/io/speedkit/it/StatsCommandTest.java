package io.speedkit.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** speedkit stats and speedkit diff on profiles of real runs: options, exports, adding files, comparing runs. */
class StatsCommandTest {
    @TempDir
    static Path dir;
    static Path a;
    static Path b;
    static Path ab;
    static Path fib20;
    static Path fib22;

    @BeforeAll
    static void profileRuns() {
        a = profile("a.prof", "io.speedkit.it.targets.Work", "a");
        b = profile("b.prof", "io.speedkit.it.targets.Work", "b");
        ab = profile("ab.prof", "io.speedkit.it.targets.Work", "ab");
        fib20 = profile("fib20.prof", "io.speedkit.it.targets.Fib", "20");
        fib22 = profile("fib22.prof", "io.speedkit.it.targets.Fib", "22");
    }

    private static Path profile(String name, String... program) {
        Path out = dir.resolve(name);
        List<String> args = new java.util.ArrayList<>(List.of("profile", "-o", out.toString(), "-cp", Artifacts.testClasses().toString()));
        args.addAll(List.of(program));
        Speedkit.Result r = Speedkit.run(args);
        assertEquals(0, r.exitCode(), r.describe());
        return out;
    }

    @Test
    void addingTwoFiles_equalsTheRunThatDidBothJobs() {
        Map<String, String> both = Report.parse(Speedkit.run("stats", a.toString(), b.toString()).stdout()).callsByName();
        Map<String, String> together = Report.parse(Speedkit.run("stats", ab.toString()).stdout()).callsByName();
        assertEquals(together.keySet(), both.keySet());
        // The jobs' work adds up exactly: 2 x part(3) is 2 x 15 calls, part(5) is 63; tail twice.
        assertEquals("93/3", both.get("io/speedkit/it/targets/Work.java:9(Work.part)"));
        assertEquals(together.get("io/speedkit/it/targets/Work.java:9(Work.part)"), both.get("io/speedkit/it/targets/Work.java:9(Work.part)"));
        assertEquals(together.get("io/speedkit/it/targets/Work.java:13(Work.tail)"), both.get("io/speedkit/it/targets/Work.java:13(Work.tail)"));
        // What every run does once (main, its two argument checks, its println) the two runs did twice.
        for (String once : List.of("io/speedkit/it/targets/Work.java:17(Work.main)", "{method java.lang.String.contains}",
                "{method java.io.PrintStream.println}")) {
            assertEquals(2 * Long.parseLong(together.get(once)), Long.parseLong(both.get(once)), once);
        }
    }

    @Test
    void twoFiles_printPstatsTitleLines() {
        String out = Speedkit.run("stats", a.toString(), b.toString()).stdout();
        String[] lines = out.split("\n");
        assertTrue(lines[0].matches("[A-Z][a-z]{2} [A-Z][a-z]{2} [ \\d]\\d \\d\\d:\\d\\d:\\d\\d \\d{4}    " + java.util.regex.Pattern.quote(a.toString())), lines[0]);
        assertTrue(lines[1].endsWith("    " + b), lines[1]);
        assertEquals("", lines[2]);
    }

    @Test
    void pstatsExport_readByPythonWithTheSameNumbers() throws Exception {
        Assumptions.assumeTrue(python3(), "python3 is not on the PATH: the pstats file cannot be checked with Python's own pstats");
        Path file = dir.resolve("fib20.pstats");
        Speedkit.Result w = Speedkit.run("stats", "--format", "pstats", "-o", file.toString(), fib20.toString());
        assertEquals(0, w.exitCode(), w.describe());
        assertEquals("", w.stdout());
        Process p = new ProcessBuilder("python3", "-c", "import pstats,sys; s=pstats.Stats(sys.argv[1]); "
                + "s.sort_stats('cumulative').print_stats(); s.print_callers('fib')", file.toString()).redirectErrorStream(true).start();
        String python = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertTrue(p.waitFor(60, TimeUnit.SECONDS));
        assertEquals(0, p.exitValue(), python);
        String ours = Speedkit.run("stats", "--unit", "s", "--callers", "fib", fib20.toString()).stdout();
        // pstats' title line names the file it loaded; everything after it must be the same bytes.
        assertEquals(ours.substring(ours.indexOf('\n')), python.substring(python.indexOf('\n')));
    }

    @Test
    void collapsedExport_foldedStacksOfTheRun() {
        Speedkit.Result r = Speedkit.run("stats", "--format", "collapsed", fib20.toString());
        assertEquals(0, r.exitCode(), r.describe());
        long fibDeepest = 0;
        for (String line : r.stdout().split("\n")) {
            assertTrue(line.matches("[^ ].* \\d+"), line);
            String stack = line.substring(0, line.lastIndexOf(' '));
            assertTrue(stack.startsWith("Fib.main"), line);
            fibDeepest = Math.max(fibDeepest, stack.split(";").length - 1);
        }
        assertEquals(20, fibDeepest, "fib(20) recurses 20 deep under main");
        assertTrue(r.stdout().contains("Fib.main;{method java.io.PrintStream.println} "), r.stdout());
    }

    @Test
    void htmlExport_isOneSelfContainedPage() throws IOException {
        Path page = dir.resolve("fib20.html");
        Speedkit.Result r = Speedkit.run("stats", "--format", "html", "-o", page.toString(), fib20.toString());
        assertEquals(0, r.exitCode(), r.describe());
        String html = Files.readString(page);
        assertTrue(html.startsWith("<!DOCTYPE html>"), html.substring(0, 40));
        assertTrue(html.contains("Fib.fib"));
        assertTrue(!html.contains("http://") && !html.contains("https://"), "no external resources");
    }

    @Test
    void threads_listedAndSelected() {
        Speedkit.Result list = Speedkit.run("stats", "--threads", fib20.toString());
        assertEquals(0, list.exitCode(), list.describe());
        assertTrue(list.stdout().matches("(?s) +calls +\\w+  thread\n +21894 +[\\d.]+  main\n"), list.stdout());
        Speedkit.Result main = Speedkit.run("stats", "--thread", "ma*", fib20.toString());
        assertEquals(Report.parse(Speedkit.run("stats", fib20.toString()).stdout()).callsByName(), Report.parse(main.stdout()).callsByName());
    }

    @Test
    void restrictionOptions_applyInPstatsOrder() {
        String out = Speedkit.run("stats", "--match", "Fib", "--fraction", "0.5", "--limit", "1", "-s", "calls,name", fib20.toString()).stdout();
        assertTrue(out.contains("   Ordered by: call count, function name\n"
                + "   List reduced from 4 to 2 due to restriction <'Fib'>\n"
                + "   List reduced from 2 to 1 due to restriction <0.5>\n"), out);
        assertEquals(List.of("io/speedkit/it/targets/Fib.java:9(Fib.fib)"), List.copyOf(Report.parse(out).callsByName().keySet()));
        String reversed = Speedkit.run("stats", "-s", "calls", "--reverse", "--strip-dirs", fib20.toString()).stdout();
        List<String> rows = List.copyOf(Report.parse(reversed).callsByName().keySet());
        assertEquals("Fib.java:9(Fib.fib)", rows.get(rows.size() - 1), reversed);
    }

    @Test
    void diff_comparesTwoRuns() {
        Speedkit.Result r = Speedkit.run("diff", fib22.toString(), fib20.toString());
        assertEquals(0, r.exitCode(), r.describe());
        String out = r.stdout();
        assertTrue(out.matches("(?s)before +57316 function calls \\(4 primitive calls\\) in [\\d.]+ \\w+    .*fib22.prof\n.*"), out);
        assertTrue(out.matches("(?s).*\nafter +21894 function calls \\(4 primitive calls\\) in [\\d.]+ \\w+    .*fib20.prof\n.*"), out);
        // Only counts are deterministic; which run was faster is up to the JIT (main includes one-time bootstraps).
        assertTrue(out.matches("(?s).*\nspeed-up \\d+\\.\\d\\dx: total time [-+][\\d.]+ \\w+ \\([-+]\\d+\\.\\d%\\)\n.*"), out);
        assertTrue(out.contains("   Ordered by: tottime change\n"), out);
        assertTrue(out.matches("(?s).*\n     57313/1     21891/1 .* io/speedkit/it/targets/Fib.java:9\\(Fib.fib\\)\n.*"), out);
        Speedkit.Result top = Speedkit.run("diff", "-s", "calls", "--limit", "1", fib22.toString(), fib20.toString());
        assertTrue(top.stdout().contains("   List reduced from 4 to 1 due to restriction <1>\n"), top.stdout());
    }

    @Test
    void browser_withoutFiles_readsCommandsFromStdin() {
        Speedkit.Result r = Speedkit.runWithStdin("stats\nread " + fib20 + "\nsort tottime\nstats 1\nsort cumtme\nquit\n", "stats");
        assertEquals(0, r.exitCode(), r.describe());
        String out = r.stdout();
        assertTrue(out.startsWith("Welcome to the profile statistics browser.\n% No statistics object is loaded.\n% " + fib20 + "% "), out);
        assertTrue(out.contains("   Ordered by: internal time\n   List reduced from 4 to 1 due to restriction <1>\n"), out);
        assertTrue(out.contains("Invalid sort key 'cumtme'") || out.contains("Valid sort keys (unique prefixes are accepted):"), out);
        assertTrue(out.endsWith(fib20 + "% Goodbye.\n"), out);
    }

    @Test
    void badInput_oneLineEach() throws IOException {
        Path empty = Files.write(dir.resolve("empty.prof"), new byte[0]);
        byte[] bytes = Files.readAllBytes(fib20);
        Path truncated = Files.write(dir.resolve("truncated.prof"), java.util.Arrays.copyOf(bytes, bytes.length / 2));
        String[][] cases = {
            {"1", "speedkit: " + empty + ": empty file; not a speedkit profile", "diff", empty.toString(), fib20.toString()},
            {"1", "speedkit: " + truncated + ": truncated", "diff", fib20.toString(), truncated.toString()},
            {"2", "speedkit: unknown diff order 'speed'", "diff", "-s", "speed", fib20.toString(), fib22.toString()},
            {"2", "speedkit: --fraction must be between 0 and 1, got 1.5", "stats", "--fraction", "1.5", fib20.toString()},
            {"2", "speedkit: bad regular expression for --match '('", "stats", "--match", "(", fib20.toString()},
            {"2", "speedkit: unknown format 'svg'; valid formats: text, pstats, collapsed, html", "stats", "--format", "svg", fib20.toString()},
            {"1", "speedkit: no thread named 'worker'; the profile has 'main'", "stats", "--thread", "worker", fib20.toString()},
            {"2", "speedkit: unknown sort key 'cumtme'", "stats", "-s", "cumtme", fib20.toString()},
        };
        for (String[] c : cases) {
            Speedkit.Result r = Speedkit.run(java.util.Arrays.copyOfRange(c, 2, c.length));
            assertEquals(Integer.parseInt(c[0]), r.exitCode(), r.describe());
            assertTrue(r.stderr().startsWith(c[1]), r.describe());
            assertEquals(1, r.stderr().split("\n").length, r.describe());
            assertEquals("", r.stdout(), r.describe());
        }
    }

    private static boolean python3() {
        try {
            Process p = new ProcessBuilder("python3", "-c", "import pstats").start();
            return p.waitFor(30, TimeUnit.SECONDS) && p.exitValue() == 0;
        } catch (IOException | InterruptedException e) {
            return false;
        }
    }
}
