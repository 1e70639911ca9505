package io.speedkit.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

/**
 * The in-process API ({@code io.speedkit.profiler.Profile}, like {@code cProfile.Profile}) in a real JVM:
 * with the agent attached plainly it records between enable and disable only; without the agent, or while
 * {@code speedkit profile} records the whole program, enable refuses with a message that says why.
 */
class ProfileApiTest {
    private static final String API_USE = "io.speedkit.it.targets.ApiUse";

    @Test
    void sessionsAccumulate_andOnlyEnabledPartsAreRecorded() {
        ForkedJvm.Result r = ForkedJvm.java("-javaagent:" + Artifacts.agent(), "-cp", Artifacts.targetsClassPath(), API_USE,
                "accumulate").run();
        assertEquals(0, r.exitCode(), r.describe());
        assertEquals("", r.stderr());
        // work: 3 sessions × 10 calls, plus the runcall; the 3 calls between sessions are not recorded.
        // The runcall's lambda shows too; the main method, entered before any session, does not.
        assertEquals("runcall 42\n"
                + "ApiUse.work 31\n"
                + "ApiUse.main.lambda$0 1\n"
                + "second refused: another Profile is already enabled; disable it first\n", r.stdout());
    }

    @Test
    void enableWithoutAgent_saysHowToAttachIt() {
        ForkedJvm.Result r = ForkedJvm.java("-cp", Artifacts.targetsClassPath(), API_USE, "enable").run();
        assertEquals(0, r.exitCode(), r.describe());
        assertTrue(r.stdout().startsWith("refused: speedkit's agent is not attached to this JVM"), r.stdout());
        assertTrue(r.stdout().contains("-javaagent:") && r.stdout().contains("speedkit agent"), r.stdout());
    }

    @Test
    void enableWithAgent_records() {
        ForkedJvm.Result r = ForkedJvm.java("-javaagent:" + Artifacts.agent(), "-cp", Artifacts.targetsClassPath(), API_USE,
                "enable").run();
        assertEquals("enabled\n", r.stdout(), r.describe());
    }

    @Test
    void enableUnderSpeedkitProfile_refusedWhileTheWholeProgramIsRecorded() {
        Speedkit.Result r = Speedkit.run("profile", "--limit", "0", "-cp", Artifacts.targetsClassPath(), API_USE, "enable");
        assertEquals(0, r.exitCode(), r.describe());
        String[] parts = r.stdout().split("\n", 2);
        assertTrue(parts[0].startsWith("refused: speedkit is already profiling this whole program"), r.stdout());
        // The whole-program report follows; --limit 0 leaves no row, so pstats prints only its header line.
        assertTrue(parts[1].matches(" {9}\\d+ function calls (\\(\\d+ primitive calls\\) )?in \\d+\\.\\d{3} \\w+\n\n"),
                parts[1]);
    }
}
