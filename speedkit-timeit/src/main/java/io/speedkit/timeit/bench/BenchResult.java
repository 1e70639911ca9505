package io.speedkit.timeit.bench;

import java.util.List;
import java.util.Optional;

/**
 * Every set's outcome, in the plan's order. Ratios compare each set with the reference: the first set
 * that did not fail.
 *
 * @param plan what was run
 * @param sets one result per option set of the plan
 */
public record BenchResult(BenchPlan plan, List<SetResult> sets) {

    public BenchResult {
        sets = List.copyOf(sets);
        if (sets.size() != plan.sets().size()) {
            throw new IllegalArgumentException("the plan has " + plan.sets().size() + " sets, got results of " + sets.size());
        }
    }

    /** The set the ratios are relative to: the first one that did not fail. */
    public Optional<SetResult> reference() {
        return sets.stream().filter(s -> s.failure().isEmpty()).findFirst();
    }

    /**
     * {@code set}'s mean wall time relative to the reference's; exactly 1 with no deviation for the
     * reference itself; empty when either has no summary.
     */
    public Optional<Ratio> ratio(SetResult set) {
        Optional<SetResult> refSet = reference();
        Optional<Summary> ref = refSet.flatMap(SetResult::summary);
        Optional<Summary> own = set.summary();
        if (ref.isEmpty() || own.isEmpty()) {
            return Optional.empty();
        }
        if (refSet.get().index() == set.index()) {
            return Optional.of(new Ratio(1, 0));
        }
        return Optional.of(Ratio.of(own.get(), ref.get()));
    }

    /** True when some set stopped at a failing run. */
    public boolean failed() {
        return sets.stream().anyMatch(s -> s.failure().isPresent());
    }
}
