package io.speedkit.benchmarks;

import io.speedkit.cluster.ProcessPool;
import io.speedkit.cluster.internal.WorkerJvm;
import io.speedkit.pool.Fn;
import io.speedkit.pool.MapOptions;
import io.speedkit.pool.Pool;
import java.io.File;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.IntStream;
import java.util.stream.Stream;

/**
 * {@code Pool.processes(2)} (speedkit-cluster's {@link ProcessPool}) measured, in one run (issue 6's performance
 * section): prints times and ratios, then each target and whether it was met.
 *
 * <ul>
 *   <li><b>Start-up</b>: {@code ProcessPool.start(2)}, from the call until it returns (both workers joined), each
 *       in a fresh parent JVM (a JVM starts a pool once: that is the cost a program pays). The first start after
 *       a class-path change records the workers' class-data-sharing archive ({@code ~/.cache/speedkit/workers-*.jsa},
 *       written by worker 0 as it exits), so one unmeasured start comes first. Then fresh parents, taking turns:
 *       as shipped (the workers map their archive), without the workers' archive (a non-empty directory put first
 *       on the class path: the JDK cannot archive classes from a directory) — what the archive is worth — and
 *       with the parent on an AppCDS archive of its own too ({@code -XX:+AutoCreateSharedArchive}, recorded by one
 *       more unmeasured start), since the parent's Hazelcast client is the other half of the start-up. Each child
 *       also reports its first one-item map and {@code close(); join()}; the whole {@code java} process is timed,
 *       and ProcessPool's own trace ({@code -Dspeedkit.trace=true}), when it prints one, shows the phases.</li>
 *   <li><b>Per-chunk overhead</b>: maps of no-op items ({@code i -> i}) with an explicit chunksize, 1 and 100
 *       items per chunk, after warm-up: wall time per chunk (two workers, at most two chunks in flight each, so
 *       this is the cost at full pipeline, not one round trip), the CPU time a chunk costs the parent's and the
 *       workers' processes, and the latency of a one-item map (one chunk's round trip plus the map's own set-up).
 *       Pool.cpu() on the same maps for reference.</li>
 *   <li><b>Throughput</b>: a CPU-bound map of about 1 ms items ({@link PoolWorkloads#spin}, calibrated the same
 *       way as {@link PoolWorkloads}) through a serial loop, {@code Pool.cpu()} and {@code ProcessPool.start(2)}
 *       (automatic chunksize, and chunksize 10 for comparison), taking turns within each repetition, each warmed
 *       up first (the worker JVMs need the JIT too); the median of the repetitions. The sums of the results are
 *       compared (a mismatch aborts). Where the processes' core time goes: the workers' and the parent's CPU
 *       time, and the rest (cores idle, or taken by other processes); and the items' own time measured where
 *       they ran.</li>
 * </ul>
 *
 * <p>Definitions printed with the results: speed-up = serial time / time; per-item overhead = (time × workers −
 * serial time) / items, the core time an item costs beyond its own work, assuming perfect scaling, as a
 * percentage of the item's own time. Peak RSS = {@code VmHWM} of {@code /proc/<pid>/status}, of the parent and
 * of each worker, read before the pool closes.
 *
 * <p>A start that throws (or hangs: every child has a time limit) is reported with the results and run again.
 *
 * <p>usage: {@code ClusterBenchmark <class path: benchmarks, speedkit-pool, speedkit-cluster and Hazelcast jars>
 * [--quick]}; {@code --quick} runs fewer starts, fewer items and repetitions (to try the script, not to quote).
 * Every child JVM gets Hazelcast's module flags ({@link WorkerJvm#baseFlags()}), as the workers do.
 */
public final class ClusterBenchmark {
    private static final int WORKERS = 2;
    private static final long ITEM_NANOS = 1_000_000;
    private static final String HEAP = "-Xmx1g";
    private static final int[] CHUNKSIZES = {1, 100};
    /** An explicit chunksize for the ~1 ms items, next to the automatic one: ~10 ms chunks, shorter tails. */
    private static final int SMALL_CHUNKS = 10;
    /** Measured no-op maps per chunksize, after two warm-up maps. */
    private static final int CHUNK_REPS = 5;
    private static final double STARTUP_TARGET_SECONDS = 2.0;
    private static final double OVERHEAD_TARGET_PERCENT = 5.0;
    /** The first line of a stack trace: {@code java.lang.IllegalStateException: ...}. */
    private static final Pattern EXCEPTION = Pattern.compile("^(Exception in thread \\S+ )?[\\w.$]+(Exception|Error)\\b");
    private static final Pattern TRACE = Pattern.compile("^\\[(\\d+\\.\\d+) s\\] (.+)$");

    private ClusterBenchmark() {
    }

    public static void main(String[] args) throws Exception {
        switch (args.length > 0 ? args[0] : "") {
            case "startup" -> child(ClusterBenchmark::startupChild);
            case "work" -> child(() -> workChild(Arrays.copyOfRange(args, 1, args.length)));
            case "" -> throw new IllegalArgumentException("usage: ClusterBenchmark <class path of jars> [--quick]");
            default -> orchestrate(args[0], args.length > 1 && args[1].equals("--quick"));
        }
    }

    private interface Body {
        void run() throws Exception;
    }

    /**
     * A child's main: exits when its work is done or failed, whatever threads are left (a pool whose start failed
     * half-way can leave Hazelcast's non-daemon threads behind, and the child would never end).
     */
    private static void child(Body body) {
        int status = 0;
        try {
            body.run();
        } catch (Throwable t) {
            t.printStackTrace(System.out);
            status = 1;
        }
        System.out.flush();
        System.exit(status);
    }

    // ================================================================== the parent: runs the children, prints

    private static void orchestrate(String cp, boolean quick) throws Exception {
        int starts = quick ? 2 : 5;
        int noArchiveStarts = quick ? 1 : 3;
        int parentStarts = quick ? 1 : 5;
        int chunks = quick ? 500 : 2_000;
        int latencyMaps = quick ? 50 : 200;
        int items = quick ? 1_000 : 2_000;
        int warmup = quick ? 2 : 3;
        int reps = quick ? 3 : 7;
        String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
        int cores = Runtime.getRuntime().availableProcessors();

        System.out.printf(Locale.ROOT, "speedkit Pool.processes benchmark -- %s %s, %d cores%s%n", System.getProperty("java.vm.name"),
                Runtime.version(), cores, quick ? " (--quick: not for quoting)" : "");
        for (String e : cp.split(File.pathSeparator)) {
            if (Files.isDirectory(Path.of(e))) {
                System.out.println("  WARNING: " + e + " is a directory: the workers start without their class-data-sharing"
                        + " archive; put only jars on the class path");
            }
        }
        System.out.println("  every JVM: Hazelcast's module flags (" + String.join(" ", WorkerJvm.HAZELCAST_FLAGS) + " ...);"
                + " class path: " + cp.split(File.pathSeparator).length + " jars");
        System.out.println();

        // ---------------------------------------------------------------- start-up
        Path archives = archiveDir();
        Path tmp = Files.createTempDirectory("speedkit-cluster-benchmark");
        Path classes = Files.createDirectory(tmp.resolve("classes"));
        Files.writeString(classes.resolve("README"), "a directory on the class path: the workers start without an archive\n");
        Path parentArchive = tmp.resolve("parent.jsa");
        List<String> parentCds = List.of("-XX:SharedArchiveFile=" + parentArchive, "-XX:+AutoCreateSharedArchive");
        List<Startup> shipped = new ArrayList<>();
        List<Startup> noArchive = new ArrayList<>();
        List<Startup> parentToo = new ArrayList<>();
        Startup first;
        Startup parentFirst;
        List<String> recorded;
        int rewrites = 0;
        try {
            Map<String, String> before = snapshot(archives);
            first = startup(java, List.of(), cp);
            recorded = changes(before, snapshot(archives));
            parentFirst = startup(java, parentCds, cp);
            for (int i = 0; i < Math.max(starts, noArchiveStarts); i++) {
                if (i < starts) {
                    Map<String, String> b = snapshot(archives);
                    shipped.add(startup(java, List.of(), cp));
                    rewrites += changes(b, snapshot(archives)).isEmpty() ? 0 : 1;
                }
                if (i < noArchiveStarts) {
                    noArchive.add(startup(java, List.of(), classes + File.pathSeparator + cp));
                }
                if (i < parentStarts) {
                    Map<String, String> b = snapshot(archives);
                    parentToo.add(startup(java, parentCds, cp));
                    rewrites += changes(b, snapshot(archives)).isEmpty() ? 0 : 1;
                }
            }
        } finally {
            Files.deleteIfExists(parentArchive);
            Files.deleteIfExists(classes.resolve("README"));
            Files.deleteIfExists(classes);
            Files.deleteIfExists(tmp);
        }
        System.out.printf(Locale.ROOT, "Start-up of ProcessPool.start(%d) = Pool.processes(%d): from the call until it returns,"
                + " both workers joined; each in a fresh parent JVM%n", WORKERS, WORKERS);
        System.out.printf(Locale.ROOT, "  unmeasured first start: %s (process %s); %s%n", seconds(first.start), seconds(first.process),
                recorded.isEmpty() ? "the workers' archive for this class path was already in " + archives
                        : "it recorded the workers' archive " + String.join(", ", recorded) + ", which worker 0 writes as it"
                        + " exits");
        System.out.printf(Locale.ROOT, "  unmeasured first start with -XX:+AutoCreateSharedArchive on the parent: %s (process %s);"
                + " it recorded the parent's archive (a temporary file)%n", seconds(parentFirst.start), seconds(parentFirst.process));
        System.out.printf(Locale.ROOT, "  then fresh parents, taking turns: %d as shipped (the workers map their archive; the parent"
                + " has the JDK's own CDS only), %d without%n  the workers' archive (a directory first on the class path), %d with"
                + " the parent on an AppCDS archive of its own too; median (min..max)%n", starts, noArchiveStarts, parentStarts);
        if (rewrites > 0) {
            System.out.printf(Locale.ROOT, "  WARNING: %d of the measured starts wrote the workers' archive again%n", rewrites);
        }
        System.out.println("  first map = a one-item map right after start (the first chunk's round trip); process = the whole"
                + " `java` run (JVM start, start(2), the map, close, join)");
        System.out.println();
        List<List<Startup>> columns = List.of(shipped, noArchive, parentToo);
        System.out.printf(Locale.ROOT, "%-26s %-25s %-25s %s%n", "", "as shipped (workers' CDS)", "no workers' archive",
                "parent's AppCDS too");
        startupRow("ProcessPool.start(2)", columns, st -> st.start);
        startupRow("first map (1 item)", columns, st -> st.firstMap);
        startupRow("close(); join()", columns, st -> st.close);
        startupRow("process, start to exit", columns, st -> st.process);
        // The pool's own trace (-Dspeedkit.trace=true), when it has one: where the start-up time goes.
        List<String> phases = new ArrayList<>(shipped.get(0).phases.keySet());
        if (!phases.isEmpty()) {
            System.out.println("  where start(2) goes (ProcessPool's trace, -Dspeedkit.trace=true: time since the call):");
            for (String phase : phases) {
                startupRow("    " + phase, columns, st -> st.phases.getOrDefault(phase, Double.NaN));
            }
        }
        System.out.printf(Locale.ROOT, "  peak RSS after start and one map (medians, as shipped): parent %.0f MiB, workers %s MiB%n",
                median(shipped.stream().mapToDouble(st -> st.parentHwmKib / 1024.0).toArray()), workerHwms(shipped));
        if (!FAILED_STARTS.isEmpty()) {
            System.out.printf(Locale.ROOT, "  FAILED: %d start(s) failed and were run again (not in the figures):%n",
                    FAILED_STARTS.size());
            for (String f : FAILED_STARTS) {
                System.out.println("    " + f);
            }
        }
        System.out.println();
        int startupFailures = FAILED_STARTS.size();
        double startupShipped = median(shipped.stream().mapToDouble(st -> st.start).toArray());
        double startupParentToo = median(parentToo.stream().mapToDouble(st -> st.start).toArray());

        // ---------------------------------------------------------------- chunks and throughput, one JVM
        List<String> cmd = new ArrayList<>();
        cmd.add(java);
        cmd.addAll(WorkerJvm.baseFlags());
        cmd.addAll(List.of(HEAP, "-cp", cp, ClusterBenchmark.class.getName(), "work", "" + chunks, "" + latencyMaps,
                "" + items, "" + warmup, "" + reps));
        Output work = run(cmd, WORK_TIMEOUT);
        work.text.lines().filter(l -> l.startsWith("FAILED_START ")).forEach(l -> FAILED_STARTS.add(
                "in the throughput JVM: " + l.substring("FAILED_START ".length())));
        Map<String, String> calibration = work.values("CALIBRATION");
        System.out.printf(Locale.ROOT, "Per-chunk overhead: maps of no-op items (i -> i), explicit chunksize, in one parent JVM"
                + " (%s) with Pool.processes(%d) and Pool.cpu() started once;%n", HEAP, WORKERS);
        System.out.printf(Locale.ROOT, "  %,d chunks a map, 2 warm-up maps, then the median of %d; per chunk = wall / chunks (%d"
                + " workers, up to 2 chunks in flight each);%n", chunks, CHUNK_REPS, WORKERS);
        System.out.println("  CPU/chunk = CPU time of the parent's process (all its threads) and of the workers' processes, mean"
                + " per map, / chunks (Pool.cpu()'s maps are too short for the process CPU clocks)");
        System.out.printf(Locale.ROOT, "%n%-34s %7s %11s %11s %11s %15s %15s%n", "configuration", "chunks", "wall", "per chunk",
                "per item", "CPU/chunk:parent", "CPU/chunk:workers");
        for (int k : CHUNKSIZES) {
            for (String config : List.of("processes", "cpu")) {
                Map<String, String> r = work.find("chunks", "config", config, "chunksize", "" + k);
                double t = num(r, "median");
                boolean remote = config.equals("processes");
                System.out.println(String.format(Locale.ROOT, "%-34s %,7d %11s %11s %11s %15s %15s", (remote ? "Pool.processes(2)"
                        : "Pool.cpu()") + ", chunksize " + k, chunks, time(t), time(t / chunks), time(t / chunks / k),
                        remote ? time(num(r, "parent_cpu") / chunks) : "-", remote ? time(num(r, "workers_cpu") / chunks) : "")
                        .stripTrailing());
            }
        }
        Map<String, String> lat = work.find("latency", "config", "processes");
        Map<String, String> latCpu = work.find("latency", "config", "cpu");
        System.out.printf(Locale.ROOT, "%-34s %10s %12s  (%d maps: median; min %s, 90th percentile %s; Pool.cpu(): %s)%n",
                "one-item map, one chunk", "1", time(num(lat, "median")), latencyMaps, time(num(lat, "min")),
                time(num(lat, "p90")), time(num(latCpu, "median")));
        System.out.println();

        Map<String, String> serial = work.find("cpu", "config", "serial");
        Map<String, String> cpu = work.find("cpu", "config", "cpu");
        Map<String, String> proc = work.find("cpu", "config", "processes");
        Map<String, String> procSmall = work.find("cpu", "config", "processes" + SMALL_CHUNKS);
        double serialNs = num(serial, "median");
        System.out.printf(Locale.ROOT, "Throughput: a CPU-bound map of %,d items of about %d ms (PoolWorkloads.spin, calibrated at"
                + " %s ns/step: %s steps),%n  automatic chunksize, and for Pool.processes(2) chunksize %d too (about %d ms"
                + " chunks)%n", items, ITEM_NANOS / 1_000_000, calibration.get("ns_per_step"), serial.get("steps"), SMALL_CHUNKS,
                SMALL_CHUNKS * ITEM_NANOS / 1_000_000);
        System.out.printf(Locale.ROOT, "  %d warm-up rounds (the workers' JIT too), then the median of %d; configurations take"
                + " turns; the results' sums compared%n", warmup, reps);
        System.out.println("  speed-up = serial time / time;  overhead/item = (time x workers - serial time) / items, and as %"
                + " of an item's time");
        System.out.printf(Locale.ROOT, "%n%-34s %10s %10s %9s %14s %9s%n", "configuration", "time", "best", "speed-up",
                "overhead/item", "of item");
        cpuRow(String.format(Locale.ROOT, "serial loop (%s/item)", time(serialNs / items)), serial, serialNs, items);
        double cpuOverhead = cpuRow("Pool.cpu() (" + cpu.get("workers") + " threads)", cpu, serialNs, items);
        double procOverhead = cpuRow("Pool.processes(" + proc.get("workers") + ")", proc, serialNs, items);
        cpuRow("Pool.processes(" + proc.get("workers") + "), chunksize " + SMALL_CHUNKS, procSmall, serialNs, items);
        double ratio = num(proc, "median") / num(cpu, "median");
        System.out.printf(Locale.ROOT, "  Pool.processes(2) time / Pool.cpu() time = %.3f  (processes' speed-up / cpu's = %.3f)%n",
                ratio, 1 / ratio);
        for (Map<String, String> r : List.of(proc, procSmall)) {
            double parentCpu = num(r, "parent_cpu");
            double workersCpu = num(r, "workers_cpu");
            double wall = num(r, "median");
            System.out.printf(Locale.ROOT, "  Pool.processes(2)%s: %s chunks a map (by worker, all measured maps: %s), reruns %s;"
                    + " where its %d cores x %s go, per map (CPU: means):%n", r == proc ? "" : ", chunksize " + SMALL_CHUNKS,
                    r.get("chunks_per_map"), r.get("chunks_by_worker"), r.get("reruns"), WORKERS, time(wall));
            System.out.printf(Locale.ROOT, "    the workers' processes %s (the items' serial time %s: %+.1f µs/item beyond it), the"
                    + " parent's process %s (%.1f µs/item),%n    left %s (%.1f µs/item: cores idle in chunk tails and round trips,"
                    + " or taken by other processes)%n", time(workersCpu), time(serialNs), (workersCpu - serialNs) / items / 1e3,
                    time(parentCpu), parentCpu / items / 1e3, time(WORKERS * wall - workersCpu - parentCpu),
                    (WORKERS * wall - workersCpu - parentCpu) / items / 1e3);
        }
        Map<String, String> itemTime = work.find("itemtime");
        System.out.printf(Locale.ROOT, "  an item's own time where it ran (one more map, each item timing itself, mean): serial loop"
                + " %s, Pool.cpu()'s threads %s, the worker JVMs %s%n", time(num(itemTime, "serial")), time(num(itemTime, "cpu")),
                time(num(itemTime, "processes")));
        Map<String, String> rss = work.values("RSS");
        System.out.printf(Locale.ROOT, "  peak RSS (VmHWM, end of the run): parent %.0f MiB (both pools, all maps), workers %s MiB%n",
                Long.parseLong(rss.get("parent_kib")) / 1024.0, mibList(rss.get("workers_kib")));
        System.out.println();

        // ---------------------------------------------------------------- targets
        if (FAILED_STARTS.size() > startupFailures) {
            System.out.println("FAILED: ProcessPool.start(2) failed in the throughput JVM and was run again:");
            for (String f : FAILED_STARTS.subList(startupFailures, FAILED_STARTS.size())) {
                System.out.println("    " + f);
            }
            System.out.println();
        }
        System.out.println("targets (issue 6)");
        String failed = FAILED_STARTS.isEmpty() ? "" : "; " + FAILED_STARTS.size() + " start(s) FAILED, see above"
                + " (ProcessPool.start threw; run again)";
        target("Pool.processes(2) start-up <= 2 s, as shipped (the workers' AppCDS archive)", String.format(Locale.ROOT,
                "median %s over %d fresh parents (without the workers' archive: %s)%s", seconds(startupShipped), shipped.size(),
                seconds(median(noArchive.stream().mapToDouble(st -> st.start).toArray())), failed),
                startupShipped <= STARTUP_TARGET_SECONDS * 1e9);
        target("Pool.processes(2) start-up <= 2 s, the parent on AppCDS too", String.format(Locale.ROOT,
                "median %s over %d fresh parents (-XX:SharedArchiveFile=... -XX:+AutoCreateSharedArchive)", seconds(startupParentToo),
                parentToo.size()), startupParentToo <= STARTUP_TARGET_SECONDS * 1e9);
        target("Pool.processes(2) per-item overhead <= 5% at 1 ms items", String.format(Locale.ROOT,
                "%+.1f%% of an item (%+.1f µs/item; Pool.cpu() %+.1f%%); time vs Pool.cpu() %.3f", procOverhead,
                procOverhead / 100 * serialNs / items / 1e3, cpuOverhead, ratio), procOverhead <= OVERHEAD_TARGET_PERCENT);
    }

    /** One fresh parent JVM's start-up figures, in nanoseconds; phases from the pool's trace, if it has one. */
    record Startup(double start, double firstMap, double close, double process, long parentHwmKib, String workerHwmKib,
                   Map<String, Double> phases) {
    }

    /** Start-ups that failed (their child's exception, first line), reported with the results; a failed one is retried. */
    private static final List<String> FAILED_STARTS = new ArrayList<>();
    private static final int START_ATTEMPTS = 3;
    /** A start-up child takes a few seconds; one that has not ended by then hangs. */
    private static final Duration START_TIMEOUT = Duration.ofMinutes(2);
    private static final Duration WORK_TIMEOUT = Duration.ofMinutes(15);

    private static Startup startup(String java, List<String> parentFlags, String cp) throws IOException, InterruptedException {
        List<String> cmd = new ArrayList<>();
        cmd.add(java);
        cmd.addAll(WorkerJvm.baseFlags());
        cmd.addAll(parentFlags);
        cmd.addAll(List.of("-Dspeedkit.trace=true", "-cp", cp, ClusterBenchmark.class.getName(), "startup"));
        for (int attempt = 1; ; attempt++) {
            long t0 = System.nanoTime();
            String failure;
            RuntimeException error;
            try {
                Output out = run(cmd, START_TIMEOUT);
                double process = System.nanoTime() - t0;
                try {
                    return startupOf(out, process);
                } catch (RuntimeException unreadable) {
                    failure = "unreadable output: " + out.text.lines().filter(l -> l.contains("RESULT")).findFirst()
                            .orElse("no RESULT line") + " (" + unreadable + ")";
                    error = new IllegalStateException(failure + "\n" + out.text, unreadable);
                }
            } catch (IllegalStateException e) {
                failure = e.getMessage().lines().filter(l -> EXCEPTION.matcher(l).find()).findFirst()
                        .orElse(e.getMessage().lines().findFirst().orElse("").contains("(killed after") ? "hung, killed"
                                : "exit without a result");
                error = e;
            }
            FAILED_STARTS.add(failure + String.format(Locale.ROOT, " (after %.1f s)", (System.nanoTime() - t0) / 1e9));
            if (attempt == START_ATTEMPTS) {
                throw error;
            }
        }
    }

    private static Startup startupOf(Output out, double process) {
        Map<String, String> r = out.find("startup");
        Map<String, Double> phases = new LinkedHashMap<>();
        for (String line : out.text.split("\n")) {
            Matcher m = TRACE.matcher(line.trim());
            if (m.matches()) {
                phases.put(m.group(2), Double.parseDouble(m.group(1)) * 1e9);
            }
        }
        return new Startup(num(r, "start"), num(r, "first_map"), num(r, "close"), process, Long.parseLong(r.get("parent_kib")),
                r.get("workers_kib"), phases);
    }

    private interface Figure {
        double of(Startup s);
    }

    private static void startupRow(String label, List<List<Startup>> columns, Figure f) {
        StringBuilder b = new StringBuilder(String.format(Locale.ROOT, "%-26s", label));
        for (List<Startup> column : columns) {
            b.append(String.format(Locale.ROOT, " %-25s", spread(column.stream().mapToDouble(f::of).toArray())));
        }
        System.out.println(b.toString().stripTrailing());
    }

    private static String spread(double[] ns) {
        double[] s = ns.clone();
        Arrays.sort(s);
        return String.format(Locale.ROOT, "%s (%s..%s)", seconds(median(s)), seconds(s[0]), seconds(s[s.length - 1]));
    }

    private static String workerHwms(List<Startup> runs) {
        int n = runs.get(0).workerHwmKib.split(",").length;
        StringBuilder b = new StringBuilder();
        for (int w = 0; w < n; w++) {
            int index = w;
            double m = median(runs.stream().mapToDouble(s -> Long.parseLong(s.workerHwmKib.split(",")[index]) / 1024.0).toArray());
            b.append(b.isEmpty() ? "" : ", ").append(String.format(Locale.ROOT, "%.0f", m));
        }
        return b.toString();
    }

    private static String mibList(String kibs) {
        StringBuilder b = new StringBuilder();
        for (String k : kibs.split(",")) {
            b.append(b.isEmpty() ? "" : ", ").append(String.format(Locale.ROOT, "%.0f", Long.parseLong(k) / 1024.0));
        }
        return b.toString();
    }

    /** Prints one throughput row; returns the overhead per item in % of an item's serial time (NaN for serial). */
    private static double cpuRow(String label, Map<String, String> r, double serialNs, int items) {
        double t = num(r, "median");
        int workers = Integer.parseInt(r.get("workers"));
        boolean parallel = !r.get("config").equals("serial");
        double overheadNs = (t * workers - serialNs) / items;
        double percent = 100 * overheadNs / (serialNs / items);
        System.out.println(String.format(Locale.ROOT, "%-34s %10s %10s %8.2fx %14s %9s", label, time(t), time(num(r, "best")),
                serialNs / t, parallel ? String.format(Locale.ROOT, "%+.1f µs", overheadNs / 1e3) : "",
                parallel ? String.format(Locale.ROOT, "%+.1f%%", percent) : "").stripTrailing());
        return parallel ? percent : Double.NaN;
    }

    private static void target(String what, String measured, boolean ok) {
        System.out.printf(Locale.ROOT, "  %-74s %s%n      %s%n", what, ok ? "met" : "MISSED", measured.trim());
    }

    /** Where the workers' archives live (as WorkerJvm decides): $XDG_CACHE_HOME/speedkit or ~/.cache/speedkit. */
    private static Path archiveDir() {
        String cache = System.getenv("XDG_CACHE_HOME");
        return cache != null && !cache.isEmpty() ? Path.of(cache, "speedkit") : Path.of(System.getProperty("user.home"), ".cache",
                "speedkit");
    }

    /** The archives' names with their size and modification time. */
    private static Map<String, String> snapshot(Path dir) throws IOException {
        Map<String, String> out = new TreeMap<>();
        if (!Files.isDirectory(dir)) {
            return out;
        }
        try (Stream<Path> files = Files.list(dir)) {
            for (Path p : files.filter(p -> p.getFileName().toString().endsWith(".jsa")).toList()) {
                out.put(p.getFileName().toString(), Files.size(p) + "|" + Files.getLastModifiedTime(p).toMillis());
            }
        }
        return out;
    }

    /** The archives new or rewritten between two snapshots, with their size. */
    private static List<String> changes(Map<String, String> before, Map<String, String> after) {
        List<String> out = new ArrayList<>();
        for (Map.Entry<String, String> e : after.entrySet()) {
            if (!e.getValue().equals(before.get(e.getKey()))) {
                long bytes = Long.parseLong(e.getValue().substring(0, e.getValue().indexOf('|')));
                out.add(String.format(Locale.ROOT, "%s (%.0f MiB)", e.getKey(), bytes / 1048576.0));
            }
        }
        return out;
    }

    // ================================================================== child: one pool start in a fresh JVM

    private static void startupChild() throws Exception {
        Fn<Integer, Integer> identity = i -> i;
        long t0 = System.nanoTime();
        ProcessPool pool = ProcessPool.start(WORKERS);
        long t1 = System.nanoTime();
        long t2;
        String workers;
        try {
            List<Integer> out = pool.map(identity, List.of(42));
            t2 = System.nanoTime();
            if (!out.equals(List.of(42))) {
                throw new IllegalStateException("a one-item map returned " + out);
            }
            workers = workerHwms(pool);
        } finally {
            pool.close();
            pool.join();
        }
        long t3 = System.nanoTime();
        emit("RESULT startup start=%d first_map=%d close=%d parent_kib=%d workers_kib=%s%n", t1 - t0,
                t2 - t1, t3 - t2, vmHwmKib(ProcessHandle.current().pid()), workers);
    }

    // ================================================================== child: chunks and throughput

    private interface Config {
        /** Runs every item, returns the sum of the results (checked equal across configurations). */
        long run(List<Integer> items, int steps);
    }

    private static void workChild(String[] args) throws Exception {
        int chunks = Integer.parseInt(args[0]);
        int latencyMaps = Integer.parseInt(args[1]);
        int itemCount = Integer.parseInt(args[2]);
        int warmup = Integer.parseInt(args[3]);
        int reps = Integer.parseInt(args[4]);
        double nsPerStep = PoolWorkloads.calibrate();
        emit("CALIBRATION ns_per_step=%.4f%n", nsPerStep);
        ProcessPool processes = startWithRetries();
        try (Pool cpu = Pool.cpu()) {
            // ---- per-chunk overhead: no-op items, explicit chunksize
            Fn<Integer, Integer> identity = i -> i;
            for (int k : CHUNKSIZES) {
                List<Integer> items = IntStream.range(0, chunks * k).boxed().toList();
                MapOptions options = MapOptions.defaults().withChunksize(k);
                long[][] t = new long[2][CHUNK_REPS];
                long[][] cpuTime = new long[2][2]; // per pool: the parent's CPU, the workers' CPU, over the measured maps
                for (int r = -2; r < CHUNK_REPS; r++) {
                    int index = 0;
                    for (Pool pool : List.<Pool>of(processes, cpu)) {
                        long p0 = PoolWorkloads.processCpuNanos();
                        long w0 = workersCpuNanos(processes);
                        long t0 = System.nanoTime();
                        List<Integer> out = pool.map(identity, items, options);
                        long dt = System.nanoTime() - t0;
                        if (!out.equals(items)) {
                            throw new IllegalStateException(pool + " returned other items");
                        }
                        if (r >= 0) {
                            t[index][r] = dt;
                            cpuTime[index][0] += PoolWorkloads.processCpuNanos() - p0;
                            cpuTime[index][1] += workersCpuNanos(processes) - w0;
                        }
                        index++;
                    }
                }
                for (int c = 0; c < 2; c++) {
                    Arrays.sort(t[c]);
                    emit("RESULT chunks config=%s chunksize=%d chunks=%d median=%d best=%d"
                            + " parent_cpu=%d workers_cpu=%d%n", c == 0 ? "processes" : "cpu", k, chunks, t[c][t[c].length / 2],
                            t[c][0], cpuTime[c][0] / CHUNK_REPS, cpuTime[c][1] / CHUNK_REPS);
                }
            }
            // ---- one-item maps: one chunk's round trip
            for (Pool pool : List.<Pool>of(processes, cpu)) {
                List<Integer> one = List.of(7);
                long[] t = new long[latencyMaps];
                for (int r = -latencyMaps / 4; r < latencyMaps; r++) {
                    long t0 = System.nanoTime();
                    List<Integer> out = pool.map(identity, one);
                    long dt = System.nanoTime() - t0;
                    if (!out.equals(one)) {
                        throw new IllegalStateException(pool + " returned " + out);
                    }
                    if (r >= 0) {
                        t[r] = dt;
                    }
                }
                Arrays.sort(t);
                emit("RESULT latency config=%s maps=%d median=%d min=%d p90=%d%n",
                        pool == processes ? "processes" : "cpu", latencyMaps, t[latencyMaps / 2], t[0],
                        t[(int) (latencyMaps * 0.9)]);
            }

            // ---- throughput: ~1 ms items, serial vs Pool.cpu() vs Pool.processes(2)
            int steps = (int) Math.max(1, Math.round(ITEM_NANOS / nsPerStep));
            List<Integer> items = IntStream.range(0, itemCount).boxed().toList();
            List<String> names = List.of("serial", "cpu", "processes", "processes" + SMALL_CHUNKS);
            MapOptions small = MapOptions.defaults().withChunksize(SMALL_CHUNKS);
            List<Config> configs = List.of(
                    (in, s) -> {
                        List<Long> out = new ArrayList<>(in.size());
                        for (Integer i : in) {
                            out.add(PoolWorkloads.spin(s, i));
                        }
                        return PoolWorkloads.sum(out);
                    },
                    (in, s) -> PoolWorkloads.sum(cpu.map(i -> PoolWorkloads.spin(s, i), in)),
                    (in, s) -> PoolWorkloads.sum(processes.map(i -> PoolWorkloads.spin(s, i), in)),
                    (in, s) -> PoolWorkloads.sum(processes.map(i -> PoolWorkloads.spin(s, i), in, small)));
            long[][] times = new long[configs.size()][reps];
            long[][] cpuTime = new long[configs.size()][2]; // the parent's CPU, the workers' CPU, over the measured maps
            List<ProcessHandle> workerHandles = processes.workerProcesses();
            long[][] chunksDone = new long[configs.size()][workerHandles.size()]; // per worker, over the measured maps
            long sink = 0;
            for (int r = -warmup; r < reps; r++) {
                long expected = 0;
                for (int c = 0; c < configs.size(); c++) {
                    Map<Long, Long> chunks0 = processes.chunksByPid();
                    long p0 = PoolWorkloads.processCpuNanos();
                    long w0 = workersCpuNanos(processes);
                    long t0 = System.nanoTime();
                    long s = configs.get(c).run(items, steps);
                    long t = System.nanoTime() - t0;
                    if (r >= 0) {
                        times[c][r] = t;
                        cpuTime[c][0] += PoolWorkloads.processCpuNanos() - p0;
                        cpuTime[c][1] += workersCpuNanos(processes) - w0;
                        Map<Long, Long> chunks1 = processes.chunksByPid();
                        for (int w = 0; w < workerHandles.size(); w++) {
                            long pid = workerHandles.get(w).pid();
                            chunksDone[c][w] += chunks1.getOrDefault(pid, 0L) - chunks0.getOrDefault(pid, 0L);
                        }
                    }
                    if (c == 0) {
                        expected = s;
                    } else if (s != expected) {
                        throw new IllegalStateException(names.get(c) + " computed " + s + ", the serial loop " + expected);
                    }
                }
                sink += expected;
            }
            for (int c = 0; c < configs.size(); c++) {
                long[] t = times[c].clone();
                Arrays.sort(t);
                StringBuilder byWorker = new StringBuilder();
                long total = 0;
                for (long n : chunksDone[c]) {
                    byWorker.append(byWorker.isEmpty() ? "" : ",").append(n);
                    total += n;
                }
                emit("RESULT cpu config=%s items=%d steps=%d workers=%d median=%d best=%d"
                        + " parent_cpu=%d workers_cpu=%d%s%n", names.get(c), itemCount, steps,
                        c == 0 ? 1 : c == 1 ? cpu.workers() : processes.workers(), t[reps / 2], t[0], cpuTime[c][0] / reps,
                        cpuTime[c][1] / reps, c < 2 ? "" : String.format(Locale.ROOT, " chunks_per_map=%.1f chunks_by_worker=%s"
                                + " reruns=%d", total / (double) reps, byWorker, processes.reruns()));
            }
            // ---- the items' own time where they ran: one more map each, every item timing itself
            Fn<Integer, Long> timed = i -> {
                long t0 = System.nanoTime();
                long x = PoolWorkloads.spin(steps, i);
                long dt = System.nanoTime() - t0;
                return x == 42 ? dt + 1 : dt; // the spin's result is used: it cannot be dropped
            };
            List<Long> inSerial = new ArrayList<>(itemCount);
            for (Integer i : items) {
                inSerial.add(timed.apply(i));
            }
            emit("RESULT itemtime serial=%d cpu=%d processes=%d%n", PoolWorkloads.sum(inSerial) / itemCount,
                    PoolWorkloads.sum(cpu.map(timed, items)) / itemCount, PoolWorkloads.sum(processes.map(timed, items)) / itemCount);
            emit("RESULT rss parent_kib=%d workers_kib=%s%n", vmHwmKib(ProcessHandle.current().pid()),
                    workerHwms(processes));
            System.out.println("SINK " + sink);
        } finally {
            processes.close();
            processes.join();
        }
    }

    /** ProcessPool.start(2); a failed start is reported (FAILED_START, read by the parent) and tried again. */
    private static ProcessPool startWithRetries() {
        for (int attempt = 1; ; attempt++) {
            long t0 = System.nanoTime();
            try {
                return ProcessPool.start(WORKERS);
            } catch (RuntimeException e) {
                emit("FAILED_START %s: %s (after %.1f s)%n", e.getClass().getName(),
                        String.valueOf(e.getMessage()).lines().findFirst().orElse(""), (System.nanoTime() - t0) / 1e9);
                if (attempt == START_ATTEMPTS) {
                    throw e;
                }
            }
        }
    }

    /**
     * Prints one line of a child's report with a single write: the pool's threads may print too (to stdout or stderr,
     * the same file), and a line written in pieces could have theirs in the middle of it.
     */
    private static void emit(String format, Object... args) {
        byte[] line = String.format(Locale.ROOT, format, args).getBytes(StandardCharsets.UTF_8);
        System.out.flush();
        System.out.write(line, 0, line.length);
        System.out.flush();
    }

    /** CPU time of all the worker processes so far (every thread: the chunks, Hazelcast's, the JIT, the GC), in ns. */
    private static long workersCpuNanos(ProcessPool pool) {
        long sum = 0;
        for (ProcessHandle h : pool.workerProcesses()) {
            sum += h.info().totalCpuDuration().map(Duration::toNanos).orElse(0L);
        }
        return sum;
    }

    private static String workerHwms(ProcessPool pool) throws IOException {
        StringBuilder b = new StringBuilder();
        for (ProcessHandle h : pool.workerProcesses()) {
            b.append(b.isEmpty() ? "" : ",").append(vmHwmKib(h.pid()));
        }
        return b.toString();
    }

    /** Peak resident set size of a process so far (kernel's high-water mark), in KiB; -1 if unknown. */
    private static long vmHwmKib(long pid) throws IOException {
        Path status = Path.of("/proc", "" + pid, "status");
        if (!Files.isReadable(status)) {
            return -1;
        }
        for (String line : Files.readAllLines(status)) {
            if (line.startsWith("VmHWM:")) {
                return Long.parseLong(line.replaceAll("[^0-9]", ""));
            }
        }
        return -1;
    }

    // ================================================================== helpers

    private static double num(Map<String, String> r, String key) {
        String v = r.get(key);
        if (v == null) {
            throw new IllegalStateException("no " + key + " in " + r);
        }
        return Double.parseDouble(v);
    }

    private static double median(double[] values) {
        double[] s = values.clone();
        Arrays.sort(s);
        int n = s.length;
        return n % 2 == 1 ? s[n / 2] : (s[n / 2 - 1] + s[n / 2]) / 2;
    }

    private static String seconds(double ns) {
        return String.format(Locale.ROOT, "%.2f s", ns / 1e9);
    }

    private static String time(double ns) {
        if (ns >= 1e9) {
            return String.format(Locale.ROOT, "%.2f s", ns / 1e9);
        }
        if (ns >= 1e6) {
            return String.format(Locale.ROOT, "%.2f ms", ns / 1e6);
        }
        if (ns >= 1e3) {
            return String.format(Locale.ROOT, "%.1f µs", ns / 1e3);
        }
        return String.format(Locale.ROOT, "%.0f ns", ns);
    }

    /** A child's output: its {@code RESULT kind key=value ...} and {@code CALIBRATION key=value ...} lines, and all text. */
    record Output(String text, List<Map<String, String>> results) {
        Map<String, String> find(String kind, String... keyValues) {
            for (Map<String, String> r : results) {
                boolean match = kind.equals(r.get(" kind"));
                for (int i = 0; match && i < keyValues.length; i += 2) {
                    match = keyValues[i + 1].equals(r.get(keyValues[i]));
                }
                if (match) {
                    return r;
                }
            }
            throw new IllegalStateException("no " + kind + " result " + Arrays.toString(keyValues) + " in:\n" + text);
        }

        Map<String, String> values(String kind) {
            return kind.equals("CALIBRATION") ? find("CALIBRATION") : find(kind.toLowerCase(Locale.ROOT));
        }
    }

    /**
     * Runs a child JVM, its output (and its workers', which inherit it) into a file: a pipe would stay open as long
     * as any worker lived. A child that outlives {@code timeout} is killed with its workers, and counts as failed.
     */
    private static Output run(List<String> cmd, Duration timeout) throws IOException, InterruptedException {
        Path log = Files.createTempFile("speedkit-cluster-benchmark", ".log");
        try {
            Process p = new ProcessBuilder(cmd).redirectErrorStream(true).redirectOutput(log.toFile()).start();
            boolean ended = p.waitFor(timeout.toMillis(), TimeUnit.MILLISECONDS);
            if (!ended) {
                p.descendants().forEach(ProcessHandle::destroyForcibly);
                p.destroyForcibly();
                p.waitFor();
            }
            String out = Files.readString(log, StandardCharsets.UTF_8);
            if (!ended || p.exitValue() != 0) {
                throw new IllegalStateException("benchmark run failed" + (ended ? "" : " (killed after " + timeout.toSeconds()
                        + " s)") + ": " + String.join(" ", cmd) + "\n" + out);
            }
            return parse(out);
        } finally {
            Files.deleteIfExists(log);
        }
    }

    private static Output parse(String out) {
        List<Map<String, String>> results = new ArrayList<>();
        for (String line : out.split("\n")) {
            String[] parts = line.trim().split(" ");
            if (parts.length >= 2 && (parts[0].equals("RESULT") || parts[0].equals("CALIBRATION"))) {
                Map<String, String> kv = new HashMap<>();
                kv.put(" kind", parts[0].equals("RESULT") ? parts[1] : "CALIBRATION");
                for (String part : parts) {
                    int eq = part.indexOf('=');
                    if (eq > 0) {
                        kv.put(part.substring(0, eq), part.substring(eq + 1));
                    }
                }
                results.add(kv);
            }
        }
        return new Output(out, results);
    }
}
