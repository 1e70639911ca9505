package io.speedkit.agent.targets;

import io.speedkit.agent.Ticks;

/** A constructor that throws after super(): the catch-all, which starts after super(), closes its frame. */
public final class Fragile {
    public Fragile(int n) {                         // calls=1
        super();
        Ticks.advance(1);
        if (n < 0) {
            throw new IllegalArgumentException("negative");
        }
    }
}
