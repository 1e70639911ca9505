package io.speedkit.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.speedkit.profiler.Stats;
import io.speedkit.profiler.data.Metadata;
import io.speedkit.profiler.data.ProfileData;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * {@code speedkit profile} and {@code speedkit stats} on {@link io.speedkit.it.targets.Fib}, through the CLI
 * in-process. Two runs of {@code Fib 25} are shared by most tests: one saved with {@code -o}, one printing
 * its report; the stats options are checked on the saved file, which costs no JVM.
 *
 * <p>Fib's rows: {@code Fib.main} 1, {@code Fib.fib} 242785/1 (fib(n) makes 2·fib(n+1) − 1 calls; fib(26) =
 * 121393), {@code Integer.parseInt} 1 and {@code PrintStream.println} 1 (the string concatenation is an
 * invokedynamic, not a call): 242788 calls, 4 primitive.
 */
class ProfileAndStatsTest {
    static final String FIB = "io/speedkit/it/targets/Fib.java";

    @TempDir
    static Path dir;

    static Path saved;
    static Speedkit.Result savedRun;
    static Speedkit.Result reportRun;

    @BeforeAll
    static void profileFibTwice() {
        saved = dir.resolve("fib.prof");
        savedRun = Speedkit.run("profile", "-o", saved.toString(), "-cp", Artifacts.testClasses().toString(),
                "io.speedkit.it.targets.Fib", "25");
        reportRun = Speedkit.run("profile", "-cp", Artifacts.testClasses().toString(), "io.speedkit.it.targets.Fib", "25");
    }

    @Test
    void fib25_reportsExactCallCounts() {
        assertEquals(0, reportRun.exitCode(), reportRun.describe());
        Report r = Report.parse(reportRun.stdout());
        assertEquals(242788, r.totalCalls());
        assertEquals(4, r.primitiveCalls());
        assertEquals(List.of("   Ordered by: cumulative time"), r.preamble(), "cProfile's default sort");
        assertEquals("242785/1", r.row(":9(Fib.fib)").ncalls());
        assertEquals(Map.of(FIB + ":13(Fib.main)", "1", FIB + ":9(Fib.fib)", "242785/1",
                "{built-in method java.lang.Integer.parseInt}", "1", "{method java.io.PrintStream.println}", "1"),
                r.callsByName());
        assertEquals(FIB + ":13(Fib.main)", r.rows().get(0).name(), "main has the largest cumulative time");
    }

    @Test
    void profile_printsProgramOutputThenReport() {
        String out = reportRun.stdout();
        assertTrue(out.startsWith("fib(25) = 75025\n"), out);
        assertEquals("fib(25) = 75025\n".length(), Report.parse(out).start(), "the report follows the program's output");
        assertEquals("", reportRun.stderr());
    }

    @Test
    void output_savesProfileAndPrintsOnlyTheProgramsOutput() {
        assertEquals(0, savedRun.exitCode(), savedRun.describe());
        assertEquals("fib(25) = 75025\n", savedRun.stdout());
        assertEquals("", savedRun.stderr());
        ProfileData data = Profiles.read(saved);
        assertEquals(242785, Profiles.row(data, ":9(Fib.fib)").totalCalls());
        Metadata m = data.metadata();
        assertEquals("java -cp " + Artifacts.testClasses() + " io.speedkit.it.targets.Fib 25", m.get(Metadata.COMMAND));
        assertEquals("jvm exit", m.get(Metadata.END));
        assertEquals("0", m.get(Metadata.OPEN_FRAMES), "main returned: no frame was open at exit");
        assertEquals("0", m.get(Metadata.SKIPPED_CLASSES));
        assertEquals("System.nanoTime", m.get(Metadata.CLOCK));
        assertEquals(1, data.threads().size(), "only main ran program code: " + data.threads());
        assertEquals("main", data.threads().get(0).name());
    }

    @Test
    void stats_printsTheReportProfileWouldPrint() {
        Speedkit.Result stats = Speedkit.run("stats", saved.toString());
        assertEquals(0, stats.exitCode(), stats.describe());
        assertEquals("", stats.stderr());
        // The same rendering as the library's, sorted as cProfile's CLI sorts...
        ByteArrayOutputStream api = new ByteArrayOutputStream();
        Stats.of(Profiles.read(saved)).sortStats("cumulative").withOutput(new PrintStream(api, true, StandardCharsets.UTF_8))
                .printStats();
        // pstats first names each file it loaded (mtime and path) and leaves a blank line.
        String[] lines = stats.stdout().split("\n", 3);
        assertTrue(lines[0].endsWith("    " + saved), lines[0]);
        assertEquals("", lines[1]);
        assertEquals(api.toString(StandardCharsets.UTF_8), lines[2]);
        // ...and the same rows and counts as a report printed by `speedkit profile` (times differ between runs).
        Report fromStats = Report.parse(stats.stdout());
        Report fromProfile = Report.parse(reportRun.stdout());
        assertEquals(fromProfile.callsByName(), fromStats.callsByName());
        assertEquals(fromProfile.totalCalls(), fromStats.totalCalls());
        assertEquals(fromProfile.primitiveCalls(), fromStats.primitiveCalls());
        assertEquals(fromProfile.preamble(), fromStats.preamble());
    }

    @Test
    void stats_twoFilesAreAdded() {
        Speedkit.Result stats = Speedkit.run("stats", saved.toString(), saved.toString());
        assertEquals(0, stats.exitCode(), stats.describe());
        Report r = Report.parse(stats.stdout());
        assertEquals("485570/2", r.row(":9(Fib.fib)").ncalls());
        assertEquals(2 * 242788, r.totalCalls());
    }

    @Test
    void limit_keepsFirstRowsWithPstatsRestrictionLine() {
        Speedkit.Result stats = Speedkit.run("stats", "--limit", "3", saved.toString());
        assertEquals(0, stats.exitCode(), stats.describe());
        Report r = Report.parse(stats.stdout());
        assertEquals(3, r.rows().size());
        assertEquals(List.of("   Ordered by: cumulative time", "   List reduced from 4 to 3 due to restriction <3>"), r.preamble());
    }

    @Test
    void sortTottime_ordersByInternalTime() {
        Speedkit.Result stats = Speedkit.run("stats", "-s", "tottime", "--unit", "ns", saved.toString());
        assertEquals(0, stats.exitCode(), stats.describe());
        Report r = Report.parse(stats.stdout());
        assertEquals(List.of("   Ordered by: internal time"), r.preamble());
        assertEquals("nanoseconds", r.unit());
        for (int i = 1; i < r.rows().size(); i++) {
            double before = Double.parseDouble(r.rows().get(i - 1).tottime());
            double now = Double.parseDouble(r.rows().get(i).tottime());
            assertTrue(before >= now, "rows not in descending tottime order: " + r.rows());
        }
        assertEquals(FIB + ":9(Fib.fib)", r.rows().get(0).name(), "fib does nearly all the work itself");
    }

    @Test
    void sortSecondaryKeys_joinsDescriptions() {
        Speedkit.Result stats = Speedkit.run("stats", "-s", "ncalls", "-s", "name", saved.toString());
        assertEquals(0, stats.exitCode(), stats.describe());
        Report r = Report.parse(stats.stdout());
        assertEquals(List.of("   Ordered by: call count, function name"), r.preamble());
        assertEquals("242785/1", r.rows().get(0).ncalls());
    }

    /** Every pstats sort key, with pstats' description of it in the "Ordered by" line. */
    @ParameterizedTest(name = "-s {0}")
    @CsvSource({"calls, call count", "ncalls, call count", "pcalls, primitive call count", "time, internal time",
            "tottime, internal time", "cumulative, cumulative time", "cumtime, cumulative time", "file, file name",
            "filename, file name", "module, file name", "line, line number", "name, function name",
            "nfl, name/file/line", "stdname, standard name"})
    void sortKey_orderedByLine(String key, String description) {
        Speedkit.Result stats = Speedkit.run("stats", "-s", key, saved.toString());
        assertEquals(0, stats.exitCode(), stats.describe());
        assertEquals(List.of("   Ordered by: " + description), Report.parse(stats.stdout()).preamble());
    }

    /**
     * Orders pstats gives Fib's four rows. Standard names compare as text (line 13 before line 9). Ties keep
     * the key order (file, line, name), where "~", the file of built-ins, sorts after every path; names compare
     * as stored, and built-ins' stored names start with "<".
     */
    @ParameterizedTest(name = "-s {0}")
    @CsvSource(delimiter = '|', value = {
            "calls    | fib, main, parseInt, println",
            "pcalls   | fib, main, parseInt, println",
            "file     | fib, main, parseInt, println",
            "line     | parseInt, println, fib, main",
            "name     | parseInt, println, fib, main",
            "nfl      | parseInt, println, fib, main",
            "stdname  | main, fib, parseInt, println"})
    void sortKey_ordersRowsAsPstats(String key, String order) {
        Speedkit.Result stats = Speedkit.run("stats", "-s", key.strip(), saved.toString());
        assertEquals(0, stats.exitCode(), stats.describe());
        List<String> names = Report.parse(stats.stdout()).names().stream().map(ProfileAndStatsTest::shortName).toList();
        assertEquals(List.of(order.strip().split(", ")), names);
    }

    private static String shortName(String stdName) {
        return switch (stdName) {
            case FIB + ":9(Fib.fib)" -> "fib";
            case FIB + ":13(Fib.main)" -> "main";
            case "{built-in method java.lang.Integer.parseInt}" -> "parseInt";
            case "{method java.io.PrintStream.println}" -> "println";
            default -> stdName;
        };
    }

    @Test
    void unitSeconds_printsCProfilesHeader() {
        Speedkit.Result stats = Speedkit.run("stats", "--unit", "s", saved.toString());
        assertEquals(0, stats.exitCode(), stats.describe());
        assertTrue(Pattern.compile("\\A.*    \\S+\n\n         242788 function calls \\(4 primitive calls\\) in \\d+\\.\\d{3} seconds\n\n")
                .matcher(stats.stdout()).find(), stats.stdout());
    }

    @Test
    void defaultUnit_headerNamesTheUnit() {
        Report r = Report.parse(reportRun.stdout());
        assertTrue(List.of("seconds", "milliseconds", "microseconds", "nanoseconds").contains(r.unit()), r.unit());
        assertTrue(r.total().matches("\\d+\\.\\d{3}"), r.total());
    }

    @Test
    void callersAndCallees_printPstatsSections() {
        Speedkit.Result stats = Speedkit.run("stats", "--unit", "s", "--callers", "fib", "--callees", "main",
                saved.toString());
        assertEquals(0, stats.exitCode(), stats.describe());
        List<String> lines = Texts.lines(stats.stdout());
        String fib = FIB + ":9(Fib.fib)";
        String main = FIB + ":13(Fib.main)";
        // In seconds the sections are exactly pstats'. A reduced list is as wide as its longest listed name, plus 2.
        int callers = lines.indexOf("Function " + " ".repeat(fib.length() + 2 - 9) + "was called by...");
        assertTrue(callers > 0, stats.stdout());
        assertEquals("   Ordered by: cumulative time", lines.get(callers - 3));
        assertEquals("   List reduced from 4 to 1 due to restriction <'fib'>", lines.get(callers - 2));
        assertEquals("", lines.get(callers - 1));
        assertEquals(" ".repeat(fib.length() + 2) + "    ncalls  tottime  cumtime", lines.get(callers + 1));
        // Edges into fib, in key order (line 9 before 13): from fib itself 242784 times, 2 of them primitive
        // (fib(24) and fib(23) called by the outermost fib(25): the pair fib→fib is not yet on their stack);
        // from main once.
        String time = " +\\d+\\.\\d{3}";
        assertTrue(lines.get(callers + 2).matches(Pattern.quote(fib + "  <- 242784/2") + time + time + Pattern.quote("  " + fib)),
                lines.get(callers + 2));
        assertTrue(lines.get(callers + 3).matches(" {" + (fib.length() + 3 + 8) + "}1" + time + time + Pattern.quote("  " + main)),
                lines.get(callers + 3));
        int callees = lines.indexOf("Function " + " ".repeat(main.length() + 2 - 9) + "called...");
        assertTrue(callees > callers, stats.stdout());
        assertEquals("   List reduced from 4 to 1 due to restriction <'main'>", lines.get(callees - 2));
        // main's callees in key order: its own file first (fib), then the built-ins.
        assertTrue(lines.get(callees + 2).startsWith(main + "  ->       1 "), lines.get(callees + 2));
        assertTrue(lines.get(callees + 2).endsWith("  " + fib), lines.get(callees + 2));
        assertTrue(lines.get(callees + 3).endsWith("  {built-in method java.lang.Integer.parseInt}"), lines.get(callees + 3));
        assertTrue(lines.get(callees + 4).endsWith("  {method java.io.PrintStream.println}"), lines.get(callees + 4));
    }

    @Test
    void profile_acceptsReportOptions() {
        Speedkit.Result r = Speedkit.run("profile", "-s", "tottime", "--limit", "3", "--unit", "s", "--callers", "fib",
                "--callees", "main", "-cp", Artifacts.testClasses().toString(), "io.speedkit.it.targets.Fib", "20");
        assertEquals(0, r.exitCode(), r.describe());
        String out = r.stdout();
        assertTrue(out.startsWith("fib(20) = 6765\n"), out);
        Report report = Report.parse(out);
        assertEquals("seconds", report.unit());
        assertEquals(List.of("   Ordered by: internal time", "   List reduced from 4 to 3 due to restriction <3>"), report.preamble());
        assertEquals(3, report.rows().size());
        assertEquals("21891/1", report.row(":9(Fib.fib)").ncalls());
        assertTrue(out.contains("was called by...\n"), out);
        assertTrue(out.contains("called...\n"), out);
        assertTrue(out.contains("<'fib'>") && out.contains("<'main'>"), out);
    }

    @Test
    void includeExclude_restrictInstrumentedClasses() {
        String cp = Artifacts.testClasses().toString();
        Speedkit.Result all = Speedkit.run("profile", "-cp", cp, "io.speedkit.it.targets.OptMain");
        Speedkit.Result some = Speedkit.run("profile", "--include", "io.speedkit.it.targets.Opt*", "--exclude", "*Helper",
                "-cp", cp, "io.speedkit.it.targets.OptMain");
        assertEquals(0, all.exitCode(), all.describe());
        assertEquals(0, some.exitCode(), some.describe());
        assertTrue(all.stdout().startsWith("result 40\n"), all.stdout());
        assertTrue(some.stdout().startsWith("result 40\n"), some.stdout());
        Report everything = Report.parse(all.stdout());
        assertTrue(everything.hasRow("(OptMain.main)") && everything.hasRow("(OptMain.twice)")
                && everything.hasRow("(OptHelper.help)") && everything.hasRow("(Other.work)"), everything.names().toString());
        Report filtered = Report.parse(some.stdout());
        assertTrue(filtered.hasRow("(OptMain.main)") && filtered.hasRow("(OptMain.twice)"), filtered.names().toString());
        assertFalse(filtered.hasRow("(OptHelper.help)"), "excluded by *Helper: " + filtered.names());
        assertFalse(filtered.hasRow("(Other.work)"), "not included by Opt*: " + filtered.names());
        assertTrue(filtered.hasRow("{method java.io.PrintStream.println}"), "JDK calls of included classes are still timed");
    }

    @Test
    void callersMatchingNothing_printNoSection() {
        Speedkit.Result stats = Speedkit.run("stats", "--callers", "no-such-function", "--callees", "nor-this", saved.toString());
        assertEquals(0, stats.exitCode(), stats.describe());
        assertEquals(Speedkit.run("stats", saved.toString()).stdout(), stats.stdout(), "pstats prints nothing for an empty list");
    }

    /**
     * {@code --jdk-calls}: by default a few trivial JDK calls are not timed (boxing, Math, the for-each loop's
     * Iterator); {@code all} times every call into the JDK, {@code none} none.
     */
    @Test
    void jdkCalls_defaultAllNone() {
        String cp = Artifacts.testClasses().toString();
        Map<String, String> base = Map.of(
                "io/speedkit/it/targets/Boxing.java:15(Boxing.main)", "1",
                "{method java.util.ArrayList.new}", "1",
                "{method java.util.List.add}", "5",
                "{method java.util.List.iterator}", "1",
                "{method java.io.PrintStream.println}", "1");
        Speedkit.Result byDefault = Speedkit.run("profile", "-cp", cp, "io.speedkit.it.targets.Boxing");
        assertEquals(0, byDefault.exitCode(), byDefault.describe());
        assertTrue(byDefault.stdout().startsWith("13\n"), byDefault.stdout());
        assertEquals(base, Report.parse(byDefault.stdout()).callsByName());

        Speedkit.Result all = Speedkit.run("profile", "--jdk-calls", "all", "-cp", cp, "io.speedkit.it.targets.Boxing");
        assertEquals(0, all.exitCode(), all.describe());
        Map<String, String> everything = new java.util.HashMap<>(base);
        everything.put("{built-in method java.lang.Integer.valueOf}", "5");
        everything.put("{method java.lang.Integer.intValue}", "5");
        everything.put("{method java.util.Iterator.hasNext}", "6");
        everything.put("{method java.util.Iterator.next}", "5");
        everything.put("{built-in method java.lang.Math.max}", "5");
        assertEquals(everything, Report.parse(all.stdout()).callsByName());

        Speedkit.Result none = Speedkit.run("profile", "--jdk-calls", "none", "-cp", cp, "io.speedkit.it.targets.Boxing");
        assertEquals(0, none.exitCode(), none.describe());
        assertEquals(Map.of("io/speedkit/it/targets/Boxing.java:15(Boxing.main)", "1"), Report.parse(none.stdout()).callsByName());
    }

    @Test
    void argumentsJvmOptionAndStdin_reachTheProgram() throws Exception {
        Path out = dir.resolve("echo.prof");
        Speedkit.Result r = Speedkit.runWithStdin("hello\nworld\n", "profile", "-o", out.toString(), "-J-Dfoo=bar",
                "-cp", Artifacts.testClasses().toString(), "io.speedkit.it.targets.Echo", "a b", "", "c'd", "-o", "--limit=3");
        assertEquals(0, r.exitCode(), r.describe());
        assertEquals("args=[a b][][c'd][-o][--limit=3]\nfoo=bar\necho: hello\necho: world\n", r.stdout(),
                "arguments after the main class are the program's, verbatim, even when they look like speedkit's options");
        assertEquals("", r.stderr());
        assertEquals(1, Profiles.row(Profiles.read(out), "(Echo.main)").totalCalls());
        assertTrue(Files.size(out) > 0);
    }
}
