package io.speedkit.agent.targets;

import java.util.function.Supplier;

/** Nested, inner and anonymous classes: their names, and javac's code before super() in inner classes. */
public final class Outer {
    int base = 1;                                   // not a constant: Inner must keep this$0

    public static int all() {                       // calls=1
        Outer o = new Outer();
        Outer.Inner i = o.new Inner();              // Inner.<init> stores this$0 BEFORE super()
        return i.value() + new Nested().value() + anonymous().get();   // {method java.util.function.Supplier.get}
    }

    static Supplier<Integer> anonymous() {          // calls=1
        return new Supplier<Integer>() {
            @Override
            public Integer get() {                  // calls=1: the Object get() bridge is not instrumented
                return 3;
            }
        };
    }

    final class Inner {
        int value() {                               // calls=1
            return base;
        }
    }

    static final class Nested {
        int value() {                               // calls=1
            return 2;
        }
    }
}
