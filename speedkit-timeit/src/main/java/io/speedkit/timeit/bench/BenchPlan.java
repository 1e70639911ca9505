package io.speedkit.timeit.bench;

import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

/**
 * What to run: for each JVM option set, {@code launch + set's options + program}, {@code warmup} runs
 * discarded and then {@code runs} measured, each a new process.
 *
 * @param launch  the executable and what comes before the set's options, e.g. {@code [/jdk/bin/java, -Xmx1g]}
 * @param sets    the option sets to compare, in order; the first is the reference of the ratios
 * @param program what comes after the set's options: what the user would give java
 * @param warmup  runs per set whose numbers are discarded, >= 0
 * @param runs    measured runs per set, >= 1
 */
public record BenchPlan(List<String> launch, List<OptionSet> sets, List<String> program, int warmup, int runs) {

    public BenchPlan {
        launch = List.copyOf(launch);
        sets = List.copyOf(sets);
        program = List.copyOf(program);
        if (launch.isEmpty()) {
            throw new IllegalArgumentException("launch needs at least the executable");
        }
        if (sets.isEmpty()) {
            throw new IllegalArgumentException("need at least one option set (OptionSet.DEFAULTS for none)");
        }
        if (warmup < 0) {
            throw new IllegalArgumentException("warmup must be >= 0, got " + warmup);
        }
        if (runs < 1) {
            throw new IllegalArgumentException("runs must be >= 1, got " + runs);
        }
    }

    /** The full command of one set's runs. */
    public List<String> commandFor(OptionSet set) {
        Objects.requireNonNull(set, "set");
        List<String> cmd = new ArrayList<>(launch);
        cmd.addAll(set.options());
        cmd.addAll(program);
        return List.copyOf(cmd);
    }
}
