package io.speedkit.it.targets;

import io.speedkit.profiler.Profile;
import io.speedkit.profiler.Stats;
import io.speedkit.profiler.Unit;

/** Simulated clock over bytecode shapes; see SimulatedClockTest. Line numbers are part of the expected text. */
public final class Shapes {
    static long t;

    static long now() {
        return t;
    }

    static void run() {
        t += 1;
        parse();
        dive(4);
        guarded();
        nested();
        useHolder();
        new Child();
        new Person("ada").greet();
    }

    static void parse() {
        t += 1;
        try {
            Integer.parseInt("x");
        } catch (NumberFormatException e) {
            t += 2;
        }
    }

    static void dive(int n) {
        t += 1;
        if (n == 0) {
            throw new Stop();
        }
        if (n == 2) {
            try {
                dive(n - 1);
            } catch (Stop s) {
                t += 5;
            }
        } else {
            dive(n - 1);
        }
    }

    static void guarded() {
        t += 1;
        try {
            withFinally();
        } catch (Stop s) {
            t += 1;
        }
    }

    static void withFinally() {
        t += 1;
        try {
            throwNow();
        } finally {
            t += 2;
        }
    }

    static void throwNow() {
        t += 1;
        throw new Stop();
    }

    static void nested() {
        t += 1;
        try {
            try {
                Integer.parseInt("y");
            } catch (IllegalStateException e) {
                t += 100;
            }
        } catch (NumberFormatException e) {
            t += 1;
        }
    }

    static int useHolder() {
        t += 1;
        return Holder.VALUE;
    }

    static final class Holder {
        static final int VALUE = compute();

        static int compute() {
            t += 2;
            return 42;
        }
    }

    static class Parent {
        Parent() {
            t += 1;
        }
    }

    static final class Child extends Parent {
        Child() {
            t += 2;
        }
    }

    interface Greeter {
        String name();

        default int greet() {
            t += 1;
            return name().length();
        }
    }

    record Person(String name) implements Greeter {
    }

    static final class Stop extends RuntimeException {
        private static final long serialVersionUID = 1L;

        Stop() {
            super(null, null, false, false);
        }
    }

    public static void main(String[] args) {
        Profile p = new Profile(Shapes::now, 1.0);
        p.enable();
        run();
        p.disable();
        Stats s = p.stats().withUnit(Unit.SECONDS).withOutput(System.out).sortStats("stdname");
        s.printStats();
        s.printCallers("dive|Stop");
        s.printCallees("Holder|Child");
    }
}
