package io.speedkit.timeit.snippet;

import io.speedkit.timeit.Autorange;
import io.speedkit.timeit.Blackhole;
import io.speedkit.timeit.Warmup;
import io.speedkit.timeit.internal.JitActivity;
import java.io.BufferedInputStream;
import java.io.BufferedOutputStream;
import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.EOFException;
import java.io.IOException;
import java.io.OutputStream;
import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.function.LongSupplier;

/**
 * The forked JVM's entry point: {@code java ... ForkMain <response file>}. It starts while speedkit is
 * still compiling the snippet, gets ready, then reads the request from standard input, times the
 * snippet and writes the response file (see {@link Protocol}). Standard output and error are the
 * snippet's; an empty standard input (speedkit found a compile error) ends it quietly.
 *
 * <p>Why a fork (JMH's reason): a JVM of its own gives the snippet a clean JIT — no profiles or compile
 * queue of speedkit's or javac's code — and lets {@link SnippetFork} pass the JVM options that turn
 * {@link Blackhole} into compiler blackholes.
 */
public final class ForkMain {
    private ForkMain() {
    }

    public static void main(String[] args) throws IOException {
        if (args.length != 1) {
            System.err.println("usage: ForkMain <response file> (started by speedkit timeit, with the request on stdin)");
            System.exit(2);
        }
        Path response = Path.of(args[0]);
        // Get ready while the parent compiles: load and initialise what measuring needs.
        LongSupplier jit = JitActivity.ofThisJvm();
        jit.getAsLong();
        Blackhole.mode();
        Warmup.DEFAULT.getClass();
        Autorange.next(1);
        System.nanoTime();

        Protocol.Request request;
        try {
            request = Protocol.readRequest(new DataInputStream(new BufferedInputStream(System.in)));
        } catch (EOFException parentGaveUp) {
            return;
        }
        LongSupplier ticker = System::nanoTime;
        if (request.options().cpuTime()) {
            ThreadMXBean threads = ManagementFactory.getThreadMXBean();
            ticker = threads::getCurrentThreadCpuTime;
        }
        Object outcome;
        try {
            SnippetBase snippet = (SnippetBase) new Loader(request.classes()).loadClass(request.className())
                    .getDeclaredConstructor().newInstance();
            outcome = SnippetRunner.run(snippet, request.options(), ticker, System::nanoTime, jit);
        } catch (java.lang.reflect.InvocationTargetException e) {
            outcome = SnippetFailure.of(e.getCause(), request.className());
        } catch (Throwable t) {
            outcome = SnippetFailure.of(t, request.className());
        }
        try (OutputStream file = Files.newOutputStream(response);
                DataOutputStream out = new DataOutputStream(new BufferedOutputStream(file))) {
            if (outcome instanceof Measurement m) {
                Protocol.writeMeasurement(out, m);
            } else {
                Protocol.writeFailure(out, (SnippetFailure) outcome);
            }
        }
        System.out.flush();
        // The snippet may have started threads that would keep this JVM alive.
        System.exit(0);
    }

    /** Defines the snippet's classes from their bytes; everything else comes from the class path. */
    private static final class Loader extends ClassLoader {
        private final Map<String, byte[]> classes;

        Loader(Map<String, byte[]> classes) {
            super(ForkMain.class.getClassLoader());
            this.classes = classes;
        }

        @Override
        protected Class<?> findClass(String name) throws ClassNotFoundException {
            byte[] b = classes.get(name);
            if (b == null) {
                throw new ClassNotFoundException(name);
            }
            return defineClass(name, b, 0, b.length);
        }
    }
}
