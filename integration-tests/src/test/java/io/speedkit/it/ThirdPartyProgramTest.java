package io.speedkit.it;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.speedkit.profiler.data.Metadata;
import io.speedkit.profiler.data.ProfileData;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Real programs from Maven Central, run plainly ({@code java -cp JAR Main ARGS}) and under {@code speedkit
 * profile} with the same arguments: Mozilla Rhino's JavaScript shell (a compiler and interpreter that also
 * generates and loads classes of its own at run time) and the H2 database's SQL shell.
 */
class ThirdPartyProgramTest {
    private static final String RHINO_MAIN = "org.mozilla.javascript.tools.shell.Main";
    private static final String SCRIPT = String.join("\n",
            "function fib(n) { return n < 2 ? n : fib(n - 1) + fib(n - 2); }",
            "var a = [];",
            "for (var i = 0; i < 300; i++) { a.push((i * 7919) % 211); }",
            "a.sort(function (x, y) { return x - y; });",
            "var words = 'the quick brown fox jumps over the lazy dog'.split(' ').map(function (w) { return w.toUpperCase(); });",
            "print('fib(18) = ' + fib(18));",
            "print('sorted: ' + a.slice(0, 8).join(','));",
            "print('words: ' + words.join('-'));",
            "print('json: ' + JSON.stringify({n: a.length, last: a[a.length - 1]}));");

    private static final String H2_MAIN = "org.h2.tools.Shell";
    private static final String SQL = "CREATE TABLE p(id INT PRIMARY KEY, name VARCHAR(20)); "
            + "INSERT INTO p SELECT x, 'n' || x FROM SYSTEM_RANGE(1, 300); "
            + "SELECT COUNT(*), SUM(id), MAX(name) FROM p WHERE MOD(id, 3) = 0; "
            + "SELECT name FROM p WHERE id < 4 ORDER BY id DESC";

    private static List<String> rhino(String script) {
        return List.of("-cp", Artifacts.jar("rhino.jar").toString(), RHINO_MAIN, "-e", script);
    }

    @Test
    void rhino_sameOutputAndExitCodeUnderProfiler(@TempDir Path dir) {
        ForkedJvm.Result plain = ForkedJvm.java(rhino(SCRIPT)).run();
        assertEquals(0, plain.exitCode(), plain.describe());
        assertEquals("fib(18) = 2584\nsorted: 0,0,1,2,2,3,4,5\nwords: THE-QUICK-BROWN-FOX-JUMPS-OVER-THE-LAZY-DOG\n"
                + "json: {\"n\":300,\"last\":210}\n", plain.stdout(), "the script's own output");

        Path out = dir.resolve("rhino.prof");
        Speedkit.Result saved = Speedkit.run(concat(List.of("profile", "-o", out.toString()), rhino(SCRIPT)));
        assertEquals(plain.exitCode(), saved.exitCode(), saved.describe());
        assertArrayEquals(plain.out(), saved.out(), "stdout byte for byte; with -o speedkit prints nothing itself");
        assertArrayEquals(plain.err(), saved.err(), "stderr byte for byte: " + saved.stderr());

        ProfileData data = Profiles.read(out);
        long rhinoRows = Profiles.rows(data).keySet().stream().filter(n -> n.startsWith("org/mozilla/")).count();
        assertTrue(rhinoRows >= 1000, "thousands of Rhino's methods ran, got " + rhinoRows + " rows");
        assertEquals("0", data.metadata().get(Metadata.SKIPPED_CLASSES), "every class of Rhino was instrumented: " + data.metadata());
        assertTrue(data.metadata().getLong(Metadata.INSTRUMENTED_CLASSES, 0) > 100, data.metadata().toString());
        assertEquals(1, Profiles.row(data, "shell/Main.java:135(Main.main)").totalCalls());

        Speedkit.Result report = Speedkit.run(concat(List.of("profile"), rhino(SCRIPT)));
        assertEquals(0, report.exitCode(), report.describe());
        assertArrayEquals(plain.err(), report.err());
        byte[] prefix = Arrays.copyOf(report.out(), plain.out().length);
        assertArrayEquals(plain.out(), prefix, "the program's output comes first, byte for byte");
        Report r = Report.parse(report.stdout());
        assertEquals(plain.out().length, r.start(), "the report starts right after the program's output");
        assertTrue(r.rows().size() >= 1000, "rows: " + r.rows().size());
    }

    @Test
    void rhino_quitExitCodeIsThePrograms(@TempDir Path dir) {
        List<String> args = rhino("print('bye'); quit(3);");
        ForkedJvm.Result plain = ForkedJvm.java(args).run();
        assertEquals(3, plain.exitCode(), plain.describe());
        Path out = dir.resolve("quit.prof");
        Speedkit.Result profiled = Speedkit.run(concat(List.of("profile", "-o", out.toString()), args));
        assertEquals(3, profiled.exitCode(), profiled.describe());
        assertEquals("bye\n", profiled.stdout());
        assertArrayEquals(plain.out(), profiled.out());
        assertArrayEquals(plain.err(), profiled.err());
        ProfileData data = Profiles.read(out);
        assertEquals(1, Profiles.row(data, "{built-in method java.lang.System.exit}").totalCalls(), "quit() ends in System.exit");
        assertTrue(data.metadata().getLong(Metadata.OPEN_FRAMES, 0) > 0, "quit(3) leaves Rhino's frames open: " + data.metadata());
    }

    @Test
    void h2Shell_sameOutputAndExitCodeUnderProfiler(@TempDir Path dir) {
        List<String> args = List.of("-cp", Artifacts.jar("h2.jar").toString(), H2_MAIN, "-url", "jdbc:h2:mem:t", "-sql", SQL);
        ForkedJvm.Result plain = ForkedJvm.java(args).run();
        assertEquals(0, plain.exitCode(), plain.describe());
        assertTrue(plain.stdout().contains("100      | 15150   | n99\n"), plain.stdout());

        Path out = dir.resolve("h2.prof");
        Speedkit.Result profiled = Speedkit.run(concat(List.of("profile", "-o", out.toString()), args));
        assertEquals(plain.exitCode(), profiled.exitCode(), profiled.describe());
        // H2's shell prints how long each statement took ("(1 row, 11 ms)"): identical but for those numbers.
        assertEquals(withoutTimings(plain.stdout()), withoutTimings(profiled.stdout()));
        assertEquals(plain.stderr(), profiled.stderr());

        ProfileData data = Profiles.read(out);
        long h2Rows = Profiles.rows(data).keySet().stream().filter(n -> n.startsWith("org/h2/")).count();
        assertTrue(h2Rows >= 1000, "thousands of H2's methods ran, got " + h2Rows + " rows");
        assertEquals("0", data.metadata().get(Metadata.SKIPPED_CLASSES), data.metadata().toString());
    }

    private static String withoutTimings(String shellOutput) {
        return shellOutput.replaceAll(", \\d+ ms\\)", ", N ms)");
    }

    private static List<String> concat(List<String> a, List<String> b) {
        List<String> all = new java.util.ArrayList<>(a);
        all.addAll(b);
        return all;
    }
}
