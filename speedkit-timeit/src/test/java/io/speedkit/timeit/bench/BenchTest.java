package io.speedkit.timeit.bench;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/** The runner with a scripted launcher and a fake clock: no JVM is started. */
class BenchTest {
    private static final List<String> JAVA = List.of("/jdk/bin/java");
    private static final List<String> PROGRAM = List.of("-cp", "classes", "Main");

    private static BenchPlan plan(int warmup, int runs, String... sets) {
        List<OptionSet> s = new ArrayList<>();
        for (String text : sets) {
            s.add(OptionSet.parse(text));
        }
        return new BenchPlan(JAVA, s, PROGRAM, warmup, runs);
    }

    @Test
    void run_discardsWarmupsAndMeasuresEachRunWithTheClock() throws Exception {
        ScriptedLauncher world = new ScriptedLauncher()
                .ok(900, 1, 1, 1) // warm-up: discarded
                .ok(100, 150, 20, 40)
                .ok(120, 160, 30, 45)
                .ok(110, 170, 10, 42);
        BenchResult result = new Bench(world, world).run(plan(1, 3, ""), Bench.Listener.NONE);

        SetResult set = result.sets().get(0);
        assertEquals(List.of(100_000_000L, 120_000_000L, 110_000_000L), set.samples().stream().map(RunSample::wallNanos).toList());
        Summary s = set.summary().orElseThrow();
        assertEquals(110_000_000.0, s.meanNanos(), 1e-6);
        assertEquals(10_000_000.0, s.stdevNanos(), 1e-6);
        assertEquals(160_000_000.0, s.meanUserNanos(), 1e-6);
        assertEquals(20_000_000.0, s.meanSystemNanos(), 1e-6);
        assertEquals(45L * 1024 * 1024, s.peakRssBytes());
        assertEquals(4, world.commands.size(), "1 warm-up + 3 runs");
        assertFalse(result.failed());
    }

    @Test
    void run_buildsEachSetsCommand_inOrder() throws Exception {
        ScriptedLauncher world = new ScriptedLauncher().ok(1, 0, 0, 0).ok(1, 0, 0, 0).ok(1, 0, 0, 0).ok(1, 0, 0, 0);
        new Bench(world, world).run(plan(0, 2, "-Xint", "-Xmx1g '-Dname=two words'"), Bench.Listener.NONE);
        assertEquals(List.of(
                List.of("/jdk/bin/java", "-Xint", "-cp", "classes", "Main"),
                List.of("/jdk/bin/java", "-Xint", "-cp", "classes", "Main"),
                List.of("/jdk/bin/java", "-Xmx1g", "-Dname=two words", "-cp", "classes", "Main"),
                List.of("/jdk/bin/java", "-Xmx1g", "-Dname=two words", "-cp", "classes", "Main")), world.commands);
    }

    @Test
    void run_failingRun_stopsItsSet_notTheOthers() throws Exception {
        ScriptedLauncher world = new ScriptedLauncher()
                .ok(100, 0, 0, 0).exits(50, 3) // set 1: run 2 of 3 fails, run 3 never starts
                .ok(200, 0, 0, 0).ok(200, 0, 0, 0).ok(200, 0, 0, 0); // set 2 runs in full
        BenchResult result = new Bench(world, world).run(plan(0, 3, "-Dfail=yes", ""), Bench.Listener.NONE);

        SetResult failed = result.sets().get(0);
        assertEquals(Optional.of(new Failure(3, false, 2, 3)), failed.failure());
        assertEquals(1, failed.samples().size(), "the run before the failure is kept");
        assertEquals(Optional.empty(), failed.summary(), "but not summarized: the failure must not be averaged away");
        assertEquals(3, result.sets().get(1).samples().size());
        assertEquals(0, world.remaining());
        assertTrue(result.failed());
        assertEquals(2, result.reference().orElseThrow().index(), "the first set that did not fail");
        assertEquals(Optional.empty(), result.ratio(failed));
    }

    @Test
    void run_failingWarmup_stopsTheSetBeforeMeasuring() throws Exception {
        ScriptedLauncher world = new ScriptedLauncher().exits(10, 1);
        BenchResult result = new Bench(world, world).run(plan(2, 5, "-XX:+NoSuchOption"), Bench.Listener.NONE);
        assertEquals(Optional.of(new Failure(1, true, 1, 2)), result.sets().get(0).failure());
        assertEquals(List.of(), result.sets().get(0).samples());
        assertEquals(Optional.empty(), result.reference());
    }

    @Test
    void run_killedProgram_isAFailureWithTheShellsExitCode() throws Exception {
        ScriptedLauncher world = new ScriptedLauncher().exits(10, 137);
        BenchResult result = new Bench(world, world).run(plan(0, 1, ""), Bench.Listener.NONE);
        assertEquals("exit code 137 in run 1 of 1", result.sets().get(0).failure().orElseThrow().describe());
    }

    @Test
    void run_ratiosAreRelativeToTheFirstSet() throws Exception {
        ScriptedLauncher world = new ScriptedLauncher()
                .ok(300, 0, 0, 0).ok(300, 0, 0, 0)
                .ok(100, 0, 0, 0).ok(100, 0, 0, 0)
                .ok(600, 0, 0, 0).ok(600, 0, 0, 0);
        BenchResult result = new Bench(world, world).run(plan(0, 2, "-Xint", "", "-Xint -Xmx1g"), Bench.Listener.NONE);
        assertEquals(List.of("1.00x", "3.00x faster", "2.00x slower"),
                result.sets().stream().map(s -> result.ratio(s).orElseThrow().describe()).toList());
    }

    @Test
    void run_tellsTheListener_progressWithTheMeanSoFar() throws Exception {
        ScriptedLauncher world = new ScriptedLauncher()
                .ok(5, 0, 0, 0).ok(100, 0, 0, 0).ok(300, 0, 0, 0)
                .ok(7, 0, 0, 0).ok(50, 0, 0, 0).ok(50, 0, 0, 0);
        List<String> events = new ArrayList<>();
        new Bench(world, world).run(plan(1, 2, "-Xint", ""), new Bench.Listener() {
            @Override
            public void runStarting(Bench.Progress p) {
                events.add(BenchReport.progressLine(p));
            }

            @Override
            public void setFinished(SetResult result) {
                events.add("finished " + result.index());
            }
        });
        assertEquals(List.of(
                "Set 1/2 -Xint: warm-up 1/1",
                "Set 1/2 -Xint: run 1/2",
                "Set 1/2 -Xint: run 2/2, mean 100.0 ms",
                "finished 1",
                "Set 2/2 (no options): warm-up 1/1",
                "Set 2/2 (no options): run 1/2",
                "Set 2/2 (no options): run 2/2, mean 50.0 ms",
                "finished 2"), events);
    }

    @Test
    void plan_rules() {
        assertEquals("runs must be >= 1, got 0", org.junit.jupiter.api.Assertions.assertThrows(IllegalArgumentException.class,
                () -> plan(0, 0, "")).getMessage());
        assertEquals("warmup must be >= 0, got -1", org.junit.jupiter.api.Assertions.assertThrows(IllegalArgumentException.class,
                () -> plan(-1, 1, "")).getMessage());
        org.junit.jupiter.api.Assertions.assertThrows(IllegalArgumentException.class,
                () -> new BenchPlan(JAVA, List.of(), PROGRAM, 0, 1));
    }
}
