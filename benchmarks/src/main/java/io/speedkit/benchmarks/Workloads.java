package io.speedkit.benchmarks;

/**
 * The programs whose profiling cost is measured, run in a JVM of their own (plain, under speedkit's agent,
 * under JFR's method timing). Each runs its work {@code warmup + reps} times, times every measured
 * repetition with {@link System#nanoTime()} and prints one line:
 * {@code RESULT <workload> reps=<n> calls=<instrumented calls per repetition> best=<ns> median=<ns>}.
 *
 * <p>HAZARD: the results are summed into {@link #sink} and printed, or the JIT could drop the work.
 */
public final class Workloads {
    static long sink;

    private Workloads() {
    }

    public static void main(String[] args) {
        String which = args[0];
        int warmup = Integer.parseInt(args[1]);
        int reps = Integer.parseInt(args[2]);
        long[] times = new long[reps];
        long calls;
        switch (which) {
            case "fib" -> {
                calls = 2 * fibNumber(33) - 1; // fib(n) makes 2*F(n+1)-1 calls
                for (int i = 0; i < warmup; i++) {
                    sink += fib(32);
                }
                for (int i = 0; i < reps; i++) {
                    long t0 = System.nanoTime();
                    sink += fib(32);
                    times[i] = System.nanoTime() - t0;
                }
            }
            case "objects" -> {
                Particles p = new Particles(20_000);
                calls = p.callsPerStep();
                for (int i = 0; i < warmup; i++) {
                    sink += p.step();
                }
                for (int i = 0; i < reps; i++) {
                    long t0 = System.nanoTime();
                    sink += p.step();
                    times[i] = System.nanoTime() - t0;
                }
            }
            default -> throw new IllegalArgumentException("unknown workload " + which);
        }
        java.util.Arrays.sort(times);
        System.out.println("RESULT " + which + " reps=" + reps + " calls=" + calls + " best=" + times[0] + " median="
                + times[reps / 2] + " sink=" + sink);
    }

    static int fib(int n) {
        return n < 2 ? n : fib(n - 1) + fib(n - 2);
    }

    private static long fibNumber(int n) {
        long a = 0;
        long b = 1;
        for (int i = 0; i < n; i++) {
            long t = a + b;
            a = b;
            b = t;
        }
        return a;
    }

    /** Small objects and small methods: value objects, getters, an interface called through three classes. */
    interface Force {
        Vec at(Vec position);
    }

    record Vec(double x, double y) {
        Vec plus(Vec o) {
            return new Vec(x + o.x, y + o.y);
        }

        Vec times(double k) {
            return new Vec(x * k, y * k);
        }

        double dot(Vec o) {
            return x * o.x + y * o.y;
        }
    }

    static final class Gravity implements Force {
        @Override
        public Vec at(Vec position) {
            return new Vec(0, -9.81);
        }
    }

    static final class Spring implements Force {
        @Override
        public Vec at(Vec position) {
            return position.times(-0.5);
        }
    }

    static final class Drag implements Force {
        @Override
        public Vec at(Vec position) {
            return new Vec(-0.01 * position.x(), -0.01 * position.y());
        }
    }

    static final class Particle {
        private Vec position;
        private Vec velocity;

        Particle(double x, double y) {
            position = new Vec(x, y);
            velocity = new Vec(0, 0);
        }

        Vec position() {
            return position;
        }

        void advance(Vec acceleration, double dt) {
            velocity = velocity.plus(acceleration.times(dt));
            position = position.plus(velocity.times(dt));
        }

        double energy() {
            return 0.5 * velocity.dot(velocity);
        }
    }

    static final class Particles {
        private final Particle[] particles;
        private final Force[] forces = {new Gravity(), new Spring(), new Drag()};

        Particles(int n) {
            particles = new Particle[n];
            for (int i = 0; i < n; i++) {
                particles[i] = new Particle(i % 100, i / 100);
            }
        }

        /**
         * Instrumented calls per step: per particle, position 1; Gravity.at 2 (with Vec.new); Spring.at 3
         * (times, Vec.new); Drag.at 4 (x, y, Vec.new); two plus 4; advance 9 (two times, two plus, four
         * Vec.new); energy 2 (dot): 25. Plus step itself once. The driver checks this against the profile.
         */
        long callsPerStep() {
            return 25L * particles.length + 1;
        }

        long step() {
            double e = 0;
            for (Particle p : particles) {
                Vec pos = p.position();
                Vec a = forces[0].at(pos).plus(forces[1].at(pos)).plus(forces[2].at(pos));
                p.advance(a, 0.001);
                e += p.energy();
            }
            return (long) e;
        }
    }
}
