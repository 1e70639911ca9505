package io.speedkit.timeit.bench;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.function.Supplier;

/** Scripted bench results that seal the report formats: each a name and how to make it. */
enum DemoBench {
    /** The JIT example: interpreted, C1 only, the defaults; the last set unstable enough for every warning. */
    THREE_SETS(() -> {
        ScriptedLauncher w = new ScriptedLauncher()
                .ok(2900, 1, 1, 1).ok(2812.5, 2790, 20, 37.8).ok(2845.25, 2830, 10, 38.1).ok(2799.75, 2780, 30, 37.9)
                .ok(250, 1, 1, 1).ok(201.2, 190, 20, 40.2).ok(198.8, 190, 10, 40.0).ok(204.7, 200, 10, 40.4)
                .ok(80, 1, 1, 1).ok(61.3, 70, 10, 43.9).ok(30.1, 60, 10, 43.1).ok(130.9, 80, 20, 44.0);
        return run(w, new BenchPlan(List.of("/jdk/bin/java"),
                List.of(OptionSet.parse("-Xint"), OptionSet.parse("-XX:TieredStopAtLevel=1"), OptionSet.DEFAULTS),
                List.of("-cp", "examples/target/classes", "io.speedkit.examples.Example05TryTheRuntime"), 1, 3));
    }),
    /** A set that fails in a measured run, one that fails in its warm-up, one that works. */
    FAILURES(() -> {
        ScriptedLauncher w = new ScriptedLauncher()
                .ok(50, 1, 1, 1).ok(100, 90, 10, 30).exits(20, 3)
                .exits(5, 1)
                .ok(50, 1, 1, 1).ok(100, 90, 10, 30).ok(100, 90, 10, 30);
        return run(w, new BenchPlan(List.of("/jdk/bin/java", "-Xmx64m"),
                List.of(OptionSet.parse("-Dfail=3"), OptionSet.parse("-XX:+NoSuchOption"), OptionSet.parse("-Dname='two words'")),
                List.of("Exit.java"), 1, 2));
    }),
    /** One set, one run, no CPU or memory numbers (a platform without /proc). */
    ONE_RUN_NOTHING_BUT_WALL(() -> {
        ScriptedLauncher w = new ScriptedLauncher().then(1234.5678, new ProcessExit(0, RunSample.NOT_AVAILABLE,
                RunSample.NOT_AVAILABLE, RunSample.NOT_AVAILABLE));
        return run(w, new BenchPlan(List.of("/jdk/bin/java"), List.of(OptionSet.DEFAULTS), List.of("-jar", "app.jar"), 0, 1));
    });

    private final Supplier<BenchResult> make;

    DemoBench(Supplier<BenchResult> make) {
        this.make = make;
    }

    BenchResult result() {
        return make.get();
    }

    /** The human report as the CLI prints it: header, each set, summary. */
    String text() {
        BenchResult r = result();
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        PrintStream out = new PrintStream(bytes, true, StandardCharsets.UTF_8);
        BenchReport.printHeader(r.plan(), out);
        for (SetResult s : r.sets()) {
            BenchReport.printSet(s, r.sets().size(), out);
        }
        BenchReport.printSummary(r, out);
        return bytes.toString(StandardCharsets.UTF_8);
    }

    String json() {
        return BenchJson.render(result());
    }

    private static BenchResult run(ScriptedLauncher world, BenchPlan plan) {
        try {
            return new Bench(world, world).run(plan, Bench.Listener.NONE);
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }
}
