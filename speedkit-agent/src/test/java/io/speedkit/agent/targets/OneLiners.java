package io.speedkit.agent.targets;

/** Overloads: on one line they need parameter lists to stay apart; on separate lines they do not. */
public final class OneLiners {
    private OneLiners() {
    }

    // CHECKSTYLE:OFF two methods on one line, on purpose
    static int f(int x) { return x; } static int f(String s) { return 1; }
    // CHECKSTYLE:ON

    static int g(int x) {
        return x;
    }

    static int g(long x) {
        return 0;
    }
}
