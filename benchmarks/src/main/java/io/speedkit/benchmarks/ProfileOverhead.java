package io.speedkit.benchmarks;

import io.speedkit.profiler.Stats;
import io.speedkit.profiler.data.ProfileData;
import io.speedkit.profiler.data.ProfileReader;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.TimeUnit;

/**
 * What profiling costs, in one run: each workload plain, under speedkit's agent and under JDK 25's own
 * JFR method timing, and — when python3 is present — the Python twin plain and under cProfile. Prints the
 * slowdown and the nanoseconds added per profiled call.
 *
 * <p>Each configuration runs in a fresh JVM, warms up, then takes the median of the measured repetitions.
 * Calls per repetition are the workload's analytical count, checked against speedkit's own profile of the
 * same run.
 *
 * <p>usage: {@code ProfileOverhead <agent jar> <benchmarks class path> [python workloads.py]}
 */
public final class ProfileOverhead {
    private static final int WARMUP = 5;
    private static final int REPS = 11;

    private ProfileOverhead() {
    }

    record Result(long calls, long best, long median) {
    }

    public static void main(String[] args) throws Exception {
        Path agent = Path.of(args[0]);
        String cp = args[1];
        Path python = args.length > 2 ? Path.of(args[2]) : null;
        String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
        Path tmp = Files.createTempDirectory("speedkit-bench");

        System.out.printf(Locale.ROOT, "speedkit profile overhead -- %s, %d cores, clock source %s%n",
                System.getProperty("java.vm.name") + " " + Runtime.version(), Runtime.getRuntime().availableProcessors(),
                clockSource());
        System.out.printf(Locale.ROOT, "median of %d repetitions after %d warm-up, each configuration in a fresh process%n%n", REPS,
                WARMUP);
        System.out.printf(Locale.ROOT, "%-36s %12s %12s %9s %14s%n", "workload / profiler", "calls/rep", "time/rep", "slowdown",
                "added/call");

        for (String w : List.of("fib", "objects")) {
            Result plain = run(List.of(java, "-cp", cp, Workloads.class.getName(), w, "" + WARMUP, "" + REPS));
            Path prof = tmp.resolve(w + ".prof");
            Result sk = run(List.of(java, "-javaagent:" + agent + "=output=" + prof, "-cp", cp, Workloads.class.getName(), w,
                    "" + WARMUP, "" + REPS));
            long profiled = profiledCalls(prof);
            long expected = (long) (WARMUP + REPS) * sk.calls();
            // The profile also holds the set-up (main, constructors): less than one repetition's calls.
            if (profiled < expected || profiled > expected + sk.calls()) {
                throw new IllegalStateException(w + ": the profile counts " + profiled + " calls, the workload expects "
                        + expected + " plus set-up");
            }
            String timed = w.equals("fib") ? "io.speedkit.benchmarks.Workloads::fib"
                    : "io.speedkit.benchmarks.Workloads$Vec;io.speedkit.benchmarks.Workloads$Particle;"
                            + "io.speedkit.benchmarks.Workloads$Gravity;io.speedkit.benchmarks.Workloads$Spring;"
                            + "io.speedkit.benchmarks.Workloads$Drag";
            Result jfr = run(List.of(java, "-XX:StartFlightRecording:method-timing=" + timed + ",filename=" + tmp.resolve(w + ".jfr"),
                    "-Xlog:jfr+startup=warning", "-cp", cp, Workloads.class.getName(), w, "" + WARMUP, "" + REPS));

            String name = w.equals("fib") ? "fib(32)" : "objects (20,000 particles)";
            line(name + " plain java", plain.calls(), plain, plain);
            line("  speedkit profile", sk.calls(), sk, plain);
            line("  JFR method timing", sk.calls(), jfr, plain);
            if (python != null) {
                Result py = run(List.of("python3", python.toString(), w, "" + 3, "" + 7));
                Result cp2 = run(List.of("python3", python.toString(), w, "" + 3, "" + 7, "--cprofile"));
                String pyName = w.equals("fib") ? "python fib(25) plain" : "python objects (2,000) plain";
                line(pyName, cp2.calls(), py, py);
                line("  cProfile", cp2.calls(), cp2, py);
            }
            System.out.println();
        }
        if (python == null) {
            System.out.println("python3 not found: the cProfile rows are skipped");
        }
        System.out.println("target: speedkit adds <= 60 ns per call (two System.nanoTime reads are the floor)");
        try (var files = Files.list(tmp)) {
            for (Path f : files.toList()) {
                Files.delete(f);
            }
        }
        Files.delete(tmp);
    }

    private static void line(String name, long calls, Result r, Result plain) {
        double slow = (double) r.median() / plain.median();
        String added = r == plain ? "" : String.format(Locale.ROOT, "%+.1f ns", (r.median() - plain.median()) / (double) calls);
        System.out.printf(Locale.ROOT, "%-36s %,12d %12s %8.1fx %14s%n", name, calls, ms(r.median()), slow, added);
    }

    private static String ms(long ns) {
        return String.format(Locale.ROOT, "%.2f ms", ns / 1e6);
    }

    private static long profiledCalls(Path prof) throws IOException {
        try (InputStream in = Files.newInputStream(prof)) {
            ProfileData data = ProfileReader.read(in);
            return Stats.of(data).totalCalls();
        }
    }

    private static Result run(List<String> cmd) throws IOException, InterruptedException {
        Process p = new ProcessBuilder(cmd).redirectErrorStream(true).start();
        String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        if (!p.waitFor(10, TimeUnit.MINUTES) || p.exitValue() != 0) {
            throw new IllegalStateException("benchmark run failed: " + String.join(" ", cmd) + "\n" + out);
        }
        for (String line : out.split("\n")) {
            if (line.startsWith("RESULT ")) {
                Map<String, String> kv = new HashMap<>();
                for (String part : line.split(" ")) {
                    int eq = part.indexOf('=');
                    if (eq > 0) {
                        kv.put(part.substring(0, eq), part.substring(eq + 1));
                    }
                }
                return new Result(Long.parseLong(kv.get("calls")), Long.parseLong(kv.get("best")), Long.parseLong(kv.get("median")));
            }
        }
        throw new IllegalStateException("no RESULT line from " + String.join(" ", cmd) + "\n" + out);
    }

    private static String clockSource() {
        try {
            return Files.readString(Path.of("/sys/devices/system/clocksource/clocksource0/current_clocksource")).trim();
        } catch (IOException e) {
            return "unknown";
        }
    }

}
