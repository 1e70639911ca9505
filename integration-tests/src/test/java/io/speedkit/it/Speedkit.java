package io.speedkit.it;

import static org.junit.jupiter.api.Assertions.fail;

import io.speedkit.cli.Cli;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

/**
 * The speedkit command line run in this JVM, as {@code bin/speedkit} would run it but with the world
 * injected: stdin from a byte array, stdout and stderr captured, an empty environment (no
 * {@code CLASSPATH}, no {@code SPEEDKIT_DEBUG}). The agent is the one {@code -Dspeedkit.agent} names
 * (set by surefire). A program {@code speedkit profile} starts runs in a child JVM whose output the CLI
 * pumps into the captured streams.
 *
 * <pre>{@code
 * Speedkit.Result r = Speedkit.run("profile", "-o", file, "-cp", classes, "com.acme.Main");
 * }</pre>
 */
final class Speedkit {
    static final Duration TIMEOUT = Duration.ofSeconds(120);

    private Speedkit() {
    }

    static Result run(String... args) {
        return runWithStdin("", args);
    }

    static Result run(List<String> args) {
        return runWithStdin("", args.toArray(new String[0]));
    }

    /** Runs {@code speedkit ARGS} with {@code stdin} as its standard input; fails the test after {@link #TIMEOUT}. */
    static Result runWithStdin(String stdin, String... args) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        ByteArrayOutputStream err = new ByteArrayOutputStream();
        PrintStream o = new PrintStream(out, true, StandardCharsets.UTF_8);
        PrintStream e = new PrintStream(err, true, StandardCharsets.UTF_8);
        Cli cli = new Cli(new ByteArrayInputStream(stdin.getBytes(StandardCharsets.UTF_8)), o, e, Map.of(), false);
        ExecutorService runner = Executors.newSingleThreadExecutor();
        try {
            Future<Integer> code = runner.submit(() -> cli.run(args));
            int exit;
            try {
                exit = code.get(TIMEOUT.toSeconds(), TimeUnit.SECONDS);
            } catch (TimeoutException t) {
                // The child JVMs the CLI started are ours: stop them by pid so the build does not hang.
                ProcessHandle.current().descendants().forEach(ProcessHandle::destroyForcibly);
                fail("speedkit " + String.join(" ", args) + " did not finish within " + TIMEOUT + "; stdout so far:\n"
                        + Texts.head(out.toString(StandardCharsets.UTF_8)));
                return null;
            } catch (ExecutionException x) {
                throw new AssertionError("speedkit threw instead of returning an exit code", x.getCause());
            }
            o.flush();
            e.flush();
            return new Result(exit, out.toByteArray(), err.toByteArray());
        } catch (InterruptedException x) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(x);
        } finally {
            runner.shutdownNow();
        }
    }

    /** What the command printed and its exit code. */
    record Result(int exitCode, byte[] out, byte[] err) {
        String stdout() {
            return new String(out, StandardCharsets.UTF_8);
        }

        String stderr() {
            return new String(err, StandardCharsets.UTF_8);
        }

        String describe() {
            return "exit code " + exitCode + "\n--- stdout ---\n" + Texts.head(stdout()) + "\n--- stderr ---\n" + Texts.head(stderr());
        }
    }
}
