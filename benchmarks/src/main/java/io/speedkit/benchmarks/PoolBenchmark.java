package io.speedkit.benchmarks;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.TimeUnit;

/**
 * speedkit-pool against its peers, in one run (issue 5's performance section): prints times, speed-ups and
 * ratios, then each target and whether it was met.
 *
 * <ul>
 *   <li><b>CPU-bound</b>: tasks of about 10 ms, 1 ms, 100 µs, 10 µs and 1 µs (a calibrated spin, see
 *       {@link PoolWorkloads}), the same total work at each size: a serial loop, {@code Pool.cpu().map},
 *       {@code list.parallelStream().map(...).toList()}, {@code IntStream.range(...).parallel().mapToLong(...)}
 *       and — when python3 is present — a Python serial loop and {@code multiprocessing.Pool.map} on the Python twin
 *       of the task ({@code benchmarks/python/pool_workloads.py}). All Java configurations run in one JVM, taking
 *       turns, warmed up; the median of the measured repetitions is reported.</li>
 *   <li><b>I/O-bound</b>: 1,000, 100,000 and 1,000,000 tasks that each sleep 100 ms, all in flight at once:
 *       {@code Pool.io(tasks).map}, raw virtual threads ({@code Executors.newVirtualThreadPerTaskExecutor()},
 *       submit all, then get all) and {@code asyncio.gather} of {@code asyncio.sleep(0.1)}. Each in its own
 *       process, so that its peak RSS ({@code VmHWM} of {@code /proc/self/status}, read by the process itself at
 *       its end) is its own.</li>
 * </ul>
 *
 * <p>Definitions printed with the results: speed-up = serial time / time; "vs stream" = Pool's speed-up / the
 * parallel stream's; overhead per task = (time × workers − serial time) / tasks, the core time each task costs
 * beyond its own work, assuming perfect scaling (the caller's thread, the JIT and the GC count against it).
 *
 * <p>usage: {@code PoolBenchmark <class path of benchmarks + speedkit-pool> [pool_workloads.py] [--quick]};
 * {@code --quick} runs fewer repetitions and no 1,000,000-task I/O run (to try the script, not to quote).
 */
public final class PoolBenchmark {
    /** Task sizes in nanoseconds; each size gets the same total serial work, {@link #TOTAL_NANOS}. */
    private static final long[] SIZES = {10_000_000, 1_000_000, 100_000, 10_000, 1_000};
    private static final long TOTAL_NANOS = 400_000_000;
    private static final int[] IO_TASKS = {1_000, 100_000, 1_000_000};
    private static final String CPU_HEAP = "-Xmx1g";
    /** 1,000,000 parked virtual threads and their results need about 1.5 GiB of heap; every I/O run gets the same. */
    private static final String IO_HEAP = "-Xmx4g";
    /**
     * On two cores a 100,000-task run's wall time varies by ±20% from one process to the next (heap growth, GC
     * timing, where the carriers land): one process per configuration decided the 10% target by luck. So every
     * configuration runs in several processes, alternating with the other, and the median is over all their runs.
     */
    private static final int IO_PROCESSES = 3;
    private static final int IO_RUNS = 15;
    private static final int IO_RUNS_1M = 3;
    private static final double OVERHEAD_TARGET_MICROS = 0.2;
    private static final double STREAM_RATIO_TARGET = 0.95;
    private static final double IO_TARGET = 0.10;

    private PoolBenchmark() {
    }

    record Result(Map<String, String> values) {
        String get(String key) {
            String v = values.get(key);
            if (v == null) {
                throw new IllegalStateException("no " + key + " in " + values);
            }
            return v;
        }

        long num(String key) {
            return Long.parseLong(get(key));
        }
    }

    public static void main(String[] args) throws Exception {
        String cp = args[0];
        String python = null;
        boolean quick = false;
        for (int i = 1; i < args.length; i++) {
            if (args[i].equals("--quick")) {
                quick = true;
            } else {
                python = args[i];
            }
        }
        int warmup = quick ? 1 : 3;
        int reps = quick ? 3 : 9;
        int pyWarmup = 1;
        int pyReps = quick ? 3 : 5;
        String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
        int cores = Runtime.getRuntime().availableProcessors();
        String pyVersion = python == null ? null : output(List.of("python3", "--version")).trim();

        System.out.printf(Locale.ROOT, "speedkit Pool benchmark -- %s %s, %d cores%s%s%n", System.getProperty("java.vm.name"),
                Runtime.version(), cores, pyVersion == null ? "" : ", " + pyVersion, quick ? " (--quick: not for quoting)" : "");
        System.out.println();

        // ---------------------------------------------------------------- CPU
        List<String> sizes = new ArrayList<>();
        for (long s : SIZES) {
            sizes.add(s + ":" + TOTAL_NANOS / s);
        }
        List<String> cmd = new ArrayList<>(List.of(java, CPU_HEAP, "-cp", cp, PoolWorkloads.class.getName(), "cpu", "" + warmup,
                "" + reps));
        cmd.addAll(sizes);
        RunOutput javaCpu = run(cmd);
        RunOutput pyCpu = null;
        if (python != null) {
            List<String> pcmd = new ArrayList<>(List.of("python3", python, "cpu", "" + pyWarmup, "" + pyReps));
            pcmd.addAll(sizes);
            pyCpu = run(pcmd);
        }
        System.out.printf(Locale.ROOT, "CPU-bound tasks: a calibrated spin of dependent 64-bit multiply-add-xorshift steps, each"
                + " result consumed; %d ms of serial work per size%n", TOTAL_NANOS / 1_000_000);
        System.out.printf(Locale.ROOT, "  java: one JVM (%s), calibrated at %s ns/step, %d warm-up rounds, then the median of %d;"
                + " configurations take turns%n", CPU_HEAP, javaCpu.calibration.get("ns_per_step"), warmup, reps);
        if (pyCpu != null) {
            System.out.printf(Locale.ROOT, "  python: time = %s ns per call + %s ns per step, fitted (fastest timings) before"
                    + " the run; %d warm-up round, then the median of %d; multiprocessing.Pool(%d), its own chunksize%n",
                    pyCpu.calibration.get("call_ns"), pyCpu.calibration.get("ns_per_step"), pyWarmup, pyReps, cores);
        }
        System.out.println("  speed-up = serial time / time;  vs stream = Pool's speed-up / list.parallelStream()'s");
        System.out.println("  overhead/task = (time x workers - serial time) / tasks: core time a task costs beyond its own work");
        System.out.println();
        System.out.printf(Locale.ROOT, "%-7s %8s  %-30s %10s %9s %10s %14s%n", "task", "tasks", "configuration", "time",
                "speed-up", "vs stream", "overhead/task");
        List<double[]> cpuRows = new ArrayList<>(); // size, pool overhead µs, vs-stream ratio, stream overhead µs
        for (long size : SIZES) {
            Result serial = find(javaCpu.results, "cpu", size, "serial");
            Result pool = find(javaCpu.results, "cpu", size, "pool");
            Result pstream = find(javaCpu.results, "cpu", size, "pstream");
            Result intstream = find(javaCpu.results, "cpu", size, "intstream");
            long tasks = serial.num("tasks");
            double serialNs = serial.num("median");
            String label = String.format(Locale.ROOT, "serial loop (%s/task)", time(serialNs / tasks));
            cpuRow(nanosText(size), tasks, label, serial, serialNs, -1, false);
            double poolOverhead = cpuRow("", tasks, "Pool.cpu().map", pool, serialNs, pstream.num("median"), true);
            double streamOverhead = cpuRow("", tasks, "list.parallelStream()", pstream, serialNs, -1, true);
            cpuRow("", tasks, "IntStream.parallel() (long[])", intstream, serialNs, -1, true);
            cpuRows.add(new double[] {size, poolOverhead, (double) pstream.num("median") / pool.num("median"), streamOverhead});
            if (pyCpu != null) {
                Result ps = find(pyCpu.results, "cpu", size, "python-serial");
                Result pp = find(pyCpu.results, "cpu", size, "python-pool");
                double pySerialNs = ps.num("median");
                cpuRow("", tasks, String.format(Locale.ROOT, "python serial (%s/task)", time(pySerialNs / tasks)), ps,
                        pySerialNs, -1, false);
                cpuRow("", tasks, "python Pool.map", pp, pySerialNs, -1, true);
            }
        }
        if (python == null) {
            System.out.println("python3 not found: the Python rows are skipped");
        }
        System.out.println();

        // ---------------------------------------------------------------- I/O
        System.out.println("I/O-bound tasks: each sleeps 100 ms (Thread.sleep; asyncio.sleep(0.1)), all in flight at once");
        System.out.printf(Locale.ROOT, "  java (%s): warm = %d processes per configuration, alternating, each with 5 warm-up runs"
                + " of min(tasks, 100,000) tasks, then %d runs (%d at 1,000,000);%n", IO_HEAP, quick ? 1 : IO_PROCESSES,
                IO_RUNS, IO_RUNS_1M);
        System.out.printf(Locale.ROOT, "  cold = %d more processes per configuration that run once, without warm-up: a fresh"
                + " JVM's wall time and peak RSS (medians)%n", quick ? 1 : IO_PROCESSES);
        System.out.println("  python: one process, a 10,000-task warm-up, then 9 runs (3 at 100,000, 1 at 1,000,000); its cold"
                + " wall is its first run");
        System.out.println("  wall, CPU = medians over the warm runs (CPU = the whole process's: all threads, GC and JIT;"
                + " start-up excluded everywhere)");
        System.out.println("  peak RSS = VmHWM of /proc/self/status, read by the process at its end (the cold processes' for"
                + " java)");
        System.out.println();
        System.out.printf(Locale.ROOT, "%-10s %-24s %5s %9s %10s %10s %10s  %s%n", "tasks", "configuration", "runs", "warm wall",
                "CPU/task", "cold wall", "peak RSS", "vs raw vthreads: warm, cold, RSS");
        List<double[]> ioRows = new ArrayList<>(); // tasks, wall ratio
        for (int n : IO_TASKS) {
            if (quick && n > 100_000) {
                continue;
            }
            int r = n >= 1_000_000 ? IO_RUNS_1M : IO_RUNS;
            List<Result> pools = new ArrayList<>();
            List<Result> raws = new ArrayList<>();
            List<Result> coldPools = new ArrayList<>();
            List<Result> coldRaws = new ArrayList<>();
            for (int p = 0; p < (quick ? 1 : IO_PROCESSES); p++) {
                pools.add(io(java, cp, "pool", n, r, false));
                raws.add(io(java, cp, "vthreads", n, r, false));
            }
            for (int p = 0; p < (quick ? 1 : IO_PROCESSES); p++) {
                coldPools.add(io(java, cp, "pool", n, 1, true));
                coldRaws.add(io(java, cp, "vthreads", n, 1, true));
            }
            IoStats pool = IoStats.of(pools, coldPools);
            IoStats raw = IoStats.of(raws, coldRaws);
            ioRow(String.format(Locale.ROOT, "%,d", n), "Pool.io(" + n + ").map", pool, n, raw);
            ioRow("", "raw virtual threads", raw, n, null);
            ioRows.add(new double[] {n, pool.wall / raw.wall});
            if (python != null) {
                int pr = n >= 1_000_000 ? 1 : n >= 100_000 ? 3 : 9;
                Result py = run(List.of("python3", python, "io", "" + n, "" + pr)).results.get(0);
                ioRow("", "python asyncio.gather", IoStats.of(List.of(py), List.of(py)), n, raw);
            }
        }
        System.out.println();

        // ---------------------------------------------------------------- targets
        System.out.println("targets (issue 5)");
        StringBuilder overheads = new StringBuilder();
        boolean overheadOk = true;
        StringBuilder ratios = new StringBuilder();
        boolean ratioOk = true;
        for (double[] row : cpuRows) {
            long size = (long) row[0];
            // Judged where 0.2 µs is at least 2% of a task's work, so that run-to-run noise (about 0.5% of a run)
            // cannot hide it; above, the figure is noise and only shown.
            if (size <= 10_000) {
                overheads.append(String.format(Locale.ROOT, " %s: %+.3f µs (parallelStream %+.3f);", nanosText(size), row[1],
                        row[3]));
                overheadOk &= row[1] <= OVERHEAD_TARGET_MICROS;
            }
            ratios.append(String.format(Locale.ROOT, " %s: %.3f", nanosText(size), row[2]));
            ratioOk &= row[2] >= STREAM_RATIO_TARGET;
        }
        target("Pool.cpu().map overhead <= 0.2 µs/task, auto-chunked (1 µs, 10 µs tasks)",
                overheads.toString().replaceAll(";$", ""), overheadOk);
        target("Pool speed-up >= 0.95 x list.parallelStream()'s, every size", ratios.toString(), ratioOk);
        StringBuilder io = new StringBuilder();
        boolean ioOk = true;
        for (double[] row : ioRows) {
            io.append(String.format(Locale.ROOT, " %,d: %+.1f%%", (long) row[0], 100 * (row[1] - 1)));
            ioOk &= row[1] <= 1 + IO_TARGET;
        }
        target("Pool.io wall within 10% of raw virtual threads", io.toString(), ioOk);
    }

    private static void target(String what, String measured, boolean ok) {
        System.out.printf(Locale.ROOT, "  %-74s %s%n      %s%n", what, ok ? "met" : "MISSED", measured.trim());
    }

    /** Prints one CPU row; returns the overhead per task in µs (NaN for a serial row). */
    private static double cpuRow(String size, long tasks, String label, Result r, double serialNs, long streamNs,
                                 boolean parallel) {
        double t = r.num("median");
        int workers = (int) r.num("workers");
        double overheadMicros = parallel ? (t * workers - serialNs) / tasks / 1e3 : Double.NaN;
        System.out.println(String.format(Locale.ROOT, "%-7s %8s  %-30s %10s %8.2fx %10s %14s", size, size.isEmpty() ? ""
                        : String.format(Locale.ROOT, "%,d", tasks), label, time(t), serialNs / t,
                streamNs > 0 ? String.format(Locale.ROOT, "%.3f", streamNs / t) : "",
                parallel ? String.format(Locale.ROOT, "%+.3f µs", overheadMicros) : "").stripTrailing());
        return overheadMicros;
    }

    private static Result io(String java, String cp, String impl, int n, int runs, boolean cold)
            throws IOException, InterruptedException {
        List<String> cmd = new ArrayList<>(List.of(java, IO_HEAP, "-cp", cp, PoolWorkloads.class.getName(), "io", impl, "" + n,
                "" + runs));
        if (cold) {
            cmd.add("cold");
        }
        return run(cmd).results.get(0);
    }

    /** Medians over every run of every warm process of one configuration, and over its cold processes. */
    record IoStats(int runs, double wall, double cpu, double coldWall, double hwmKib) {
        static IoStats of(List<Result> processes, List<Result> colds) {
            List<Long> walls = new ArrayList<>();
            List<Long> cpus = new ArrayList<>();
            for (Result r : processes) {
                for (String v : r.get("walls").split(",")) {
                    walls.add(Long.parseLong(v));
                }
                for (String v : r.get("cpus").split(",")) {
                    cpus.add(Long.parseLong(v));
                }
            }
            List<Long> coldWalls = new ArrayList<>();
            List<Long> hwms = new ArrayList<>();
            for (Result c : colds) {
                coldWalls.add(Long.parseLong(c.get("walls").split(",")[0]));
                hwms.add(c.num("hwm_kib"));
            }
            return new IoStats(walls.size(), median(walls), median(cpus), median(coldWalls), median(hwms));
        }

        private static double median(List<Long> values) {
            List<Long> sorted = new ArrayList<>(values);
            sorted.sort(null);
            int n = sorted.size();
            return n % 2 == 1 ? sorted.get(n / 2) : (sorted.get(n / 2 - 1) + sorted.get(n / 2)) / 2.0;
        }
    }

    private static void ioRow(String tasks, String label, IoStats s, int n, IoStats raw) {
        // The process CPU clock ticks in 10 ms steps: below 100 ms per run its per-task figure would be mostly rounding.
        String cpu = s.cpu >= 100_000_000 ? String.format(Locale.ROOT, "%.2f µs", s.cpu / n / 1e3) : "-";
        String versus = raw == null ? "" : String.format(Locale.ROOT, "%+.1f%%, %+.0f%%, %+.0f%%", 100 * (s.wall / raw.wall - 1),
                100 * (s.coldWall / raw.coldWall - 1), 100 * (s.hwmKib / raw.hwmKib - 1));
        System.out.println(String.format(Locale.ROOT, "%-10s %-24s %5d %9s %10s %10s %6.0f MiB  %s", tasks, label, s.runs,
                String.format(Locale.ROOT, "%.3f s", s.wall / 1e9), cpu, String.format(Locale.ROOT, "%.3f s", s.coldWall / 1e9),
                s.hwmKib / 1024.0, versus).stripTrailing());
    }

    private static String time(double ns) {
        if (ns >= 1e9) {
            return String.format(Locale.ROOT, "%.2f s", ns / 1e9);
        }
        if (ns >= 1e6) {
            return String.format(Locale.ROOT, "%.1f ms", ns / 1e6);
        }
        if (ns >= 1e3) {
            return String.format(Locale.ROOT, "%.2f µs", ns / 1e3);
        }
        return String.format(Locale.ROOT, "%.0f ns", ns);
    }

    private static String nanosText(long ns) {
        return ns >= 1_000_000 ? ns / 1_000_000 + " ms" : ns >= 1_000 ? ns / 1_000 + " µs" : ns + " ns";
    }

    private static Result find(List<Result> results, String kind, long size, String config) {
        for (Result r : results) {
            if (r.values().containsKey("size") && r.num("size") == size && r.get("config").equals(config)) {
                return r;
            }
        }
        throw new IllegalStateException("no " + kind + " result for size " + size + " and " + config);
    }

    record RunOutput(List<Result> results, Map<String, String> calibration) {
    }

    private static RunOutput run(List<String> cmd) throws IOException, InterruptedException {
        String out = output(cmd);
        List<Result> results = new ArrayList<>();
        Map<String, String> calibration = new HashMap<>();
        for (String line : out.split("\n")) {
            if (line.startsWith("RESULT ")) {
                results.add(new Result(keyValues(line)));
            } else if (line.startsWith("CALIBRATION ")) {
                calibration.putAll(keyValues(line));
            }
        }
        if (results.isEmpty()) {
            throw new IllegalStateException("no RESULT line from " + String.join(" ", cmd) + "\n" + out);
        }
        return new RunOutput(results, calibration);
    }

    private static Map<String, String> keyValues(String line) {
        Map<String, String> kv = new HashMap<>();
        for (String part : line.split(" ")) {
            int eq = part.indexOf('=');
            if (eq > 0) {
                kv.put(part.substring(0, eq), part.substring(eq + 1));
            }
        }
        return kv;
    }

    private static String output(List<String> cmd) throws IOException, InterruptedException {
        Process p = new ProcessBuilder(cmd).redirectErrorStream(true).start();
        String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        if (!p.waitFor(20, TimeUnit.MINUTES) || p.exitValue() != 0) {
            throw new IllegalStateException("benchmark run failed: " + String.join(" ", cmd) + "\n" + out);
        }
        return out;
    }
}
