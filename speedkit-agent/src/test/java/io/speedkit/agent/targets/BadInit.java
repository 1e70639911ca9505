package io.speedkit.agent.targets;

import io.speedkit.agent.Ticks;

/** A static initialiser that throws: the JVM wraps it in ExceptionInInitializerError. */
public final class BadInit {
    static final int VALUE = compute();

    private BadInit() {
    }

    static int compute() {                          // calls=1
        Ticks.advance(2);
        throw new IllegalStateException("no value");
    }

}
