package io.speedkit.timeit.bench;

import java.util.List;
import java.util.Objects;

/**
 * One JVM configuration to compare: the options given to {@code java} before the program, e.g.
 * {@code -Xint} or {@code -XX:TieredStopAtLevel=1}. An empty set is the JVM's defaults.
 *
 * @param options the JVM options, in order; may be empty
 */
public record OptionSet(List<String> options) {

    /** The JVM's defaults: no options. */
    public static final OptionSet DEFAULTS = new OptionSet(List.of());

    public OptionSet {
        Objects.requireNonNull(options, "options");
        options = List.copyOf(options);
    }

    /**
     * The set a shell would make of {@code text}: {@code "-Xmx1g -Dname='two words'"} is two options.
     *
     * @throws IllegalArgumentException when the text cannot be split (see {@link ShellWords#split})
     */
    public static OptionSet parse(String text) {
        return new OptionSet(ShellWords.split(text));
    }

    /** How the set is shown: its options as a shell would quote them, or {@code (no options)}. */
    public String label() {
        return options.isEmpty() ? "(no options)" : ShellWords.join(options);
    }
}
