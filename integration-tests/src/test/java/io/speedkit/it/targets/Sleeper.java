package io.speedkit.it.targets;

/**
 * Sleeps two frames down until it is stopped (SIGTERM): main → outer → inner → Thread.sleep. It prints
 * "sleeping" only once main is inside Thread.sleep (another thread watches main's state), so a test that
 * waits for that line knows all four frames are open.
 */
public final class Sleeper {
    private Sleeper() {
    }

    static void outer() throws InterruptedException {
        inner();
    }

    static void inner() throws InterruptedException {
        Thread.sleep(120_000);
    }

    public static void main(String[] args) throws InterruptedException {
        Thread main = Thread.currentThread();
        Thread.ofPlatform().daemon().name("announcer").start(() -> {
            while (main.getState() != Thread.State.TIMED_WAITING) {
                Thread.onSpinWait();
            }
            System.out.println("sleeping");
            System.out.flush();
        });
        outer();
    }
}
