package io.speedkit.timeit.bench;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.List;
import java.util.function.LongSupplier;

/**
 * A fake world for {@link Bench}: a launcher whose runs take scripted times on a fake clock and end with
 * scripted exits, and which records every command it was given.
 */
final class ScriptedLauncher implements Launcher, LongSupplier {
    private record Step(long nanos, ProcessExit exit) {
    }

    private final Deque<Step> steps = new ArrayDeque<>();
    final List<List<String>> commands = new ArrayList<>();
    private long now = 1_000_000_000L;

    /** The next run takes {@code millis} of wall time and ends with {@code exit}. */
    ScriptedLauncher then(double millis, ProcessExit exit) {
        steps.add(new Step(Math.round(millis * 1e6), exit));
        return this;
    }

    /** The next run takes {@code millis}, exits 0, used {@code userMs}/{@code sysMs} of CPU and {@code rssMiB}. */
    ScriptedLauncher ok(double millis, double userMs, double sysMs, double rssMiB) {
        return then(millis, new ProcessExit(0, Math.round(userMs * 1e6), Math.round(sysMs * 1e6), Math.round(rssMiB * 1024 * 1024)));
    }

    /** The next run takes {@code millis} and exits with {@code code}. */
    ScriptedLauncher exits(double millis, int code) {
        return then(millis, new ProcessExit(code, 0, 0, 0));
    }

    int remaining() {
        return steps.size();
    }

    @Override
    public ProcessExit run(List<String> command) {
        commands.add(command);
        Step s = steps.removeFirst();
        now += s.nanos;
        return s.exit;
    }

    @Override
    public long getAsLong() {
        return now;
    }
}
