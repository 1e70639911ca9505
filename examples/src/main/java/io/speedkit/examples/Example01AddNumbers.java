package io.speedkit.examples;

/**
 * The seed's first tool: time a piece of code by hand, {@code t_start = time.time()} ... {@code t_end}.
 *
 * <pre>
 * java examples/src/main/java/io/speedkit/examples/Example01AddNumbers.java
 * </pre>
 *
 * Java's monotonic clock is {@link System#nanoTime()}; {@code System.currentTimeMillis()} is wall time
 * and may jump. The sum is printed so that the JIT cannot drop the loop as dead code.
 */
public final class Example01AddNumbers {
    private Example01AddNumbers() {
    }

    static long addNumbers() {
        long sum = 1;
        for (int number = 1; number < 1_000_000; number++) {
            sum += number;
        }
        return sum;
    }

    public static void main(String[] args) {
        long start = System.nanoTime();
        long sum = addNumbers();
        long end = System.nanoTime();
        System.out.println("The sum is " + sum + ".");
        System.out.println("This code took: " + (end - start) / 1e9 + " seconds to run.");
    }
}
