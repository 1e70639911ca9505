/**
 * JIT-aware timing, from a block to one line: Python's {@code time} and {@code timeit} with JMH's guards.
 *
 * <ul>
 *   <li>{@link io.speedkit.timeit.Stopwatch}: time a block by hand, with laps and readable units;</li>
 *   <li>{@link io.speedkit.timeit.Timer} and the one-liners of {@link io.speedkit.timeit.Timeit}: Python's
 *       timeit for lambdas — {@code timeit(number)}, {@code repeat(repeat, number)}, {@code autorange()} —
 *       after a {@link io.speedkit.timeit.Warmup} that waits for the JIT, with values consumed by a
 *       {@link io.speedkit.timeit.Blackhole};</li>
 *   <li>{@link io.speedkit.timeit.Autorange} and {@link io.speedkit.timeit.Batch}: the loop-count search
 *       and the unit it works on;</li>
 *   <li>{@link io.speedkit.timeit.TimeitReport}: {@code python -m timeit}'s output, byte for byte.</li>
 * </ul>
 * {@code speedkit timeit}'s snippet compiler and forked JVM are in {@link io.speedkit.timeit.snippet};
 * whole-program timing ({@code speedkit bench}) in {@code io.speedkit.timeit.bench}.
 */
package io.speedkit.timeit;
