package io.speedkit.timeit.bench;

import java.util.List;

/**
 * The statistics of one set's measured runs, as pyperf and hyperfine report them: mean and sample
 * standard deviation (n - 1) of the wall time, its range, the mean user and system CPU time and the
 * largest peak RSS of any run. A number that is not known is {@link Double#NaN} (the means, the standard
 * deviation of a single run) or {@link RunSample#NOT_AVAILABLE} (peak RSS); reports show it as {@code n/a}.
 *
 * @param runs            how many runs were measured, at least 1
 * @param meanNanos       mean wall time
 * @param stdevNanos      sample standard deviation of the wall time; NaN for a single run
 * @param minNanos        the fastest run
 * @param maxNanos        the slowest run
 * @param meanUserNanos   mean user CPU time; NaN unless every run has one
 * @param meanSystemNanos mean system CPU time; NaN unless every run has one
 * @param peakRssBytes    the largest peak RSS of the runs that have one; NOT_AVAILABLE if none has
 */
public record Summary(int runs, double meanNanos, double stdevNanos, long minNanos, long maxNanos,
                      double meanUserNanos, double meanSystemNanos, long peakRssBytes) {

    public Summary {
        if (runs < 1) {
            throw new IllegalArgumentException("runs must be >= 1, got " + runs);
        }
        if (minNanos < 0 || minNanos > maxNanos) {
            throw new IllegalArgumentException("need 0 <= minNanos <= maxNanos, got " + minNanos + " and " + maxNanos);
        }
        if (!(meanNanos >= minNanos && meanNanos <= maxNanos)) {
            throw new IllegalArgumentException("meanNanos " + meanNanos + " is outside [" + minNanos + ", " + maxNanos + "]");
        }
        if (runs == 1 ? !Double.isNaN(stdevNanos) : !(stdevNanos >= 0)) {
            throw new IllegalArgumentException("stdevNanos must be NaN for one run and >= 0 for more, got " + stdevNanos
                    + " for " + runs + " runs");
        }
        if (peakRssBytes < 0 && peakRssBytes != RunSample.NOT_AVAILABLE) {
            throw new IllegalArgumentException("peakRssBytes must be >= 0 or NOT_AVAILABLE (-1), got " + peakRssBytes);
        }
    }

    /**
     * The summary of {@code samples}.
     *
     * @throws IllegalArgumentException when there are none
     */
    public static Summary of(List<RunSample> samples) {
        int n = samples.size();
        if (n == 0) {
            throw new IllegalArgumentException("no runs to summarize");
        }
        long min = Long.MAX_VALUE;
        long max = Long.MIN_VALUE;
        double sum = 0;
        double user = 0;
        double system = 0;
        boolean allUser = true;
        boolean allSystem = true;
        long peak = RunSample.NOT_AVAILABLE;
        for (RunSample s : samples) {
            min = Math.min(min, s.wallNanos());
            max = Math.max(max, s.wallNanos());
            sum += s.wallNanos();
            allUser &= s.userNanos() != RunSample.NOT_AVAILABLE;
            allSystem &= s.systemNanos() != RunSample.NOT_AVAILABLE;
            user += s.userNanos();
            system += s.systemNanos();
            peak = Math.max(peak, s.peakRssBytes());
        }
        double mean = sum / n;
        // Rounding can put the mean of equal values a hair outside [min, max]; the record insists on it.
        mean = Math.min(Math.max(mean, min), max);
        double stdev = Double.NaN;
        if (n > 1) {
            // Two passes: the textbook sum-of-squares formula cancels badly for values of ~1e9 ns.
            double squares = 0;
            for (RunSample s : samples) {
                double d = s.wallNanos() - mean;
                squares += d * d;
            }
            stdev = Math.sqrt(squares / (n - 1));
        }
        return new Summary(n, mean, stdev, min, max, allUser ? user / n : Double.NaN,
                allSystem ? system / n : Double.NaN, peak);
    }
}
