package io.speedkit.profiler;

import static org.junit.jupiter.api.Assertions.assertEquals;

import io.speedkit.profiler.export.PstatsWriter;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * The oracle: writes the demo's numbers as a real pstats file with the production {@link PstatsWriter},
 * lets Python's own {@code pstats} print each report, and requires our output to be the same bytes. Only
 * pstats' file title line (a timestamp and path) differs by nature; it is handed to our {@code Stats} as
 * its file line. Skipped when {@code python3} is not on the PATH.
 */
class PstatsCompatibilityTest {

    @TempDir
    static Path dir;
    private static Path profile;

    @BeforeAll
    static void writeProfile() throws IOException {
        profile = dir.resolve("demo.prof");
        // PstatsWriter writes in key order (the unsorted listing's), so our "random" order and sort tie order
        // become Python's too.
        Files.write(profile, PstatsWriter.toBytes(DemoReport.demo()));
    }

    static List<DemoReport> pythonReports() {
        List<DemoReport> out = new ArrayList<>();
        for (DemoReport r : DemoReport.ALL) {
            if (r.python() != null) {
                out.add(r);
            }
        }
        return out;
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("pythonReports")
    void report_equalsPythonPstats(DemoReport report) throws Exception {
        String python = runPython("import pstats, sys\ns = pstats.Stats(sys.argv[1])\n" + report.python() + "\n");
        Stats stats = DemoReport.demo();
        if (report.printsFileLines()) {
            stats = stats.withFileLines(List.of(python.substring(0, python.indexOf('\n'))));
        }
        assertEquals(python, report.render(stats), report.python());
    }

    /**
     * The export round trip in one script: the demo written by {@link PstatsWriter}, loaded by pstats and
     * printed in all three reports, equals our own output in seconds.
     */
    @ParameterizedTest(name = "locale [{0}]")
    @MethodSource("locales")
    void pstatsWriter_demo_allReportsEqualPythonPstats(Locale locale) throws Exception {
        Locale saved = Locale.getDefault();
        Locale.setDefault(locale);
        try {
            assertDemoRoundTrip();
        } finally {
            Locale.setDefault(saved);
        }
    }

    static List<Locale> locales() {
        return List.of(Locale.ROOT, Locale.GERMANY);
    }

    private static void assertDemoRoundTrip() throws Exception {
        String python = runPython("import pstats, sys\ns = pstats.Stats(sys.argv[1])\n"
                + "s.sort_stats('cumulative').print_stats(); s.print_callers(); s.print_callees()\n");
        // pstats' first line is the file's title (modification time and path); hand it over as ours.
        String title = python.substring(0, python.indexOf('\n'));
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        DemoReport.demo().withFileLines(List.of(title)).withOutput(new PrintStream(bytes, true, StandardCharsets.UTF_8))
                .sortStats("cumulative").printStats().printCallers().printCallees();
        assertEquals(python, bytes.toString(StandardCharsets.UTF_8));
    }

    private static String runPython(String script) throws Exception {
        Process p;
        try {
            ProcessBuilder pb = new ProcessBuilder("python3", "-c", script, profile.getFileName().toString())
                    .directory(dir.toFile()).redirectError(ProcessBuilder.Redirect.DISCARD);
            pb.environment().put("PYTHONIOENCODING", "utf-8");
            p = pb.start();
        } catch (IOException e) {
            Assumptions.abort("python3 is not on the PATH, so pstats cannot be compared: " + e.getMessage());
            throw e;
        }
        byte[] out = p.getInputStream().readAllBytes();
        if (!p.waitFor(60, TimeUnit.SECONDS)) {
            p.destroyForcibly();
            throw new AssertionError("python3 did not finish within 60 s");
        }
        assertEquals(0, p.exitValue(), "python3 exit code for:\n" + script);
        return new String(out, StandardCharsets.UTF_8);
    }
}
