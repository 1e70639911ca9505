package io.speedkit.agent.targets;

import io.speedkit.agent.Ticks;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ForkJoinPool;

/**
 * Tasks on the common ForkJoinPool, whose workers erase their ThreadLocals between top-level tasks
 * (the probe's ThreadLocal included): counts must still add up over all the workers' trees.
 */
public final class PoolWorkers {
    private PoolWorkers() {
    }

    public static int run(int tasks) {              // calls=1 on the calling thread
        CompletableFuture<?>[] futures = new CompletableFuture<?>[tasks];
        for (int i = 0; i < tasks; i++) {
            futures[i] = CompletableFuture.runAsync(PoolWorkers::step, ForkJoinPool.commonPool());
        }
        CompletableFuture.allOf(futures).join();
        return tasks;
    }

    static void step() {                            // calls=tasks, summed over the pool's workers
        Ticks.advance(1);
        leaf();
    }

    static void leaf() {                            // calls=tasks
        Ticks.advance(1);
    }
}
