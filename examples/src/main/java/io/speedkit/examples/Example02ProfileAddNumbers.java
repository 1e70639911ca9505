package io.speedkit.examples;

import io.speedkit.profiler.Profile;

/**
 * The seed's {@code cProfile.run('add_numbers()')}: profile one call from inside the program.
 *
 * <pre>
 * java -javaagent:$(bin/speedkit agent) -cp speedkit-cli/target/speedkit.jar:examples/target/classes \
 *      io.speedkit.examples.Example02ProfileAddNumbers
 * </pre>
 *
 * The agent instruments the classes; {@link Profile#run} records only while the call runs and prints the
 * report ordered by standard name, as {@code cProfile.run} does.
 */
public final class Example02ProfileAddNumbers {
    private Example02ProfileAddNumbers() {
    }

    static long addNumbers() {
        long sum = 1;
        for (int number = 1; number < 100_000; number++) {
            sum += number;
        }
        return sum;
    }

    public static void main(String[] args) {
        if (!Profile.isAgentAttached()) {
            System.err.println("Example02: run me with -javaagent:<speedkit-agent.jar> (bin/speedkit agent prints its path)");
            System.exit(1);
        }
        Profile.run(Example02ProfileAddNumbers::addNumbers);
    }
}
