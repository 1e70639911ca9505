package io.speedkit.it.targets;

import io.speedkit.profiler.Profile;
import io.speedkit.profiler.Stats;
import io.speedkit.profiler.Unit;
import java.util.ArrayList;
import java.util.List;

/** Simulated clock; see SimulatedClockTest for the hand-derived report. Line numbers are part of it. */
public final class Sim {
    /** The clock: only the program advances it (t += k), so every time is known in advance. */
    static long t;
    static final List<Integer> LIST = new ArrayList<>(List.of(3, 1, 2));

    static long now() {
        return t;
    }

    static void run() {
        t += 1;
        a();
        b();
        even(3);
        safe();
        sortThree();
        sortBad();
        t += 1;
    }

    static void a() {
        t += 1;
        fact(2);
    }

    static void b() {
        t += 2;
        fact(1);
    }

    static void fact(int n) {
        t += 1;
        if (n > 0) {
            fact(n - 1);
        }
    }

    static boolean even(int n) {
        t += 1;
        return n == 0 || odd(n - 1);
    }

    static boolean odd(int n) {
        t += 2;
        return n != 0 && even(n - 1);
    }

    static void safe() {
        t += 1;
        try {
            risky();
        } catch (Boom e) {
            t += 3;
        }
    }

    static void risky() {
        t += 1;
        explode();
        t += 100; // never reached
    }

    static void explode() {
        t += 2;
        throw new Boom();
    }

    static void sortThree() {
        t += 1;
        LIST.sort((x, y) -> {
            t += 1;
            return x - y;
        });
    }

    static void sortBad() {
        t += 1;
        try {
            LIST.sort((x, y) -> {
                t += 2;
                throw new Boom();
            });
        } catch (Boom e) {
            t += 1;
        }
    }

    static final class Boom extends RuntimeException {
        private static final long serialVersionUID = 1L;

        Boom() {
            super("boom", null, false, false);
            t += 1;
        }
    }

    public static void main(String[] args) {
        Profile p = new Profile(Sim::now, 1.0);
        p.enable();
        run();
        p.disable();
        Stats s = p.stats().withUnit(Unit.SECONDS).withOutput(System.out);
        s.sortStats("stdname").printStats();
        s.sortStats("cumulative").printStats(5);
        s.sortStats("stdname").printCallers();
        s.sortStats("stdname").printCallees();
        System.out.println("sorted: " + LIST);
    }
}
