package io.speedkit.profiler.browser;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;

import io.speedkit.profiler.Stats;
import io.speedkit.profiler.Unit;
import io.speedkit.profiler.data.ProfileFormatException;
import io.speedkit.profiler.data.ProfileWriter;

import java.io.BufferedReader;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InterruptedIOException;
import java.io.OutputStream;
import java.io.PrintStream;
import java.io.StringReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.atomic.AtomicInteger;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * Scripted sessions of the browser, each output checked whole: prompts, messages and reports, as
 * {@code python -m pstats} prints them with a piped stdin (prompts printed, lines not echoed). The loader is
 * a fake that knows {@code run.prof} (see {@link BrowserProfile}) and nothing else, except where real files
 * are read. {@link PstatsBrowserCompatibilityTest} checks a session against Python itself.
 */
class ProfileBrowserTest {

    private static final String WELCOME = "Welcome to the profile statistics browser.\n";
    private static final String P = "run.prof% ";
    private static final String HEADER = """
            Thu Nov 26 07:15:04 2026    run.prof

                     18 function calls (12 primitive calls) in 0.100 seconds

            """;
    private static final String COLUMNS = "   ncalls  tottime  percall  cumtime  percall filename:lineno(function)\n";
    private static final String FIB = "      7/1    0.060    0.009    0.060    0.060 app/Fib.java:3(Fib.fib)\n";
    private static final String MAIN = "        1    0.010    0.010    0.100    0.100 app/Main.java:10(Main.main)\n";
    private static final String PAD_A = "        2    0.006    0.003    0.010    0.005 lib/a/Util.java:5(Util.pad)\n";
    private static final String PAD_B = "        3    0.014    0.005    0.020    0.007 lib/b/Util.java:5(Util.pad)\n";
    private static final String REPEAT = "        5    0.010    0.002    0.010    0.002 {method java.lang.String.repeat}\n";
    private static final String RANDOM = "   Random listing order was used\n";
    private static final String CUMULATIVE = "   Ordered by: cumulative time\n";
    private static final String END = "\n\n";
    private static final String STATS_ALL = HEADER + RANDOM + "\n" + COLUMNS + FIB + MAIN + PAD_A + PAD_B + REPEAT + END;
    private static final String SORT_KEYS = """
            Valid sort keys (unique prefixes are accepted):
            calls -- call count
            ncalls -- call count
            cumtime -- cumulative time
            cumulative -- cumulative time
            filename -- file name
            line -- line number
            module -- file name
            name -- function name
            nfl -- name/file/line
            pcalls -- primitive call count
            stdname -- standard name
            time -- internal time
            tottime -- internal time
            """;
    private static final String NOT_LOADED = "No statistics object is loaded.\n";
    private static final String RESTRICTION_HELP = """
            Arguments may be:
            * An integer maximum number of entries to print.
            * A decimal fractional number between 0 and 1, controlling
              what fraction of selected entries to print.
            * A regular expression; only entries with function names
              that match it are printed.
            """;

    @TempDir
    Path dir;

    private final Locale savedLocale = Locale.getDefault();
    private final AtomicInteger loads = new AtomicInteger();

    @AfterEach
    void restoreLocale() {
        Locale.setDefault(savedLocale);
    }

    /** Knows run.prof; every other name is a missing file, "bad.prof" a corrupt one. */
    private final StatsLoader fakeLoader = file -> {
        loads.incrementAndGet();
        return switch (file.toString()) {
            case "run.prof" -> BrowserProfile.stats("run.prof");
            case "bad.prof" -> throw new ProfileFormatException("not a speedkit profile (the file does not start with the"
                    + " profile signature)");
            default -> throw new NoSuchFileException(file.toString());
        };
    };

    private String session(String script, String... files) {
        return session(fakeLoader, script, files);
    }

    private static String session(StatsLoader loader, String script, String... files) {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        PrintStream out = new PrintStream(bytes, true, StandardCharsets.UTF_8);
        List<Path> paths = new ArrayList<>();
        for (String f : files) {
            paths.add(Path.of(f));
        }
        ProfileBrowser browser = new ProfileBrowser(new ReaderLines(new BufferedReader(new StringReader(script)), out), out,
                loader);
        assertEquals(0, browser.run(paths));
        return bytes.toString(StandardCharsets.UTF_8);
    }

    @Test
    void run_loadsFirstFile_printsReport_endsAtEof() {
        // End of input is the EOF command: a newline after the prompt, then Goodbye.
        assertEquals(WELCOME + P + STATS_ALL + P + "\nGoodbye.\n", session("stats\n", "run.prof"));
    }

    @Test
    void quit_saysGoodbyeAndReadsNoMore() {
        assertEquals(WELCOME + P + "Goodbye.\n", session("quit\nstats\n", "run.prof"));
    }

    @Test
    void eofCommand_typed_endsLikeEndOfInput() {
        assertEquals(WELCOME + P + "\nGoodbye.\n", session("EOF\nstats\n", "run.prof"));
    }

    @Test
    void stats_restrictions() {
        String out = session("sort cumulative\nstats 5\nstats 2\nstats 0.5\nstats fib\nstats 1.5\nstats 1.5 Util 1\n", "run.prof");
        String cumulativeRows = MAIN + FIB + PAD_B + PAD_A + REPEAT;
        assertEquals(WELCOME + P
                // sort prints nothing; 5 rows of 5: no "List reduced" line
                + P + HEADER + CUMULATIVE + "\n" + COLUMNS + cumulativeRows + END
                + P + HEADER + CUMULATIVE + "   List reduced from 5 to 2 due to restriction <2>\n\n" + COLUMNS + MAIN + FIB + END
                + P + HEADER + CUMULATIVE + "   List reduced from 5 to 3 due to restriction <0.5>\n\n" + COLUMNS + MAIN + FIB
                + PAD_B + END
                + P + HEADER + CUMULATIVE + "   List reduced from 5 to 1 due to restriction <'fib'>\n\n" + COLUMNS + FIB + END
                // a fraction above 1 is reported and skipped; the report is then printed without it
                + P + "Fraction argument must be in [0, 1]\n" + HEADER + CUMULATIVE + "\n" + COLUMNS + cumulativeRows + END
                + P + "Fraction argument must be in [0, 1]\n" + HEADER + CUMULATIVE
                + "   List reduced from 5 to 2 due to restriction <'Util'>\n"
                + "   List reduced from 2 to 1 due to restriction <1>\n\n" + COLUMNS + PAD_B + END
                + P + "\nGoodbye.\n", out);
    }

    @Test
    void stats_badRegex_reportedInTheReport_sessionGoesOn() {
        assertEquals(WELCOME + P + HEADER + RANDOM + "   <Invalid regular expression '('>\n"
                + "   List reduced from 5 to 1 due to restriction <1>\n\n" + COLUMNS + FIB + END
                + P + "Goodbye.\n", session("stats ( 1\nquit\n", "run.prof"));
    }

    @Test
    void stats_nothingLeft_printsHeaderOnly() {
        assertEquals(WELCOME + P + HEADER + P + HEADER + P + "Goodbye.\n", session("stats 0\nstats nomatch\nquit\n", "run.prof"));
    }

    @Test
    void sort_withoutOrWithBadKeys_listsValidKeys() {
        // "cum" abbreviates both cumtime and cumulative: pstats rejects it, and one bad word rejects the line.
        assertEquals(WELCOME + P + SORT_KEYS + P + SORT_KEYS + P + SORT_KEYS + P + SORT_KEYS + P + "Goodbye.\n",
                session("sort\nsort nope\nsort cum\nsort time nope\nquit\n", "run.prof"));
    }

    @Test
    void sort_acceptsAbbreviationsAndSeveralKeys() {
        String out = session("sort pc fi l\nstats\nsort tot name\nstats 1\nquit\n", "run.prof");
        assertEquals(WELCOME + P
                + P + HEADER + "   Ordered by: primitive call count, file name, line number\n\n" + COLUMNS
                + REPEAT + PAD_B + PAD_A + FIB + MAIN + END
                + P + P + HEADER + "   Ordered by: internal time, function name\n"
                + "   List reduced from 5 to 1 due to restriction <1>\n\n" + COLUMNS + FIB + END
                + P + "Goodbye.\n", out);
    }

    @Test
    void reverse_reversesTheSortedListing_notARandomOne() {
        String out = session("reverse\nstats\nsort cumtime\nreverse\nstats\nquit\n", "run.prof");
        assertEquals(WELCOME + P + P + STATS_ALL
                + P + P + P + HEADER + CUMULATIVE + "\n" + COLUMNS + REPEAT + PAD_A + PAD_B + FIB + MAIN + END
                + P + "Goodbye.\n", out);
    }

    @Test
    void strip_mergesFunctionsOfEqualFileNames_andForgetsTheOrder() {
        String out = session("sort time\nstrip\nstats\nquit\n", "run.prof");
        assertEquals(WELCOME + P + P + P + HEADER + RANDOM + "\n" + COLUMNS
                + "      7/1    0.060    0.009    0.060    0.060 Fib.java:3(Fib.fib)\n"
                + "        1    0.010    0.010    0.100    0.100 Main.java:10(Main.main)\n"
                + "        5    0.020    0.004    0.030    0.006 Util.java:5(Util.pad)\n"
                + REPEAT + END
                + P + "Goodbye.\n", out);
    }

    @Test
    void callersAndCallees() {
        String out = session("callers Util\ncallees main\ncallers nomatch\nquit\n", "run.prof");
        assertEquals(WELCOME + P + """
                   Random listing order was used
                   List reduced from 5 to 2 due to restriction <'Util'>

                Function                     was called by...
                                                 ncalls  tottime  cumtime
                lib/a/Util.java:5(Util.pad)  <-       2    0.006    0.010  app/Main.java:10(Main.main)
                lib/b/Util.java:5(Util.pad)  <-       3    0.014    0.020  app/Main.java:10(Main.main)


                """ + P + """
                   Random listing order was used
                   List reduced from 5 to 1 due to restriction <'main'>

                Function                     called...
                                                 ncalls  tottime  cumtime
                app/Main.java:10(Main.main)  ->       1    0.010    0.060  app/Fib.java:3(Fib.fib)
                                                      2    0.006    0.010  lib/a/Util.java:5(Util.pad)
                                                      3    0.014    0.020  lib/b/Util.java:5(Util.pad)


                """
                // nothing matched: print_callers prints nothing at all
                + P + P + "Goodbye.\n", out);
    }

    @Test
    void help_listsDocumentedCommands_andEachCommandsText() {
        String out = session("help\nhelp stats\n?sort\nhelp help\nhelp read\nhelp nope\nquit\n");
        assertEquals(WELCOME + "% " + """

                Documented commands (type help <topic>):
                ========================================
                EOF  add  callees  callers  help  quit  read  reverse  sort  stats  strip

                """ + "% " + "Print statistics from the current stat object.\n" + RESTRICTION_HELP
                + "% Sort profile data according to specified keys.\n(Typing `sort' without arguments lists valid keys.)\n"
                + "% Show help for a given command.\n"
                + "% Read in profile data from a specified file.\nWithout argument, reload the current file.\n"
                + "% *** No help on nope\n"
                + "% Goodbye.\n", out);
    }

    @Test
    void help_everyCommandHasPstatsText() {
        String out = session("help EOF\nhelp add\nhelp callees\nhelp callers\nhelp quit\nhelp reverse\nhelp strip\nquit\n");
        assertEquals(WELCOME
                + "% Leave the profile browser.\n"
                + "% Add profile info from given file to current statistics object.\n"
                + "% Print callees statistics from the current stat object.\n" + RESTRICTION_HELP
                + "% Print callers statistics from the current stat object.\n" + RESTRICTION_HELP
                + "% Leave the profile browser.\n"
                + "% Reverse the sort order of the profiling report.\n"
                + "% Strip leading path information from filenames in the report.\n"
                + "% Goodbye.\n", out);
    }

    @Test
    void unknownCommands_areCmdsUnknownSyntax() {
        // Commands are case-sensitive and end at the first character that is not a letter, digit or "_".
        String out = session("foo bar\nStats\nstats5\n% x\n!ls\n  quit  \n", "run.prof");
        assertEquals(WELCOME + P + "*** Unknown syntax: foo bar\n" + P + "*** Unknown syntax: Stats\n"
                + P + "*** Unknown syntax: stats5\n" + P + "*** Unknown syntax: % x\n" + P + "*** Unknown syntax: !ls\n"
                + P + "Goodbye.\n", out);
    }

    @Test
    void emptyLine_repeatsTheLastCommand() {
        // cmd.Cmd's emptyline, which pstats keeps: "!ls" is not remembered, so the blank line repeats "stats 1".
        String out = session("\nstats 1\n   \n!ls\n\nquit\n", "run.prof");
        String one = HEADER + RANDOM + "   List reduced from 5 to 1 due to restriction <1>\n\n" + COLUMNS + FIB + END;
        assertEquals(WELCOME + P + P + one + P + one + P + "*** Unknown syntax: !ls\n" + P + one + P + "Goodbye.\n", out);
    }

    @Test
    void beforeAnyFile_commandsSayNothingIsLoaded() {
        String out = session("stats\ncallers\ncallees\nsort time\nreverse\nstrip\nadd run.prof\nstats 1.5\nread\nquit\n");
        assertEquals(WELCOME + "% " + NOT_LOADED + "% " + NOT_LOADED + "% " + NOT_LOADED + "% " + NOT_LOADED
                + "% " + NOT_LOADED + "% " + NOT_LOADED + "% " + NOT_LOADED
                // the arguments are parsed (and a bad fraction reported) before the check, as in pstats
                + "% Fraction argument must be in [0, 1]\n" + NOT_LOADED
                + "% No statistics object is current -- cannot reload.\n"
                + "% Goodbye.\n", out);
    }

    @Test
    void read_loadsAndChangesPrompt_readAloneReloads() {
        String out = session("read run.prof\nsort time\nread\nstats 1\nquit\n");
        assertEquals(WELCOME + "% " + P + P
                // reloading forgets the sort, as a fresh pstats.Stats would
                + P + HEADER + RANDOM + "   List reduced from 5 to 1 due to restriction <1>\n\n" + COLUMNS + FIB + END
                + P + "Goodbye.\n", out);
        assertEquals(2, loads.get());
    }

    @Test
    void read_missingOrCorruptFile_printsOneLine_keepsCurrentStatistics() {
        String out = session("read nothere\nread bad.prof\nstats 1\nquit\n", "run.prof");
        assertEquals(WELCOME + P + "No such file or directory\n"
                + P + "bad.prof: not a speedkit profile (the file does not start with the profile signature)\n"
                + P + HEADER + RANDOM + "   List reduced from 5 to 1 due to restriction <1>\n\n" + COLUMNS + FIB + END
                + P + "Goodbye.\n", out);
    }

    @Test
    void add_sumsTheStatistics_andListsBothFiles() {
        String out = session("sort time\nadd run.prof\nstats 2\nquit\n", "run.prof");
        assertEquals(WELCOME + P + P + P + """
                Thu Nov 26 07:15:04 2026    run.prof
                Thu Nov 26 07:15:04 2026    run.prof

                         36 function calls (24 primitive calls) in 0.200 seconds

                   Random listing order was used
                   List reduced from 5 to 2 due to restriction <2>

                """ + COLUMNS
                + "     14/2    0.120    0.009    0.120    0.060 app/Fib.java:3(Fib.fib)\n"
                + "        2    0.020    0.010    0.200    0.100 app/Main.java:10(Main.main)\n" + END
                + P + "Goodbye.\n", out);
    }

    @Test
    void add_missingOrCorruptFile_printsOneLine() {
        String out = session("add nothere\nadd bad.prof\nadd\nquit\n", "run.prof");
        assertEquals(WELCOME + P + "Failed to load statistics for nothere: [Errno 2] No such file or directory: 'nothere'\n"
                + P + "Failed to load statistics for bad.prof: not a speedkit profile (the file does not start with the"
                + " profile signature)\n"
                + P + "Failed to load statistics for : [Errno 2] No such file or directory: ''\n"
                + P + "Goodbye.\n", out);
    }

    @Test
    void startup_firstFileMissing_reportedBeforeWelcome_othersNotAdded() {
        assertEquals("No such file or directory\n" + NOT_LOADED + WELCOME + "% Goodbye.\n",
                session("quit\n", "nothere", "run.prof"));
    }

    @Test
    void startup_severalFiles_areAdded() {
        String out = session("stats 0\nquit\n", "run.prof", "run.prof");
        assertEquals(WELCOME + P + """
                Thu Nov 26 07:15:04 2026    run.prof
                Thu Nov 26 07:15:04 2026    run.prof

                         36 function calls (24 primitive calls) in 0.200 seconds

                """ + P + "Goodbye.\n", out);
    }

    @Test
    void realFiles_missingCorruptDirectory_eachOneLine(@TempDir Path tmp) throws IOException {
        Path good = tmp.resolve("good.prof");
        try (OutputStream o = Files.newOutputStream(good)) {
            ProfileWriter.write(BrowserProfile.data(), o);
        }
        Path bad = Files.writeString(tmp.resolve("bad.prof"), "garbage, not a profile");
        Path empty = Files.write(tmp.resolve("empty.prof"), new byte[0]);
        Path missing = tmp.resolve("missing.prof");
        String script = String.join("\n", "read " + missing, "read " + bad, "read " + empty, "read " + tmp, "read " + good,
                "stats 0", "add " + missing, "add " + bad, "add " + tmp, "quit", "");
        String out = session(StatsLoader.files(), script);
        String prompt = good + "% ";
        String title = out.substring(out.indexOf(prompt) + prompt.length(), out.indexOf("    " + good + "\n"));
        assertEquals(WELCOME
                + "% No such file or directory\n"
                + "% " + bad + ": not a speedkit profile (the file does not start with the profile signature)\n"
                + "% " + empty + ": empty file; not a speedkit profile\n"
                + "% Is a directory\n"
                + "% "
                + prompt + title + "    " + good + "\n\n         18 function calls (12 primitive calls) in 0.100 seconds\n\n"
                + prompt + "Failed to load statistics for " + missing + ": [Errno 2] No such file or directory: '" + missing + "'\n"
                + prompt + "Failed to load statistics for " + bad + ": not a speedkit profile (the file does not start with the"
                + " profile signature)\n"
                + prompt + "Failed to load statistics for " + tmp + ": [Errno 21] Is a directory: '" + tmp + "'\n"
                + prompt + "Goodbye.\n", out);
    }

    @Test
    void loaderRejectingWithRuntimeException_isReportedLikeACorruptFile() {
        StatsLoader loader = file -> {
            throw new IllegalArgumentException("no thread matches 'worker-*'; threads: main");
        };
        assertEquals("x.prof: no thread matches 'worker-*'; threads: main\n" + WELCOME + "% Goodbye.\n",
                session(loader, "quit\n", "x.prof"));
    }

    @ParameterizedTest(name = "{0}")
    @ValueSource(strings = {"ROOT", "de-DE"})
    void output_doesNotDependOnTheLocale(String tag) {
        String expected = session("sort cumulative\nstats 0.5\ncallees main\nquit\n", "run.prof");
        Locale.setDefault(tag.equals("ROOT") ? Locale.ROOT : Locale.forLanguageTag(tag));
        assertEquals(expected, session("sort cumulative\nstats 0.5\ncallees main\nquit\n", "run.prof"));
        assertEquals(-1, expected.indexOf("0,0"), "decimal commas in:\n" + expected);
    }

    /** A script with an interrupt at its end, recording what the browser hands its line source. */
    private static final class ScriptedLines implements LineSource {
        final Deque<String> lines;
        final List<String> prompts = new ArrayList<>();
        final List<LineSource.Completer> completers = new ArrayList<>();

        ScriptedLines(String... lines) {
            this.lines = new ArrayDeque<>(List.of(lines));
        }

        @Override
        public String readLine(String prompt) throws IOException {
            prompts.add(prompt);
            if (lines.isEmpty()) {
                throw new InterruptedIOException("^C");
            }
            return lines.poll();
        }

        @Override
        public void setCompleter(Completer completer) {
            completers.add(completer);
        }
    }

    @Test
    void interrupt_endsAtOnceWithoutGoodbye() {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        PrintStream out = new PrintStream(bytes, true, StandardCharsets.UTF_8);
        ScriptedLines lines = new ScriptedLines("read run.prof", "help quit");
        assertEquals(0, new ProfileBrowser(lines, out, fakeLoader).run(List.of()));
        assertEquals(WELCOME + "Leave the profile browser.\n", bytes.toString(StandardCharsets.UTF_8));
        assertEquals(List.of("% ", "run.prof% ", "run.prof% "), lines.prompts);
        // The completer is offered for the session and taken back at its end.
        assertNotNull(lines.completers.get(0));
        assertNull(lines.completers.get(1));
    }

    @Test
    void unreadableInput_isAnError() {
        LineSource broken = prompt -> {
            throw new IOException("input/output error");
        };
        PrintStream out = new PrintStream(new ByteArrayOutputStream(), true, StandardCharsets.UTF_8);
        UncheckedIOException e = assertThrows(UncheckedIOException.class,
                () -> new ProfileBrowser(broken, out, fakeLoader).run(List.of()));
        assertEquals("cannot read the browser's commands: input/output error", e.getMessage());
    }

    @Test
    void complete_commandsThenSortKeysThenHelpTopics() {
        PrintStream out = new PrintStream(new ByteArrayOutputStream(), true, StandardCharsets.UTF_8);
        ProfileBrowser b = new ProfileBrowser(new ScriptedLines(), out, fakeLoader);
        assertEquals(List.of("EOF", "add", "callees", "callers", "help", "quit", "read", "reverse", "sort", "stats", "strip"),
                b.complete("", ""));
        assertEquals(List.of("sort", "stats", "strip"), b.complete("  ", "s"));
        assertEquals(List.of("calls", "cumtime", "cumulative"), b.complete("sort ", "c"));
        assertEquals(List.of("time", "tottime"), b.complete("sort cumtime ", "t"));
        assertEquals(List.of("reverse", "read"), b.complete("help ", "re").stream().sorted(java.util.Comparator.reverseOrder()).toList());
        assertEquals(List.of("EOF"), b.complete("?", "E"));
        assertEquals(List.of(), b.complete("stats ", "f"));
        assertEquals(List.of(), b.complete("sort ", "x"));
    }

    @Test
    void argument_intThenFloatThenRegex() {
        assertEquals(new Arguments.Count(5), Arguments.parse("5"));
        assertEquals(new Arguments.Count(-1), Arguments.parse("-1"));
        assertEquals(new Arguments.Count(3), Arguments.parse("+3"));
        assertEquals(new Arguments.Count(1000), Arguments.parse("1_000"));
        assertEquals(new Arguments.Count(7), Arguments.parse("007"));
        assertEquals(new Arguments.Count(3), Arguments.parse("\u0663")); // ARABIC-INDIC DIGIT THREE, as Python's int()
        assertEquals(new Arguments.Count(Long.MAX_VALUE), Arguments.parse("99999999999999999999999"));
        assertEquals(new Arguments.Count(5_000_000_000L), Arguments.parse("5000000000"));
        assertEquals(new Arguments.Fraction(0.5), Arguments.parse(".5"));
        assertEquals(new Arguments.Fraction(1.0), Arguments.parse("1."));
        assertEquals(new Arguments.Fraction(0.1), Arguments.parse("1e-1"));
        assertEquals(new Arguments.Fraction(0.25), Arguments.parse("0_0.2_5"));
        assertEquals(new Arguments.Fraction(Double.NaN), Arguments.parse("nan"));
        assertEquals(new Arguments.OutOfRange(1.5), Arguments.parse("1.5"));
        assertEquals(new Arguments.OutOfRange(-0.5), Arguments.parse("-0.5"));
        assertEquals(new Arguments.OutOfRange(Double.POSITIVE_INFINITY), Arguments.parse("Infinity"));
        // Java-only number spellings are regular expressions, as they are in Python
        for (String regex : List.of("0x10", "1d", "1f", "1__0", "_1", "1_", "1e", "e5", ".", "fib", "NaNa")) {
            assertEquals(new Arguments.Regex(regex), Arguments.parse(regex), regex);
        }
        assertEquals(List.of("a", "b", "c"), Arguments.split(" a \t b  c "));
        assertEquals(List.of(), Arguments.split("   "));
    }

    /** The fewest rows that fit 79 columns: what Python's cmd.Cmd().columnize prints for the same list. */
    @Test
    void columnize_asCmdCmd() {
        StringBuilder out = new StringBuilder();
        List<String> many = new ArrayList<>();
        for (int i = 0; i < 30; i++) {
            many.add("command" + i);
        }
        ProfileBrowser.columnize(out, many, 79);
        assertEquals("""
                command0  command5  command10  command15  command20  command25
                command1  command6  command11  command16  command21  command26
                command2  command7  command12  command17  command22  command27
                command3  command8  command13  command18  command23  command28
                command4  command9  command14  command19  command24  command29
                """, out.toString());
        StringBuilder one = new StringBuilder();
        ProfileBrowser.columnize(one, List.of("only"), 79);
        assertEquals("only\n", one.toString());
    }

    @Test
    void constructor_rejectsMissingParts() {
        PrintStream out = new PrintStream(new ByteArrayOutputStream(), true, StandardCharsets.UTF_8);
        assertThrows(IllegalArgumentException.class, () -> new ProfileBrowser(null, out, fakeLoader));
        assertThrows(IllegalArgumentException.class, () -> new ProfileBrowser(new ScriptedLines(), null, fakeLoader));
        assertThrows(IllegalArgumentException.class, () -> new ProfileBrowser(new ScriptedLines(), out, null));
    }

    @Test
    void loaderUnitIsKept_addedStatisticsFollowIt() {
        StatsLoader millis = file -> Stats.of(BrowserProfile.data()).withUnit(Unit.MILLISECONDS);
        String out = session(millis, "add x\nstats 0\nquit\n", "x");
        assertEquals(WELCOME + "x% x%          36 function calls (24 primitive calls) in 200.000 milliseconds\n\nx% Goodbye.\n",
                out);
    }
}
