package io.speedkit.it;

import static org.junit.jupiter.api.Assertions.fail;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.Executor;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

/**
 * A process this test starts: {@code java} of the JDK running the tests (or any other command, such as
 * {@code bin/speedkit}), with its stdout and stderr captured as bytes, stdin fed from a byte array, and
 * a timeout after which it is killed — together with every process it started — and the test fails.
 *
 * <pre>{@code
 * ForkedJvm.Result r = ForkedJvm.java("-cp", jar, "com.acme.Main").run();
 * Running p = ForkedJvm.command(List.of(launcher, "profile", ...)).start();   // for signal tests
 * }</pre>
 */
final class ForkedJvm {
    static final Duration DEFAULT_TIMEOUT = Duration.ofSeconds(90);

    private final List<String> command;
    private byte[] stdin = new byte[0];
    private Duration timeout = DEFAULT_TIMEOUT;
    private final Map<String, String> env = new HashMap<>();
    private Path directory;

    private ForkedJvm(List<String> command) {
        this.command = List.copyOf(command);
    }

    /** {@code java} from {@code java.home}, the JDK these tests run on. */
    static Path javaExecutable() {
        return Path.of(System.getProperty("java.home"), "bin", "java");
    }

    /** {@code java ARGS}. */
    static ForkedJvm java(String... args) {
        return java(List.of(args));
    }

    static ForkedJvm java(List<String> args) {
        List<String> cmd = new ArrayList<>();
        cmd.add(javaExecutable().toString());
        cmd.addAll(args);
        return new ForkedJvm(cmd);
    }

    /** Any command line. */
    static ForkedJvm command(List<String> cmd) {
        return new ForkedJvm(cmd);
    }

    ForkedJvm stdin(String text) {
        this.stdin = text.getBytes(StandardCharsets.UTF_8);
        return this;
    }

    ForkedJvm timeout(Duration d) {
        this.timeout = d;
        return this;
    }

    ForkedJvm env(String key, String value) {
        env.put(key, value);
        return this;
    }

    ForkedJvm directory(Path dir) {
        this.directory = dir;
        return this;
    }

    /** Runs to the end and returns what it printed. */
    Result run() {
        Running r = start();
        return r.await(timeout);
    }

    /** Starts the process; the caller waits with {@link Running#await}. */
    Running start() {
        ProcessBuilder pb = new ProcessBuilder(command);
        pb.environment().putAll(env);
        if (directory != null) {
            pb.directory(directory.toFile());
        }
        Process p;
        try {
            p = pb.start();
        } catch (IOException e) {
            throw new UncheckedIOException("cannot start " + command, e);
        }
        return new Running(p, command, stdin);
    }

    /** A started process whose output is being collected. */
    static final class Running {
        final Process process;
        private final List<String> command;
        private final CompletableFuture<byte[]> out;
        private final CompletableFuture<byte[]> err;
        /** The first lines of stdout, as they arrive, for tests that wait for a program to get somewhere. */
        private final StringBuffer seen = new StringBuffer();

        Running(Process process, List<String> command, byte[] stdin) {
            this.process = process;
            this.command = command;
            // One thread per stream: draining stdout and stderr one after the other (as a small shared pool
            // may) deadlocks once the program fills the pipe nobody reads.
            Executor own = task -> {
                Thread t = new Thread(task, "forked-jvm-io");
                t.setDaemon(true);
                t.start();
            };
            this.out = CompletableFuture.supplyAsync(() -> drain(process.getInputStream(), seen), own);
            this.err = CompletableFuture.supplyAsync(() -> drain(process.getErrorStream(), null), own);
            CompletableFuture.runAsync(() -> {
                try (OutputStream in = process.getOutputStream()) {
                    in.write(stdin);
                } catch (IOException ignored) {
                    // the program does not read its input
                }
            }, own);
        }

        private static byte[] drain(InputStream in, StringBuffer seen) {
            java.io.ByteArrayOutputStream all = new java.io.ByteArrayOutputStream();
            byte[] buf = new byte[8192];
            try (in) {
                int n;
                while ((n = in.read(buf)) >= 0) {
                    all.write(buf, 0, n);
                    if (seen != null) {
                        seen.append(new String(buf, 0, n, StandardCharsets.UTF_8));
                    }
                }
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
            return all.toByteArray();
        }

        /** Waits until stdout contains {@code text}; fails (and kills the process) after {@code timeout}. */
        void awaitStdout(String text, Duration timeout) throws InterruptedException {
            long deadline = System.nanoTime() + timeout.toNanos();
            while (seen.indexOf(text) < 0) {
                if (!process.isAlive() && out.isDone()) {
                    fail("the process ended before printing '" + text + "'; it printed: " + seen);
                }
                if (System.nanoTime() > deadline) {
                    killAll();
                    fail("no '" + text + "' on stdout within " + timeout + ": " + command);
                }
                Thread.sleep(20);
            }
        }

        /** The processes this process started (their pids), children first. */
        List<ProcessHandle> descendants() {
            return process.toHandle().descendants().toList();
        }

        Result await(Duration timeout) {
            try {
                if (!process.waitFor(timeout.toMillis(), TimeUnit.MILLISECONDS)) {
                    killAll();
                    fail("timed out after " + timeout + ": " + command + "\nstdout so far: " + seen);
                }
                return new Result(process.exitValue(), out.get(30, TimeUnit.SECONDS), err.get(30, TimeUnit.SECONDS));
            } catch (InterruptedException e) {
                killAll();
                Thread.currentThread().interrupt();
                throw new IllegalStateException(e);
            } catch (ExecutionException | TimeoutException e) {
                throw new IllegalStateException("could not collect the output of " + command, e);
            }
        }

        /** Kills this process and every process it started, by pid. */
        void killAll() {
            for (ProcessHandle h : descendants()) {
                h.destroyForcibly();
            }
            process.destroyForcibly();
        }
    }

    /** What a process printed and how it ended. */
    record Result(int exitCode, byte[] out, byte[] err) {
        String stdout() {
            return new String(out, StandardCharsets.UTF_8);
        }

        String stderr() {
            return new String(err, StandardCharsets.UTF_8);
        }

        /** For assertion messages. */
        String describe() {
            return "exit code " + exitCode + "\n--- stdout ---\n" + Texts.head(stdout()) + "\n--- stderr ---\n" + Texts.head(stderr());
        }
    }
}
