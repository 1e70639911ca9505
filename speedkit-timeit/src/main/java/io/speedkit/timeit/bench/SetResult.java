package io.speedkit.timeit.bench;

import java.util.List;
import java.util.Optional;

/**
 * One option set's outcome: the measured runs in order and, if a run exited with a non-zero code, that
 * failure (the set stopped there; the runs before it are kept but not summarized).
 *
 * @param index   the set's number, from 1, in the plan's order
 * @param set     its JVM options
 * @param command the full command each run executed
 * @param samples the measured runs that succeeded, in order (warm-up runs are not kept)
 * @param failure the run that failed, if any
 */
public record SetResult(int index, OptionSet set, List<String> command, List<RunSample> samples, Optional<Failure> failure) {

    public SetResult {
        if (index < 1) {
            throw new IllegalArgumentException("index counts from 1, got " + index);
        }
        command = List.copyOf(command);
        samples = List.copyOf(samples);
        if (failure.isEmpty() && samples.isEmpty()) {
            throw new IllegalArgumentException("a set that did not fail has at least one measured run");
        }
    }

    /** The statistics of the runs; empty for a failed set, whose numbers would hide the failure. */
    public Optional<Summary> summary() {
        return failure.isPresent() ? Optional.empty() : Optional.of(Summary.of(samples));
    }
}
