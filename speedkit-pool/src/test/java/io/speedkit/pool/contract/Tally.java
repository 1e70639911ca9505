package io.speedkit.pool.contract;

import java.io.Serializable;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;

/**
 * A counter that tasks bump wherever they run, and the test reads: how the contract suite sees inside tasks
 * without capturing the test (tasks must stay serializable for remote backends). The default, {@link #local()},
 * lives in this JVM; a backend whose tasks run in other JVMs overrides {@link PoolContract#newTally()} with one
 * its workers can reach.
 */
public interface Tally extends Serializable {
    /** Adds one and returns the new value. */
    long increment();

    /** The current value. */
    long get();

    /** A fresh counter in this JVM's memory. */
    static Tally local() {
        return new Local(UUID.randomUUID().toString());
    }

    /** Looks its value up by name in a static map, so that a deserialized copy counts in the same place. */
    record Local(String name) implements Tally {
        private static final ConcurrentHashMap<String, AtomicLong> VALUES = new ConcurrentHashMap<>();

        @Override
        public long increment() {
            return VALUES.computeIfAbsent(name, k -> new AtomicLong()).incrementAndGet();
        }

        @Override
        public long get() {
            AtomicLong v = VALUES.get(name);
            return v == null ? 0 : v.get();
        }
    }
}
