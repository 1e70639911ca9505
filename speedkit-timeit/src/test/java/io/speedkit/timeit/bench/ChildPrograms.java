package io.speedkit.timeit.bench;

import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;

/** Small programs that {@link ProcessLauncherTest} runs in real child JVMs, each with its expected cost. */
final class ChildPrograms {
    private ChildPrograms() {
    }

    /** The java command that runs {@code program}'s main with {@code args}. */
    static List<String> java(Class<?> program, String... args) {
        try {
            Path classes = Path.of(ChildPrograms.class.getProtectionDomain().getCodeSource().getLocation().toURI());
            List<String> cmd = new java.util.ArrayList<>(List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                    "-Xshare:auto", "-XX:TieredStopAtLevel=1", "-Xmx512m", "-cp", classes.toString(), program.getName()));
            cmd.addAll(List.of(args));
            return cmd;
        } catch (java.net.URISyntaxException e) {
            throw new IllegalStateException(e);
        }
    }

    /** Burns {@code args[0]} ms of this thread's CPU time (not wall time: a busy machine only makes it slower). */
    static final class BurnCpu {
        public static void main(String[] args) {
            ThreadMXBean threads = ManagementFactory.getThreadMXBean();
            long until = threads.getCurrentThreadCpuTime() + Long.parseLong(args[0]) * 1_000_000L;
            long x = 0;
            while (threads.getCurrentThreadCpuTime() < until) {
                for (int i = 0; i < 10_000; i++) {
                    x += i ^ x;
                }
            }
            System.out.println(x);
        }
    }

    /** Allocates and touches {@code args[0]} MiB, keeps it all reachable, then exits. */
    static final class Allocate {
        public static void main(String[] args) {
            byte[][] keep = new byte[Integer.parseInt(args[0])][];
            for (int i = 0; i < keep.length; i++) {
                keep[i] = new byte[1 << 20];
                Arrays.fill(keep[i], (byte) i); // every page written, so resident
            }
            long sum = 0;
            for (byte[] b : keep) {
                sum += b[b.length - 1];
            }
            System.out.println(sum);
        }
    }

    /** Exits with {@code args[0]}. */
    static final class Exit {
        public static void main(String[] args) {
            System.exit(Integer.parseInt(args[0]));
        }
    }

    /** Writes to stdout and stderr, then reads stdin to its end and says how many bytes it had. */
    static final class Talk {
        public static void main(String[] args) throws java.io.IOException {
            System.out.println("to stdout");
            System.err.println("to stderr");
            System.out.println("stdin had " + System.in.readAllBytes().length + " bytes");
        }
    }
}
