package io.speedkit.agent.targets;

import java.util.ArrayList;

/** A constructor whose super constructor is a JDK class's. */
public final class Bag extends ArrayList<String> {
    public Bag() {                                  // calls=1
        super(4);                                   // {method java.util.ArrayList.new} calls=1
        add("first");                               // owner Bag in the bytecode: not a JDK call, not timed
        super.add("second");                        // invokespecial ArrayList.add: {method java.util.ArrayList.add}
    }

    public Bag(int capacity) {                      // calls=1
        super(capacity);                            // throws for a negative capacity
    }
}
