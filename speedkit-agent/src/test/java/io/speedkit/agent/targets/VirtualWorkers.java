package io.speedkit.agent.targets;

import io.speedkit.agent.Ticks;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;

/** Virtual threads: their trees fold into one "virtual threads" group when they return to depth 0. */
public final class VirtualWorkers {
    private VirtualWorkers() {
    }

    public static void run(int n) {                 // calls=1 on the calling thread
        try (ExecutorService ex = Executors.newVirtualThreadPerTaskExecutor()) {
            for (int i = 0; i < n; i++) {
                ex.submit(VirtualWorkers::task);    // {method java.util.concurrent.ExecutorService.submit} calls=n
            }
        }                                           // {method java.util.concurrent.ExecutorService.close} calls=1
    }

    static void task() {                            // calls=n, one per virtual thread
        Ticks.advance(1);
        a();
        b();
    }

    public static void a() {                        // calls=n
        Ticks.advance(2);
    }

    public static void b() {                        // calls=n
        Ticks.advance(3);
    }

    public static void c() {                        // calls=n (called from outside, see ThreadsTest)
        Ticks.advance(4);
    }
}
