package io.speedkit.pool;

import java.io.Serializable;
import java.util.concurrent.Callable;

/**
 * One piece of work for {@link Pool#submit(Task)}: Python's {@code apply_async(func, args)} is
 * {@code pool.submit(() -> func(args))}. A {@link Callable} that is {@link Serializable} (see {@link Fn}); an
 * existing {@code Callable c} is passed as {@code c::call}.
 *
 * @param <R> the result type
 */
@FunctionalInterface
public interface Task<R> extends Callable<R>, Serializable {
}
