package io.speedkit.agent.targets;

/** Pattern switches: typeSwitch is invokedynamic (never timed); record patterns call the accessors. */
public final class Switches {
    private Switches() {
    }

    static String describe(Object o) {              // calls=4
        return switch (o) {
            case Integer i when i > 0 -> "positive";
            case Integer i -> "int";
            case Pair(int l, int r) -> l < r ? "ascending" : "other";   // Pair.left, Pair.right calls=1 each
            default -> "other";
        };
    }

    public static String run() {                    // calls=1
        return describe(5) + describe(-5) + describe(new Pair(1, 2)) + describe("x");
    }
}
