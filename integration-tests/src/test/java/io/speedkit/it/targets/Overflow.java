package io.speedkit.it.targets;

/**
 * Recurses until the stack overflows, catches the StackOverflowError and carries on, three times; then calls
 * another method ten times. It counts its own calls of {@code down}, so a test can compare that count with the
 * profile's. Under the agent every frame is larger, so the depth differs from a plain run; the program must not.
 */
public final class Overflow {
    static long calls;

    private Overflow() {
    }

    static void down() {
        calls++;
        down();
    }

    static int after(int x) {
        return x + 1;
    }

    public static void main(String[] args) {
        for (int round = 0; round < 3; round++) {
            try {
                down();
            } catch (StackOverflowError e) {
                System.out.println("recovered " + round);
            }
        }
        int s = 0;
        for (int i = 0; i < 10; i++) {
            s = after(s);
        }
        System.out.println("after " + s);
        System.err.println("down calls " + calls);
    }
}
