package io.speedkit.it.targets;

import java.util.ArrayList;
import java.util.List;

/**
 * 50 virtual threads whose task throws; each thread's uncaught-exception handler is program code too, so
 * program code runs twice at the top of each thread's stack: the task, then the handler.
 */
public final class VirtualHandlers {
    public static final int THREADS = 50;
    private static int handled;

    private VirtualHandlers() {
    }

    static void task() {
        throw new IllegalStateException("task failed on purpose");
    }

    static synchronized void handle(Throwable t) {
        handled++;
    }

    public static void main(String[] args) throws InterruptedException {
        List<Thread> threads = new ArrayList<>();
        for (int i = 0; i < THREADS; i++) {
            threads.add(Thread.ofVirtual().uncaughtExceptionHandler((th, e) -> handle(e)).start(VirtualHandlers::task));
        }
        for (Thread t : threads) {
            t.join();
        }
        System.out.println("handled " + handled);
    }
}
