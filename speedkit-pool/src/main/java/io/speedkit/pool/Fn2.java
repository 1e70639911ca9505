package io.speedkit.pool;

import java.io.Serializable;

/**
 * A two-argument function for {@link Pool#starmap(Fn2, Iterable)}: each {@link Args.Two} item is unpacked into
 * its arguments, as Python's {@code starmap} unpacks tuples. Serializable for the same reason as {@link Fn}.
 */
@FunctionalInterface
public interface Fn2<A, B, R> extends Serializable {
    /** Computes the result for one pair of arguments. */
    R apply(A first, B second) throws Exception;
}
