package io.speedkit.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.speedkit.profiler.data.Metadata;
import io.speedkit.profiler.data.ProfileData;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import javax.tools.ToolProvider;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The agent never breaks a program, even one that pushes the JVM's limits. */
class AgentRobustnessTest {

    /**
     * A program that overflows its stack three times and recovers each time keeps running, prints exactly what
     * it prints without the agent, and its calls are counted: every call the program counted itself, plus at most
     * one per overflow. (Under the agent the StackOverflowError may strike inside the probe at the first
     * instruction of a {@code down} call, before the program's own {@code calls++}: that invocation raised an
     * exception, and counts as a call, as cProfile counts a call that raised at once. Seen in about a third of
     * the runs.) The times stay consistent: down runs inside main.
     */
    @Test
    void stackOverflowRecovered_programRunsOnAndCallsAreCounted(@TempDir Path dir) {
        Path out = dir.resolve("overflow.prof");
        Speedkit.Result r = Speedkit.run("profile", "-o", out.toString(), "-cp", Artifacts.testClasses().toString(),
                "io.speedkit.it.targets.Overflow");
        assertEquals(0, r.exitCode(), r.describe());
        assertEquals("recovered 0\nrecovered 1\nrecovered 2\nafter 10\n", r.stdout());
        Matcher m = Pattern.compile("down calls (\\d+)\n").matcher(r.stderr());
        assertTrue(m.matches(), r.stderr());
        long counted = Long.parseLong(m.group(1));
        ProfileData data = Profiles.read(out);
        var down = Profiles.row(data, "(Overflow.down)");
        assertTrue(down.totalCalls() >= counted && down.totalCalls() <= counted + 3,
                "the program counted " + counted + " calls, the profile " + down.totalCalls());
        assertEquals(3, down.primitiveCalls(), "one outermost call per round");
        assertEquals(10, Profiles.row(data, "(Overflow.after)").totalCalls(), "calls after the overflows are recorded");
        var main = Profiles.row(data, "(Overflow.main)");
        assertEquals(1, main.totalCalls());
        assertTrue(down.cumtime() <= main.cumtime(), "down runs inside main: " + down + " vs " + main);
        assertEquals("0", data.metadata().get(Metadata.OPEN_FRAMES));
    }

    /**
     * With the verifier on for boot classes too, the probe (defined in java.lang, in the boot loader) and every
     * instrumented class verify: the profile is written and the agent says nothing.
     */
    @Test
    void verifiedBootClasses_profilerStartsAndRecords(@TempDir Path dir) {
        Path out = dir.resolve("verified.prof");
        Speedkit.Result r = Speedkit.run("profile", "-o", out.toString(), "-J-XX:+UnlockDiagnosticVMOptions",
                "-J-XX:+BytecodeVerificationLocal", "-J-XX:+BytecodeVerificationRemote", "-cp",
                Artifacts.testClasses().toString(), "io.speedkit.it.targets.Fib", "15");
        assertEquals(0, r.exitCode(), r.describe());
        assertEquals("fib(15) = 610\n", r.stdout());
        assertEquals("", r.stderr());
        assertEquals(1973, Profiles.row(Profiles.read(out), "(Fib.fib)").totalCalls());
    }

    /**
     * Methods near the class-file limits: {@code big8k} is just under HotSpot's 8000-byte JIT limit (timing its
     * 1000 JDK calls would push it past), {@code big64k} just under 64 KiB (timing its calls would not fit at
     * all). The agent gives up the call-site timing of those methods, keeps timing the methods themselves,
     * says nothing (that is for verbose=true), and the program's output is unchanged.
     */
    @Test
    void methodsNearTheSizeLimits_stillRunAndAreTimed(@TempDir Path dir) throws IOException {
        Path src = dir.resolve("Big.java");
        StringBuilder code = new StringBuilder("public class Big {\n");
        method(code, "big8k", 1000);
        method(code, "big64k", 9000);
        code.append("    public static void main(String[] args) {\n")
                .append("        StringBuilder sb = new StringBuilder();\n")
                .append("        big8k(sb);\n")
                .append("        big64k(sb);\n")
                .append("        System.out.println(sb.length());\n")
                .append("    }\n}\n");
        Files.writeString(src, code);
        Path classes = dir.resolve("classes");
        assertEquals(0, ToolProvider.getSystemJavaCompiler().run(null, null, null, "-d", classes.toString(), src.toString()));

        ForkedJvm.Result plain = ForkedJvm.java("-cp", classes.toString(), "Big").run();
        assertEquals("10000\n", plain.stdout(), plain.describe());
        Speedkit.Result r = Speedkit.run("profile", "-cp", classes.toString(), "Big");
        assertEquals(0, r.exitCode(), r.describe());
        assertEquals("", r.stderr(), "degrading is not an error");
        assertTrue(r.stdout().startsWith("10000\n"), r.stdout());
        Report report = Report.parse(r.stdout());
        assertEquals("1", report.row("(Big.big8k)").ncalls());
        assertEquals("1", report.row("(Big.big64k)").ncalls());
        assertEquals("1", report.row("{method java.lang.StringBuilder.new}").ncalls(), "main's own JDK calls are still timed");
        assertFalse(report.hasRow("{method java.lang.StringBuilder.append}"), "the big methods' 10000 appends are not timed");
    }

    private static void method(StringBuilder code, String name, int appends) {
        code.append("    static void ").append(name).append("(StringBuilder sb) {\n");
        for (int i = 0; i < appends; i++) {
            code.append("        sb.append('x');\n");
        }
        code.append("    }\n");
    }
}
