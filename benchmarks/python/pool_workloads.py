"""The Python side of io.speedkit.benchmarks.PoolBenchmark: multiprocessing.Pool.map and asyncio.gather on the
work the Java side runs.

usage:
  pool_workloads.py cpu WARMUP REPS SIZE_NS:TASKS...   serial loop and multiprocessing.Pool.map on a calibrated spin
  pool_workloads.py io TASKS REPS                      TASKS asyncio.sleep(0.1) under one asyncio.gather

prints: RESULT key=value ... lines, like io.speedkit.benchmarks.PoolWorkloads

The CPU task is the Java task's twin: dependent 64-bit multiply-add-xorshift steps (masked to 64 bits), result
returned. A Python call costs far more than a Java one, so the calibration fits time = a + b * steps: a is the
cost of calling spin(0, seed) (the call itself, through functools.partial as Pool.map calls it), b the cost of a
step (from spin(20000, seed)), each the fastest of several timings (noise only adds); a task of size S runs round((S - a) / b) steps, at least 0. The size achieved is
reported as the serial loop's time per task.
"""
import asyncio
import functools
import multiprocessing
import os
import sys
import time

MASK = 0xFFFFFFFFFFFFFFFF


def spin(steps, seed):
    x = seed
    for _ in range(steps):
        x = (x * 6364136223846793005 + 1442695040888963407) & MASK
        x ^= x >> 29
    return x


def best_ns(fn, reps):
    """The fastest of reps timed calls: for calibration, where noise only ever adds time."""
    best = None
    for _ in range(reps):
        t0 = time.perf_counter_ns()
        fn()
        t = time.perf_counter_ns() - t0
        best = t if best is None else min(best, t)
    return best


def calibrate():
    """(ns per call of spin(0, .) through a partial, ns per step)."""
    calls = 20000
    f0 = functools.partial(spin, 0)
    call = best_ns(lambda: [f0(i) for i in range(calls)], 7) / calls
    steps = 20000
    per_step = (best_ns(lambda: spin(steps, 1), 25) - call) / steps
    return call, per_step


def cpu(warmup, reps, sizes):
    call, per_step = calibrate()
    print("CALIBRATION call_ns=%.1f ns_per_step=%.2f" % (call, per_step))
    workers = os.cpu_count()
    sink = 0
    with multiprocessing.Pool(workers) as pool:
        pool.map(abs, range(workers * 4))  # start every worker before anything is timed
        for size in sizes:
            size_ns, tasks = (int(v) for v in size.split(":"))
            steps = max(0, round((size_ns - call) / per_step))
            f = functools.partial(spin, steps)
            items = range(tasks)
            times = {"serial": [], "pool": []}
            for r in range(-warmup, reps):
                t0 = time.perf_counter_ns()
                serial = [f(i) for i in items]
                t1 = time.perf_counter_ns()
                parallel = pool.map(f, items)  # Python's own chunking: ceil(len / (4 * workers))
                t2 = time.perf_counter_ns()
                if parallel != serial:
                    raise SystemExit("Pool.map computed other results than the serial loop")
                sink = (sink + sum(serial)) & MASK
                if r >= 0:
                    times["serial"].append(t1 - t0)
                    times["pool"].append(t2 - t1)
            for config, t in times.items():
                t.sort()
                print("RESULT cpu size=%d tasks=%d steps=%d config=python-%s workers=%d median=%d best=%d"
                      % (size_ns, tasks, steps, config, 1 if config == "serial" else workers, t[len(t) // 2], t[0]))
    print("SINK %d" % sink)


async def gather(tasks):
    async def wait(i):
        await asyncio.sleep(0.1)
        return i

    return await asyncio.gather(*(wait(i) for i in range(tasks)))


def vm_hwm_kib():
    with open("/proc/self/status") as status:
        for line in status:
            if line.startswith("VmHWM:"):
                return int(line.split()[1])
    return -1


def io(tasks, reps):
    if asyncio.run(gather(min(tasks, 10000))) != list(range(min(tasks, 10000))):
        raise SystemExit("asyncio.gather lost its order")
    walls, cpus = [], []
    for _ in range(reps):
        c0 = time.process_time_ns()
        t0 = time.perf_counter_ns()
        out = asyncio.run(gather(tasks))
        walls.append(time.perf_counter_ns() - t0)
        cpus.append(time.process_time_ns() - c0)
        if out != list(range(tasks)):
            raise SystemExit("asyncio.gather lost its order")
        del out
    print("RESULT io impl=asyncio tasks=%d reps=%d walls=%s cpus=%s hwm_kib=%d"
          % (tasks, reps, ",".join(map(str, walls)), ",".join(map(str, cpus)), vm_hwm_kib()))


def main():
    if sys.argv[1] == "cpu":
        cpu(int(sys.argv[2]), int(sys.argv[3]), sys.argv[4:])
    elif sys.argv[1] == "io":
        io(int(sys.argv[2]), int(sys.argv[3]))
    else:
        raise SystemExit("unknown mode " + sys.argv[1] + "; use cpu or io")


if __name__ == "__main__":
    main()
