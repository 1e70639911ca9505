package io.speedkit.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.speedkit.profiler.data.CallTree;
import io.speedkit.profiler.data.FunctionKey;
import io.speedkit.profiler.data.Metadata;
import io.speedkit.profiler.data.ProfileData;
import io.speedkit.profiler.data.ProfileWriter;
import io.speedkit.profiler.data.ThreadProfile;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Every mistake a user can make is answered by exactly one line on stderr, starting {@code speedkit} (picocli's
 * own option errors name the command, {@code speedkit profile:}), a non-zero exit code, nothing on stdout and no
 * stack trace. All of these are caught before a JVM starts, so they run in-process and cost nothing.
 */
class BadInputTest {
    @TempDir
    static Path dir;
    static Path app;
    static Path good;

    @BeforeAll
    static void files() throws IOException {
        app = dir.resolve("App.java");
        Files.writeString(app, "class App { public static void main(String[] a) { System.out.println(\"hi\"); } }\n");
        good = dir.resolve("good.prof");
        Files.write(good, profileBytes());
        byte[] bytes = profileBytes();
        Files.write(dir.resolve("empty.prof"), new byte[0]);
        Files.write(dir.resolve("truncated.prof"), Arrays.copyOf(bytes, bytes.length / 2));
        Files.write(dir.resolve("header-only.prof"), Arrays.copyOf(bytes, 9));
        byte[] corrupt = bytes.clone();
        corrupt[bytes.length / 2] ^= 0x5A; // inside a checksummed block
        Files.write(dir.resolve("corrupt.prof"), corrupt);
        byte[] newer = bytes.clone();
        newer[9] = 2; // format version (big-endian u16 after the 8-byte magic): 1 -> 2
        Files.write(dir.resolve("newer.prof"), newer);
        byte[] trailing = Arrays.copyOf(bytes, bytes.length + 3);
        Files.write(dir.resolve("trailing.prof"), trailing);
        Files.write(dir.resolve("pstats.prof"), new byte[] {'{', ')', 0, 0, 0, 'u', 3, 0, 0, 0, 'f', 'o', 'o', '0'});
        Files.writeString(dir.resolve("text.prof"), "just some text, not a profile\n");
        Files.createDirectory(dir.resolve("folder.prof"));
    }

    /** A small, valid profile: main → work, written by speedkit-profiler's own writer. */
    static byte[] profileBytes() throws IOException {
        List<FunctionKey> functions = List.of(new FunctionKey("com/acme/App.java", 3, "App.main"),
                new FunctionKey("com/acme/App.java", 9, "App.work"));
        CallTree tree = CallTree.of(new int[] {-1, 0}, new int[] {0, 1}, new long[] {1, 5}, new long[] {1000, 600});
        ProfileData data = new ProfileData(functions, List.of(ThreadProfile.of("main", 1, false, tree)), 1e-9,
                Metadata.of(Map.of(Metadata.COMMAND, "java App.java")));
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        ProfileWriter.write(data, out);
        return out.toByteArray();
    }

    static Stream<Arguments> mistakes() {
        String tc = Artifacts.testClasses().toString();
        String a = app.toString();
        return Stream.of(
                bad(1, "speedkit: cannot run 'Missing.java': no such file", "profile", "Missing.java"),
                bad(1, "speedkit: cannot run 'missing.jar': no such file", "profile", "-jar", "missing.jar"),
                bad(1, "speedkit: cannot find main class 'com.acme.Nope' on the class path '" + tc + "'",
                        "profile", "-cp", tc, "com.acme.Nope"),
                bad(2, "speedkit: unknown sort key 'cumtme'; valid keys: calls, cumtime, cumulative, file, filename, line, "
                        + "module, name, ncalls, nfl, pcalls, stdname, time, tottime", "profile", "-s", "cumtme", a),
                bad(2, "speedkit: bad class glob 'com.[x'", "profile", "--include", "com.[x", a),
                bad(2, "speedkit: bad class glob 'a b'", "profile", "--exclude", "a b", a),
                bad(2, "speedkit: unknown time unit 'parsecs'; valid units: auto, s, ms, us, ns", "profile", "--unit", "parsecs", a),
                bad(2, "speedkit profile: Invalid value for option '--limit': 'abc' is not an int", "profile", "--limit", "abc", a),
                bad(2, "speedkit: --limit must be 0 or more, got -1", "profile", "--limit", "-1", a),
                bad(2, "speedkit: bad regular expression for --callers '('", "profile", "--callers", "(", a),
                bad(2, "speedkit: --jdk-calls must be default, all or none, got 'some'", "profile", "--jdk-calls", "some", a),
                bad(1, "speedkit: cannot save the profile to ", "profile", "-o", dir.resolve("no/such/dir/x.prof").toString(), a),
                bad(2, "speedkit: nothing to run; give what you would give java", "profile", "-Xmx64m", "-ea"),
                bad(2, "speedkit profile: Missing required parameter: 'JAVA_ARGS'", "profile", "-J-Xmx64m"),
                bad(2, "speedkit profile: Missing required parameter: 'JAVA_ARGS'", "profile"),
                bad(2, "speedkit stats: Unknown option: '--bogus'", "stats", "--bogus", good.toString()),
                bad(2, "speedkit: unknown sort key 'cumtme'", "stats", "-s", "cumtme", good.toString()),
                bad(2, "speedkit: Unmatched argument at index 0: 'bogus'", "bogus"),
                bad(1, "speedkit: " + dir.resolve("nothere.prof") + ": no such file", "stats", dir.resolve("nothere.prof").toString()),
                badProfile("empty.prof", "empty file; not a speedkit profile"),
                badProfile("truncated.prof", "truncated"),
                badProfile("header-only.prof", "truncated"),
                badProfile("corrupt.prof", "corrupt"),
                badProfile("newer.prof", "profile format version 2 is newer than this speedkit reads (version 1)"),
                badProfile("trailing.prof", "corrupt: data after the end block"),
                badProfile("pstats.prof", "this looks like a Python pstats file, not a speedkit profile"),
                badProfile("text.prof", "not a speedkit profile"),
                badProfile("folder.prof", ""));
    }

    private static Arguments bad(int exitCode, String stderrStart, String... args) {
        return Arguments.of(String.join(" ", args), List.of(args), exitCode, stderrStart);
    }

    private static Arguments badProfile(String file, String message) {
        Path f = dir.resolve(file);
        return bad(1, "speedkit: " + f + ": " + message, "stats", f.toString());
    }

    @ParameterizedTest(name = "speedkit {0}")
    @MethodSource("mistakes")
    void mistake_oneLineNoStackTrace(String shown, List<String> args, int exitCode, String stderrStart) {
        Speedkit.Result r = Speedkit.run(args);
        assertEquals(exitCode, r.exitCode(), r.describe());
        assertEquals("", r.stdout(), "nothing on stdout");
        List<String> lines = Texts.lines(r.stderr());
        assertEquals(1, lines.size(), "exactly one line on stderr: " + r.stderr());
        assertTrue(lines.get(0).startsWith(stderrStart), "expected '" + stderrStart + "...', got: " + lines.get(0));
        assertFalse(Texts.hasStackTrace(r.stderr()), r.stderr());
        assertFalse(Texts.namesAnException(r.stderr()), "no exception class names: " + r.stderr());
    }

    /** A directory given as the profile to write: refused like any unusable output path, and left alone. */
    @Test
    void outputIsADirectory_refusedWithOneLine() throws IOException {
        Path full = Files.createDirectories(dir.resolve("full-dir"));
        Files.writeString(full.resolve("keep.txt"), "keep me");
        Path empty = Files.createDirectories(dir.resolve("empty-dir"));
        for (Path target : List.of(full, empty)) {
            Speedkit.Result r = Speedkit.run("profile", "-o", target.toString(), app.toString());
            assertEquals(1, r.exitCode(), r.describe());
            List<String> lines = Texts.lines(r.stderr());
            assertEquals(1, lines.size(), r.stderr());
            assertTrue(lines.get(0).startsWith("speedkit: cannot save the profile to " + target), lines.get(0));
            assertFalse(Texts.namesAnException(r.stderr()), r.stderr());
            assertTrue(Files.isDirectory(target), "the directory is left as it was: " + target);
        }
        assertEquals("keep me", Files.readString(full.resolve("keep.txt")));
    }

    @Test
    void goodProfile_isRead() throws IOException {
        // The files above are broken copies of this one, which is fine: each error is the breakage's.
        Speedkit.Result r = Speedkit.run("stats", "--unit", "s", good.toString());
        assertEquals(0, r.exitCode(), r.describe());
        Report report = Report.parse(r.stdout());
        assertEquals("5", report.row("com/acme/App.java:9(App.work)").ncalls());
        assertEquals("0.000", report.total());
        assertEquals(6, report.totalCalls());
        assertTrue(new String(profileBytes(), 0, 8, StandardCharsets.ISO_8859_1).endsWith("SPKPROF"));
    }
}
