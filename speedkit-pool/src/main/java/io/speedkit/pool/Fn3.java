package io.speedkit.pool;

import java.io.Serializable;

/**
 * A three-argument function for {@link Pool#starmap(Fn3, Iterable)}: each {@link Args.Three} item is unpacked
 * into its arguments. Serializable for the same reason as {@link Fn}.
 */
@FunctionalInterface
public interface Fn3<A, B, C, R> extends Serializable {
    /** Computes the result for one triple of arguments. */
    R apply(A first, B second, C third) throws Exception;
}
