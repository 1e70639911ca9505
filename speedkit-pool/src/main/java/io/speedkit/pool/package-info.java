/**
 * Python's {@code multiprocessing.Pool} and asyncio's helpers for Java: {@link io.speedkit.pool.Pool} maps a
 * function over many items on the cores ({@code Pool.cpu()}) or on capped virtual threads
 * ({@code Pool.io(n)}), with chunking, bounded buffering, ordered and unordered results, per-item errors or
 * outcomes, and progress ({@link io.speedkit.pool.ProgressBar}); {@link io.speedkit.pool.Async} has gather,
 * timeout and first-successful. Implementation details live in {@code io.speedkit.pool.internal}.
 */
package io.speedkit.pool;
