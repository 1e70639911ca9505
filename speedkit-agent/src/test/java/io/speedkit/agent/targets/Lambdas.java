package io.speedkit.agent.targets;

import java.util.function.Supplier;

/** Lambda bodies in a static initialiser, a constructor and a method. */
public final class Lambdas {
    static final Supplier<String> STATIC = () -> "s";
    final Supplier<String> field;

    public Lambdas() {
        field = () -> "n";
    }

    public static String main() {
        Supplier<String> m = () -> "m";
        return STATIC.get() + new Lambdas().field.get() + m.get();
    }
}
