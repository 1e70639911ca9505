package io.speedkit.timeit.bench;

import java.util.Locale;

/**
 * The run that ended a set: the program exited with a non-zero code. The set stops there — a failing run
 * is never averaged in nor silently skipped.
 *
 * @param exitCode the program's exit code, not 0
 * @param warmup   whether it was a warm-up run
 * @param run      which run, from 1
 * @param of       how many runs of that kind the set was to have
 */
public record Failure(int exitCode, boolean warmup, int run, int of) {
    public Failure {
        if (exitCode == 0) {
            throw new IllegalArgumentException("a failure needs a non-zero exit code");
        }
        if (run < 1 || run > of) {
            throw new IllegalArgumentException("need 1 <= run <= of, got run " + run + " of " + of);
        }
    }

    /** {@code exit code 3 in run 4 of 10} or {@code exit code 1 in warm-up run 1 of 1}. */
    public String describe() {
        return String.format(Locale.ROOT, "exit code %d in %srun %d of %d", exitCode, warmup ? "warm-up " : "", run, of);
    }
}
