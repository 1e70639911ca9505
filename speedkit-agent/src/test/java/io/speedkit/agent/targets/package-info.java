/**
 * Target programs of the agent tests. They are loaded ONLY by {@code InstrumentingLoader} (child-first
 * for this package), which instruments them; test code names them by string, never by type, so the
 * application class loader never loads an uninstrumented copy. Expected counts are inline comments,
 * {@code // calls=N} or {@code // calls=N/P} (total/primitive) as pstats prints them; times are in
 * {@code Ticks}, advanced by the targets themselves.
 */
package io.speedkit.agent.targets;
