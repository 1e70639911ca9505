package io.speedkit.timeit.bench;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The real launcher on real child JVMs: structural checks that the CPU and memory numbers are the
 * program's, not tight timing asserts.
 */
class ProcessLauncherTest {
    private static final long MS = 1_000_000L;
    private static final long MIB = 1024 * 1024;

    private static boolean linuxProc() {
        return Files.isReadable(Path.of("/proc/self/stat")) && Files.isReadable(Path.of("/proc/self/status"));
    }

    @Test
    void run_exitCodeIsTheProgramsOwn() throws Exception {
        ProcessLauncher launcher = ProcessLauncher.discardingOutput();
        assertEquals(0, launcher.run(ChildPrograms.java(ChildPrograms.Exit.class, "0")).exitCode());
        assertEquals(3, launcher.run(ChildPrograms.java(ChildPrograms.Exit.class, "3")).exitCode());
    }

    @Test
    void run_programBurning200msOfCpu_reportsAtLeast150msUserTime() throws Exception {
        assumeTrue(linuxProc(), "CPU times come from Linux's /proc");
        ProcessExit exit = ProcessLauncher.discardingOutput().run(ChildPrograms.java(ChildPrograms.BurnCpu.class, "200"));
        assertEquals(0, exit.exitCode());
        assertTrue(exit.userNanos() >= 150 * MS, "user " + exit.userNanos() / MS + " ms");
        assertTrue(exit.systemNanos() >= 0, "system " + exit.systemNanos());
        assertTrue(exit.userNanos() + exit.systemNanos() < 30_000 * MS, "not some other process's time");
    }

    @Test
    void run_cpuTimeIsThisChildsOnly() throws Exception {
        assumeTrue(linuxProc(), "CPU times come from Linux's /proc");
        ProcessLauncher launcher = ProcessLauncher.discardingOutput();
        launcher.run(ChildPrograms.java(ChildPrograms.BurnCpu.class, "300"));
        ProcessExit quick = launcher.run(ChildPrograms.java(ChildPrograms.Exit.class, "0"));
        assertTrue(quick.userNanos() < 250 * MS, "the earlier run's 300 ms must not count again: " + quick.userNanos() / MS);
        assertEquals(0, quick.userNanos() % (10 * MS), "a multiple of a clock tick (USER_HZ = 100)");
    }

    @Test
    void run_programHolding200MiB_reportsAPeakRssAboveThat() throws Exception {
        assumeTrue(linuxProc(), "peak RSS comes from Linux's /proc");
        ProcessLauncher launcher = ProcessLauncher.discardingOutput();
        ProcessExit big = launcher.run(ChildPrograms.java(ChildPrograms.Allocate.class, "200"));
        ProcessExit small = launcher.run(ChildPrograms.java(ChildPrograms.Allocate.class, "1"));
        assertEquals(0, big.exitCode());
        assertTrue(big.peakRssBytes() > 200 * MIB, "peak " + big.peakRssBytes() / MIB + " MiB");
        assertTrue(small.peakRssBytes() > 0 && small.peakRssBytes() < big.peakRssBytes() - 150 * MIB,
                "peak of 1 MiB: " + small.peakRssBytes() / MIB + " MiB");
        assertTrue(big.peakRssBytes() < 4096 * MIB, "not some other process's memory");
    }

    @Test
    void run_discardsOutput_andGivesAnEmptyStdin() throws Exception {
        // Talk reads stdin to its end: an open stdin would make it wait forever.
        assertEquals(0, ProcessLauncher.discardingOutput().run(ChildPrograms.java(ChildPrograms.Talk.class)).exitCode());
    }

    @Test
    void run_copyingOutput_passesBothStreams() throws Exception {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        ByteArrayOutputStream err = new ByteArrayOutputStream();
        ProcessExit exit = ProcessLauncher.copyingOutput(out, err).run(ChildPrograms.java(ChildPrograms.Talk.class));
        assertEquals(0, exit.exitCode());
        assertEquals("to stdout\nstdin had 0 bytes\n", out.toString(StandardCharsets.UTF_8));
        assertEquals("to stderr\n", err.toString(StandardCharsets.UTF_8));
    }

    @Test
    void run_missingExecutable_isAnIOException(@TempDir Path dir) {
        org.junit.jupiter.api.Assertions.assertThrows(IOException.class,
                () -> ProcessLauncher.discardingOutput().run(List.of(dir.resolve("no-such-java").toString())));
    }

    @Test
    void bench_withTheRealLauncher_measuresEveryRun() throws Exception {
        BenchPlan plan = new BenchPlan(ChildPrograms.java(ChildPrograms.Exit.class).subList(0, 1),
                List.of(OptionSet.parse("-XX:TieredStopAtLevel=1"), OptionSet.parse("-Xint")),
                ChildPrograms.java(ChildPrograms.Exit.class, "0").subList(4, 8), 0, 2);
        BenchResult result = new Bench(ProcessLauncher.discardingOutput(), System::nanoTime).run(plan, Bench.Listener.NONE);
        for (SetResult s : result.sets()) {
            assertEquals(2, s.samples().size());
            Summary sum = s.summary().orElseThrow();
            assertTrue(sum.minNanos() > MS, "a JVM takes more than a millisecond: " + sum.minNanos());
            if (linuxProc()) {
                assertNotEquals(RunSample.NOT_AVAILABLE, sum.peakRssBytes());
                assertTrue(sum.meanUserNanos() + sum.meanSystemNanos() > 0, "a JVM uses some CPU");
            }
        }
    }

    @Test
    void highWaterMark_parsesVmHwm(@TempDir Path dir) throws IOException {
        Path status = dir.resolve("status");
        Files.writeString(status, "Name:\tjava\nVmPeak:\t 3060 kB\nVmHWM:\t    1732 kB\nVmRSS:\t 1700 kB\n");
        assertEquals(1732 * 1024, ProcessLauncher.highWaterMark(status));
        Files.writeString(status, "Name:\tjava\nState:\tZ (zombie)\n");
        assertEquals(RunSample.NOT_AVAILABLE, ProcessLauncher.highWaterMark(status));
        assertEquals(RunSample.NOT_AVAILABLE, ProcessLauncher.highWaterMark(dir.resolve("gone")));
    }
}
