"""The Python twins of io.speedkit.benchmarks.Workloads, run plain and under cProfile.

usage: workloads.py fib|objects WARMUP REPS [--cprofile]
prints: RESULT <workload> reps=<n> calls=<profiled calls per repetition> best=<ns> median=<ns>
"""
import cProfile
import pstats
import sys
import time


def fib(n):
    return n if n < 2 else fib(n - 1) + fib(n - 2)


class Vec:
    __slots__ = ("x", "y")

    def __init__(self, x, y):
        self.x = x
        self.y = y

    def plus(self, o):
        return Vec(self.x + o.x, self.y + o.y)

    def times(self, k):
        return Vec(self.x * k, self.y * k)

    def dot(self, o):
        return self.x * o.x + self.y * o.y


class Gravity:
    def at(self, position):
        return Vec(0, -9.81)


class Spring:
    def at(self, position):
        return position.times(-0.5)


class Drag:
    def at(self, position):
        return Vec(-0.01 * position.x, -0.01 * position.y)


class Particle:
    def __init__(self, x, y):
        self.position_ = Vec(x, y)
        self.velocity = Vec(0, 0)

    def position(self):
        return self.position_

    def advance(self, acceleration, dt):
        self.velocity = self.velocity.plus(acceleration.times(dt))
        self.position_ = self.position_.plus(self.velocity.times(dt))

    def energy(self):
        return 0.5 * self.velocity.dot(self.velocity)


class Particles:
    def __init__(self, n):
        self.particles = [Particle(i % 100, i // 100) for i in range(n)]
        self.forces = [Gravity(), Spring(), Drag()]

    def step(self):
        e = 0.0
        f0, f1, f2 = self.forces
        for p in self.particles:
            pos = p.position()
            a = f0.at(pos).plus(f1.at(pos)).plus(f2.at(pos))
            p.advance(a, 0.001)
            e += p.energy()
        return int(e)


def main():
    which, warmup, reps = sys.argv[1], int(sys.argv[2]), int(sys.argv[3])
    profile = cProfile.Profile() if "--cprofile" in sys.argv else None
    if which == "fib":
        work = lambda: fib(25)
    elif which == "objects":
        particles = Particles(2_000)
        work = particles.step
    else:
        raise SystemExit("unknown workload " + which)
    sink = 0
    for _ in range(warmup):
        sink += work()
    times = []
    for _ in range(reps):
        if profile:
            profile.enable()
        t0 = time.perf_counter_ns()
        sink += work()
        t = time.perf_counter_ns() - t0
        if profile:
            profile.disable()
        times.append(t)
    calls = 0
    if profile:
        calls = round(pstats.Stats(profile).total_calls / reps)
    times.sort()
    print("RESULT %s reps=%d calls=%d best=%d median=%d sink=%d" % (which, reps, calls, times[0], times[reps // 2], sink))


if __name__ == "__main__":
    main()
