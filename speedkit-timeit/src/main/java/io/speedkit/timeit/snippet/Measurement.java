package io.speedkit.timeit.snippet;

import io.speedkit.timeit.Autorange;
import io.speedkit.timeit.TimeitReport;
import io.speedkit.timeit.Warmup;
import java.util.List;
import java.util.Objects;

/**
 * What timing a snippet measured.
 *
 * @param warmup what the warm-up did
 * @param trials the autorange trials after it (none with a given loop count)
 * @param number loops per repeat
 * @param raw    seconds of each repeat
 */
public record Measurement(Warmup.Result warmup, List<Autorange> trials, long number, List<Double> raw) {
    public Measurement {
        Objects.requireNonNull(warmup, "warmup");
        trials = List.copyOf(trials);
        raw = List.copyOf(raw);
        if (number < 0) {
            throw new IllegalArgumentException("number must be >= 0, got " + number);
        }
    }

    /** Python's report of it. */
    public TimeitReport report(int verbose, TimeitReport.Unit unit) {
        return new TimeitReport(verbose, unit, warmup, trials, number, raw);
    }
}
