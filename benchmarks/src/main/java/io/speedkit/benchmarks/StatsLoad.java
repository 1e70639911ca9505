package io.speedkit.benchmarks;

import io.speedkit.profiler.Stats;
import io.speedkit.profiler.data.CallTree;
import io.speedkit.profiler.data.FunctionKey;
import io.speedkit.profiler.data.Metadata;
import io.speedkit.profiler.data.ProfileData;
import io.speedkit.profiler.data.ProfileReader;
import io.speedkit.profiler.data.ProfileWriter;
import io.speedkit.profiler.data.ThreadProfile;
import java.io.BufferedInputStream;
import java.io.BufferedOutputStream;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.SplittableRandom;
import java.util.concurrent.TimeUnit;

/**
 * How long a big profile takes to look at: 100,000 distinct functions in 1,000,000 call-tree nodes, saved,
 * then loaded, derived into cProfile's numbers, sorted and printed, each step timed, in a fresh JVM as
 * {@code speedkit stats} would run; and the end-to-end wall time of {@code speedkit stats FILE}.
 *
 * <p>usage: {@code StatsLoad <speedkit.jar>} (or {@code StatsLoad measure FILE} for the inner run)
 */
public final class StatsLoad {
    private static final int FUNCTIONS = 100_000;
    private static final int NODES = 1_000_000;
    private static final int CALLEES = 8;

    private StatsLoad() {
    }

    public static void main(String[] args) throws Exception {
        if (args[0].equals("measure")) {
            measure(Path.of(args[1]));
            return;
        }
        Path dir = Files.createTempDirectory("speedkit-statsload");
        Path file = dir.resolve("big.prof");
        ProfileData data = generate();
        try (OutputStream out = new BufferedOutputStream(Files.newOutputStream(file), 1 << 16)) {
            ProfileWriter.write(data, out);
        }
        System.out.printf(Locale.ROOT, "profile: %,d functions (each calling up to %d others), %,d call-tree nodes, %,d threads, "
                + "file %.1f MiB%n", data.functions().size(), CALLEES, NODES, data.threads().size(), Files.size(file) / 1048576.0);
        String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
        // The JVM options bin/speedkit uses.
        run(List.of(java, "-XX:+UseParallelGC", "-cp", System.getProperty("java.class.path"), StatsLoad.class.getName(), "measure",
                file.toString()));
        long t0 = System.nanoTime();
        String out = run(List.of(java, "-XX:+UseParallelGC", "-Xss1m", "-Xshare:auto", "-jar", args[0], "stats", "--limit", "20",
                file.toString()));
        long wall = System.nanoTime() - t0;
        System.out.printf(Locale.ROOT, "speedkit stats --limit 20 big.prof, end to end in a fresh JVM: %.0f ms wall (%d lines printed)%n",
                wall / 1e6, out.split("\n").length);
        Files.delete(file);
        Files.delete(dir);
    }

    /**
     * A tree as deep and bushy as real programs': 100,000 functions, each calling up to 8 others (its
     * call graph), expanded into 1,000,000 calling contexts over four threads; every function occurs.
     */
    static ProfileData generate() {
        SplittableRandom r = new SplittableRandom(42);
        List<FunctionKey> functions = new ArrayList<>(FUNCTIONS);
        for (int i = 0; i < FUNCTIONS; i++) {
            String cls = "C" + (i / 20);
            functions.add(new FunctionKey("com/example/pkg" + (i / 2000) + "/" + cls + ".java", 10 + (i % 20) * 7, cls + ".m" + (i % 20)));
        }
        int threads = 4;
        List<ThreadProfile> out = new ArrayList<>();
        for (int t = 0; t < threads; t++) {
            int n = NODES / threads;
            int[] parents = new int[n];
            int[] fns = new int[n];
            long[] counts = new long[n];
            long[] totals = new long[n];
            int[] depth = new int[n];
            for (int i = 0; i < n; i++) {
                int p = i == 0 ? -1 : Math.max(0, i - 1 - r.nextInt(Math.min(i, 64)));
                if (p >= 0 && depth[p] > 60) {
                    p = r.nextInt(i); // keep depths realistic
                }
                parents[i] = p;
                depth[i] = p < 0 ? 0 : depth[p] + 1;
                // A program's call graph, expanded: each function calls a few others of its own (up to
                // CALLEES), so the tree repeats edges the way real calling contexts do.
                fns[i] = (t == 0 && i < FUNCTIONS) || p < 0 ? i % FUNCTIONS : callee(fns[p], r.nextInt(CALLEES));
                counts[i] = 1 + r.nextInt(1000);
            }
            // Totals bottom-up: a node's total is its own time plus its children's.
            for (int i = 0; i < n; i++) {
                totals[i] = counts[i] * (10 + r.nextInt(500));
            }
            for (int i = n - 1; i > 0; i--) {
                if (parents[i] >= 0) {
                    totals[parents[i]] += totals[i];
                }
            }
            out.add(ThreadProfile.of("thread-" + t, t + 1, false, CallTree.of(parents, fns, counts, totals)));
        }
        return new ProfileData(functions, out, 1e-9, Metadata.empty());
    }

    private static int callee(int caller, int k) {
        long h = (caller * 0x9E3779B97F4A7C15L) ^ (k * 0xC2B2AE3D27D4EB4FL);
        return (int) Long.remainderUnsigned(h ^ (h >>> 29), FUNCTIONS);
    }

    static void measure(Path file) throws Exception {
        Runtime rt = Runtime.getRuntime();
        System.gc();
        long heap0 = rt.totalMemory() - rt.freeMemory();
        long t0 = System.nanoTime();
        ProfileData data;
        try (InputStream in = new BufferedInputStream(Files.newInputStream(file), 1 << 16)) {
            data = ProfileReader.read(in);
        }
        long t1 = System.nanoTime();
        System.gc();
        long heapData = rt.totalMemory() - rt.freeMemory() - heap0;
        Stats stats = Stats.of(data);
        long t2 = System.nanoTime();
        Stats sorted = stats.sortStats("cumulative");
        long t3 = System.nanoTime();
        PrintStream devnull = new PrintStream(OutputStream.nullOutputStream(), false, StandardCharsets.UTF_8);
        sorted.withOutput(devnull).printStats();
        long t4 = System.nanoTime();
        sorted.withOutput(devnull).printStats(20);
        long t5 = System.nanoTime();
        System.out.printf(Locale.ROOT, "read %.0f ms, derive cProfile's numbers %.0f ms, sort %.0f ms, print all %,d rows %.0f ms, "
                        + "print top 20 %.0f ms: %.0f ms in all (fresh JVM, no warm-up)%n", (t1 - t0) / 1e6, (t2 - t1) / 1e6,
                (t3 - t2) / 1e6, stats.functions().size(), (t4 - t3) / 1e6, (t5 - t4) / 1e6, (t5 - t0) / 1e6);
        System.out.printf(Locale.ROOT, "heap holding the loaded profile: %.1f MiB, %.0f bytes per call-tree node%n",
                heapData / 1048576.0, (double) heapData / NODES);
    }

    private static String run(List<String> cmd) throws Exception {
        Process p = new ProcessBuilder(cmd).redirectErrorStream(true).start();
        String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        if (!p.waitFor(5, TimeUnit.MINUTES) || p.exitValue() != 0) {
            throw new IllegalStateException(String.join(" ", cmd) + " failed:\n" + out);
        }
        if (cmd.contains("measure")) {
            System.out.print(out);
        }
        return out;
    }
}
