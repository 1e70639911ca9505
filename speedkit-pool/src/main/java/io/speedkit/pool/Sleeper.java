package io.speedkit.pool;

import java.time.Duration;

/**
 * How a retrying task waits out its backoff delay. The default is {@link Thread#sleep(Duration)}; tests inject
 * one that records the delays instead of waiting, so a retry schedule is checked exactly and instantly.
 */
@FunctionalInterface
public interface Sleeper {
    /** The real thing. */
    Sleeper THREAD_SLEEP = Thread::sleep;

    /** Waits {@code delay}; throws when interrupted (the task is then cancelled). */
    void sleep(Duration delay) throws InterruptedException;
}
