package io.speedkit.timeit;

import io.speedkit.timeit.internal.PyFloat;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.Optional;

/**
 * What {@code python -m timeit} prints, byte for byte, in every locale (python-tools.md §2.2):
 *
 * <pre>
 * 200000 loops, best of 5: 625 nsec per loop
 * </pre>
 *
 * and with {@code -v} the autorange trials ({@code 1 loop -> 2.71e-06 secs}), a blank line, the raw
 * times of the repeats ({@code raw times: 460 msec, 534 msec, ...}), a blank line; each extra
 * {@code -v} adds a significant digit. On standard error, when the slowest repeat took four times the
 * fastest or more: {@code :0: UserWarning: The test results are likely unreliable. The worst time (1.23
 * usec) was more than four times slower than the best time (270 nsec).}
 *
 * <p>One addition to Python's verbose output: the first line says what the warm-up did, e.g.
 * {@code warm-up: 183 batches in 0.214 secs, JIT settled at 2.31 nsec per loop}.
 *
 * @param verbose  how many {@code -v} were given
 * @param unit     the unit of {@code -u}, or null to pick one per value as Python does
 * @param warmup   what the warm-up did ({@link Warmup.Result#SKIPPED} for none)
 * @param trials   the autorange trials run, in order (empty with {@code -n})
 * @param number   loops per repeat
 * @param raw      seconds of each repeat (totals, not per loop)
 */
public record TimeitReport(int verbose, Unit unit, Warmup.Result warmup, List<Autorange> trials, long number,
        List<Double> raw) {

    /** The units of {@code -u}, with Python's names. */
    public enum Unit {
        NSEC("nsec", 1e-9), USEC("usec", 1e-6), MSEC("msec", 1e-3), SEC("sec", 1.0);

        private final String label;
        private final double scale;

        Unit(String label, double scale) {
            this.label = label;
            this.scale = scale;
        }

        /** Python's name: nsec, usec, msec or sec. */
        public String label() {
            return label;
        }

        /** {@code nsec}, {@code usec}, {@code msec} or {@code sec}. */
        public static Unit parse(String name) {
            for (Unit u : values()) {
                if (u.label.equals(name)) {
                    return u;
                }
            }
            throw new IllegalArgumentException("unrecognized unit '" + name + "'; valid units: nsec, usec, msec, sec");
        }
    }

    public TimeitReport {
        if (verbose < 0) {
            throw new IllegalArgumentException("verbose must be >= 0, got " + verbose);
        }
        Objects.requireNonNull(warmup, "warmup");
        trials = List.copyOf(trials);
        raw = List.copyOf(raw);
        if (number < 1) {
            throw new IllegalArgumentException("number must be >= 1, got " + number);
        }
        if (raw.isEmpty()) {
            throw new IllegalArgumentException("raw must hold at least one repeat's time");
        }
    }

    /** Significant digits: 3, and one more for each {@code -v} after the first. */
    public int precision() {
        return 3 + Math.max(0, verbose - 1);
    }

    /** What goes to standard output. */
    public String output() {
        StringBuilder b = new StringBuilder();
        int p = precision();
        if (verbose > 0) {
            if (!warmup.skipped()) {
                b.append(warmupLine()).append('\n');
            }
            for (Autorange t : trials) {
                b.append(t.number()).append(" loop").append(t.number() == 1 ? "" : "s").append(" -> ")
                        .append(PyFloat.g(t.seconds(), p)).append(" secs\n");
            }
            if (!trials.isEmpty() || !warmup.skipped()) {
                b.append('\n');
            }
            b.append("raw times: ");
            for (int i = 0; i < raw.size(); i++) {
                b.append(i == 0 ? "" : ", ").append(formatTime(raw.get(i)));
            }
            b.append("\n\n");
        }
        b.append(String.format(Locale.ROOT, "%d loop%s, best of %d: %s per loop\n", number, number == 1 ? "" : "s",
                raw.size(), formatTime(best())));
        return b.toString();
    }

    /** Python's warning for standard error (one line with its newline), if the repeats varied fourfold or more. */
    public Optional<String> warning() {
        double best = best();
        double worst = raw.stream().mapToDouble(Double::doubleValue).max().orElseThrow() / number;
        if (worst >= best * 4) {
            return Optional.of(":0: UserWarning: The test results are likely unreliable. The worst time ("
                    + formatTime(worst) + ") was more than four times slower than the best time (" + formatTime(best)
                    + ").\n");
        }
        return Optional.empty();
    }

    /** The best time per loop in seconds: the fastest repeat divided by the loop count. */
    public double best() {
        return raw.stream().mapToDouble(Double::doubleValue).min().orElseThrow() / number;
    }

    /** Python's {@code format_time}: {@code "%.*g %s" % (precision, dt / scale, unit)}. */
    public String formatTime(double seconds) {
        return formatTime(seconds, unit, precision());
    }

    /**
     * Python's {@code format_time}: in {@code unit}, or else in the largest unit the value is at least one
     * of (nsec below that).
     */
    public static String formatTime(double seconds, Unit unit, int precision) {
        Unit u = unit;
        if (u == null) {
            u = Unit.NSEC;
            for (Unit candidate : new Unit[] {Unit.SEC, Unit.MSEC, Unit.USEC, Unit.NSEC}) {
                if (seconds >= candidate.scale) {
                    u = candidate;
                    break;
                }
            }
        }
        // dt / scale, not dt * 1e9: the same floating-point division as Python, so the same last digit.
        return PyFloat.g(seconds / u.scale, precision) + " " + u.label;
    }

    private String warmupLine() {
        String perLoop = Double.isNaN(warmup.nanosPerLoop()) ? "?" : formatTime(warmup.nanosPerLoop() / 1e9);
        return "warm-up: " + warmup.batches() + " batch" + (warmup.batches() == 1 ? "" : "es") + " in "
                + PyFloat.g(warmup.elapsedNanos() / 1e9, precision()) + " secs, "
                + (warmup.settled() ? "JIT settled at " + perLoop + " per loop"
                        : "JIT not settled within the time allowed (best " + perLoop + " per loop)");
    }
}
