package io.speedkit.benchmarks.jmh;

import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.infra.Blackhole;

/**
 * The three snippets of benchmarks/timeit-vs-jmh written the natural JMH way, each next to the
 * {@code speedkit timeit} command it is compared with. Setup variables are {@code @State} fields (not
 * constants); results are returned, or given to the Blackhole when there are several.
 */
@State(Scope.Thread)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.NANOSECONDS)
public class TimeitSnippets {
    /** {@code -s 'double x = 2.0'}. */
    double x = 2.0;

    /** {@code speedkit timeit -s 'double x = 2.0' 'Math.sqrt(x)'}. */
    @Benchmark
    public double sqrt() {
        return Math.sqrt(x);
    }

    /** {@code speedkit timeit 'int s = 0; for (int i = 0; i < 1000; i++) { s += i; }'}. */
    @Benchmark
    public int sum() {
        int s = 0;
        for (int i = 0; i < 1000; i++) {
            s += i;
        }
        return s;
    }

    /** The seed's swap: {@code speedkit timeit 'int a = 42, b = 101; int t = a; a = b; b = t;'}. */
    @Benchmark
    public void swap(Blackhole bh) {
        int a = 42;
        int b = 101;
        int t = a;
        a = b;
        b = t;
        bh.consume(a);
        bh.consume(b);
    }
}
