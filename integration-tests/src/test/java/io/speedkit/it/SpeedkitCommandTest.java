package io.speedkit.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;

/** {@code speedkit --version}, {@code --help} and {@code agent}, in-process and through bin/speedkit. */
class SpeedkitCommandTest {

    @Test
    void version_namesSpeedkitAndTheJvm() {
        Speedkit.Result r = Speedkit.run("--version");
        assertEquals(0, r.exitCode(), r.describe());
        assertTrue(r.stdout().matches("speedkit \\d+\\.\\d+\\.\\d+\\S* \\(running on Java \\S+, .+\\)\n"), r.stdout());
        assertEquals("", r.stderr());
    }

    @Test
    void help_listsTheCommands() {
        Speedkit.Result r = Speedkit.run("--help");
        assertEquals(0, r.exitCode(), r.describe());
        assertTrue(r.stdout().startsWith("Usage: speedkit "), r.stdout());
        for (String command : List.of("profile", "stats", "agent")) {
            assertTrue(r.stdout().contains("\n  " + command + " "), command + " in " + r.stdout());
        }
        Speedkit.Result profile = Speedkit.run("profile", "--help");
        assertEquals(0, profile.exitCode(), profile.describe());
        assertTrue(profile.stdout().startsWith("Usage: speedkit profile "), profile.stdout());
        for (String option : List.of("-o", "--sort", "--limit", "--include", "--exclude", "-J", "--unit", "--callers", "--callees")) {
            assertTrue(profile.stdout().contains(option), option + " in " + profile.stdout());
        }
    }

    @Test
    void agent_printsTheAgentJar() {
        Speedkit.Result r = Speedkit.run("agent");
        assertEquals(0, r.exitCode(), r.describe());
        assertEquals(Artifacts.agent() + "\n", r.stdout());
    }

    @Test
    void launcher_versionAndAgent() {
        ForkedJvm.Result version = launcher("--version");
        assertEquals(0, version.exitCode(), version.describe());
        assertTrue(version.stdout().startsWith("speedkit "), version.stdout());
        ForkedJvm.Result agent = launcher("agent");
        assertEquals(0, agent.exitCode(), agent.describe());
        Path jar = Path.of(agent.stdout().strip());
        assertTrue(jar.isAbsolute() && Files.isRegularFile(jar), "an existing jar: " + agent.stdout());
        assertEquals("speedkit-agent.jar", jar.getFileName().toString());
    }

    private static ForkedJvm.Result launcher(String... args) {
        List<String> cmd = new java.util.ArrayList<>();
        cmd.add(Artifacts.launcher().toString());
        cmd.addAll(List.of(args));
        return ForkedJvm.command(cmd).env("JAVA_HOME", System.getProperty("java.home")).run();
    }
}
