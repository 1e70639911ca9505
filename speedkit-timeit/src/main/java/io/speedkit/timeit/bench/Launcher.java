package io.speedkit.timeit.bench;

import java.io.IOException;
import java.util.List;

/**
 * Runs one command in a new process, waits for its end and says what it used. {@link Bench} times the
 * call with its own clock; {@link ProcessLauncher} is the real one, tests give a fake.
 */
@FunctionalInterface
public interface Launcher {
    /**
     * Runs {@code command} (the executable, then its arguments) to its end.
     *
     * @throws IOException when the process cannot be started
     * @throws InterruptedException when the waiting thread is interrupted (the process is then destroyed)
     */
    ProcessExit run(List<String> command) throws IOException, InterruptedException;
}
