package io.speedkit.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.speedkit.pool.Pool;
import java.io.File;
import java.net.URISyntaxException;
import java.nio.file.Path;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/**
 * Examples 06–09 (the seed's multiprocessing, threading and asyncio examples on speedkit-pool), run in forked JVMs
 * the way their Javadoc says: as source files with the pool's jar on the class path, or from the examples jar.
 * Their output is checked for its shape and for every part that does not depend on timing — counts, order,
 * exactness — and never for a time or a speed-up.
 */
class PoolExamplesTest {
    private static final int CORES = Runtime.getRuntime().availableProcessors();
    /** A time as the examples print it: {@code 0.34 s}, {@code 12.5 ms}. */
    private static final String SECONDS = " *\\d+\\.\\d\\d s";
    private static final String NUMBER = "[\\d,]+";

    private static Path source(String name) {
        return Artifacts.root().resolve("examples/src/main/java/io/speedkit/examples/" + name + ".java");
    }

    /** Where the build put speedkit-pool: its jar in a reactor {@code verify}, its classes in a plain {@code test}. */
    private static String poolClassPath() {
        try {
            return Path.of(Pool.class.getProtectionDomain().getCodeSource().getLocation().toURI()).toString();
        } catch (URISyntaxException e) {
            throw new IllegalStateException(e);
        }
    }

    /** {@code java -cp <speedkit-pool> Example.java ARGS}: the first command of each example's Javadoc. */
    private static ForkedJvm.Result runSource(String name, String... args) {
        List<String> cmd = new java.util.ArrayList<>(List.of("-cp", poolClassPath(), source(name).toString()));
        cmd.addAll(List.of(args));
        ForkedJvm.Result r = ForkedJvm.java(cmd).run();
        assertEquals(0, r.exitCode(), r.describe());
        return r;
    }

    private static void assertMatches(String regex, String line) {
        assertTrue(line.matches(regex), "\n  expected: " + regex + "\n  but got:  " + line);
    }

    private static long number(String text) {
        return Long.parseLong(text.replace(",", ""));
    }

    @Test
    void example06_processPerTaskBecomesPoolWithOneWorkerPerCore() {
        ForkedJvm.Result r = runSource("Example06ProcessPerTask");
        List<String> lines = Texts.lines(r.stdout());
        assertEquals(7, lines.size(), r.describe());
        assertEquals("Process 2 is now running.", lines.get(0));
        assertEquals("Process 2 is done running.", lines.get(1));
        assertEquals("primes below 5,000,000, counted in 16 slices of 312,500, on " + CORES + " cores", lines.get(2));
        // pi(5,000,000) = 348,513, the same whichever way it is computed.
        assertMatches("  serial loop      348,513 primes in" + SECONDS + " +\\d+\\.\\d\\dx", lines.get(3));
        assertMatches("  Pool\\.cpu\\(\\)       348,513 primes in" + SECONDS + " +\\d+\\.\\d\\dx  " + CORES
                + " workers, one per core", lines.get(4));
        int many = 4 * CORES;
        assertMatches(" {2}" + Pattern.quote(String.format("%-14s", "Pool.cpu(" + many + ")")) + " +348,513 primes in" + SECONDS
                + " +\\d+\\.\\d\\dx  " + many + " workers on " + CORES + " cores", lines.get(5));
        assertEquals("primes per slice, in input order: " + primesPerSlice(5_000_000, 16), lines.get(6));
        // The seed's rule, processes <= cores, told once through System.Logger.
        assertTrue(r.stderr().contains("Pool.cpu(" + many + ") on " + CORES + " cores: more CPU-bound workers than cores"
                + " only adds switching"), r.describe());
    }

    /** The primes in each of {@code slices} equal slices below {@code limit}, by a sieve: an independent count. */
    private static String primesPerSlice(int limit, int slices) {
        boolean[] composite = new boolean[limit];
        int width = (limit + slices - 1) / slices;
        int[] counts = new int[slices];
        for (int n = 2; n < limit; n++) {
            if (!composite[n]) {
                counts[n / width]++;
                for (long m = (long) n * n; m < limit; m += n) {
                    composite[(int) m] = true;
                }
            }
        }
        StringBuilder b = new StringBuilder();
        for (int c : counts) {
            b.append(b.isEmpty() ? "" : " ").append(c);
        }
        return b.toString();
    }

    @Test
    void example07_threadWithArgumentsThenGatherAndPoolIo() {
        ForkedJvm.Result r = runSource("Example07ThreadWithArguments");
        assertEquals("", r.stderr());
        List<String> lines = Texts.lines(r.stdout());
        assertEquals(9, lines.size(), r.describe());
        // Thread 1 prints before it starts thread 2; after that the two interleave as the scheduler likes, each
        // thread's own lines in order.
        assertEquals("Thread 1 is now running.", lines.get(0));
        List<String> first = lines.subList(0, 6);
        assertEquals(List.of("Thread 1 is now running.", "Thread 1 is now running.", "Thread 1 is done running."),
                first.stream().filter(l -> l.startsWith("Thread 1 ")).toList(), r.stdout());
        assertEquals(List.of("Thread 2 is now running.", "Thread 2 is now running.", "Thread 2 is done running."),
                first.stream().filter(l -> l.startsWith("Thread 2 ")).toList(), r.stdout());
        assertEquals("Hello world", lines.get(6));
        assertMatches("Async\\.gather: \\[Hello world, Hello virtual threads\\] in \\d+\\.\\d\\d s \\(two waits of 0\\.5 s,"
                + " at once\\)", lines.get(7));
        assertMatches("Pool\\.io\\(10000\\): 10,000 tasks each waiting 100 ms in \\d+\\.\\d\\d s \\(one after another:"
                + " 1,000 s\\); results in input order, sum 49,995,000", lines.get(8));
    }

    /** From the examples jar this time: the second command of the Javadoc. */
    @Test
    void example08_sharedCounterLosesUpdatesAndBothFixesAreExact() {
        String cp = Artifacts.jar("examples.jar") + File.pathSeparator + poolClassPath();
        ForkedJvm.Result r = ForkedJvm.java("-cp", cp, "io.speedkit.examples.Example08LostUpdates").run();
        assertEquals(0, r.exitCode(), r.describe());
        assertEquals("", r.stderr());
        List<String> lines = Texts.lines(r.stdout());
        assertEquals(7, lines.size(), r.describe());
        long expected = 40_000_000L;
        assertEquals("4 tasks on Pool.cpu() (" + CORES + " workers), each adding 1 to a counter 10,000,000 times;"
                + " expected 40,000,000", lines.get(0));
        // The race: how much is lost differs from run to run (and may be nothing on one core), but a lost update can
        // only make the count smaller, and the line must say by how much.
        Pattern racy = Pattern.compile("  shared int, counter\\+\\+ #(\\d) +(" + NUMBER + ") +\\d+\\.\\d ms  lost (" + NUMBER
                + ") updates \\((\\d+\\.\\d)%\\)");
        for (int round = 1; round <= 3; round++) {
            Matcher m = racy.matcher(lines.get(round));
            assertTrue(m.matches(), lines.get(round));
            assertEquals(round, Integer.parseInt(m.group(1)));
            long count = number(m.group(2));
            assertTrue(count <= expected, "a racy count above what was added: " + lines.get(round));
            assertEquals(expected - count, number(m.group(3)), lines.get(round));
        }
        // The fixes are exact, every time.
        assertMatches("  no sharing: map \\+ sum +40,000,000 +\\d+\\.\\d ms  exact", lines.get(4));
        assertMatches("  LongAdder\\.increment\\(\\) +40,000,000 +\\d+\\.\\d ms  exact", lines.get(5));
        assertMatches("  AtomicLong\\.incrementAndGet\\(\\) +40,000,000 +\\d+\\.\\d ms  exact", lines.get(6));
    }

    @Test
    void example08_argumentsSetTasksAndIncrements() {
        ForkedJvm.Result r = runSource("Example08LostUpdates", "3", "1000");
        List<String> lines = Texts.lines(r.stdout());
        assertEquals("3 tasks on Pool.cpu() (" + CORES + " workers), each adding 1 to a counter 1,000 times;"
                + " expected 3,000", lines.get(0));
        assertMatches("  no sharing: map \\+ sum +3,000 +\\d+\\.\\d ms  exact", lines.get(4));
    }

    @Test
    void example09_manyRequestsInFlightToItsOwnServer() {
        ForkedJvm.Result r = runSource("Example09ManyRequestsInFlight");
        List<String> lines = Texts.lines(r.stdout());
        assertEquals(4, lines.size(), r.describe());
        assertMatches("a local server at http://127\\.0\\.0\\.1:\\d+/ answers each request after 50 ms", lines.get(0));
        assertMatches("  one by one {27}20 requests in" + SECONDS + " +" + NUMBER + " requests/s", lines.get(1));
        assertMatches("  Pool\\.io\\(200\\) with timeout 10 s {4}1,000 requests in" + SECONDS + " +" + NUMBER
                + " requests/s  \\d+x the rate one by one", lines.get(2));
        // Collect mode: every request's outcome, in input order, each body the one its item asked for.
        assertEquals("1,000 ok, 0 failed, 0 timed out; 1,000 bodies match their item in input order", lines.get(3));
        // stderr is a pipe here, not a terminal: the progress bar writes plain lines, the last one at the end.
        List<String> err = Texts.lines(r.stderr());
        assertMatches("fetch: 1000/1000 100% \\[\\d\\d:\\d\\d<00:00, \\d+\\.\\d\\dit/s\\]", err.get(err.size() - 1));
    }
}
