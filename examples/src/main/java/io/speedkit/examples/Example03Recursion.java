package io.speedkit.examples;

/**
 * Measure first, then fix the algorithm: a naive recursive Fibonacci next to one that caches the values
 * it already computed (the seed's "cache data that is re-used").
 *
 * <pre>
 * bin/speedkit profile examples/src/main/java/io/speedkit/examples/Example03Recursion.java
 * </pre>
 *
 * The report shows where the time goes: {@code fib} is called 2,692,537 times ({@code 2692537/1}: one
 * primitive call, the rest recursive) and {@code cachedFib} 59 times for the same answer.
 */
public final class Example03Recursion {
    private Example03Recursion() {
    }

    /** Exponential: recomputes every smaller Fibonacci number again and again. */
    static long fib(int n) {
        return n < 2 ? n : fib(n - 1) + fib(n - 2);
    }

    /** Linear: each value is computed once, then read from the cache. */
    static long cachedFib(int n, long[] cache) {
        if (n < 2) {
            return n;
        }
        if (cache[n] == 0) {
            cache[n] = cachedFib(n - 1, cache) + cachedFib(n - 2, cache);
        }
        return cache[n];
    }

    public static void main(String[] args) {
        int n = args.length > 0 ? Integer.parseInt(args[0]) : 30;
        System.out.println("fib(" + n + ") = " + fib(n));
        System.out.println("cachedFib(" + n + ") = " + cachedFib(n, new long[n + 1]));
    }
}
