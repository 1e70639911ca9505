package io.speedkit.agent.targets;

import io.speedkit.agent.Ticks;

/** An ordinary constructor, and one that delegates with this(...). */
public final class Point {
    final int x;
    final int y;

    public Point(int x, int y) {                    // calls=1 per new Point(...)
        Ticks.advance(1);
        this.x = x;
        this.y = y;
    }

    public Point() {                                // calls=1; its this(0, 0) is a child Point.new
        this(0, 0);
        Ticks.advance(2);
    }
}
