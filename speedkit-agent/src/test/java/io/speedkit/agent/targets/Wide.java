package io.speedkit.agent.targets;

import io.speedkit.agent.Ticks;

/**
 * Two-slot locals (long, double) around loops, both kinds of switch and a try/catch: every stack-map
 * frame gains the probe's token after them, and the catch-all's frame must count their slots right.
 */
public final class Wide {
    private final long base;
    private final double scale;

    public Wide(long base, double scale) {          // calls=1
        this.base = base;
        this.scale = scale;
    }

    public double mix(long a, double b, int n) {    // calls=1
        double sum = b;
        long k = a + base;
        for (int i = 0; i < n; i++) {
            try {
                sum += bucket(k + i) * scale;
            } catch (ArithmeticException e) {
                sum -= 1000;
            }
        }
        return sum;
    }

    static long bucket(long v) {                    // calls=n
        Ticks.advance(1);
        switch ((int) (v % 4)) {
            case 0:
                return 1;
            case 1:
                return 10;
            case 2:
                return ratio(v);
            default:
                return sparse((int) v);
        }
    }

    static long ratio(long v) {                     // calls=1 per v % 4 == 2
        return 100 / (v - 2);                       // v == 2: ArithmeticException, caught in mix
    }

    static long sparse(int v) {                     // calls=1 per v % 4 == 3
        switch (v) {
            case 3:
                return 3;
            case 1_000_003:
                return 7;
            default:
                return -1;
        }
    }

    /** A JDK call whose argument is a conditional: its invoke instruction is a branch target with a frame. */
    static String sign(long v) {                    // calls=1
        return String.valueOf(v >= 0 ? 'p' : 'n');  // {built-in method java.lang.String.valueOf} calls=1
    }

    public static double run() {                    // calls=1
        // bucket(0..5): 1, 10, ratio(2) throws (-1000), sparse(3) = 3, 1, 10; then + 1 for "n".length()
        return new Wide(0L, 2.0).mix(0L, 0.5, 6) + sign(-3).length();
    }
}
