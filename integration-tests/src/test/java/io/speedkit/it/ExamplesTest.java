package io.speedkit.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.File;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The examples under examples/, run the way their Javadoc (and the README's main job) says. */
class ExamplesTest {
    private static Path source(String name) {
        return Artifacts.root().resolve("examples/src/main/java/io/speedkit/examples/" + name + ".java");
    }

    @Test
    void example01_timesByHand() {
        ForkedJvm.Result r = ForkedJvm.java(source("Example01AddNumbers").toString()).run();
        assertEquals(0, r.exitCode(), r.describe());
        assertTrue(r.stdout().matches("The sum is 499999500001\\.\nThis code took: \\d+(\\.\\d+)?(E-?\\d+)? seconds to run\\.\n"),
                r.stdout());
    }

    @Test
    void example02_profileRunPrintsReportByStandardName() {
        String cp = Artifacts.jar("examples.jar") + File.pathSeparator + Artifacts.jar("speedkit-profiler.jar");
        ForkedJvm.Result r = ForkedJvm.java("-javaagent:" + Artifacts.agent(), "-cp", cp,
                "io.speedkit.examples.Example02ProfileAddNumbers").run();
        assertEquals(0, r.exitCode(), r.describe());
        assertEquals("", r.stderr());
        Report report = Report.parse(r.stdout());
        assertEquals(0, report.start(), "the report is all Example02 prints");
        assertEquals(List.of("   Ordered by: standard name"), report.preamble());
        // The unit adapts to the run (the default everywhere): seconds for a slow machine, milliseconds or less for a fast one.
        assertTrue(List.of("seconds", "milliseconds", "microseconds", "nanoseconds").contains(report.unit()), report.unit());
        // Profile.printStats strips directories, as cProfile.run's print_stats does.
        assertEquals("1", report.row("Example02ProfileAddNumbers.java:21(Example02ProfileAddNumbers.addNumbers)").ncalls());
        assertEquals(1, report.totalCalls());
    }

    @Test
    void example02_withoutAgentSaysHowToAttachIt() {
        String cp = Artifacts.jar("examples.jar") + File.pathSeparator + Artifacts.jar("speedkit-profiler.jar");
        ForkedJvm.Result r = ForkedJvm.java("-cp", cp, "io.speedkit.examples.Example02ProfileAddNumbers").run();
        assertEquals(1, r.exitCode(), r.describe());
        assertTrue(r.stderr().contains("-javaagent:"), r.stderr());
    }

    @Test
    void example03_recursionUnderSpeedkitProfile() {
        Speedkit.Result r = Speedkit.run("profile", source("Example03Recursion").toString());
        assertEquals(0, r.exitCode(), r.describe());
        assertTrue(r.stdout().startsWith("fib(30) = 832040\ncachedFib(30) = 832040\n"), r.stdout());
        Report report = Report.parse(r.stdout());
        String file = "io/speedkit/examples/Example03Recursion.java";
        // fib(30): 2 * fib(31) - 1 = 2 * 1346269 - 1 calls. cachedFib(30): 1 + 2 * 29 calls (each n from 30 down to 2
        // computes once and calls n-1 and n-2; the n-2 call always hits the cache or a base case).
        assertEquals("2692537/1", report.row(file + ":20(Example03Recursion.fib)").ncalls());
        assertEquals("59/1", report.row(file + ":25(Example03Recursion.cachedFib)").ncalls());
        assertEquals("1", report.row(file + ":35(Example03Recursion.main)").ncalls());
        assertEquals(file + ":35(Example03Recursion.main)", report.rows().get(0).name());
    }

    /** Profile, fix the algorithm, profile again: the diff shows the list scan gone and the set in its place. */
    @Test
    void example04_profileChangeProfileAgain(@org.junit.jupiter.api.io.TempDir java.nio.file.Path dir) {
        java.nio.file.Path list = dir.resolve("list.prof");
        java.nio.file.Path set = dir.resolve("set.prof");
        Speedkit.Result before = Speedkit.run("profile", "-o", list.toString(), source("Example04FixTheAlgorithm").toString(), "list");
        assertEquals(0, before.exitCode(), before.describe());
        assertEquals("5000 distinct words of 50000 (list)\n", before.stdout());
        Speedkit.Result after = Speedkit.run("profile", "-o", set.toString(), source("Example04FixTheAlgorithm").toString(), "set");
        assertEquals("5000 distinct words of 50000 (set)\n", after.stdout());
        String diff = Speedkit.run("diff", "-s", "relative", list.toString(), set.toString()).stdout();
        String file = "io/speedkit/examples/Example04FixTheAlgorithm.java";
        // Counts, not times, are what a test can rely on: every contains() call is gone, every Set.add() is new.
        org.junit.jupiter.api.Assertions.assertTrue(diff.matches("(?s).*\n       50000           - .* gone .* \\{method java.util.List.contains\\}\n.*"), diff);
        org.junit.jupiter.api.Assertions.assertTrue(diff.matches("(?s).*\n           -       50000 .* new .* \\{method java.util.Set.add\\}\n.*"), diff);
        org.junit.jupiter.api.Assertions.assertTrue(diff.contains(" " + file + ":38(Example04FixTheAlgorithm.distinctWithList)\n"), diff);
    }
}
