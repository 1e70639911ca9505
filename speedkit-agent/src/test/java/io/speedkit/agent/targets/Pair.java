package io.speedkit.agent.targets;

/** A record: accessors are ordinary methods; toString/equals/hashCode are invokedynamic, never timed. */
public record Pair(int left, int right) {
    public int sum() {                              // calls=1
        return left + right;
    }

    public static String run() {                    // calls=1
        Pair p = new Pair(1, 2);                    // Pair.new calls=1
        return p.toString() + p.sum();
    }
}
