package io.speedkit.timeit.bench;

/**
 * What a {@link Launcher} knows once the program's process has ended: its exit code and what it used.
 * Numbers the platform cannot measure are {@link RunSample#NOT_AVAILABLE}.
 *
 * @param exitCode     the process's exit code (128 + n when killed by signal n, as a shell reports it)
 * @param userNanos    CPU time in user mode
 * @param systemNanos  CPU time in the kernel
 * @param peakRssBytes the largest resident set size seen
 */
public record ProcessExit(int exitCode, long userNanos, long systemNanos, long peakRssBytes) {
    public ProcessExit {
        RunSample.check("userNanos", userNanos);
        RunSample.check("systemNanos", systemNanos);
        RunSample.check("peakRssBytes", peakRssBytes);
    }

    /** The sample of a run that took {@code wallNanos}. */
    public RunSample sample(long wallNanos) {
        return new RunSample(wallNanos, userNanos, systemNanos, peakRssBytes);
    }
}
