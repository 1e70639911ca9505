package io.speedkit.timeit.bench;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.ReentrantLock;

/**
 * The real {@link Launcher}: a {@link ProcessBuilder} process, with its CPU time and peak memory read from
 * Linux's {@code /proc}. Elsewhere those two are {@link RunSample#NOT_AVAILABLE}; the exit code and the
 * wall time (measured by {@link Bench}) are known everywhere.
 *
 * <h2>How user and system CPU time are measured</h2>
 * Java's {@link Process} API has no {@code rusage}: {@code ProcessHandle.Info.totalCpuDuration()} is one
 * number, user + system together, and only while the process lives, so the last moments (JVM shutdown) are
 * lost. What is exact is the kernel's own accounting at reaping time: when a parent reaps a child with
 * {@code waitpid}, the kernel adds the child's whole user and system time — every thread, every moment up
 * to its exit, plus its own reaped children — to the parent's "children" counters, the ones
 * {@code getrusage(RUSAGE_CHILDREN)} and the shell's {@code times} builtin report. Linux shows them in
 * {@code /proc/self/stat} as {@code cutime} and {@code cstime} (fields 16 and 17). The JDK reaps a
 * {@code ProcessBuilder} child from a thread of this very JVM before {@link Process#waitFor()} returns, so
 * reading the two fields before the start and after {@code waitFor} gives exactly the child's times, with
 * no wrapper process, no native code and no flag injected into the program's JVM.
 * <ul>
 *   <li>Resolution: the fields count clock ticks of {@code USER_HZ}, which is 100 on every Linux
 *       architecture Java runs on (it is fixed by the kernel's user ABI, unlike the kernel's {@code HZ}),
 *       so each number is a multiple of 10 ms. A JVM run costs 100 ms of CPU or more; the mean over the
 *       runs is finer than one run.</li>
 *   <li>Caveat: the delta counts every child this JVM reaps meanwhile. speedkit starts nothing else
 *       during a run, and the runs of all launchers in this JVM are serialized by one lock.</li>
 * </ul>
 * Rejected alternatives: {@code /usr/bin/time} is not installed everywhere; a {@code bash -c '...; times'}
 * wrapper adds a process to every run and reports the same counters; a shutdown hook or
 * {@code JAVA_TOOL_OPTIONS} agent in the child changes the program, prints "Picked up ...", and misses
 * everything after the hook (and {@code Runtime.halt} entirely).
 *
 * <h2>How peak RSS is measured</h2>
 * The kernel keeps each process's resident-set high-water mark, {@code VmHWM} in
 * {@code /proc/<pid>/status} — the value {@code getrusage} reports as {@code ru_maxrss} and GNU time as
 * "Maximum resident set size". That number is not among the counters passed to the parent (only the max
 * over all children ever reaped is, useless per run), and it vanishes when the process exits. So while the
 * child runs, the waiting thread reads it every {@value #POLL_MILLIS} ms (one small file read, no extra
 * thread): as a high-water mark it keeps any peak reached before a read, so the only thing that can be
 * missed is growth in the last interval before the exit — a JVM's memory rarely grows while it shuts
 * down. The result is a lower bound, within a few MiB of GNU time's in practice, and n/a for a process
 * that ended before the first read.
 */
public final class ProcessLauncher implements Launcher {

    /** How often the peak RSS is read while the program runs. */
    static final long POLL_MILLIS = 5;

    /** {@code USER_HZ}: the unit of {@code /proc}'s CPU times is 1/100 s on Linux. */
    private static final long NANOS_PER_TICK = 10_000_000L;

    private static final Path SELF_STAT = Path.of("/proc/self/stat");

    /** Runs of all launchers of this JVM, one at a time: the children's CPU counters are process-wide. */
    private static final ReentrantLock ONE_RUN_AT_A_TIME = new ReentrantLock();

    private enum Output { DISCARD, INHERIT, COPY }

    private final Output output;
    private final OutputStream out;
    private final OutputStream err;
    private volatile Process running;

    private ProcessLauncher(Output output, OutputStream out, OutputStream err) {
        this.output = output;
        this.out = out;
        this.err = err;
    }

    /** The program's stdout and stderr are thrown away, as hyperfine does by default. */
    public static ProcessLauncher discardingOutput() {
        return new ProcessLauncher(Output.DISCARD, null, null);
    }

    /** The program writes to this process's own stdout and stderr (the terminal, usually). */
    public static ProcessLauncher inheritingOutput() {
        return new ProcessLauncher(Output.INHERIT, null, null);
    }

    /** The program's stdout and stderr are copied to {@code out} and {@code err}, which are flushed, not closed. */
    public static ProcessLauncher copyingOutput(OutputStream out, OutputStream err) {
        return new ProcessLauncher(Output.COPY, out, err);
    }

    /**
     * Runs the command with its standard input at end of file: a benchmarked program must not wait for
     * the keyboard.
     */
    @Override
    public ProcessExit run(List<String> command) throws IOException, InterruptedException {
        ONE_RUN_AT_A_TIME.lockInterruptibly();
        try {
            return runAlone(command);
        } finally {
            ONE_RUN_AT_A_TIME.unlock();
        }
    }

    /** Destroys the process of the run in progress, if any: for a shutdown hook when speedkit is stopped. */
    public void stop() {
        Process p = running;
        if (p != null) {
            p.destroy();
        }
    }

    private ProcessExit runAlone(List<String> command) throws IOException, InterruptedException {
        ProcessBuilder pb = new ProcessBuilder(command);
        switch (output) {
            case DISCARD -> pb.redirectOutput(ProcessBuilder.Redirect.DISCARD).redirectError(ProcessBuilder.Redirect.DISCARD);
            case INHERIT -> pb.redirectOutput(ProcessBuilder.Redirect.INHERIT).redirectError(ProcessBuilder.Redirect.INHERIT);
            case COPY -> {
                // pipes, pumped below
            }
        }
        long[] before = childTicks();
        Process p = pb.start();
        running = p;
        try {
            p.getOutputStream().close(); // stdin at end of file
            List<Thread> pumps = new ArrayList<>();
            if (output == Output.COPY) {
                pumps.add(pump(p.getInputStream(), out));
                pumps.add(pump(p.getErrorStream(), err));
            }
            Path status = Path.of("/proc", Long.toString(p.pid()), "status");
            long peak = RunSample.NOT_AVAILABLE;
            boolean polling = before != null;
            while (true) {
                if (polling) {
                    long hwm = highWaterMark(status);
                    peak = Math.max(peak, hwm);
                }
                if (p.waitFor(POLL_MILLIS, TimeUnit.MILLISECONDS)) {
                    break;
                }
            }
            // After waitFor the JDK's reaper has called waitpid: the child's times are in our counters.
            long[] after = before == null ? null : childTicks();
            for (Thread t : pumps) {
                t.join();
            }
            long user = RunSample.NOT_AVAILABLE;
            long system = RunSample.NOT_AVAILABLE;
            if (after != null && after[0] >= before[0] && after[1] >= before[1]) {
                user = (after[0] - before[0]) * NANOS_PER_TICK;
                system = (after[1] - before[1]) * NANOS_PER_TICK;
            }
            return new ProcessExit(p.exitValue(), user, system, peak);
        } catch (InterruptedException e) {
            p.destroyForcibly();
            throw e;
        } finally {
            running = null;
        }
    }

    /**
     * This process's {@code cutime} and {@code cstime} in ticks, or null where there is no Linux
     * {@code /proc}. The command name (field 2) may hold blanks and parentheses, so fields are counted from
     * the last {@code ')'}: state is field 3, cutime 16, cstime 17.
     */
    static long[] childTicks() {
        try {
            String stat = Files.readString(SELF_STAT, StandardCharsets.US_ASCII);
            String[] f = stat.substring(stat.lastIndexOf(')') + 2).trim().split(" ");
            return new long[] {Long.parseLong(f[13]), Long.parseLong(f[14])};
        } catch (IOException | RuntimeException e) {
            return null;
        }
    }

    /** {@code VmHWM} in bytes, or NOT_AVAILABLE when the process is gone or has no memory of its own (a zombie). */
    static long highWaterMark(Path status) {
        byte[] text;
        try {
            text = Files.readAllBytes(status);
        } catch (IOException | RuntimeException e) {
            return RunSample.NOT_AVAILABLE;
        }
        String s = new String(text, StandardCharsets.US_ASCII);
        int at = s.indexOf("\nVmHWM:");
        if (at < 0) {
            return RunSample.NOT_AVAILABLE;
        }
        int end = s.indexOf('\n', at + 1);
        String value = s.substring(at + "\nVmHWM:".length(), end < 0 ? s.length() : end).trim(); // "329428 kB"
        int blank = value.indexOf(' ');
        try {
            return Long.parseLong(blank < 0 ? value : value.substring(0, blank)) * 1024;
        } catch (NumberFormatException e) {
            return RunSample.NOT_AVAILABLE;
        }
    }

    private static Thread pump(InputStream from, OutputStream to) {
        Thread t = new Thread(() -> {
            try {
                from.transferTo(to);
            } catch (IOException ignored) {
                // the program closed its stream, or ours is gone: nothing to keep
            }
            try {
                to.flush();
            } catch (IOException ignored) {
                // as above
            }
        }, "speedkit-bench-output");
        t.setDaemon(true);
        t.start();
        return t;
    }
}
