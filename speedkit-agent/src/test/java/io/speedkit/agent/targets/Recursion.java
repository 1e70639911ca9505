package io.speedkit.agent.targets;

import io.speedkit.agent.Ticks;

/** Direct recursion reached from two callers, mutual recursion, and naive Fibonacci. */
public final class Recursion {
    private Recursion() {
    }

    public static int twoCallers() {                // calls=1
        return viaA() + viaB();
    }

    static int viaA() {                             // calls=1
        return down(3);
    }

    static int viaB() {                             // calls=1
        return down(2);
    }

    static int down(int n) {                        // calls=7/2: 4 under viaA, 3 under viaB
        Ticks.advance(1);
        return n == 0 ? 0 : 1 + down(n - 1);
    }

    public static boolean isEven(int n) {           // calls=3/1 for isEven(4): 4, 2, 0
        Ticks.advance(1);
        return n == 0 || isOdd(n - 1);
    }

    static boolean isOdd(int n) {                   // calls=2/1 for isEven(4): 3, 1
        Ticks.advance(1);
        return n != 0 && isEven(n - 1);
    }

    public static int fib(int n) {                  // calls=242785/1 for fib(25)
        Ticks.advance(1);
        return n < 2 ? n : fib(n - 1) + fib(n - 2);
    }
}
