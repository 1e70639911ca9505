package io.speedkit.profiler.browser;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.speedkit.profiler.Stats;
import io.speedkit.profiler.export.PstatsWriter;

import java.io.BufferedReader;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.io.PrintStream;
import java.io.StringReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The oracle: the same scripted session through {@code python -m pstats} (stdin piped, so Python prints
 * its prompts and no echo, exactly as {@link ReaderLines} does) and through our browser, on the same
 * statistics, must print the same bytes. The pstats file is written from our {@link Stats} by
 * {@link PstatsWriter}; the only thing taken from Python's output is its file title line (the file's
 * mtime as {@code time.ctime} prints it). Skipped when {@code python3} is not on the PATH.
 */
class PstatsBrowserCompatibilityTest {

    /**
     * Every command and message whose text pstats and speedkit share; left out are only the files that
     * pstats cannot read either way (a corrupt file crashes its {@code add}).
     */
    private static final String SCRIPT = String.join("\n",
            "stats",
            "sort",
            "sort nope",
            "sort cum",
            "sort cumulative",
            "stats 3",
            "stats 0.5",
            "stats fib",
            "stats 1.5 Fib",
            "stats ( 2",
            "stats 0",
            "stats 1.0 99999999999999999999 nan",
            "sort pc fi l",
            "stats",
            "reverse",
            "stats 2",
            "sort tot name",
            "callers",
            "callees Main 1",
            "strip",
            "stats",
            "callers Util",
            "help",
            "help stats",
            "help callers",
            "help callees",
            "help sort",
            "help read",
            "help add",
            "help reverse",
            "help strip",
            "help help",
            "help quit",
            "help EOF",
            "help nope",
            "?sort",
            "frobnicate now",
            "",
            "!ls",
            "% x",
            "read nothere",
            "add nothere",
            "read",
            "stats 1",
            "add demo.prof",
            "sort time",
            "stats 3",
            "")
            // no quit: the end of input is pstats' EOF command
            ;

    private static final Pattern TITLE = Pattern.compile("(?m)^(\\w{3} \\w{3} [ \\d]\\d \\d\\d:\\d\\d:\\d\\d \\d{4})    demo\\.prof$");

    @TempDir
    Path dir;

    @Test
    void session_equalsPythonPstatsBrowser() throws Exception {
        Stats demo = BrowserProfile.stats("demo.prof");
        try (OutputStream o = Files.newOutputStream(dir.resolve("demo.prof"))) {
            PstatsWriter.write(demo, o);
        }
        String python = runPython();
        Matcher m = TITLE.matcher(python);
        assertTrue(m.find(), "no file title line in Python's output:\n" + python);
        String title = m.group(0);
        StatsLoader loader = file -> {
            if (!file.toString().equals("demo.prof")) {
                throw new NoSuchFileException(file.toString());
            }
            return demo.withFileLines(List.of(title));
        };
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        PrintStream out = new PrintStream(bytes, true, StandardCharsets.UTF_8);
        new ProfileBrowser(new ReaderLines(new BufferedReader(new StringReader(SCRIPT)), out), out, loader)
                .run(List.of(Path.of("demo.prof")));
        assertEquals(python, bytes.toString(StandardCharsets.UTF_8));
    }

    private String runPython() throws Exception {
        Process p;
        try {
            ProcessBuilder pb = new ProcessBuilder("python3", "-m", "pstats", "demo.prof").directory(dir.toFile())
                    .redirectError(ProcessBuilder.Redirect.DISCARD);
            pb.environment().put("PYTHONIOENCODING", "utf-8");
            p = pb.start();
        } catch (IOException e) {
            Assumptions.abort("python3 is not on the PATH, so the pstats browser cannot be compared: " + e.getMessage());
            throw e;
        }
        try (OutputStream stdin = p.getOutputStream()) {
            stdin.write(SCRIPT.getBytes(StandardCharsets.UTF_8));
        }
        byte[] out = p.getInputStream().readAllBytes();
        if (!p.waitFor(60, TimeUnit.SECONDS)) {
            p.destroyForcibly();
            throw new AssertionError("python3 -m pstats did not finish within 60 s");
        }
        assertEquals(0, p.exitValue(), "python3 -m pstats exit code");
        return new String(out, StandardCharsets.UTF_8);
    }
}
