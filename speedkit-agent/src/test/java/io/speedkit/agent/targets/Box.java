package io.speedkit.agent.targets;

/** A bridge method: Comparable.compareTo(Object) forwards to compareTo(Box) and must not count twice. */
public final class Box implements Comparable<Box> {
    final int v;

    Box(int v) {
        this.v = v;
    }

    @Override
    public int compareTo(Box o) {                   // calls=1
        return Integer.compare(v, o.v);             // {built-in method java.lang.Integer.compare} calls=1
    }

    public static int run() {                       // calls=1
        Comparable<Box> c = new Box(1);             // Box.new calls=2
        return c.compareTo(new Box(2));             // {method java.lang.Comparable.compareTo} → bridge → compareTo(Box)
    }
}
