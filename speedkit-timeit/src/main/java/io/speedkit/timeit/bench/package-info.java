/**
 * Whole-program timing for {@code speedkit bench}: run a Java program in fresh JVMs under several JVM
 * option sets and compare them — the JVM's answer to the advice "try a faster runtime".
 *
 * <ul>
 *   <li>{@link io.speedkit.timeit.bench.BenchPlan} says what to run, {@link io.speedkit.timeit.bench.Bench}
 *       runs it with an injected {@link io.speedkit.timeit.bench.Launcher} and clock;</li>
 *   <li>{@link io.speedkit.timeit.bench.ProcessLauncher} is the real launcher and explains how CPU time
 *       and peak RSS of a child process are measured on Linux;</li>
 *   <li>{@link io.speedkit.timeit.bench.RunSample}, {@link io.speedkit.timeit.bench.Summary},
 *       {@link io.speedkit.timeit.bench.Ratio} and {@link io.speedkit.timeit.bench.Failure} are the
 *       immutable values; {@link io.speedkit.timeit.bench.BenchReport} and
 *       {@link io.speedkit.timeit.bench.BenchJson} their two outputs.</li>
 * </ul>
 */
package io.speedkit.timeit.bench;
