package io.speedkit.agent.targets;

/** An interface with abstract, default, private and static methods. */
public interface Shape {
    int side();                                     // abstract: no code, nothing to instrument

    default int doubled() {                         // calls=1
        return twice(side());                       // side(): invokeinterface Shape.side, not a JDK call
    }

    private int twice(int v) {                      // calls=1
        return 2 * v;
    }

    static Shape unit() {                           // calls=1
        return new Square(1);
    }
}
