package io.speedkit.agent.targets;

/** An enum: its static initialiser runs the constructor once per constant. */
public enum Color {
    RED, GREEN, BLUE;                               // Color.new calls=3 (its Enum.<init> is untimed)

    public Color next() {                           // calls=1
        Color[] all = values();                     // Color.values: all.clone() is on an array, never timed
        return all[(ordinal() + 1) % all.length];   // ordinal(): owner Color, not a JDK call
    }

    public static String run() {                    // calls=1
        return RED.next().name();                   // name(): owner Color, not timed
    }
}
