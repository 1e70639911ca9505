package io.speedkit.timeit;

/**
 * One timed run of a statement: what warm-up, autorange and repeat are made of. {@link Timer} makes
 * one from a lambda; {@code speedkit timeit} from a compiled snippet.
 */
@FunctionalInterface
public interface Batch {
    /**
     * Runs the setup, then the statement {@code number} times, and returns how long the statement's
     * loop took in the timer's nanoseconds (the setup is not timed, as in Python's timeit).
     */
    long time(long number);
}
