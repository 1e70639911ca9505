package io.speedkit.it.targets;

import java.util.ArrayList;
import java.util.List;

/**
 * Platform and virtual threads calling instrumented methods a known number of times:
 * platformWork 4 × 500 = 2000 calls, virtualWork 200 × 20 = 4000, shared 2000 + 4000 = 6000,
 * Thread.yield 4000 (it makes virtual threads change carriers mid-run).
 */
public final class Threads {
    public static final int PLATFORM = 4;
    public static final int PLATFORM_CALLS = 500;
    public static final int VIRTUAL = 200;
    public static final int VIRTUAL_CALLS = 20;

    private static long sink;

    private Threads() {
    }

    static long shared(long x) {
        return x * 31 + 7;
    }

    static long platformWork(int i) {
        return shared(i);
    }

    static long virtualWork(int i) {
        Thread.yield();
        return shared(i);
    }

    public static void main(String[] args) throws InterruptedException {
        List<Thread> threads = new ArrayList<>();
        for (int t = 0; t < PLATFORM; t++) {
            threads.add(Thread.ofPlatform().name("worker-" + t).start(() -> {
                long s = 0;
                for (int i = 0; i < PLATFORM_CALLS; i++) {
                    s += platformWork(i);
                }
                add(s);
            }));
        }
        for (int t = 0; t < VIRTUAL; t++) {
            threads.add(Thread.ofVirtual().start(() -> {
                long s = 0;
                for (int i = 0; i < VIRTUAL_CALLS; i++) {
                    s += virtualWork(i);
                }
                add(s);
            }));
        }
        for (Thread t : threads) {
            t.join();
        }
        System.out.println("sum " + sink);
    }

    static synchronized void add(long s) {
        sink += s;
    }
}
