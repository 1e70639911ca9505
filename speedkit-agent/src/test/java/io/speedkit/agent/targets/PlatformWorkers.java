package io.speedkit.agent.targets;

import io.speedkit.agent.Ticks;

/** Platform threads, each with its own tree. */
public final class PlatformWorkers {
    static final String[] NAMES = {"speedkit-platform-0", "speedkit-platform-1", "speedkit-platform-2"};

    private PlatformWorkers() {
    }

    public static void run() throws InterruptedException {  // calls=1 on the calling thread
        Thread[] threads = new Thread[NAMES.length];
        for (int i = 0; i < threads.length; i++) {
            int n = i + 1;
            threads[i] = new Thread(() -> work(n), NAMES[i]);   // {method java.lang.Thread.new} calls=3
            threads[i].start();                     // {method java.lang.Thread.start} calls=3
        }
        for (Thread t : threads) {
            t.join();                               // {method java.lang.Thread.join} calls=3
        }
    }

    static void work(int n) {                       // calls=1 per thread
        for (int k = 0; k < n; k++) {
            step();
        }
    }

    static void step() {                            // calls=i+1 on speedkit-platform-i
        Ticks.advance(1);
    }
}
