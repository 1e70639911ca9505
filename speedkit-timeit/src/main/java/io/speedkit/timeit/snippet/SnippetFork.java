package io.speedkit.timeit.snippet;

import io.speedkit.timeit.Blackhole;
import java.io.BufferedInputStream;
import java.io.BufferedOutputStream;
import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * The JVM that times a snippet: started first, so that it boots while the snippet compiles, then given
 * the class files. Like JMH's forks it gets a clean JIT and the compiler-blackhole options
 * ({@link Blackhole#JVM_OPTIONS}); it is otherwise started as java starts, with the JVM's default GC
 * and heap, which is what JMH measures too.
 *
 * <pre>{@code
 * try (SnippetFork fork = SnippetFork.start(java, List.of(), compiler.classPath(), false)) {
 *     CompiledSnippet c = compiler.compile(snippet);        // meanwhile the JVM starts
 *     Measurement m = fork.run(c, options);
 * }
 * }</pre>
 */
public final class SnippetFork implements AutoCloseable {
    private final Process process;
    private final Path response;

    private SnippetFork(Process process, Path response) {
        this.process = process;
        this.response = response;
    }

    /**
     * Starts the JVM.
     *
     * @param java       the java launcher, normally this JVM's
     * @param jvmOptions more options for it (after speedkit's)
     * @param classPath  a class path holding speedkit-timeit and what the snippet uses
     * @param inheritIo  whether the JVM writes to this process's standard output and error directly;
     *                   if not, the caller reads {@link #process()}'s streams
     */
    public static SnippetFork start(Path java, List<String> jvmOptions, String classPath, boolean inheritIo) throws IOException {
        Path response = Files.createTempFile("speedkit-timeit-", ".response");
        response.toFile().deleteOnExit(); // also when speedkit is stopped by Ctrl-C before close()
        List<String> cmd = new ArrayList<>();
        cmd.add(java.toString());
        cmd.addAll(Blackhole.JVM_OPTIONS);
        cmd.addAll(jvmOptions);
        cmd.add("-cp");
        cmd.add(classPath);
        cmd.add(ForkMain.class.getName());
        cmd.add(response.toString());
        ProcessBuilder pb = new ProcessBuilder(cmd);
        if (inheritIo) {
            pb.redirectOutput(ProcessBuilder.Redirect.INHERIT).redirectError(ProcessBuilder.Redirect.INHERIT);
        }
        try {
            return new SnippetFork(pb.start(), response);
        } catch (IOException e) {
            Files.deleteIfExists(response);
            throw new IOException("cannot start " + java + ": " + e.getMessage(), e);
        }
    }

    /** The JVM's process (to read its output when it does not inherit ours). */
    public Process process() {
        return process;
    }

    /**
     * Sends the snippet, waits for the JVM to time it and returns what it measured.
     *
     * @throws SnippetException when the snippet threw
     * @throws IOException      when the JVM ended without an answer (the snippet called
     *                          {@code System.exit}, or the JVM crashed)
     */
    public Measurement run(CompiledSnippet snippet, RunOptions options) throws IOException, InterruptedException, SnippetException {
        try (DataOutputStream out = new DataOutputStream(new BufferedOutputStream(process.getOutputStream()))) {
            Protocol.writeRequest(out, snippet, options);
        } catch (IOException e) {
            // the JVM is gone already: say how it ended
        }
        int code = process.waitFor();
        Object outcome;
        try (InputStream file = Files.newInputStream(response)) {
            if (Files.size(response) == 0) {
                throw new NoSuchFileException(response.toString());
            }
            outcome = Protocol.readResponse(new DataInputStream(new BufferedInputStream(file)));
        } catch (NoSuchFileException | java.io.EOFException e) {
            throw new IOException("the JVM timing the snippet ended with exit code " + code + " before it finished"
                    + (code == 0 ? "" : " (System.exit in the snippet, or a crash: see its output above)"));
        }
        if (outcome instanceof SnippetFailure f) {
            throw new SnippetException(f, snippet);
        }
        return (Measurement) outcome;
    }

    /** Ends the JVM if it still runs, and removes the response file. */
    @Override
    public void close() throws IOException {
        if (process.isAlive()) {
            process.destroy();
        }
        Files.deleteIfExists(response);
    }
}
