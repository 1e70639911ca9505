package io.speedkit.profiler;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import io.speedkit.profiler.data.CallTree;
import io.speedkit.profiler.data.FunctionKey;
import io.speedkit.profiler.data.Metadata;
import io.speedkit.profiler.data.ProfileData;
import io.speedkit.profiler.data.ProfileWriter;
import io.speedkit.profiler.data.ThreadProfile;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.time.Instant;
import java.util.List;
import java.util.TimeZone;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ThreadsTest {
    static final FunctionKey RUN = new FunctionKey("app/Worker.java", 3, "Worker.run");
    static final FunctionKey STEP = new FunctionKey("app/Worker.java", 9, "Worker.step");

    /** main: run (1 call, 10 ticks) calls step 4 times (6 ticks); pool-1-thread-1 and -2: run once, 5 ticks each. */
    static ProfileData threeThreads() {
        CallTree main = CallTree.of(new int[] {-1, 0}, new int[] {0, 1}, new long[] {1, 4}, new long[] {10, 6});
        CallTree worker = CallTree.of(new int[] {-1}, new int[] {0}, new long[] {1}, new long[] {5});
        return new ProfileData(List.of(RUN, STEP), List.of(ThreadProfile.of("main", 1, false, main),
                ThreadProfile.of("pool-1-thread-1", 21, false, worker), ThreadProfile.of("pool-1-thread-2", 22, false, worker),
                new ThreadProfile("virtual threads", -1, true, 1000, worker)), 1e-3, Metadata.empty());
    }

    @Test
    void summaries_countCallsAndRootTime() {
        List<Threads.Summary> s = Threads.summaries(threeThreads());
        assertEquals(new Threads.Summary("main", 1, false, 1, 5, 0.010), s.get(0));
        assertEquals(new Threads.Summary("virtual threads", -1, true, 1000, 1, 0.005), s.get(3));
    }

    @Test
    void select_byNameOrGlob() {
        assertEquals(1, Threads.select(threeThreads(), "main").threads().size());
        assertEquals(2, Threads.select(threeThreads(), "pool-1-thread-*").threads().size());
        assertEquals(4, Stats.of(threeThreads()).functions().get(RUN).totalCalls()); // three threads and the group
        assertEquals(2, Stats.of(Threads.select(threeThreads(), "pool-?-thread-?")).functions().get(RUN).totalCalls());
    }

    @Test
    void select_nothingMatches_listsTheThreads() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> Threads.select(threeThreads(), "worker"));
        assertEquals("no thread named 'worker'; the profile has 'main', 'pool-1-thread-1', 'pool-1-thread-2', 'virtual threads'",
                e.getMessage());
    }

    @Test
    void print_tableOfThreads() {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        Threads.print(threeThreads(), Unit.MILLISECONDS, new PrintStream(bytes, true, StandardCharsets.UTF_8));
        assertEquals("""
                       calls milliseconds  thread
                           5       10.000  main
                           1        5.000  pool-1-thread-1
                           1        5.000  pool-1-thread-2
                           1        5.000  virtual threads (1000 threads)
                """, bytes.toString(StandardCharsets.UTF_8));
    }

    @Test
    void load_twoFiles_addsThemWithPstatsTitleLines(@TempDir Path dir) throws IOException {
        Path a = save(dir.resolve("a.prof"), Threads.select(threeThreads(), "main"));
        Path b = save(dir.resolve("b.prof"), Threads.select(threeThreads(), "pool-1-thread-1"));
        TimeZone zone = TimeZone.getDefault();
        try {
            TimeZone.setDefault(TimeZone.getTimeZone("UTC"));
            Files.setLastModifiedTime(a, FileTime.from(Instant.parse("2026-11-05T05:14:29Z")));
            assertEquals("Thu Nov  5 05:14:29 2026    " + a, Stats.titleLine(a)); // C's asctime: day padded with a space
        } finally {
            TimeZone.setDefault(zone);
        }
        Stats both = Stats.load(a, b);
        assertEquals(2, both.functions().get(RUN).totalCalls());
        assertEquals(4, both.functions().get(STEP).totalCalls());
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        both.withOutput(new PrintStream(bytes, true, StandardCharsets.UTF_8)).printStats();
        String out = bytes.toString(StandardCharsets.UTF_8);
        String[] lines = out.split("\n");
        assertEquals(true, lines[0].endsWith("    " + a), out);
        assertEquals(true, lines[1].endsWith("    " + b), out);
        assertEquals("", lines[2]);
    }

    private static Path save(Path file, ProfileData data) throws IOException {
        try (OutputStream out = Files.newOutputStream(file)) {
            ProfileWriter.write(data, out);
        }
        return file;
    }
}
