package io.speedkit.agent;

/**
 * Where the instrumenter registers the functions it instruments. In the profiled JVM this is the probe's
 * table on the boot class path; in unit tests, a plain list.
 */
public interface FunctionTable {
    /** Registers {@code (file, line, name)} and returns the id baked into the bytecode. */
    int register(String file, int line, String name);
}
