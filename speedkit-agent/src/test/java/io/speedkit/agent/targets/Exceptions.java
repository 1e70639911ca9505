package io.speedkit.agent.targets;

import io.speedkit.agent.Ticks;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/** Exceptions thrown by program code and by the JDK, caught near and far. */
public final class Exceptions {
    static int depth;

    private Exceptions() {
    }

    public static int acrossFrames() {              // calls=1
        int caught = 0;
        try {
            middle();
        } catch (IllegalStateException e) {
            caught = 1;
        }
        after();
        return caught;
    }

    static void middle() {                          // calls=1, left by the exception: closed by its catch-all
        Ticks.advance(1);
        thrower();
        Ticks.advance(1000); // never runs
    }

    static void thrower() {                         // calls=1 per use
        Ticks.advance(2);
        throw new IllegalStateException("thrown two frames below the catch");
    }

    static void after() {                           // calls=1 per use
        Ticks.advance(4);
    }

    /** The method's own catch must win over the catch-all the instrumenter appends. */
    public static int ownCatch() {                  // calls=1
        try {
            thrower();
            return -1;
        } catch (IllegalStateException e) {
            after();
            return 1;
        }
    }

    /** Thrown and caught inside one method: the catch-all covers this code too, and must not steal it. */
    public static int selfCatch(int n) {            // calls=1
        try {
            if (n > 0) {
                throw new IllegalArgumentException("caught right here");
            }
            return 0;
        } catch (IllegalArgumentException e) {
            return 1;
        }
    }

    public static int finallyBothWays() {           // calls=1
        int r = withFinally(false);
        try {
            withFinally(true);
        } catch (IllegalStateException e) {
            r += 10;
        }
        return r;
    }

    static int withFinally(boolean fail) {          // calls=2
        try {
            if (fail) {
                thrower();
            }
            return 5;
        } finally {
            cleanup();
        }
    }

    static void cleanup() {                         // calls=2
        Ticks.advance(8);
    }

    /** A JDK call that throws, caught in the same method: repair closes its pseudo-frame. */
    public static int parseOrDefault() {            // calls=1
        int r;
        try {
            r = Integer.parseInt("x");              // {built-in method java.lang.Integer.parseInt} calls=1
        } catch (NumberFormatException e) {
            r = -1;
        }
        after();                                    // a sibling of parseInt, not its child
        return r;
    }

    public static int listSortWithThrowingComparator() {    // calls=1
        List<String> list = new ArrayList<>();
        list.add("b");
        list.add("a");
        int caught = 0;
        try {
            list.sort((x, y) -> {                   // lambda calls=1: the first compare throws
                throw new IllegalStateException("comparator");
            });
        } catch (IllegalStateException e) {
            caught = 1;
        }
        after();
        return caught;
    }

    public static int arraysSortWithThrowingComparator() {  // calls=1
        String[] a = {"b", "a"};
        try {
            Arrays.sort(a, (x, y) -> {              // lambda calls=1
                throw new IllegalStateException("comparator");
            });
            return 0;
        } catch (IllegalStateException e) {
            after();
            return 1;
        }
    }

    /** Recursion until the stack runs out, caught at the top; returns how many deep() bodies ran. */
    public static int overflow() {                  // calls=1
        depth = 0;
        int reached;
        try {
            deep();
            reached = -1;
        } catch (StackOverflowError e) {
            reached = depth;
        }
        after();
        return reached;
    }

    static void deep() {                            // calls=depth or depth+1: see ExceptionsTest
        depth++;
        deep();
    }

    /** A synchronized block left by an exception: javac's own catch-any handler releases the monitor. */
    public static int monitorLeftByException() {    // calls=1
        Object lock = Exceptions.class;
        try {
            synchronized (lock) {
                thrower();
            }
        } catch (IllegalStateException e) {
            return Thread.holdsLock(lock) ? -1 : 1;  // {built-in method java.lang.Thread.holdsLock} calls=1
        }
        return 0;
    }
}
