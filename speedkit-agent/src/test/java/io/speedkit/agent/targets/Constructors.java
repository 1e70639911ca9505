package io.speedkit.agent.targets;

import io.speedkit.agent.Ticks;

/** Drives the constructor targets. */
public final class Constructors {
    private Constructors() {
    }

    public static int ordinary() {                  // calls=1
        return new Point(1, 2).x;
    }

    public static int delegating() {                // calls=1
        return new Point().y;
    }

    public static int bag() {                       // calls=1
        Bag b = new Bag();
        return b.size();                            // owner Bag: not timed
    }

    public static void worker() throws InterruptedException {  // calls=1
        Worker w = new Worker();
        w.start();                                  // owner Worker: not timed
        w.join();
    }

    public static int fragile() {                   // calls=1
        try {
            new Fragile(-1);
            return 0;
        } catch (IllegalArgumentException e) {
            after();
            return 1;
        }
    }

    /** The JDK super constructor throws: Bag.new and its ArrayList.new pseudo-frame are closed by repair here. */
    public static int badCapacity() {               // calls=1
        try {
            new Bag(-1);
            return 0;
        } catch (IllegalArgumentException e) {
            after();
            return 1;
        }
    }

    /** A static initialiser that throws, caught by the method whose getstatic triggered it. */
    public static int failedInit() {                // calls=1
        try {
            return BadInit.VALUE;                   // BadInit.static calls=1 → BadInit.compute calls=1
        } catch (ExceptionInInitializerError e) {
            after();
            return -1;
        }
    }

    static void after() {                           // calls=1
        Ticks.advance(4);
    }
}
