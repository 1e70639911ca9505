package io.speedkit.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * {@code speedkit bench} end to end, in-process through {@link Cli}, on real child JVMs: the bundled
 * example under two JVM option sets, failing programs, the JSON document, the validation of options and
 * of what is given to java. Few runs (no warm-up, two measured), so the whole class takes seconds.
 */
class BenchCommandTest {
    private static final String EXAMPLE = "io.speedkit.examples.Example05TryTheRuntime";

    @TempDir
    static Path classes;

    private final Locale saved = Locale.getDefault();

    @BeforeAll
    static void compilePrograms() throws IOException {
        JavaPrograms.compile(classes, List.of(
                JavaPrograms.EXAMPLES.resolve("Example05TryTheRuntime.java"),
                JavaPrograms.write(classes, "Quick", """
                        public class Quick {
                            public static void main(String[] args) {
                                System.out.println("quick " + String.join(" ", args));
                            }
                        }
                        """),
                JavaPrograms.write(classes, "ExitWith", """
                        public class ExitWith {
                            public static void main(String[] args) {
                                int code = Integer.getInteger("exit", args.length > 0 ? Integer.parseInt(args[0]) : 0);
                                System.out.println("exiting with " + code);
                                System.exit(code);
                            }
                        }
                        """)));
    }

    @Test
    void help_showsUsage() {
        assertTrue(bench("--help").out.startsWith("Usage: speedkit bench"), "BenchCommand is registered in Cli");
    }

    @AfterEach
    void restoreLocale() {
        Locale.setDefault(saved);
    }

    private record Result(int code, String out, String err) {
    }

    private static Result bench(String... args) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        ByteArrayOutputStream err = new ByteArrayOutputStream();
        List<String> all = new ArrayList<>(List.of("bench"));
        all.addAll(List.of(args));
        int code = new Cli(new ByteArrayInputStream(new byte[0]), new PrintStream(out, true, StandardCharsets.UTF_8),
                new PrintStream(err, true, StandardCharsets.UTF_8), Map.of(), false).run(all.toArray(new String[0]));
        return new Result(code, out.toString(StandardCharsets.UTF_8), err.toString(StandardCharsets.UTF_8));
    }

    private static String cp() {
        return classes.toString();
    }

    /**
     * The report with every measured number masked — times, memory, ratios — and the stability warnings
     * (which depend on the machine's noise) left out: what remains is the shape. The masks only match
     * numbers written with a decimal point, so a locale's decimal comma would show as a difference.
     */
    static String mask(String report) {
        List<String> kept = new ArrayList<>();
        for (String line : report.split("\n", -1)) {
            if (!line.startsWith("  Warning: ") && !line.startsWith("  The result may be unstable")) {
                kept.add(line);
            }
        }
        return String.join("\n", kept)
                .replace(Path.of(System.getProperty("java.home"), "bin", "java").toString(), "<java>")
                .replace(cp(), "<classes>")
                .replaceAll("\\d+\\.\\d+ (s|ms|us)\\b", "<time>")
                .replaceAll("\\d+\\.\\d+ (MiB|KiB)\\b", "<mem>")
                .replaceAll("\\(\\+- \\d+\\.\\d+\\)", "(+- <sd>)")
                .replaceAll(" +\\d+\\.\\d+x( slower| faster)?", " <ratio>");
    }

    @ParameterizedTest(name = "in {0}")
    @ValueSource(strings = {"und", "de-DE"})
    void bench_bundledExample_underTwoJvmSets_reportsBoth(String locale) {
        Locale.setDefault(Locale.forLanguageTag(locale));
        Result r = bench("--runs", "2", "--warmup", "0", "--jvm", "-XX:TieredStopAtLevel=1", "--jvm", "",
                "-cp", cp(), EXAMPLE, "200");
        assertEquals("", r.err);
        assertEquals(0, r.code);
        assertEquals("""
                Benchmark: <java> <set> -cp <classes> io.speedkit.examples.Example05TryTheRuntime 200
                Runs: no warm-up run and 2 measured runs per set, each a new process

                Set 1/2: -XX:TieredStopAtLevel=1
                  Time (mean +- sd):   <time> +- <time>
                  Range (min .. max):  <time> .. <time>    2 runs
                  CPU (mean):          user <time>, system <time>
                  Peak RSS (max):      <mem>

                Set 2/2: (no options)
                  Time (mean +- sd):   <time> +- <time>
                  Range (min .. max):  <time> .. <time>    2 runs
                  CPU (mean):          user <time>, system <time>
                  Peak RSS (max):      <mem>

                Summary: mean wall time relative to set 1
                  1  -XX:TieredStopAtLevel=1 <ratio> (reference)
                  2  (no options) <ratio> (+- <sd>)
                """, mask(r.out), r.out);
        assertFalse(r.out.contains("\r"), "no progress line when stdout is not a terminal");
    }

    @Test
    void bench_programExiting3_isReportedWithExitCode3() {
        Result r = bench("--runs", "2", "--warmup", "0", "-cp", cp(), "ExitWith", "3");
        assertEquals(1, r.code);
        assertEquals("speedkit: set 1/1 (no options) failed: exit code 3 in run 1 of 2; the set was stopped "
                + "(--show-output shows the program's output)\n", r.err);
        assertTrue(r.out.contains("""
                Set 1/1: (no options)
                  Failed: exit code 3 in run 1 of 2; the set was stopped and is not summarized
                """), r.out);
        assertFalse(r.out.contains("Time (mean"), "a failed set is not summarized: " + r.out);
    }

    @Test
    void bench_failureInOneSet_isReported_andTheOtherSetsStillRun() {
        Result r = bench("--runs", "2", "--warmup", "1", "--jvm", "", "--jvm", "-Dexit=3", "--jvm", "-Dexit=0",
                "-cp", cp(), "ExitWith");
        assertEquals(1, r.code);
        assertEquals("speedkit: set 2/3 -Dexit=3 failed: exit code 3 in warm-up run 1 of 1; the set was stopped "
                + "(--show-output shows the program's output)\n", r.err);
        String masked = mask(r.out);
        assertTrue(masked.contains("""
                Set 2/3: -Dexit=3
                  Failed: exit code 3 in warm-up run 1 of 1; the set was stopped and is not summarized

                Set 3/3: -Dexit=0
                  Time (mean +- sd):   <time> +- <time>
                """), masked);
        assertTrue(masked.contains("""
                Summary: mean wall time relative to set 1
                  1  (no options) <ratio> (reference)
                  2  -Dexit=3      failed (exit code 3 in warm-up run 1 of 1)
                  3  -Dexit=0 <ratio> (+- <sd>)
                """), masked);
    }

    @Test
    @SuppressWarnings("unchecked")
    void bench_json_isOneDocumentWithEveryRawTime() {
        Result r = bench("--json", "--runs", "2", "--warmup", "0", "--jvm", "", "--jvm=-XX:TieredStopAtLevel=1",
                "-J-Xshare:auto", "-cp", cp(), "Quick");
        assertEquals("", r.err);
        assertEquals(0, r.code);
        Map<String, Object> doc = (Map<String, Object>) MiniJson.parse(r.out); // nothing else on stdout
        assertEquals("speedkit-bench", doc.get("format"));
        assertEquals(1.0, doc.get("version"));
        assertEquals(2.0, doc.get("runs"));
        assertEquals(0.0, doc.get("warmup"));
        assertEquals(1.0, doc.get("reference"));
        assertEquals(List.of("-cp", cp(), "Quick"), doc.get("program"));
        List<Map<String, Object>> sets = (List<Map<String, Object>>) doc.get("sets");
        assertEquals(2, sets.size());
        assertEquals(List.of(), sets.get(0).get("jvm_options"));
        assertEquals(List.of("-XX:TieredStopAtLevel=1"), sets.get(1).get("jvm_options"));
        assertEquals(List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString(), "-Xshare:auto",
                "-XX:TieredStopAtLevel=1", "-cp", cp(), "Quick"), sets.get(1).get("command"));
        for (Map<String, Object> set : sets) {
            assertEquals("ok", set.get("status"));
            assertEquals(null, set.get("failure"));
            List<Double> times = (List<Double>) set.get("times");
            assertEquals(2, times.size(), "every measured run's raw time");
            for (double t : times) {
                assertTrue(t > 0.001 && t < 60, "a JVM run takes more than 1 ms and less than a minute: " + t);
            }
            Map<String, Object> summary = (Map<String, Object>) set.get("summary");
            assertEquals(2.0, summary.get("runs"));
            assertEquals((times.get(0) + times.get(1)) / 2, (Double) summary.get("mean"), 1e-8);
            assertEquals(Math.min(times.get(0), times.get(1)), (Double) summary.get("min"), 0);
            assertEquals(Math.max(times.get(0), times.get(1)), (Double) summary.get("max"), 0);
            if (Files.isReadable(Path.of("/proc/self/stat"))) {
                assertEquals(2, ((List<Double>) set.get("user_times")).stream().filter(u -> u != null && u >= 0).count());
                assertTrue((Double) summary.get("peak_rss_bytes") > 1024 * 1024, "a JVM needs more than 1 MiB");
            }
            assertTrue(set.get("ratio") instanceof Map, "ratio: " + set.get("ratio"));
        }
        assertEquals(Map.of("value", 1.0, "stddev", 0.0, "text", "1.00x"), sets.get(0).get("ratio"));
    }

    @Test
    void bench_json_failedSet_hasItsFailure() {
        Result r = bench("--json", "--runs", "1", "--warmup", "0", "-cp", cp(), "ExitWith", "3");
        assertEquals(1, r.code);
        assertTrue(r.err.startsWith("speedkit: set 1/1 (no options) failed: exit code 3 in run 1 of 1"), r.err);
        @SuppressWarnings("unchecked")
        Map<String, Object> set = ((List<Map<String, Object>>) ((Map<String, Object>) MiniJson.parse(r.out)).get("sets")).get(0);
        assertEquals("failed", set.get("status"));
        assertEquals(Map.of("exit_code", 3.0, "warmup", false, "run", 1.0, "of", 1.0), set.get("failure"));
        assertEquals(null, set.get("summary"));
    }

    @Test
    void bench_showOutput_passesTheProgramsOutput_andJavaGetsEverythingAfterTheFirstUnknownArgument() {
        Result r = bench("--show-output", "--runs", "1", "--warmup", "0", "-cp", cp(), "Quick", "--runs", "5", "--json");
        assertEquals(0, r.code, r.err);
        assertTrue(r.out.contains("quick --runs 5 --json\n"), r.out);
        assertTrue(r.out.contains("Range (min .. max):"), "--runs 5 and --json were the program's: " + r.out);
        assertTrue(r.out.contains("1 run\n"), r.out);

        r = bench("--warmup", "0", "--runs", "1", "--", "-cp", cp(), "Quick");
        assertEquals(0, r.code, r.err);
        assertTrue(r.out.contains("Benchmark: " + Path.of(System.getProperty("java.home"), "bin", "java") + " -cp "), r.out);
    }

    @Test
    void bench_badOptionValues_areOneLine_exit2_beforeAnythingRuns() {
        assertUsage("speedkit: --runs must be at least 1, got 0", "--runs", "0", "-cp", cp(), "Quick");
        assertUsage("speedkit: --warmup must be 0 or more, got -1", "--warmup", "-1", "-cp", cp(), "Quick");
        assertUsage("speedkit: --jvm: cannot split ''-Xint' into words: unclosed single quote ('); quote as a shell "
                + "would, e.g. \"-Dname='two words'\"", "--jvm", "'-Xint", "-cp", cp(), "Quick");
        assertUsage("speedkit: --json and --show-output cannot be combined: the program's output would mix with the "
                + "JSON document", "--json", "--show-output", "-cp", cp(), "Quick");
        assertUsage("speedkit: nothing to run; give what you would give java, e.g. speedkit bench App.java, "
                + "speedkit bench -jar app.jar or speedkit bench -cp classes com.acme.Main", "--runs", "1", "-Xmx64m");
        Result r = bench("--runs", "many", "-cp", cp(), "Quick");
        assertEquals(2, r.code);
        assertEquals("", r.out);
        assertEquals(1, r.err.lines().count(), r.err);
        assertTrue(r.err.contains("'many' is not an int"), r.err);
    }

    @Test
    void bench_whatJavaCannotRun_isFoundBeforeAnythingRuns() {
        Result r = bench("--runs", "1", classes.resolve("Nope.java").toString());
        assertEquals(1, r.code);
        assertEquals("", r.out);
        assertEquals("speedkit: cannot run '" + classes.resolve("Nope.java") + "': no such file\n", r.err);

        r = bench("--runs", "1", "-cp", cp(), "com.acme.Nope");
        assertEquals(1, r.code);
        assertEquals("", r.out);
        assertEquals("speedkit: cannot find main class 'com.acme.Nope' on the class path '" + cp() + "'\n", r.err);
    }

    @Test
    void bench_badJvmOption_isAFailedSet_withTheHintToShowOutput() {
        Result r = bench("--runs", "1", "--warmup", "0", "--jvm", "-XX:+NoSuchSpeedkitOption", "-cp", cp(), "Quick");
        assertEquals(1, r.code);
        assertEquals("speedkit: set 1/1 -XX:+NoSuchSpeedkitOption failed: exit code 1 in run 1 of 1; the set was "
                + "stopped (--show-output shows the program's output)\n", r.err);
    }

    private static void assertUsage(String line, String... args) {
        Result r = bench(args);
        assertEquals(2, r.code, r.err);
        assertEquals("", r.out, "nothing ran");
        assertEquals(line + "\n", r.err);
    }
}
