package io.speedkit.pool;

import java.io.Serializable;

/**
 * The function a pool maps over the items: one item in, one result out. It may throw any exception
 * (checked ones too); the pool reports it with the item's index and value.
 *
 * <p>It is {@link Serializable} so that the same lambda also runs on backends in other JVMs
 * ({@code speedkit-cluster}), as Python's functions must be picklable for {@code multiprocessing}: a lambda
 * whose target type is {@code Fn} is serializable when what it captures is. Local pools never serialize it.
 *
 * @param <T> the item type
 * @param <R> the result type
 */
@FunctionalInterface
public interface Fn<T, R> extends Serializable {
    /** Computes the result for one item. */
    R apply(T item) throws Exception;
}
